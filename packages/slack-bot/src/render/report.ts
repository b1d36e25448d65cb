/**
 * A manifest Report as a Block Kit message: the verdict for the set, its load balancers, the
 * findings with their fixes, and "Show YAML" buttons for the migrations that have something to do.
 * Every name and message from a manifest is escaped for mrkdwn.
 */
import {
  formatMoney,
  type Migration,
  type MigrationTarget,
  OPTION_TITLES,
  type Report,
} from '@ingress-advisor/core';
import { decode, type ManifestRefValue, manifestRefJson } from '../payloads.js';
import { escapeMrkdwn } from '../text/mrkdwn.js';
import {
  actions,
  type Block,
  type Button,
  button,
  context,
  fitMessage,
  header,
  LIMITS,
  type Message,
  sections,
  truncate,
} from './blocks.js';

/** Action id prefix of the "Show YAML" buttons: `show_yaml:gateway`, `show_yaml:ingress`. */
export const SHOW_YAML_PREFIX = 'show_yaml:';

/** Where the reviewed manifest lives, so "Show YAML" can read it again from Slack. */
export interface ManifestRef {
  channel: string;
  ts: string;
  /** The thread the message is in, when it is a reply. */
  thread?: string;
  /** A file snippet's id, when the manifest came from a file. */
  file?: string;
}

const SEVERITY_ICON = { error: '🔴', warning: '🟠', notice: '🔵' } as const;
const MAX_FINDINGS_SHOWN = 15;

function refOf(resource: { kind: string; name: string; namespace: string | null }): string {
  return escapeMrkdwn(
    `${resource.kind} ${resource.namespace === null ? '' : `${resource.namespace}/`}${resource.name}`,
  );
}

/** Renders a review; `migrations` are those worth offering (non-empty). */
export function renderReport(
  report: Report,
  migrations: ReadonlyArray<Pick<Migration, 'to' | 'converted'>>,
  ref: ManifestRef | null,
): Message {
  const blocks: Block[] = [];
  const { summary, advice } = report;
  const counts = summary.findings;
  blocks.push(header('Manifest review'));
  const analysed = summary.files.analyzed;
  const failed = report.files.filter((file) => file.status === 'error');
  const overview = [
    `${summary.resources} object${summary.resources === 1 ? '' : 's'}`,
    `${summary.loadBalancers.total} LoadBalancer Service${summary.loadBalancers.total === 1 ? '' : 's'} (≈ ${formatMoney(summary.monthlyLoadBalancerCost, summary.currency)}/month)`,
    `${report.ingresses.length} Ingress${report.ingresses.length === 1 ? '' : 'es'}`,
    `${report.gatewayApi.length} Gateway API object${report.gatewayApi.length === 1 ? '' : 's'}`,
  ].join(' · ');
  blocks.push(
    context(analysed === 0 && failed.length === 0 ? 'I found no Kubernetes objects in that text.' : overview),
  );
  for (const file of failed) {
    blocks.push(
      ...sections(
        `*Could not read the manifest*${file.line === undefined ? '' : ` (line ${file.line})`}: ${escapeMrkdwn(file.reason ?? 'unknown error')}`,
      ),
    );
  }

  const verdict =
    advice.recommended === null
      ? 'Nothing here needs an external entry point.'
      : `*${OPTION_TITLES[advice.recommended]}* for the HTTP traffic.`;
  const saving =
    advice.monthlySaving > 0
      ? ` Load balancers ${advice.loadBalancers.before} → ${advice.loadBalancers.after}, about ${formatMoney(advice.monthlySaving, advice.currency)}/month saved.`
      : '';
  blocks.push(...sections(`${verdict} ${escapeMrkdwn(advice.summary)}${saving}`));
  if (advice.plan.length > 0) {
    blocks.push(
      ...sections(['*Plan*', ...advice.plan.map((step) => `• ${escapeMrkdwn(step.text)}`)].join('\n')),
    );
  }

  const totals = `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.notice} notice${counts.notice === 1 ? '' : 's'}`;
  if (report.findings.length === 0) blocks.push(...sections('*Findings*: none. ✅'));
  else {
    const lines = report.findings.slice(0, MAX_FINDINGS_SHOWN).map((finding) => {
      const where =
        finding.resource === undefined
          ? `line ${finding.line}`
          : `${refOf(finding.resource)}, line ${finding.line}`;
      return `${SEVERITY_ICON[finding.severity]} *${finding.ruleId}* (${where}): ${escapeMrkdwn(finding.message)}\n      _Fix_: ${escapeMrkdwn(truncate(finding.fix, 400))}`;
    });
    if (report.findings.length > MAX_FINDINGS_SHOWN)
      lines.push(
        `…and ${report.findings.length - MAX_FINDINGS_SHOWN} more: run \`ingress-advisor analyze\` for all of them.`,
      );
    blocks.push(...sections([`*Findings* (${totals})`, ...lines].join('\n')));
  }

  const tail: Button[] = [];
  if (ref !== null) {
    for (const migration of migrations) {
      if (migration.converted.length === 0) continue;
      tail.push(
        button(
          migration.to === 'gateway' ? 'Show YAML: Gateway API' : 'Show YAML: Ingress',
          `${SHOW_YAML_PREFIX}${migration.to}`,
          JSON.stringify({
            c: ref.channel,
            t: ref.ts,
            ...(ref.thread === undefined ? {} : { th: ref.thread }),
            ...(ref.file === undefined ? {} : { f: ref.file }),
          } satisfies ManifestRefValue),
        ),
      );
    }
  }
  const keep = tail.length > 0 ? 1 : 0;
  if (tail.length > 0) blocks.push(actions(tail, 'review_actions'));

  const text = truncate(
    escapeMrkdwn(
      `Manifest review: ${summary.loadBalancers.total} LoadBalancer Services, ${totals}. ${advice.recommended === null ? '' : `Recommended: ${OPTION_TITLES[advice.recommended]}.`}`,
    ),
    LIMITS.fallbackText,
  );
  return {
    text,
    blocks: fitMessage(
      blocks,
      keep,
      'More findings than fit in one message: run `ingress-advisor analyze` for the full report.',
    ),
  };
}

/** Parses a "Show YAML" button value; null when it is not one of ours. */
export function parseManifestRef(value: unknown): ManifestRef | null {
  const parsed = decode(manifestRefJson, value);
  if (parsed === null) return null;
  const ref: ManifestRef = { channel: parsed.c, ts: parsed.t };
  if (parsed.th !== undefined) ref.thread = parsed.th;
  if (parsed.f !== undefined) ref.file = parsed.f;
  return ref;
}

/** The migration's YAML as messages of code blocks (split when long), with what it converted. */
export function renderMigration(migration: Migration, target: MigrationTarget): Message[] {
  const title = target === 'gateway' ? 'Gateway API' : 'Ingress';
  if (migration.yaml === '') {
    return [
      {
        text: `Nothing to migrate to ${title}.`,
        blocks: sections(
          `Nothing to migrate to ${title}: no LoadBalancer Service here carries HTTP traffic that could move.`,
        ),
      },
    ];
  }
  const intro = [
    `*Migration to ${title}*: ${migration.converted.map(refOf).join(', ')}`,
    ...migration.kept.map((k) => `• Kept ${refOf(k.resource)}: ${escapeMrkdwn(k.reason)}`),
    ...migration.warnings.slice(0, 10).map((w) => `⚠️ ${escapeMrkdwn(w.message)}`),
    ...migration.requirements.map((r) => `• Needs: ${escapeMrkdwn(r)}`),
  ].join('\n');
  const code = sections(`\`\`\`\n${escapeMrkdwn(migration.yaml.replace(/\n+$/, ''))}\n\`\`\``);
  const all: Block[] = [...sections(intro), ...code];
  // Several messages when the YAML is long: each within the block and character budgets.
  const messages: Message[] = [];
  let current: Block[] = [];
  let chars = 0;
  for (const block of all) {
    const size = JSON.stringify(block).length;
    if (
      current.length > 0 &&
      (chars + size > LIMITS.messageChars || current.length >= LIMITS.messageBlocks)
    ) {
      messages.push({ text: `Migration to ${title} (part ${messages.length + 1})`, blocks: current });
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  if (current.length > 0)
    messages.push({
      text: `Migration to ${title}${messages.length > 0 ? ` (part ${messages.length + 1})` : ''}`,
      blocks: current,
    });
  return messages;
}
