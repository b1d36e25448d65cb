/**
 * The Markdown report: what the pull request comment and the job summary show. GitHub-flavoured,
 * every manifest string escaped, and kept under a length limit (GitHub rejects comment bodies over
 * 65,536 characters; check-run summaries are capped at 65,535) by leaving out detail progressively.
 * The Action adds the `<!-- ingress-advisor -->` marker; this renderer does not.
 */
import { CRITERIA } from '../advice/criteria.js';
import type { RankedOption, Weights } from '../advice/types.js';
import { formatMoney } from '../cost/cost.js';
import { IGNORE_ANNOTATION } from '../known/annotations.js';
import type { FileResult } from '../manifests/load.js';
import type { Migration } from '../migrate/types.js';
import type { LoadBalancerEntry, Report } from '../report/model.js';
import type { Finding, Severity } from '../rules/define-rule.js';
import { ruleById } from '../rules/index.js';
import { escapeCodeSpan, escapeMarkdown } from './escape.js';
import { formatMarkdownTemplate, markdownFromText } from './internal/markdown-text.js';
import {
  compareText,
  describePorts,
  findingsBySeverity,
  formatCount,
  hasSourceFile,
  isActionableSkip,
  isLine,
  plural,
  skipSummary,
  TRAFFIC_LABELS,
  trafficSplit,
} from './internal/report-facts.js';

export interface MarkdownOptions {
  /** Link for a file and line (the PR comment links to the head SHA); null for no link. */
  linkToSource?: (file: string, line: number) => string | null;
  /** Stay under this many characters, truncating with a note. @default 65000 */
  maxLength?: number;
  /**
   * Word the summary for a pull request whose report holds only what it adds (`diffReports`):
   * "Adds 2 LoadBalancer Services", "1 new warning". @default false
   */
  pullRequest?: boolean;
  /** Generated replacement YAML (`migrate`), shown collapsed after the advice when it holds any. */
  migration?: Migration;
}

/** Comfortably under GitHub's 65,536-character limit for comment bodies. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 65_000;

/** Findings shown before the rest are folded into `<details>`. */
const FINDINGS_OPEN = 20;
/** Top reasons per option in the ranking table. */
const REASONS_IN_TABLE = 2;

const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  notice: 'Notices',
};

/** How much of the report to show; the full report first, then less until it fits. */
interface Limits {
  findings: number;
  loadBalancers: number;
  /** Files with errors or Helm templates listed one by one. */
  files: number;
  rankingDetails: boolean;
  silenceHelp: boolean;
  migration: boolean;
}

/**
 * Items of a list (table rows, finding lines), each rendered once and only when needed, with their
 * running lengths. Every list appears in the report from its first item on (the first `count`
 * shown, in order), so once the first items alone are over the length limit, any report showing
 * more of them is too: rendering stops there, and a long report costs what fits, not its size.
 */
class RenderedItems {
  private readonly items: string[] = [];
  /** `ends[i]`: the summed lengths of items before `i`. */
  private readonly ends: number[] = [0];

  constructor(
    private readonly render: (index: number) => string,
    private readonly limit: number,
  ) {}

  /** Length of items `from` to `to` (exclusive) joined by line breaks; Infinity past the limit. */
  length(from: number, to: number): number {
    if (to <= from) return 0;
    if (!this.renderUpTo(to, true)) return Number.POSITIVE_INFINITY;
    return (this.ends[to] as number) - (this.ends[from] as number) + (to - from - 1);
  }

  /** Items `from` to `to` (exclusive) joined by line breaks. */
  text(from: number, to: number): string {
    this.renderUpTo(to, false);
    return this.items.slice(from, to).join('\n');
  }

  private renderUpTo(count: number, stopPastLimit: boolean): boolean {
    while (this.items.length < count) {
      const rendered = this.ends[this.items.length] as number;
      if (stopPastLimit && rendered > this.limit) return false;
      const item = this.render(this.items.length);
      this.items.push(item);
      this.ends.push(rendered + item.length);
    }
    return true;
  }
}

/** A run of rendered items, joined by line breaks. */
interface Span {
  items: RenderedItems;
  from: number;
  to: number;
}

/** Part of a block: text, or rendered items. */
type Piece = string | Span;

/** A block of the report: its pieces, concatenated. Blocks are separated by blank lines. */
type Block = Piece[];

interface Composed {
  blocks: Block[];
  omittedFindings: number;
  omittedLoadBalancers: number;
  omittedFiles: number;
}

/** Renders the Report as GitHub-flavoured Markdown, at most `maxLength` characters long. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  // Each part is rendered at most once; trying limits only adds up lengths (see RenderedItems).
  const sections = prepareSections(report, options, maxLength);
  const full: Limits = {
    findings: report.findings.length,
    loadBalancers: report.loadBalancers.length,
    files: sections.files.listed,
    rankingDetails: true,
    silenceHelp: true,
    migration: options.migration !== undefined && options.migration.yaml !== '',
  };
  const render = (limits: Limits): string => {
    const composed = compose(sections, limits);
    const note = omissionNote(composed, limits, full);
    return `${textOf(composed.blocks)}${note === null ? '' : `\n${note}\n`}`;
  };
  const fits = (limits: Limits): boolean => {
    const composed = compose(sections, limits);
    const note = omissionNote(composed, limits, full);
    return lengthOf(composed.blocks, maxLength) + (note === null ? 0 : note.length + 2) <= maxLength;
  };

  if (fits(full)) return render(full);
  // Leave out detail in order of least use: the score breakdown and the silencing help, then the
  // generated YAML (the CLI's migrate writes it too), then findings (the most severe stay), then
  // load balancers, then listed files.
  let limits: Limits = { ...full, rankingDetails: false, silenceHelp: false };
  if (fits(limits)) return render(limits);
  limits = { ...limits, migration: false };
  for (const key of ['findings', 'loadBalancers', 'files'] as const) {
    if (fits(limits)) return render(limits);
    limits = { ...limits, [key]: largestFitting(limits[key], (count) => fits({ ...limits, [key]: count })) };
  }
  const text = render(limits);
  return text.length <= maxLength ? text : hardCut(text, maxLength);
}

/** The largest count in 0..max for which `fits` holds (0 when none does); `fits` grows monotonic. */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Last resort when even the summary is too long (say, a huge name): cut at a line break. */
function hardCut(text: string, maxLength: number): string {
  const note = `\n\n${truncationNote('the rest of the report')}\n`;
  // Room for closing what the cut leaves open: a code fence and a few <details>.
  const closers = '\n```\n\n</details>\n\n</details>\n\n</details>';
  const budget = Math.max(0, maxLength - note.length - closers.length);
  const cut = text.slice(0, budget);
  const lineEnd = cut.lastIndexOf('\n');
  const kept = lineEnd > 0 ? cut.slice(0, lineEnd) : '';
  return `${kept}${closingOf(kept)}${note}`.slice(0, maxLength);
}

/** What closes the code fence and `<details>` blocks left open in `markdown`. */
function closingOf(markdown: string): string {
  let closing = '';
  if ((markdown.match(/^```/gm) ?? []).length % 2 === 1) closing += '\n```';
  const open = (markdown.match(/<details>/g) ?? []).length - (markdown.match(/<\/details>/g) ?? []).length;
  closing += '\n\n</details>'.repeat(Math.max(0, Math.min(open, 3)));
  return closing;
}

/** The line saying what was left out, or null when nothing was. */
function omissionNote(composed: Composed, limits: Limits, full: Limits): string | null {
  const omitted: string[] = [];
  if (composed.omittedFindings > 0) omitted.push(`${plural(composed.omittedFindings, 'more finding')}`);
  if (composed.omittedLoadBalancers > 0)
    omitted.push(`${plural(composed.omittedLoadBalancers, 'more load balancer')}`);
  if (composed.omittedFiles > 0) omitted.push(`${plural(composed.omittedFiles, 'more file')}`);
  if (full.migration && !limits.migration) omitted.push('the generated YAML was left out');
  if (omitted.length === 0 && !(limits.rankingDetails && limits.silenceHelp)) {
    omitted.push('the score breakdown and the help were left out');
  }
  return omitted.length === 0 ? null : truncationNote(omitted.join(', '));
}

function truncationNote(what: string): string {
  return `_Truncated: ${what}; run \`ingress-advisor analyze\` locally for the full report._`;
}

/** The report's text: blocks separated by blank lines, ending with a line break. */
function textOf(blocks: readonly Block[]): string {
  const texts = blocks.map((block) =>
    block
      .map((piece) => (typeof piece === 'string' ? piece : piece.items.text(piece.from, piece.to)))
      .join(''),
  );
  return `${texts.join('\n\n')}\n`;
}

/** The length `textOf` would have; Infinity as soon as it is known to exceed `limit`. */
function lengthOf(blocks: readonly Block[], limit: number): number {
  let length = 2 * blocks.length - 1;
  for (const block of blocks) {
    for (const piece of block) {
      length += typeof piece === 'string' ? piece.length : piece.items.length(piece.from, piece.to);
      if (length > limit) return Number.POSITIVE_INFINITY;
    }
  }
  return length;
}

/** The parts of the report, each rendered once, from which any limits are composed. */
interface Sections {
  head: string[];
  loadBalancers: LoadBalancerSection | null;
  advice: AdviceSection;
  migration: string | null;
  findings: FindingSection | null;
  files: FileSection;
  /** How many findings annotations silenced; null when none. */
  suppressed: string | null;
  silenceHelp: string | null;
  /** Units not rendered for real, with what was approximated or failed; null when all were. */
  units: string | null;
}

function prepareSections(report: Report, options: MarkdownOptions, maxLength: number): Sections {
  const link = linkerOf(options.linkToSource);
  const findings = prepareFindings(report.findings, link, maxLength);
  return {
    head: ['### ingress-advisor', summaryLine(report, options.pullRequest === true)],
    loadBalancers: prepareLoadBalancers(report, link, maxLength),
    advice: adviceSection(report),
    migration: options.migration && options.migration.yaml !== '' ? migrationBlock(options.migration) : null,
    findings,
    files: prepareFiles(report.files, link, maxLength),
    suppressed:
      report.summary.suppressed > 0
        ? `_${plural(report.summary.suppressed, 'finding')} silenced by \`${IGNORE_ANNOTATION}\` annotations._`
        : null,
    silenceHelp: findings === null ? null : silenceHelp(findings.groups),
    units: unitsNote(report),
  };
}

/** The units a real tool did not render: a reader must know which answers are approximations. */
function unitsNote(report: Report): string | null {
  const notRendered = report.units.filter((unit) => unit.status !== 'rendered');
  if (notRendered.length === 0) return null;
  const lines = notRendered.map(
    (unit) => `- \`${escapeCodeSpan(unit.id)}\` ${unit.status}: ${escapeMarkdown(unit.message ?? '')}`,
  );
  return `**Units not rendered for real**\n\n${lines.join('\n')}`;
}

function compose(sections: Sections, limits: Limits): Composed {
  const blocks: Block[] = sections.head.map((text) => [text]);
  const lbs = loadBalancerBlocks(sections.loadBalancers, limits.loadBalancers);
  blocks.push(...lbs.blocks);
  const { advice } = sections;
  const adviceTexts = [...advice.blocks];
  if (limits.rankingDetails && advice.rankingDetails !== null) {
    adviceTexts.splice(advice.rankingDetails.index, 0, advice.rankingDetails.block);
  }
  blocks.push(...adviceTexts.map((text) => [text]));
  if (limits.migration && sections.migration !== null) blocks.push([sections.migration]);
  const findings = findingBlocks(sections.findings, limits.findings);
  blocks.push(...findings.blocks);
  if (sections.units !== null) blocks.push([sections.units]);
  const files = fileBlocks(sections.files, limits.files);
  blocks.push(...files.blocks);
  if (sections.suppressed !== null) blocks.push([sections.suppressed]);
  if (limits.silenceHelp && sections.silenceHelp !== null) blocks.push([sections.silenceHelp]);
  return {
    blocks,
    omittedFindings: findings.omitted,
    omittedLoadBalancers: lbs.omitted,
    omittedFiles: files.omitted,
  };
}

function summaryLine(report: Report, pullRequest: boolean): string {
  const { loadBalancers, findings, files, currency, monthlyLoadBalancerCost } = report.summary;
  const parts: string[] = [];
  const adds = pullRequest ? 'Adds ' : '';
  parts.push(
    loadBalancers.total > 0
      ? `**${adds}${plural(loadBalancers.total, 'LoadBalancer Service')}** (${trafficSplit(loadBalancers)}) ≈ ${formatMoney(monthlyLoadBalancerCost, currency)}/month`
      : `**${pullRequest ? 'Adds no' : 'No'} LoadBalancer Services**`,
  );
  const fresh = pullRequest ? 'new ' : '';
  const counts = (['error', 'warning', 'notice'] as const)
    .filter((severity) => findings[severity] > 0)
    .map((severity) => plural(findings[severity], `${fresh}${severity}`));
  parts.push(counts.length > 0 ? counts.join(', ') : `no ${fresh}findings`);
  const fileParts = [`${formatCount(files.analyzed)} analysed`];
  if (files.skipped > 0) fileParts.push(`${formatCount(files.skipped)} skipped`);
  if (files.error > 0) fileParts.push(`${formatCount(files.error)} with errors`);
  parts.push(`${plural(files.analyzed + files.error + files.skipped, 'file')} (${fileParts.join(', ')})`);
  // One `$` at most in our own line: GitHub's `$math$` needs two, so the amount needs no escaping.
  return parts.join(' · ');
}

type Linker = (file: string, line: number) => string;

/** `[path:line](url)` when a safe link is given, else the escaped `path:line`. */
function linkerOf(linkToSource: MarkdownOptions['linkToSource']): Linker {
  return (file, line) => {
    const label = escapeMarkdown(isLine(line) ? `${file}:${line}` : file);
    if (!linkToSource || !hasSourceFile({ file })) return label;
    const url = linkToSource(file, isLine(line) ? line : 1);
    const safe = url === null ? null : safeUrl(url);
    return safe === null ? label : `[${label}](${safe})`;
  };
}

/**
 * Only http(s) links, with the characters that could end a Markdown link destination or a table
 * cell percent-encoded (a path may hold spaces or parentheses).
 */
function safeUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  return url.replace(/[\s()<>"'`\\|[\]]/g, (character) =>
    [...new TextEncoder().encode(character)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}

interface LoadBalancerSection {
  /** Table rows, in file and line order. */
  rows: RenderedItems;
  count: number;
  /** Whether the rows come from several units, shown in a column of their own. */
  byUnit: boolean;
}

function prepareLoadBalancers(report: Report, link: Linker, maxLength: number): LoadBalancerSection | null {
  if (report.loadBalancers.length === 0) return null;
  const sorted = [...report.loadBalancers].sort(compareLoadBalancers);
  const currency = report.summary.currency;
  // A column of units when load balancers come from several: each unit is deployed on its own.
  const byUnit = new Set(sorted.map((lb) => lb.unit)).size > 1;
  const row = (index: number): string => {
    const lb = sorted[index] as LoadBalancerEntry;
    return tableRow([
      escapeMarkdown(lb.name),
      lb.namespace === null ? '—' : escapeMarkdown(lb.namespace),
      escapeMarkdown(describePorts(lb)),
      lb.role === 'entry-point'
        ? `entry point (${escapeMarkdown(lb.controller?.name ?? 'controller')})`
        : TRAFFIC_LABELS[lb.traffic],
      lb.exposure,
      formatMoney(lb.monthlyCost, currency),
      link(lb.file, lb.line),
      ...(byUnit ? [`\`${escapeCodeSpan(lb.unit)}\``] : []),
    ]);
  };
  return { rows: new RenderedItems(row, maxLength), count: sorted.length, byUnit };
}

const LOAD_BALANCER_TABLE_HEAD = `${tableRow(['Service', 'Namespace', 'Ports', 'Traffic', 'Exposure', 'Cost/month', 'Source'])}
| --- | --- | --- | --- | --- | ---: | --- |`;
const LOAD_BALANCER_TABLE_HEAD_BY_UNIT = `${tableRow(['Service', 'Namespace', 'Ports', 'Traffic', 'Exposure', 'Cost/month', 'Source', 'Unit'])}
| --- | --- | --- | --- | --- | ---: | --- | --- |`;

function loadBalancerBlocks(
  section: LoadBalancerSection | null,
  limit: number,
): { blocks: Block[]; omitted: number } {
  if (section === null) return { blocks: [], omitted: 0 };
  const shown = Math.min(limit, section.count);
  const omitted = section.count - shown;
  const blocks: Block[] = [['#### LoadBalancer Services']];
  const head = section.byUnit ? LOAD_BALANCER_TABLE_HEAD_BY_UNIT : LOAD_BALANCER_TABLE_HEAD;
  if (shown > 0) blocks.push([`${head}\n`, { items: section.rows, from: 0, to: shown }]);
  if (omitted > 0) {
    blocks.push([`_${shown > 0 ? 'And ' : ''}${plural(omitted, 'load balancer')} not shown._`]);
  }
  blocks.push(['_Indicative monthly base prices per load balancer; usage is billed on top._']);
  return { blocks, omitted };
}

function compareLoadBalancers(a: LoadBalancerEntry, b: LoadBalancerEntry): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.name, b.name)
  );
}

interface AdviceSection {
  /** The advice without the score breakdown. */
  blocks: string[];
  /** The score breakdown and where it goes among `blocks`; null when there is no ranking. */
  rankingDetails: { index: number; block: string } | null;
}

function adviceSection(report: Report): AdviceSection {
  const { advice } = report;
  const blocks = ['#### Advice'];
  let rankingDetails: AdviceSection['rankingDetails'] = null;
  const recommended = advice.ranking.find((option) => option.option === advice.recommended);
  const headline: string[] = [];
  if (recommended) headline.push(`**Recommended: ${escapeMarkdown(recommended.title)}**`);
  if (advice.loadBalancers.before > 0) {
    const saving =
      advice.monthlySaving > 0
        ? `, saving ≈ ${formatMoney(advice.monthlySaving, advice.currency)}/month`
        : '';
    headline.push(
      `${advice.loadBalancers.before} → ${plural(advice.loadBalancers.after, 'load balancer')}${saving}`,
    );
  }
  if (headline.length > 0) blocks.push(`${headline.join(' — ')}.`);
  blocks.push(markdownFromText(advice.summary));
  // With nothing to expose there is nothing to choose between: the ranking would be noise.
  if (advice.recommended !== null && advice.ranking.length > 0) {
    blocks.push(rankingTable(advice.ranking));
    rankingDetails = { index: blocks.length, block: rankingDetailsBlock(advice.ranking, advice.weights) };
  }
  if (advice.plan.length > 0) {
    const steps = advice.plan.map((step, index) => {
      const services =
        step.services.length > 1 ? ` Services: ${step.services.map(escapeMarkdown).join(', ')}.` : '';
      return `${index + 1}. ${markdownFromText(step.text)}${services}`;
    });
    blocks.push('**Plan**', steps.join('\n'));
  }
  return { blocks, rankingDetails };
}

function rankingTable(ranking: readonly RankedOption[]): string {
  const rows = ranking.map((option, index) => {
    const title = escapeMarkdown(option.title);
    if (option.excludedBecause !== undefined) {
      return tableRow([
        String(index + 1),
        title,
        '—',
        `ruled out: ${markdownFromText(option.excludedBecause, { inTable: true })}`,
      ]);
    }
    const reasons = option.reasons
      .slice(0, REASONS_IN_TABLE)
      .map((reason) => markdownFromText(reason, { inTable: true }))
      .join('<br>');
    return tableRow([
      String(index + 1),
      index === 0 ? `**${title}**` : title,
      option.score.toFixed(1),
      reasons,
    ]);
  });
  return [tableRow(['#', 'Option', 'Score', 'Top reasons']), '| ---: | --- | ---: | --- |', ...rows].join(
    '\n',
  );
}

function rankingDetailsBlock(ranking: readonly RankedOption[], weights: Weights): string {
  const header = tableRow([
    'Option',
    ...CRITERIA.map(({ id, title }) => `${title} (${Math.round(weights[id] * 100)}%)`),
    'Weighted',
  ]);
  const align = `| --- |${' ---: |'.repeat(CRITERIA.length + 1)}`;
  const rows = ranking.map((option) =>
    tableRow([
      escapeMarkdown(option.title),
      ...CRITERIA.map(({ id }) => String(option.criteria[id])),
      option.excludedBecause === undefined ? option.score.toFixed(1) : '—',
    ]),
  );
  const reasons = ranking
    .filter((option) => option.reasons.length > 0)
    .map(
      (option) =>
        `**${escapeMarkdown(option.title)}**\n\n${option.reasons.map((reason) => `- ${markdownFromText(reason)}`).join('\n')}`,
    );
  return details(
    'Scores by criterion (0–10) and every reason',
    [[header, align, ...rows].join('\n'), ...reasons].join('\n\n'),
  );
}

interface FindingSection {
  /** Most severe first, each group in reading order. */
  groups: Array<{ severity: Severity; findings: Finding[] }>;
  /** One line per finding, in the order of `groups`. */
  items: RenderedItems;
  count: number;
}

function prepareFindings(
  findings: readonly Finding[],
  link: Linker,
  maxLength: number,
): FindingSection | null {
  if (findings.length === 0) return null;
  const groups = findingsBySeverity(findings);
  const ordered = groups.flatMap((group) => group.findings);
  const items = new RenderedItems((index) => findingItem(ordered[index] as Finding, link), maxLength);
  return { groups, items, count: ordered.length };
}

/** The first `limit` findings, most severe first; the first twenty open, the others folded. */
function findingBlocks(section: FindingSection | null, limit: number): { blocks: Block[]; omitted: number } {
  if (section === null) return { blocks: [], omitted: 0 };
  const blocks: Block[] = [['#### Findings']];
  let budget = limit;
  let open = FINDINGS_OPEN;
  let start = 0;
  for (const group of section.groups) {
    const size = group.findings.length;
    if (size === 0) continue;
    // The findings shown are the first `limit` of the groups in order: items start..start+shown.
    const shown = Math.min(size, Math.max(0, budget));
    budget -= shown;
    blocks.push([`**${SEVERITY_TITLES[group.severity]} (${formatCount(size)})**`]);
    const visible = Math.min(shown, Math.max(0, open));
    const folded = shown - visible;
    open -= visible;
    if (visible > 0) blocks.push([{ items: section.items, from: start, to: start + visible }]);
    if (folded > 0) {
      blocks.push(
        detailsOf(`${plural(folded, `more ${group.severity}`)}`, {
          items: section.items,
          from: start + visible,
          to: start + shown,
        }),
      );
    }
    const left = size - shown;
    if (left > 0) blocks.push([`_${shown > 0 ? 'And ' : ''}${plural(left, group.severity)} not shown._`]);
    start += size;
  }
  return { blocks, omitted: section.count - Math.min(limit, section.count) };
}

function findingItem(finding: Finding, link: Linker): string {
  const rule = ruleById(finding.ruleId);
  const messageTemplate = rule?.messages[finding.messageId];
  const message =
    messageTemplate === undefined
      ? escapeMarkdown(finding.message)
      : formatMarkdownTemplate(messageTemplate, finding.data);
  const fix =
    rule === undefined ? escapeMarkdown(finding.fix) : formatMarkdownTemplate(rule.fix, finding.data);
  const where = hasSourceFile(finding) ? ` ${link(finding.file, finding.line)}` : '';
  const fixPart = fix.trim() === '' ? '' : `<br>**Fix:** ${fix}`;
  return `- \`${escapeCodeSpan(finding.ruleId)}\`${where}: ${message}${fixPart}`;
}

/** Files that errored, and Helm templates: listed, since the reader can act on them. */
function isListedFile(file: FileResult): boolean {
  return file.status === 'error' || isActionableSkip(file);
}

interface FileSection {
  /** Files that errored and Helm templates, one line each. */
  items: RenderedItems;
  listed: number;
  /** The sentence counting the other skipped files; null when there are none. */
  otherSkipped: string | null;
}

function prepareFiles(files: readonly FileResult[], link: Linker, maxLength: number): FileSection {
  const listed = files.filter(isListedFile);
  const otherSkipped = files.filter((file) => file.status === 'skipped' && !isListedFile(file));
  const item = (index: number): string => {
    const file = listed[index] as FileResult;
    const where = isLine(file.line)
      ? `${link(file.path, file.line)}${isLine(file.column) ? `, column ${file.column}` : ''}`
      : escapeMarkdown(file.path);
    const status = file.status === 'error' ? 'error' : 'skipped';
    return `- ${where} (${status}): ${markdownFromText(file.reason ?? '')}`;
  };
  return {
    items: new RenderedItems(item, maxLength),
    listed: listed.length,
    otherSkipped:
      otherSkipped.length === 0
        ? null
        : `${plural(otherSkipped.length, listed.length > 0 ? 'other file' : 'file')} skipped: ${skipSummary(otherSkipped)}.`,
  };
}

function fileBlocks(section: FileSection, limit: number): { blocks: Block[]; omitted: number } {
  if (section.listed === 0 && section.otherSkipped === null) return { blocks: [], omitted: 0 };
  const blocks: Block[] = [['#### Files not analysed']];
  const shown = Math.min(limit, section.listed);
  if (shown > 0) blocks.push([{ items: section.items, from: 0, to: shown }]);
  if (section.otherSkipped !== null) blocks.push([section.otherSkipped]);
  return { blocks, omitted: section.listed - shown };
}

function silenceHelp(groups: FindingSection['groups']): string {
  const first = groups.find((group) => group.findings.length > 0)?.findings[0];
  const ruleId = first && ruleById(first.ruleId) ? first.ruleId : '<rule-id>';
  const body = [
    `On one object, name the rule in the \`${IGNORE_ANNOTATION}\` annotation (several ids comma-separated, or \`all\`):`,
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${IGNORE_ANNOTATION}: "${ruleId}"`,
    '```',
    '',
    'For the whole repository, turn the rule off in `.ingress-advisor.yml`:',
    '',
    '```yaml',
    'rules:',
    `  ${ruleId}: off`,
    '```',
  ].join('\n');
  return details('How to silence a finding', body);
}

const MIGRATION_TITLES: Readonly<Record<Migration['to'], string>> = {
  ingress: 'an Ingress',
  gateway: 'Gateway API',
};

/** The generated YAML, collapsed, with what the cluster needs and what to check by hand. */
function migrationBlock(migration: Migration): string {
  const parts: string[] = [];
  if (migration.requirements.length > 0) {
    parts.push(
      `**Requires:** ${migration.requirements.map((requirement) => markdownFromText(requirement)).join('; ')}.`,
    );
  }
  if (migration.kept.length > 0) {
    parts.push(
      `**Kept as LoadBalancers:**\n${migration.kept
        .map(
          ({ resource, reason }) =>
            `- ${escapeMarkdown(qualifiedName(resource))}: ${markdownFromText(reason)}`,
        )
        .join('\n')}`,
    );
  }
  if (migration.warnings.length > 0) {
    parts.push(
      `**Check by hand:**\n${migration.warnings.map((warning) => `- ${markdownFromText(warning.message)}`).join('\n')}`,
    );
  }
  // A fence longer than any backtick run in the YAML, so no line of it can close the block.
  const longestRun = Math.max(0, ...(migration.yaml.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  parts.push(`${fence}yaml\n${migration.yaml.replace(/\n$/, '')}\n${fence}`);
  const summary = `Generated YAML: ${plural(migration.converted.length, 'object')} moved to ${MIGRATION_TITLES[migration.to]}`;
  return details(summary, parts.join('\n\n'));
}

function qualifiedName(resource: { namespace: string | null; name: string }): string {
  return resource.namespace === null ? resource.name : `${resource.namespace}/${resource.name}`;
}

function details(summary: string, body: string): string {
  return detailsOf(summary, body).join('');
}

/** A `<details>` block; its body may be rendered items. */
function detailsOf<Body extends Piece>(summary: string, body: Body): [string, Body, string] {
  // Blank lines around the body let GitHub render Markdown inside the HTML block.
  return [`<details><summary>${summary}</summary>\n\n`, body, '\n\n</details>'];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
