/**
 * The review of a pull request, pure: the base and head sources in, what the pull request
 * introduces out (through core's `diffReports`), with the replacement YAML for what it adds.
 */
import {
  analyze,
  type Config,
  diffReports,
  type FailOn,
  failOnReasons,
  type Migration,
  type MigrationTarget,
  migrate,
  type RenderedUnit,
  type Report,
  type ReportDiff,
  type SourceFile,
} from '@ingress-advisor/core';

export interface Review {
  base: Report;
  head: Report;
  diff: ReportDiff;
  /** Ingress or Gateway API YAML for the added HTTP load balancers; null when none can move. */
  migration: Migration | null;
}

/** Units rendered by the real tools at each side (from a checkout); the built-in readers do the rest. */
export interface RenderedSides {
  base: ReadonlyMap<string, RenderedUnit>;
  head: ReadonlyMap<string, RenderedUnit>;
}

export function reviewPullRequest(
  sources: { base: readonly SourceFile[]; head: readonly SourceFile[]; changedPaths: ReadonlySet<string> },
  config: Config,
  rendered: RenderedSides = { base: new Map(), head: new Map() },
): Review {
  const base = analyze(sources.base, { config, rendered: rendered.base });
  const head = analyze(sources.head, { config, rendered: rendered.head });
  const diff = diffReports(base, head, { changedPaths: sources.changedPaths });
  return { base, head, diff, migration: migrationFor(diff, sources.head) };
}

/**
 * The replacement for the added load balancers, when the advice puts the set's HTTP traffic behind
 * an Ingress or a Gateway (a lone HTTP LoadBalancer may be fine as it is). L4 Services stay
 * LoadBalancers, so they alone need no YAML.
 */
function migrationFor(diff: ReportDiff, sources: readonly SourceFile[]): Migration | null {
  const movable = diff.addedLoadBalancers.filter((lb) => lb.traffic === 'http' || lb.traffic === 'mixed');
  const recommended = diff.report.advice.recommended;
  if (movable.length === 0 || (recommended !== 'ingress' && recommended !== 'gateway-api')) return null;
  const to: MigrationTarget = recommended === 'gateway-api' ? 'gateway' : 'ingress';
  const migration = migrate(sources, {
    to,
    // L4 Services stay LoadBalancers where they fit, even when Gateway API could route them.
    services: movable.map((lb) => ({ namespace: lb.namespace, name: lb.name })),
  });
  return migration.yaml === '' ? null : migration;
}

/** Whether the review has anything to say in a comment. */
export function hasFindings(review: Review): boolean {
  const { summary } = review.diff.report;
  return summary.loadBalancers.total > 0 || review.diff.newFindings.length > 0 || summary.files.error > 0;
}

/**
 * `fail-on` over what the pull request introduces: new findings and changed files that cannot be
 * parsed. Null when it does not trip.
 */
export function failOnMessage(review: Review, failOn: FailOn): string | null {
  const reasons = failOnReasons(review.diff.report.summary, failOn, { findings: 'new', files: 'changed' });
  return reasons === null ? null : `Failing because of fail-on: ${failOn}: ${reasons.join(', ')}.`;
}
