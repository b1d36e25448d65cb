import { ingressChains } from '../inventory/ingress-chain.js';
import {
  describeKindsIn,
  describeNearMisses,
  formatSelector,
  nearMisses,
  selectWorkloads,
} from '../inventory/selection.js';
import { SERVICES, WORKLOADS } from '../inventory/shapes.js';
import type { ServiceView } from '../inventory/views.js';
import { displayName, effectiveNamespace } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * A Service whose selector matches no pod template of its namespace, so it has no endpoints. Judged
 * only where the set holds workloads of that namespace (pods may come from a chart or an operator
 * elsewhere); quiet for ExternalName and selector-less Services, and for Services a broken Ingress
 * chain already reports (one finding, not two).
 */
export default defineRule({
  id: 'service-selector-no-match',
  reads: [SERVICES, ...WORKLOADS],
  severity: 'warning',
  summary: 'A Service whose selector matches no pod template in its namespace.',
  why: 'A Service that selects no pods has no endpoints: connections to it are refused or time out, and an Ingress or load balancer in front of it answers 503.',
  fix: 'Make the selector of Service {{service}} ({{selector}}) equal to labels of the pod template it should serve, or change that template; if its pods come from files not analysed here, ignore this finding.',
  messages: {
    none: 'Service {{service}} selects no pods: no {{kinds}} in namespace {{namespace}} has labels {{selector}}.',
    near: 'Service {{service}} selects no pods: no {{kinds}} in namespace {{namespace}} has labels {{selector}}; closest: {{closest}}.',
  },
  check(inventory, context) {
    const reportedByChain = new Set<ServiceView>();
    for (const chain of ingressChains(inventory)) {
      if (chain.broken?.at === 'pods') reportedByChain.add(chain.broken.service);
    }
    for (const service of inventory.services) {
      if (reportedByChain.has(service)) continue;
      if (selectWorkloads(inventory, service).status !== 'none') continue;
      const namespace = effectiveNamespace(service.object);
      const data = {
        service: displayName(service.object),
        selector: formatSelector(service.selector),
        namespace,
        kinds: describeKindsIn(inventory, namespace),
      };
      const misses = nearMisses(inventory, service);
      context.report({
        ...(misses.length > 0
          ? { messageId: 'near', data: { ...data, closest: describeNearMisses(misses) } }
          : { messageId: 'none', data }),
        object: service.object,
        path: ['spec', 'selector'],
      });
    }
  },
});
