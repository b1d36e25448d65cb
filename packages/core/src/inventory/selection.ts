/**
 * Service → pod resolution with Kubernetes' own semantics: a selector matches pod template labels in
 * the same namespace; `targetPort` defaults to `port`; a *named* targetPort must be declared by every
 * selected pod template (native sidecars included), while a numeric one works undeclared, since
 * declaring container ports is optional (kubernetes/website#26790).
 */

import { WORKLOAD_KINDS } from '../known/api-versions.js';
import { effectiveNamespace } from '../manifests/objects.js';
import { holdsKindIn, type Inventory } from './inventory.js';
import type { ServicePortView, ServiceView, WorkloadView } from './views.js';

export type Selection =
  /** The selector matches these pod templates. */
  | { status: 'matched'; workloads: WorkloadView[] }
  /** The set holds workloads in the namespace, and none matches. */
  | { status: 'none' }
  /**
   * Nothing to judge: no selector (endpoints managed elsewhere), an ExternalName Service, or no
   * workloads of that namespace in the set (pods may come from a chart or operator outside it).
   */
  | { status: 'unjudged'; reason: 'no-selector' | 'external-name' | 'namespace-not-in-set' };

/** Pod templates a Service selects. */
export function selectWorkloads(inventory: Inventory, service: ServiceView): Selection {
  if (service.type === 'ExternalName') return { status: 'unjudged', reason: 'external-name' };
  if (service.selector === null) return { status: 'unjudged', reason: 'no-selector' };
  const namespace = effectiveNamespace(service.object);
  if (!WORKLOAD_KINDS.some((kind) => holdsKindIn(inventory, kind, namespace))) {
    return { status: 'unjudged', reason: 'namespace-not-in-set' };
  }
  const selector = Object.entries(service.selector);
  const workloads = inventory.workloads.filter(
    (workload) =>
      effectiveNamespace(workload.object) === namespace &&
      selector.every(([key, value]) => workload.podLabels[key] === value),
  );
  return workloads.length > 0 ? { status: 'matched', workloads } : { status: 'none' };
}

/** The Service port an Ingress or route backend names, by number or by name. */
export function findServicePort(
  service: ServiceView,
  port: number | string | null,
): ServicePortView | undefined {
  if (port === null) return service.ports.length === 1 ? service.ports[0] : undefined;
  return service.ports.find((candidate) =>
    typeof port === 'number' ? candidate.port === port : candidate.name === port,
  );
}

export type TargetPortCheck =
  | { status: 'ok' }
  /** A named targetPort that some selected pod templates do not declare: traffic to them fails. */
  | { status: 'named-missing'; targetPort: string; workloads: WorkloadView[] }
  /** A numeric targetPort no container declares: works if the process listens, worth a look. */
  | { status: 'number-undeclared'; targetPort: number; workloads: WorkloadView[] };

/** Checks one Service port's targetPort against the pod templates the Service selects. */
export function checkTargetPort(port: ServicePortView, workloads: readonly WorkloadView[]): TargetPortCheck {
  const { targetPort } = port;
  if (typeof targetPort === 'string' && !/^\d+$/.test(targetPort)) {
    const missing = workloads.filter(
      (workload) =>
        !workload.containers.some((container) =>
          container.ports.some((declared) => declared.name === targetPort),
        ),
    );
    return missing.length > 0
      ? { status: 'named-missing', targetPort, workloads: missing }
      : { status: 'ok' };
  }
  const number = Number(targetPort);
  const undeclared = workloads.filter(
    (workload) =>
      // Only templates that declare ports at all: one that declares none tells us nothing.
      workload.containers.some((container) => container.ports.length > 0) &&
      !workload.containers.some((container) =>
        container.ports.some((declared) => declared.containerPort === number),
      ),
  );
  return undeclared.length > 0
    ? { status: 'number-undeclared', targetPort: number, workloads: undeclared }
    : { status: 'ok' };
}

/** Label selector as `key=value,key=value`, for messages. */
export function formatSelector(selector: Readonly<Record<string, string>> | null): string {
  if (selector === null) return '(none)';
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
