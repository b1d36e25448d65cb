import { consolidationCost, formatMoney } from '../cost/cost.js';
import { type ConsolidationGroup, consolidationGroups } from '../inventory/consolidation.js';
import { knownControllerOf } from '../inventory/entry-points.js';
import { GATEWAY_API, INGRESSES, SERVICES, WORKLOADS } from '../inventory/shapes.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * HTTP(S) LoadBalancer Services that could share one entry point (see inventory/consolidation.ts).
 * A Service that fronts an ingress or gateway controller is that entry point, never a finding; app
 * Services next to one are told to join it. It reads workloads: their images tell the entry points.
 */
export default defineRule({
  id: 'lb-http-consolidate',
  reads: [SERVICES, INGRESSES, ...GATEWAY_API, ...WORKLOADS],
  severity: 'warning',
  summary: 'HTTP(S) LoadBalancer Services that could share one Ingress or Gateway.',
  why: 'Each Service of type LoadBalancer provisions its own cloud load balancer, billed by the hour whether it carries traffic or not. HTTP traffic can share one entry point that routes by host and path, with TLS managed in one place.',
  fix: 'Route {{service}} through {{entryPoint}}: make the Service ClusterIP and add {{route}} for it. `ingress-advisor migrate --to {{target}}` writes the YAML.',
  messages: {
    group:
      'Service {{service}} is one of {{count}} {{exposure}} HTTP(S) LoadBalancer Services (with {{others}}); routing them through {{entryPoint}} would need {{saved}} fewer load balancers, about {{saving}} a month.',
    joinExisting:
      'Service {{service}} is an HTTP(S) LoadBalancer while the set already has {{entryPoint}}; routing it there saves one load balancer, about {{saving}} a month.',
    groupEntryPoint:
      'Service {{service}} is one of {{count}} {{exposure}} HTTP(S) LoadBalancer Services (with {{others}}), while {{entryPoint}} is already the entry point of the set: routing them there would need {{saved}} fewer load balancers, about {{saving}} a month.{{caveat}}',
    joinEntryPoint:
      'Service {{service}} is an HTTP(S) LoadBalancer of its own, while {{entryPoint}} is already the entry point of the set: routing it there saves one load balancer, about {{saving}} a month.{{caveat}}',
  },
  check(inventory, context) {
    for (const group of consolidationGroups(inventory)) {
      const { exposure, loadBalancers, existingEntryPoint } = group;
      const cost = consolidationCost(loadBalancers, existingEntryPoint !== null, context.settings);
      const names = loadBalancers.map((lb) => displayName(lb.object));
      const joining = group.entryPoint !== null;
      for (const [index, lb] of loadBalancers.entries()) {
        context.report({
          messageId:
            loadBalancers.length === 1
              ? joining
                ? 'joinEntryPoint'
                : 'joinExisting'
              : joining
                ? 'groupEntryPoint'
                : 'group',
          data: {
            ...howToJoin(group),
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

/**
 * What joining the group's entry point takes: the route to add, the migration that writes it, and a
 * caveat about the entry point itself (ingress-nginx is retired).
 */
function howToJoin(group: ConsolidationGroup): { route: string; target: string; caveat: string } {
  const controller = group.entryPoint ? knownControllerOf(group.entryPoint) : undefined;
  if (group.entryPoint === null)
    return { route: 'a rule (Ingress) or HTTPRoute', target: 'gateway', caveat: '' };
  const caveat = controller?.caveat ? ` ${controller.caveat}` : '';
  switch (group.existingKind) {
    case 'ingress':
      return {
        route: controller?.serves.includes('gateway-api')
          ? 'an Ingress of its class (or an HTTPRoute)'
          : 'an Ingress of its class',
        target: 'ingress',
        caveat,
      };
    case 'gateway-api':
      return {
        route: controller?.serves.includes('ingress')
          ? 'an HTTPRoute attached to its Gateway (or an Ingress of its class)'
          : 'an HTTPRoute attached to its Gateway',
        target: 'gateway',
        caveat,
      };
    default:
      return { route: 'a route in its configuration', target: 'gateway', caveat };
  }
}

/** Most other Services a message names; a group of hundreds would repeat its whole list in each. */
const MAX_OTHERS_NAMED = 5;

/** The group's other Services, the first few by name: "a, b, c and 12 more". */
function listOthers(names: readonly string[], self: number): string {
  const count = names.length - 1;
  // Only the names shown are gathered: every Service of a group of thousands lists its others.
  const shown: string[] = [];
  for (let index = 0; index < names.length && shown.length < MAX_OTHERS_NAMED; index++) {
    if (index !== self) shown.push(names[index] as string);
  }
  if (count <= MAX_OTHERS_NAMED) return shown.join(', ');
  return `${shown.join(', ')} and ${count - MAX_OTHERS_NAMED} more`;
}
