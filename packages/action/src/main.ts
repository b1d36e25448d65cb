/**
 * The Action: reads the pull request through the REST API, analyses base and head, and reports what
 * the pull request introduces (sticky comment, optional inline comments, annotations, job summary,
 * outputs, SARIF). When the workspace holds a checkout with both commits, the files come from it and
 * the Helm charts and Kustomize overlays the pull request touches are rendered with helm and
 * kustomize (no plugins, nothing else from the PR run). `run` turns every failure into `setFailed`;
 * its edges come in `ActionDeps` (deps.ts).
 */
import { dirname, join } from 'node:path';
import {
  type Config,
  DEFAULT_CONFIG,
  escapeTerminal,
  formatMoney,
  loadBalancerKey,
  parseConfig,
  planRendering,
  plural,
  renderJson,
  renderSarif,
  unitsTouchedBy,
} from '@ingress-advisor/core';
import packageJson from '../package.json' with { type: 'json' };
import { reviewCheckout } from './checkout.js';
import {
  type CommentOutcome,
  type ExistingComment,
  findComment,
  type Links,
  renderReview,
  syncComment,
} from './comment.js';
import { type ActionDeps, actionDeps } from './deps.js';
import { ActionError, isActionError } from './errors.js';
import type { GitHubClient } from './github/client.js';
import {
  type ChangedFile,
  listChangedFiles,
  type Repository,
  readFileAt,
  readTree,
  touchedPaths,
} from './github/pull-request.js';
import { syncInlineComments } from './inline.js';
import { failOnMessage, type RenderedSides, type Review, reviewPullRequest } from './review.js';
import {
  type Environment,
  type Inputs,
  type PullRequestRef,
  readEnvironment,
  readInputs,
} from './settings.js';
import { collectSources, type PullRequestSources, selectorOf } from './sources.js';

/** Annotations per run, at most: GitHub shows only the first few per step anyway. */
const MAX_ANNOTATIONS = 50;
export const VERSION: string = packageJson.version;

/** Runs the Action; resolves when done, with the failure (if any) given to `runner.setFailed`. */
export async function run(deps: ActionDeps = actionDeps()): Promise<void> {
  const { env, runner } = deps;
  try {
    const environment = readEnvironment(env);
    const inputs = readInputs((name) => runner.getInput(name), env);
    if (environment.pullRequest === null) {
      runner.notice(
        `ingress-advisor reviews pull requests; this run was triggered by "${environment.eventName || 'an unknown event'}", so nothing was analysed. Run it on pull_request or pull_request_target.`,
      );
      runner.setOutput('load-balancers-added', 0);
      runner.setOutput('findings', 0);
      return;
    }
    await review(environment, environment.pullRequest, inputs, deps);
  } catch (error) {
    runner.setFailed(
      isActionError(error) ? error.message : `ingress-advisor failed unexpectedly: ${describe(error)}`,
    );
  }
}

async function review(
  environment: Environment,
  pr: PullRequestRef,
  inputs: Inputs,
  deps: ActionDeps,
): Promise<void> {
  const { env, runner } = deps;
  const repository: Repository = { owner: environment.owner, repo: environment.repo };
  const retryBase = Number(env.INGRESS_ADVISOR_RETRY_BASE_MS);
  const client = deps.createClient({
    token: inputs.token,
    baseUrl: environment.apiUrl,
    warn: (message) => runner.info(message),
    ...(Number.isFinite(retryBase) && retryBase > 0 ? { retryBaseMs: retryBase } : {}),
  });

  const started = deps.now();
  // Looking for our earlier comment needs nothing else, so it runs while the files are read.
  const existingComment =
    inputs.comment === 'update' ? settle(findComment(client, repository, pr.number)) : null;
  const [config, changed] = await Promise.all([
    loadConfig(client, repository, pr.baseSha, inputs),
    listChangedFiles(client, repository, pr.number),
  ]);
  const isSelected = selectorOf(inputs.paths, config);
  const checkout = await deps.openCheckout({
    workspace: environment.workspace,
    baseSha: pr.baseSha,
    headSha: pr.headSha,
    tempDir: environment.tempDir,
    path: env.PATH,
  });
  let sources: PullRequestSources;
  let rendered: RenderedSides | undefined;
  const notes: string[] = [];
  try {
    if (checkout.kind === 'ready') {
      const read = await reviewCheckout(checkout, {
        changed: changed.files,
        isSelected,
        config,
        runner: deps.toolRunner(env.PATH),
      });
      sources = read.sources;
      rendered = read.rendered;
      runner.info(
        read.touchedUnits.length === 0
          ? 'Read the merge base and the head from the checkout; the pull request touches no Helm chart or Kustomize overlay.'
          : `Rendered the units the pull request touches at the merge base and the head: ${read.touchedUnits.join(', ')}.`,
      );
    } else {
      const tree = await readTree(client, repository, pr.headSha);
      sources = await collectSources({
        changed: changed.files,
        tree: tree.truncated ? null : tree.files,
        isSelected,
        baseSha: pr.baseSha,
        headSha: pr.headSha,
        read: (path, ref) => readFileAt(client, repository, path, ref),
      });
      const unrendered = unitsNeedingCheckout(sources, changed.files, config);
      if (unrendered.length > 0) {
        notes.push(
          `${checkout.kind === 'unusable' ? checkout.reason : 'The workspace holds no checkout of the repository.'} So the Helm charts and Kustomize overlays this pull request changes (${unrendered.join(', ')}) were read with the built-in approximations, not rendered with helm and kustomize: add actions/checkout with \`fetch-depth: 0\` before this step (see the README).`,
        );
      }
    }
  } finally {
    if (checkout.kind === 'ready') await checkout.dispose();
  }
  notes.push(...sources.notes);
  if (!changed.complete) {
    notes.push(
      'GitHub lists only the first 3,000 files of a pull request; files beyond them were not analysed.',
    );
  }
  for (const note of notes) runner.warning(note);
  runner.info(
    `Read ${plural(sources.changedPaths.size, 'changed manifest')} and ${plural(sources.contextFiles, 'unchanged manifest')} of ${plural(changed.files.length, 'changed file')} in ${deps.now() - started} ms.`,
  );

  const analysing = deps.now();
  const result = reviewPullRequest(sources, config, rendered);
  runner.info(`Analysed base and head in ${deps.now() - analysing} ms.`);
  const links: Links = { serverUrl: environment.serverUrl, repository, headSha: pr.headSha };
  annotate(result, runner);

  let outcome: CommentOutcome = { kind: 'none' };
  const isFork = pr.headRepository !== null && pr.headRepository !== `${repository.owner}/${repository.repo}`;
  if (inputs.comment === 'update') {
    const existing = await (existingComment as Promise<Settled<ExistingComment | null>>);
    if (!existing.ok) throw existing.error;
    outcome = await syncComment(client, repository, pr.number, result, links, existing.value);
    if (outcome.kind === 'forbidden') warnReadOnly(isFork, runner);
    else runner.info(`Pull request comment: ${outcome.kind}.`);
  }
  if (inputs.inline && outcome.kind !== 'forbidden') {
    const inline = await syncInlineComments(
      client,
      repository,
      pr,
      result,
      sources.head,
      changed.files,
      inputs.maxInlineComments,
    );
    if (inline.kind === 'forbidden') warnReadOnly(isFork, runner);
    else {
      runner.info(
        `Inline comments: ${inline.created} added, ${inline.kept} kept, ${inline.deleted} removed, ${inline.skipped} not on the diff.`,
      );
    }
  }

  await writeSummary(result, links, notes, runner);
  await writeOutputs(result, environment, inputs, deps);
  const failure = failOnMessage(result, inputs.failOn);
  if (failure !== null) runner.setFailed(failure);
}

/**
 * The Kustomize and Helm units of the head that the changed files touch, by id: what only a
 * checkout lets the real tools render.
 */
function unitsNeedingCheckout(
  sources: PullRequestSources,
  changed: readonly ChangedFile[],
  config: Config,
): string[] {
  return unitsTouchedBy(planRendering(sources.head, config).units, touchedPaths(changed)).map(
    (unit) => unit.id,
  );
}

/** The configuration at the base commit: the target branch's rules govern the pull request. */
async function loadConfig(
  client: GitHubClient,
  repository: Repository,
  baseSha: string,
  inputs: Inputs,
): Promise<Config> {
  const text = await readFileAt(client, repository, inputs.configPath, baseSha);
  if (text === null) {
    if (!inputs.configExplicit) return DEFAULT_CONFIG;
    throw new ActionError(
      'bad-config',
      `The configuration file ${inputs.configPath} (config input) does not exist at the base commit ${baseSha.slice(0, 12)}. Commit it to the target branch, or leave the config input unset.`,
    );
  }
  const parsed = parseConfig(text);
  if (parsed.ok) return parsed.config;
  const problems = parsed.problems.map(
    (problem) => `  ${problem.path === '' ? '(file)' : problem.path}: ${problem.message}`,
  );
  throw new ActionError(
    'bad-config',
    `The configuration file ${inputs.configPath} is not valid:\n${problems.join('\n')}\nCorrect it on the target branch and run again.`,
  );
}

/** Line annotations on the added load balancers and the new findings. */
function annotate(review: Review, runner: ActionDeps['runner']): void {
  const currency = review.diff.report.summary.currency;
  const moved = new Set((review.migration?.converted ?? []).map(loadBalancerKey));
  let left = MAX_ANNOTATIONS;
  for (const lb of review.diff.addedLoadBalancers) {
    if (left-- <= 0) return;
    const name = escapeTerminal(lb.namespace === null ? lb.name : `${lb.namespace}/${lb.name}`);
    const hint = moved.has(loadBalancerKey(lb))
      ? 'Route it through the shared Ingress or Gateway and make it ClusterIP (the pull request comment has the YAML).'
      : lb.traffic === 'l4'
        ? 'It carries L4 traffic, where a LoadBalancer fits.'
        : lb.traffic === 'unknown'
          ? 'Name its ports or set appProtocol so it can be placed.'
          : 'Once a second HTTP Service needs exposing, one shared Ingress or Gateway costs less than a load balancer each.';
    runner.warning(
      `New LoadBalancer Service ${name} (${lb.traffic}, ${lb.exposure}), about ${formatMoney(lb.monthlyCost, currency)}/month. ${hint}`,
      { title: 'ingress-advisor: new LoadBalancer', file: lb.file, startLine: lb.line },
    );
  }
  for (const finding of review.diff.newFindings) {
    if (left-- <= 0) return;
    const annotation =
      finding.severity === 'error'
        ? runner.error
        : finding.severity === 'warning'
          ? runner.warning
          : runner.notice;
    annotation(escapeTerminal(`${finding.message} Fix: ${finding.fix}`), {
      title: `ingress-advisor: ${finding.ruleId}`,
      file: finding.file,
      startLine: finding.line,
    });
  }
}

function warnReadOnly(isFork: boolean, runner: ActionDeps['runner']): void {
  runner.warning(
    `Cannot comment on this pull request: the token is read-only (HTTP 403)${isFork ? ', as it always is for pull requests from forks' : ''}. The report is in the job summary and the annotations. To comment on fork pull requests, see the README (pull_request_target or workflow_run).`,
  );
}

async function writeSummary(
  review: Review,
  links: Links,
  notes: readonly string[],
  runner: ActionDeps['runner'],
): Promise<void> {
  const extra = notes.length > 0 ? `\n${notes.map((note) => `> ${note}`).join('\n')}\n` : '';
  // The job summary has a 1 MiB limit, but the same bounded report keeps it readable.
  await runner.appendSummary(`${renderReview(review, links)}${extra}`);
}

async function writeOutputs(
  review: Review,
  environment: Environment,
  inputs: Inputs,
  { files, runner }: ActionDeps,
): Promise<void> {
  const reportPath = join(environment.tempDir, 'ingress-advisor-report.json');
  await files.writeFile(reportPath, renderJson(review.diff.report));
  runner.setOutput('report', reportPath);
  runner.setOutput('load-balancers-added', review.diff.addedLoadBalancers.length);
  runner.setOutput('findings', review.diff.newFindings.length);
  if (inputs.sarifFile !== null) {
    try {
      await files.mkdir(dirname(inputs.sarifFile));
      await files.writeFile(inputs.sarifFile, renderSarif(review.diff.report, { toolVersion: VERSION }));
    } catch (error) {
      throw new ActionError(
        'bad-input',
        `Cannot write the SARIF file ${inputs.sarifFile}: ${describe(error)}.`,
      );
    }
    runner.setOutput('sarif-file', inputs.sarifFile);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so one started early cannot go unhandled while others fail first. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}
