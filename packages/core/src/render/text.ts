/**
 * The terminal report (`ingress-advisor analyze`): a header with counts, the findings by file, the
 * LoadBalancer Services, the advice, then the files that could not be read.
 */
import { CRITERIA } from '../advice/criteria.js';
import type { RankedOption } from '../advice/types.js';
import { formatMoney } from '../cost/cost.js';
import type { FileResult } from '../manifests/load.js';
import type { Report } from '../report/model.js';
import { type Finding, formatTemplate, type Severity } from '../rules/define-rule.js';
import { ruleById } from '../rules/index.js';
import { escapeTerminal } from './escape.js';
import {
  compareText,
  describePorts,
  formatCount,
  isActionableSkip,
  isLine,
  plural,
  SEVERITIES,
  skipSummary,
  sortFindings,
  TRAFFIC_LABELS,
  trafficSplit,
} from './internal/report-facts.js';

export interface TextOptions {
  /** Use ANSI colours; the CLI sets it from the TTY and NO_COLOR. */
  color: boolean;
  /** List every file, including quietly skipped ones, and every reason of the ranking. @default false */
  verbose?: boolean;
}

/** Reasons shown per option of the ranking, unless verbose. */
const REASONS_SHOWN = 3;

type Paint = (text: string) => string;

interface Style {
  bold: Paint;
  dim: Paint;
  severity: Record<Severity, Paint>;
}

function styleOf(color: boolean): Style {
  // SGR codes: 1 bold, 2 dim, 31 red, 33 yellow, 36 cyan; 0 resets (ECMA-48 8.3.117).
  const sgr =
    (code: string): Paint =>
    (text) =>
      color && text !== '' ? `\u001b[${code}m${text}\u001b[0m` : text;
  return {
    bold: sgr('1'),
    dim: sgr('2'),
    severity: { error: sgr('31'), warning: sgr('33'), notice: sgr('36') },
  };
}

/** Renders the Report for a terminal. Pure and deterministic; colour only when `color` is true. */
export function renderText(report: Report, options: TextOptions): string {
  const style = styleOf(options.color);
  const verbose = options.verbose === true;
  const sections = [
    headerOf(report, style),
    findingsSection(report, style),
    loadBalancerSection(report, style),
    adviceSection(report, style, verbose),
    unitsSection(report, style),
    filesSection(report.files, style, verbose),
    footerOf(report, style),
  ].filter((section) => section.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function headerOf(report: Report, style: Style): string[] {
  const { files, loadBalancers } = report.summary;
  const totalFiles = files.analyzed + files.skipped + files.error;
  const fileParts = [`${formatCount(files.analyzed)} analysed`];
  if (files.skipped > 0) fileParts.push(`${formatCount(files.skipped)} skipped`);
  if (files.error > 0) fileParts.push(`${formatCount(files.error)} with errors`);
  const parts = [
    `${plural(totalFiles, 'file')} (${fileParts.join(', ')})`,
    plural(report.summary.resources, 'resource'),
  ];
  if (loadBalancers.total > 0) {
    parts.push(
      `${plural(loadBalancers.total, 'LoadBalancer Service')} (${trafficSplit(loadBalancers)}) ≈ ${money(report.summary.monthlyLoadBalancerCost, report.summary.currency)}/month`,
    );
  } else {
    parts.push('no LoadBalancer Services');
  }
  return [`${style.bold('ingress-advisor')}: ${parts.join(', ')}`];
}

function findingsSection(report: Report, style: Style): string[] {
  if (report.findings.length === 0) return [];
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const finding of sortFindings(report.findings)) {
    if (previousFile !== undefined && finding.file !== previousFile) lines.push('');
    previousFile = finding.file;
    const location = isLine(finding.line) ? `${clean(finding.file)}:${finding.line}` : clean(finding.file);
    const severity = style.severity[finding.severity](finding.severity.padEnd(7));
    lines.push(`${location}  ${severity}  ${style.dim(finding.ruleId)}  ${messageOf(finding)}`);
    const fix = fixOf(finding);
    if (fix !== '') lines.push(`    ${style.dim(`fix: ${fix}`)}`);
  }
  return lines;
}

/** The message from the rule's trusted template with sanitised data, else the sanitised message. */
function messageOf(finding: Finding): string {
  const template = ruleById(finding.ruleId)?.messages[finding.messageId];
  return template === undefined
    ? clean(finding.message)
    : clean(formatTemplate(template, finding.data, escapeTerminal));
}

function fixOf(finding: Finding): string {
  const template = ruleById(finding.ruleId)?.fix;
  return template === undefined
    ? clean(finding.fix)
    : clean(formatTemplate(template, finding.data, escapeTerminal));
}

function loadBalancerSection(report: Report, style: Style): string[] {
  if (report.loadBalancers.length === 0) return [];
  const currency = report.summary.currency;
  const sorted = [...report.loadBalancers].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.namespace ?? '', b.namespace ?? '') ||
      compareText(a.name, b.name),
  );
  // A column of units when load balancers come from several: each unit is deployed on its own.
  const units = new Set(sorted.map((lb) => lb.unit));
  const rows = sorted.map((lb) => [
    clean(lb.name),
    clean(lb.namespace ?? '-'),
    clean(describePorts(lb)),
    lb.role === 'entry-point'
      ? `entry point (${clean(lb.controller?.name ?? 'controller')})`
      : TRAFFIC_LABELS[lb.traffic],
    lb.exposure,
    money(lb.monthlyCost, currency),
    ...(units.size > 1 ? [clean(lb.unit)] : []),
  ]);
  const header = [
    'NAME',
    'NAMESPACE',
    'PORTS',
    'TRAFFIC',
    'EXPOSURE',
    'COST/MONTH',
    ...(units.size > 1 ? ['UNIT'] : []),
  ];
  const table = formatTable(header, rows, [5]);
  return [
    style.bold('LoadBalancer Services'),
    ...table.map((line, index) => `  ${index === 0 ? style.dim(line) : line}`),
    `  ${style.dim(`≈ ${money(report.summary.monthlyLoadBalancerCost, currency)}/month in indicative base prices; usage is billed on top.`)}`,
  ];
}

/** Units that were not rendered for real: what was approximated or failed, and what to do. */
function unitsSection(report: Report, style: Style): string[] {
  const notRendered = report.units.filter((unit) => unit.status !== 'rendered');
  if (notRendered.length === 0) return [];
  return [
    style.bold(`Units not rendered for real (${formatCount(notRendered.length)})`),
    ...notRendered.map(
      (unit) =>
        `  ${clean(unit.id)}  ${unit.status === 'error' ? style.severity.error('error') : style.severity.warning('approximated')}  ${clean(unit.message ?? '')}`,
    ),
  ];
}

function adviceSection(report: Report, style: Style, verbose: boolean): string[] {
  const { advice } = report;
  const lines = [style.bold('Advice')];
  const recommended = advice.ranking.find((option) => option.option === advice.recommended);
  if (recommended) lines.push(`  Recommended: ${style.bold(recommended.title)}`);
  lines.push(`  ${clean(advice.summary)}`);
  if (advice.loadBalancers.before > 0) {
    const saving =
      advice.monthlySaving > 0 ? `, saving ≈ ${money(advice.monthlySaving, advice.currency)}/month` : '';
    lines.push(`  Load balancers: ${advice.loadBalancers.before} → ${advice.loadBalancers.after}${saving}`);
  }
  // With nothing to expose there is nothing to choose between: the ranking would be noise.
  if (advice.recommended !== null && advice.ranking.length > 0) {
    const weights = CRITERIA.map(({ id }) => `${id} ${Math.round(advice.weights[id] * 100)}%`).join(', ');
    lines.push('', `  Ranking ${style.dim(`(weighted score out of 100; weights: ${weights})`)}`);
    const titleWidth = Math.max(...advice.ranking.map((option) => option.title.length));
    advice.ranking.forEach((option, index) => {
      lines.push(...rankedOptionLines(option, index + 1, titleWidth, style, verbose));
    });
  }
  if (advice.plan.length > 0) {
    lines.push('', '  Plan');
    advice.plan.forEach((step, index) => {
      lines.push(`    ${index + 1}. ${clean(step.text)}`);
      if (step.services.length > 1) lines.push(`       ${style.dim(clean(step.services.join(', ')))}`);
    });
  }
  return lines;
}

function rankedOptionLines(
  option: RankedOption,
  position: number,
  titleWidth: number,
  style: Style,
  verbose: boolean,
): string[] {
  const title = clean(option.title).padEnd(titleWidth);
  if (option.excludedBecause !== undefined) {
    return [`    ${position}. ${title}     –  ${style.dim(`ruled out: ${clean(option.excludedBecause)}`)}`];
  }
  const criteria = CRITERIA.map(({ id }) => `${id} ${option.criteria[id]}`).join(' · ');
  const lines = [`    ${position}. ${title}  ${option.score.toFixed(1).padStart(5)}  ${style.dim(criteria)}`];
  const reasons = verbose ? option.reasons : option.reasons.slice(0, REASONS_SHOWN);
  for (const reason of reasons) lines.push(`       ${style.dim(clean(reason))}`);
  return lines;
}

function filesSection(files: readonly FileResult[], style: Style, verbose: boolean): string[] {
  const errors = files.filter((file) => file.status === 'error');
  const skipped = files.filter((file) => file.status === 'skipped');
  const notes = verbose ? files.filter((file) => file.status === 'analyzed' && file.reason) : [];
  const lines: string[] = [];
  if (errors.length > 0) {
    lines.push(style.bold(`Files with errors (${formatCount(errors.length)})`));
    for (const file of errors) {
      const at = isLine(file.line) ? `:${file.line}${isLine(file.column) ? `:${file.column}` : ''}` : '';
      lines.push(`  ${clean(file.path)}${at}  ${style.severity.error('error')}  ${clean(file.reason ?? '')}`);
    }
  }
  if (skipped.length > 0) {
    if (lines.length > 0) lines.push('');
    const hint = verbose ? '' : style.dim(' — use --verbose to list them');
    lines.push(`${style.bold(`${formatCount(skipped.length)} skipped`)}: ${skipSummary(skipped)}${hint}`);
    // Helm templates are listed even when not verbose: their reason says how to analyse them.
    for (const file of verbose ? skipped : skipped.filter(isActionableSkip)) {
      lines.push(`  ${clean(file.path)}  ${style.dim(clean(file.reason ?? 'skipped.'))}`);
    }
  }
  if (notes.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(style.bold('Notes'));
    for (const file of notes) lines.push(`  ${clean(file.path)}  ${style.dim(clean(file.reason ?? ''))}`);
  }
  return lines;
}

function footerOf(report: Report, style: Style): string[] {
  const counts = report.summary.findings;
  const total = counts.error + counts.warning + counts.notice;
  const parts =
    total === 0
      ? ['No findings']
      : SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) =>
          style.severity[severity](plural(counts[severity], severity)),
        );
  const suppressed =
    report.summary.suppressed > 0
      ? style.dim(` (${plural(report.summary.suppressed, 'finding')} silenced by annotations)`)
      : '';
  return [`${parts.join(', ')}${suppressed}.`];
}

/** Left-aligned columns, except the indexes in `rightAligned`; two spaces between columns. */
function formatTable(header: string[], rows: string[][], rightAligned: number[] = []): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return rightAligned.includes(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function clean(text: string): string {
  return escapeTerminal(text);
}

function money(amount: number, currency: string): string {
  return clean(formatMoney(amount, currency));
}
