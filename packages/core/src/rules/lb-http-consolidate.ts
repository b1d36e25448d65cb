import { consolidationCost, formatMoney } from '../cost/cost.js';
import { consolidationGroups } from '../inventory/consolidation.js';
import { GATEWAY_API, INGRESSES, SERVICES } from '../inventory/shapes.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/** HTTP(S) LoadBalancer Services that could share one entry point (see inventory/consolidation.ts). */
export default defineRule({
  id: 'lb-http-consolidate',
  reads: [SERVICES, INGRESSES, ...GATEWAY_API],
  severity: 'warning',
  summary: 'HTTP(S) LoadBalancer Services that could share one Ingress or Gateway.',
  why: 'Each Service of type LoadBalancer provisions its own cloud load balancer, billed by the hour whether it carries traffic or not. HTTP traffic can share one entry point that routes by host and path, with TLS managed in one place.',
  fix: 'Route {{service}} through {{entryPoint}}: make the Service ClusterIP and add a rule (Ingress) or HTTPRoute for it. `ingress-advisor migrate --to gateway` writes the YAML.',
  messages: {
    group:
      'Service {{service}} is one of {{count}} {{exposure}} HTTP(S) LoadBalancer Services (with {{others}}); routing them through {{entryPoint}} would need {{saved}} fewer load balancers, about {{saving}} a month.',
    joinExisting:
      'Service {{service}} is an HTTP(S) LoadBalancer while the set already has {{entryPoint}}; routing it there saves one load balancer, about {{saving}} a month.',
  },
  check(inventory, context) {
    for (const group of consolidationGroups(inventory)) {
      const { exposure, loadBalancers, existingEntryPoint } = group;
      const cost = consolidationCost(loadBalancers, existingEntryPoint !== null, context.settings);
      const names = loadBalancers.map((lb) => displayName(lb.object));
      for (const [index, lb] of loadBalancers.entries()) {
        context.report({
          messageId: loadBalancers.length === 1 ? 'joinExisting' : 'group',
          data: {
            service: displayName(lb.object),
            count: loadBalancers.length,
            exposure,
            others: listOthers(names, index),
            saved: cost.saved,
            saving: formatMoney(cost.savingMonthly, context.settings.currency),
            entryPoint:
              existingEntryPoint ??
              `one shared ${exposure === 'internal' ? 'internal ' : ''}Gateway or Ingress`,
          },
          object: lb.object,
          line: lb.typeLine,
        });
      }
    }
  },
});

/** Most other Services a message names; a group of hundreds would repeat its whole list in each. */
const MAX_OTHERS_NAMED = 5;

/** The group's other Services, the first few by name: "a, b, c and 12 more". */
function listOthers(names: readonly string[], self: number): string {
  const others = names.filter((_, index) => index !== self);
  if (others.length <= MAX_OTHERS_NAMED) return others.join(', ');
  return `${others.slice(0, MAX_OTHERS_NAMED).join(', ')} and ${others.length - MAX_OTHERS_NAMED} more`;
}
