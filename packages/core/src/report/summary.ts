/**
 * A Report's summary counted from its lists, one place for `analyze` and for the diff of a change:
 * units by status, files by status, load balancers by traffic (each deployed Service once), findings
 * by severity, and the monthly cost.
 */
import type { FileResult } from '../manifests/load.js';
import type { Finding } from '../rules/define-rule.js';
import type { LoadBalancerEntry, ReportSummary, UnitEntry } from './model.js';

export interface SummaryInput {
  units: readonly UnitEntry[];
  files: readonly FileResult[];
  resources: number;
  /** As reported: a Service several units deploy is listed per unit and counted once. */
  loadBalancers: readonly LoadBalancerEntry[];
  findings: readonly Finding[];
  suppressed: number;
  currency: string;
}

export function summarise(input: SummaryInput): ReportSummary {
  const count = <T>(list: readonly T[], test: (item: T) => boolean): number => list.filter(test).length;
  const distinct = distinctLoadBalancers(input.loadBalancers);
  return {
    units: {
      rendered: count(input.units, (unit) => unit.status === 'rendered'),
      approximated: count(input.units, (unit) => unit.status === 'approximated'),
      error: count(input.units, (unit) => unit.status === 'error'),
    },
    files: {
      analyzed: count(input.files, (file) => file.status === 'analyzed'),
      skipped: count(input.files, (file) => file.status === 'skipped'),
      error: count(input.files, (file) => file.status === 'error'),
    },
    resources: input.resources,
    loadBalancers: {
      total: distinct.length,
      http: count(distinct, (lb) => lb.traffic === 'http'),
      l4: count(distinct, (lb) => lb.traffic === 'l4'),
      mixed: count(distinct, (lb) => lb.traffic === 'mixed'),
      unknown: count(distinct, (lb) => lb.traffic === 'unknown'),
    },
    findings: {
      error: count(input.findings, (finding) => finding.severity === 'error'),
      warning: count(input.findings, (finding) => finding.severity === 'warning'),
      notice: count(input.findings, (finding) => finding.severity === 'notice'),
    },
    suppressed: input.suppressed,
    monthlyLoadBalancerCost: Math.round(distinct.reduce((sum, lb) => sum + lb.monthlyCost, 0) * 100) / 100,
    currency: input.currency,
  };
}

/**
 * The load balancers as deployed, each once: several units may deploy the same Service (a chart and
 * its Kustomize twin, a folder of manifests and its release copy), which is one load balancer.
 */
export function distinctLoadBalancers(loadBalancers: readonly LoadBalancerEntry[]): LoadBalancerEntry[] {
  const seen = new Map<string, LoadBalancerEntry>();
  for (const lb of loadBalancers) {
    const key = `${lb.apiVersion}/${lb.kind}/${lb.namespace ?? 'default'}/${lb.name}`;
    if (!seen.has(key)) seen.set(key, lb);
  }
  return [...seen.values()];
}
