/**
 * What a change introduces: the Report of the files after it (head) against the Report before it
 * (base), compared as object graphs rather than file lines, so a Service moved to another file is
 * not "added" and an old finding in a touched file is not "new". Pure, like `analyze`.
 */
import { combineAdvice } from '../advice/combine.js';
import type { SetAdvice } from '../advice/types.js';
import { displayName } from '../manifests/objects.js';
import type { Finding } from '../rules/define-rule.js';
import type { LoadBalancerEntry, Report } from './model.js';
import { summarise } from './summary.js';

export interface DiffOptions {
  /**
   * Paths of the files the change touches at head. The files listed in the diff's report are these
   * (the rest of head was context); all of head's files when absent.
   */
  changedPaths?: ReadonlySet<string>;
}

/** The difference between two Reports. */
export interface ReportDiff {
  /**
   * LoadBalancer Services at head with no LoadBalancer of the same namespace and name at base: new
   * Services, Services turned into LoadBalancers, and nothing that was only moved or renamed.
   */
  addedLoadBalancers: LoadBalancerEntry[];
  /** LoadBalancer Services at base with no LoadBalancer of the same namespace and name at head. */
  removedLoadBalancers: LoadBalancerEntry[];
  /** Head findings with no equal finding at base (same rule, message, data and object). */
  newFindings: Finding[];
  /** Base findings that head no longer has. */
  resolvedFindings: Finding[];
  /**
   * Head's Report narrowed to what the change introduces: the added load balancers, the new findings,
   * the changed files and a summary of those; `advice` is that of the units the change adds load
   * balancers to (the whole head's when it adds none), so a review is not about unrelated units.
   */
  report: Report;
}

/** Compares the Report before a change with the Report after it. */
export function diffReports(base: Report, head: Report, options: DiffOptions = {}): ReportDiff {
  const baseLoadBalancers = new Set(base.loadBalancers.map(deployedLoadBalancerKey));
  const headLoadBalancers = new Set(head.loadBalancers.map(deployedLoadBalancerKey));
  const addedLoadBalancers = head.loadBalancers.filter(
    (lb) => !baseLoadBalancers.has(deployedLoadBalancerKey(lb)),
  );
  const removedLoadBalancers = base.loadBalancers.filter(
    (lb) => !headLoadBalancers.has(deployedLoadBalancerKey(lb)),
  );
  const newFindings = subtractFindings(head.findings, base.findings);
  const resolvedFindings = subtractFindings(base.findings, head.findings);
  const changed = options.changedPaths;
  const files = changed === undefined ? head.files : head.files.filter((file) => changed.has(file.path));
  return {
    addedLoadBalancers,
    removedLoadBalancers,
    newFindings,
    resolvedFindings,
    report: {
      ...head,
      files,
      loadBalancers: addedLoadBalancers,
      findings: newFindings,
      advice: adviceOfUnitsWith(addedLoadBalancers, head),
      summary: summarise({
        units: head.units,
        files,
        resources: head.summary.resources,
        loadBalancers: addedLoadBalancers,
        findings: newFindings,
        suppressed: head.summary.suppressed,
        currency: head.summary.currency,
      }),
    },
  };
}

/**
 * A load balancer's identity: its namespace (unset reads as `default`, as the API server does) and
 * name. Services are the only kind that can be one, so the kind adds nothing.
 */
export function loadBalancerKey(lb: { namespace: string | null; name: string }): string {
  return `${lb.namespace ?? 'default'}/${lb.name}`;
}

/** The advice of the head units that deploy `loadBalancers`, as one; head's own when they have none. */
function adviceOfUnitsWith(loadBalancers: readonly LoadBalancerEntry[], head: Report): SetAdvice {
  const ids = new Set(loadBalancers.map((lb) => lb.unit));
  const advised = head.units.flatMap((unit) =>
    ids.has(unit.id) && unit.advice !== undefined
      ? [
          {
            unit: unit.id,
            advice: unit.advice,
            loadBalancers: head.loadBalancers.filter((lb) => lb.unit === unit.id).map(displayName),
          },
        ]
      : [],
  );
  if (advised.length === 0 || advised.length === head.units.filter((unit) => unit.advice).length) {
    return head.advice;
  }
  if (advised.length === 1) return (advised[0] as (typeof advised)[0]).advice;
  const distinct = new Set(head.loadBalancers.filter((lb) => ids.has(lb.unit)).map(loadBalancerKey));
  return combineAdvice(advised, distinct.size);
}

/**
 * A load balancer as deployed: the Service in the unit that deploys it, so an overlay that turns its
 * copy of a Service into a LoadBalancer adds one even when another overlay already had it. Folders of
 * plain manifests count as one place, so moving a file between folders adds nothing.
 */
function deployedLoadBalancerKey(lb: LoadBalancerEntry): string {
  return `${placeOfDeployment(lb.unit)}\0${loadBalancerKey(lb)}`;
}

/** Kustomize and Helm units by id; plain manifests and standard input all as one. */
function placeOfDeployment(unit: string | undefined): string {
  return unit === undefined || unit.startsWith('files:') || unit === 'stdin' ? 'files' : unit;
}

/**
 * A finding's identity without its place in a file: unit (as for load balancers), rule, message,
 * data and object (or file, for a finding about no object), so a finding whose lines moved is still the same finding.
 */
export function findingKey(finding: Finding): string {
  const data = Object.keys(finding.data)
    .sort()
    .map((key) => [key, finding.data[key]]);
  const where = finding.resource
    ? [finding.resource.kind, finding.resource.namespace ?? 'default', finding.resource.name]
    : [finding.file];
  return JSON.stringify([placeOfDeployment(finding.unit), finding.ruleId, finding.messageId, data, where]);
}

/** Findings of `from` not matched one-to-one by an equal finding of `without`. */
function subtractFindings(from: readonly Finding[], without: readonly Finding[]): Finding[] {
  const remaining = new Map<string, number>();
  for (const finding of without) {
    const key = findingKey(finding);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return from.filter((finding) => {
    const key = findingKey(finding);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}
