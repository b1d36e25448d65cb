/** Facts about a Report that several renderers state the same way: counts, groups, order. */
import type { FileResult } from '../../manifests/load.js';
import type { LoadBalancerEntry, Report } from '../../report/model.js';
import type { Finding, Severity } from '../../rules/define-rule.js';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** `1 finding`, `2 findings`; a number with thousands separators, independent of the locale. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** `5000` → `5,000`, the same on every machine (no locale lookup). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `2 HTTP, 1 L4`: the non-zero traffic groups of the load balancers. */
export function trafficSplit(summary: Report['summary']['loadBalancers']): string {
  const parts: string[] = [];
  if (summary.http > 0) parts.push(`${formatCount(summary.http)} HTTP`);
  if (summary.l4 > 0) parts.push(`${formatCount(summary.l4)} L4`);
  if (summary.mixed > 0) parts.push(`${formatCount(summary.mixed)} mixed`);
  if (summary.unknown > 0) parts.push(`${formatCount(summary.unknown)} unclassified`);
  return parts.join(', ');
}

/** How the traffic of one load balancer is named in tables. */
export const TRAFFIC_LABELS: Readonly<Record<LoadBalancerEntry['traffic'], string>> = {
  http: 'HTTP',
  l4: 'L4',
  mixed: 'mixed',
  unknown: 'unclassified',
};

/** `80/TCP HTTP, 1883/TCP MQTT`: each port with its transport and what it carries (unescaped). */
export function describePorts(lb: LoadBalancerEntry): string {
  if (lb.ports.length === 0) return 'no ports';
  return lb.ports.map((port) => `${port.port}/${port.protocol} ${port.what}`).join(', ');
}

/** What a skipped file was, in a word or two, for one-line summaries. */
export function skipCategory(file: FileResult): string {
  switch (file.role) {
    case 'helm-template':
      return 'Helm template';
    case 'not-kubernetes':
      return 'not Kubernetes';
    case 'helm-values':
      return 'Helm values';
    case 'kustomization':
      return 'Kustomize';
    case 'excluded':
      return 'excluded by config';
    case 'empty':
      return 'empty';
    case 'binary':
      return 'binary';
    case 'too-large':
      return 'too large';
    default:
      return 'other';
  }
}

/** `2 not Kubernetes, 1 Helm template`: skipped files counted by category, largest first. */
export function skipSummary(files: readonly FileResult[]): string {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(skipCategory(file), (counts.get(skipCategory(file)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([category, count]) => `${formatCount(count)} ${category}`)
    .join(', ');
}

/** Whether a skipped file has a reason the reader must see even in a short report. */
export function isActionableSkip(file: FileResult): boolean {
  return file.status === 'skipped' && file.role === 'helm-template';
}

/** Whether a finding points into a file (some findings concern the set as a whole). */
export function hasSourceFile(finding: Pick<Finding, 'file'>): boolean {
  return finding.file !== '' && finding.file !== '(unknown)';
}

/** Whether a line number can be shown or linked. */
export function isLine(line: number | undefined): line is number {
  return typeof line === 'number' && Number.isInteger(line) && line >= 1;
}

/** Findings in reading order: file, line, rule id, message (the order `analyze` also uses). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

/** Findings by severity, most severe first, each group in reading order. */
export function findingsBySeverity(
  findings: readonly Finding[],
): Array<{ severity: Severity; findings: Finding[] }> {
  const sorted = sortFindings(findings);
  return SEVERITIES.map((severity) => ({
    severity,
    findings: sorted.filter((finding) => finding.severity === severity),
  }));
}

/** Code-unit order, the same on every machine (unlike `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
