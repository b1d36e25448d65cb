/**
 * Which HTTP(S) load balancers could share one entry point. They are grouped by exposure, since one
 * entry point cannot be both public and internal; an Ingress or Gateway already in the set is taken
 * as the public entry point, so a lone public HTTP load balancer can join it. A load balancer that
 * fronts an ingress or gateway controller (entry-points.ts) is never in a group: it is the entry
 * point the group joins, public or internal like the group.
 */
import { controllerById } from '../known/controllers.js';
import { displayName } from '../manifests/objects.js';
import { describeEntryPoint, joinableEntryPoint } from './entry-points.js';
import type { Inventory } from './inventory.js';
import type { LoadBalancerView } from './views.js';

export interface ConsolidationGroup {
  exposure: 'public' | 'internal';
  /** App load balancers only: entry points are never consolidated. */
  loadBalancers: LoadBalancerView[];
  /** The existing entry point this group can join ("Gateway infra/public"), or null. */
  existingEntryPoint: string | null;
  /** What the existing entry point routes: Ingresses, Gateway API routes, or its own configuration (null). */
  existingKind: 'ingress' | 'gateway-api' | null;
  /** The entry-point load balancer of an ingress or gateway controller the group joins, when there is one. */
  entryPoint: LoadBalancerView | null;
}

/** Groups worth consolidating: two or more load balancers, or one next to an existing entry point. */
export function consolidationGroups(inventory: Inventory): ConsolidationGroup[] {
  const gateway = inventory.gateways[0];
  const groups: ConsolidationGroup[] = [];
  for (const exposure of ['public', 'internal'] as const) {
    const loadBalancers = inventory.loadBalancers.filter(
      (lb) =>
        lb.role === 'app' &&
        lb.traffic === 'http' &&
        (lb.exposure === 'internal') === (exposure === 'internal'),
    );
    const existing = existingFor(inventory, exposure, gateway);
    if (loadBalancers.length >= 2 || (loadBalancers.length === 1 && existing.existingEntryPoint !== null)) {
      groups.push({ exposure, loadBalancers, ...existing });
    }
  }
  return groups;
}

/**
 * The entry point a group joins: for public traffic a Gateway of the set, else the load balancer of
 * a controller of the set, else the controller of the set's Ingresses; for internal traffic only an
 * internal controller's load balancer.
 */
function existingFor(
  inventory: Inventory,
  exposure: 'public' | 'internal',
  gateway: Inventory['gateways'][number] | undefined,
): Pick<ConsolidationGroup, 'existingEntryPoint' | 'existingKind' | 'entryPoint'> {
  if (exposure === 'public' && gateway) {
    return {
      existingEntryPoint: `Gateway ${displayName(gateway.object)}`,
      existingKind: 'gateway-api',
      entryPoint: null,
    };
  }
  const entryPoint = joinableEntryPoint(inventory, exposure);
  if (entryPoint) {
    const serves = controllerById(entryPoint.controller?.id ?? '')?.serves ?? [];
    return {
      existingEntryPoint: describeEntryPoint(entryPoint),
      existingKind: serves[0] ?? null,
      entryPoint,
    };
  }
  if (exposure === 'public' && inventory.ingresses.length > 0) {
    return { existingEntryPoint: 'an Ingress controller', existingKind: 'ingress', entryPoint: null };
  }
  return { existingEntryPoint: null, existingKind: null, entryPoint: null };
}
