/**
 * Which HTTP(S) load balancers could share one entry point. They are grouped by exposure, since one
 * entry point cannot be both public and internal; an Ingress or Gateway already in the set is taken
 * as the public entry point, so a lone public HTTP load balancer can join it.
 */
import { displayName } from '../manifests/objects.js';
import type { Inventory } from './inventory.js';
import type { LoadBalancerView } from './views.js';

export interface ConsolidationGroup {
  exposure: 'public' | 'internal';
  loadBalancers: LoadBalancerView[];
  /** The existing entry point this group can join ("Gateway infra/public"), or null. */
  existingEntryPoint: string | null;
}

/** Groups worth consolidating: two or more load balancers, or one next to an existing entry point. */
export function consolidationGroups(inventory: Inventory): ConsolidationGroup[] {
  const gateway = inventory.gateways[0];
  const existing = gateway
    ? `Gateway ${displayName(gateway.object)}`
    : inventory.ingresses.length > 0
      ? 'an Ingress controller'
      : null;
  const groups: ConsolidationGroup[] = [];
  for (const exposure of ['public', 'internal'] as const) {
    const loadBalancers = inventory.loadBalancers.filter(
      (lb) => lb.traffic === 'http' && (lb.exposure === 'internal') === (exposure === 'internal'),
    );
    const existingEntryPoint = exposure === 'public' ? existing : null;
    if (loadBalancers.length >= 2 || (loadBalancers.length === 1 && existingEntryPoint !== null)) {
      groups.push({ exposure, loadBalancers, existingEntryPoint });
    }
  }
  return groups;
}
