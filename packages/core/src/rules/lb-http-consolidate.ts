import { consolidationCost, formatMoney } from '../cost/cost.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * HTTP(S) LoadBalancer Services that could share one entry point. Load balancers are grouped by
 * exposure (public with public, internal with internal), since one entry point cannot be both.
 */
export default defineRule({
  id: 'lb-http-consolidate',
  severity: 'warning',
  summary: 'HTTP(S) LoadBalancer Services that could share one Ingress or Gateway.',
  why: 'Each Service of type LoadBalancer provisions its own cloud load balancer, billed by the hour whether it carries traffic or not. HTTP traffic can share one entry point that routes by host and path, with TLS managed in one place.',
  fix: 'Route {{service}} through {{entryPoint}}: make the Service ClusterIP and add a rule (Ingress) or HTTPRoute for it. `ingress-advisor migrate --to gateway` writes the YAML.',
  messages: {
    group:
      'Service {{service}} is one of {{count}} {{exposure}} HTTP(S) LoadBalancer Services ({{services}}); one shared entry point would need {{saved}} fewer load balancers, about {{saving}} a month.',
    joinExisting:
      'Service {{service}} is a {{exposure}} HTTP(S) LoadBalancer while the set already has {{entryPoint}}; routing it there saves one load balancer, about {{saving}} a month.',
  },
  check(inventory, context) {
    const candidates = inventory.loadBalancers.filter((lb) => lb.traffic === 'http');
    const existing = existingEntryPoint(
      inventory.ingresses.length,
      inventory.gateways.map((g) => displayName(g.object)),
    );
    const groups = new Map<string, LoadBalancerView[]>();
    for (const lb of candidates) {
      const key = lb.exposure === 'internal' ? 'internal' : 'public';
      groups.set(key, [...(groups.get(key) ?? []), lb]);
    }
    for (const [exposure, group] of groups) {
      const entryPointExists = existing !== null;
      if (group.length < 2 && !entryPointExists) continue;
      const cost = consolidationCost(group, entryPointExists, context.settings);
      const names = group.map((lb) => displayName(lb.object)).join(', ');
      for (const lb of group) {
        const data = {
          service: displayName(lb.object),
          count: group.length,
          exposure,
          services: names,
          saved: cost.saved,
          saving: formatMoney(cost.savingMonthly, context.settings.currency),
          entryPoint: existing ?? `one ${exposure === 'internal' ? 'internal ' : ''}Gateway or Ingress`,
        };
        context.report({
          messageId: group.length === 1 ? 'joinExisting' : 'group',
          data,
          object: lb.object,
          line: lb.typeLine,
        });
      }
    }
  },
});

function existingEntryPoint(ingressCount: number, gateways: string[]): string | null {
  if (gateways.length > 0) return `Gateway ${gateways[0]}`;
  if (ingressCount > 0) return 'an Ingress controller';
  return null;
}
