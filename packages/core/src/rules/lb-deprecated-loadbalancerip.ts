import { SERVICES } from '../inventory/shapes.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { LOAD_BALANCER_ADDRESS, METALLB_PREFIX } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * Deprecated ways to pin a load balancer's address: `spec.loadBalancerIP` (deprecated since
 * Kubernetes v1.24, facts.md section 3) and MetalLB's old `metallb.universe.tf/` annotations
 * (facts.md section 4). Both still work today, which is why they linger; both are on their way out.
 */
export default defineRule({
  id: 'lb-deprecated-loadbalancerip',
  reads: [SERVICES],
  severity: 'warning',
  summary:
    'A LoadBalancer pins its address with the deprecated spec.loadBalancerIP or metallb.universe.tf/ annotations.',
  why: '`spec.loadBalancerIP` is deprecated since Kubernetes v1.24: its meaning varies between implementations, it is not portable and it cannot express dual-stack. MetalLB replaced its `metallb.universe.tf/` annotations with `metallb.io/` ones.',
  fix: 'Replace `{{field}}` with {{replacement}}. Address annotations by implementation: MetalLB `metallb.io/loadBalancerIPs`; GKE `networking.gke.io/load-balancer-ip-addresses` (names of reserved static addresses); Azure `service.beta.kubernetes.io/azure-load-balancer-ipv4` (and `-ipv6`); AWS Load Balancer Controller `service.beta.kubernetes.io/aws-load-balancer-eip-allocations` (Elastic IP allocation ids, internet-facing NLBs).',
  messages: {
    loadBalancerIP:
      'Service {{service}} sets `spec.loadBalancerIP: {{ip}}`, deprecated since Kubernetes v1.24: implementations read it differently, it is not portable and it cannot express dual-stack.',
    metallbLegacyPrefix:
      'Service {{service}} uses the deprecated MetalLB annotation `{{field}}`; MetalLB now reads `{{replacement}}`.',
  },
  check(inventory, context) {
    for (const lb of inventory.loadBalancers) {
      const service = displayName(lb.object);
      // An empty string is how some charts write "unset"; the API server treats it as unset too.
      if (lb.loadBalancerIP !== null && lb.loadBalancerIP !== '') {
        context.report({
          messageId: 'loadBalancerIP',
          data: {
            service,
            ip: lb.loadBalancerIP,
            field: 'spec.loadBalancerIP',
            replacement: addressAnnotationFor(lb),
          },
          object: lb.object,
          path: ['spec', 'loadBalancerIP'],
        });
      }
      for (const key of Object.keys(lb.object.annotations)) {
        if (!key.startsWith(METALLB_PREFIX.deprecated)) continue;
        context.report({
          messageId: 'metallbLegacyPrefix',
          data: {
            service,
            field: key,
            replacement: `${METALLB_PREFIX.current}${key.slice(METALLB_PREFIX.deprecated.length)}`,
          },
          object: lb.object,
          path: ['metadata', 'annotations', key],
        });
      }
    }
  },
});

/** The annotation of the implementation the Service's other settings point to, when we can tell. */
function addressAnnotationFor(lb: LoadBalancerView): string {
  switch (lb.provider) {
    case 'bare-metal':
      return `the annotation ${LOAD_BALANCER_ADDRESS.metallb}`;
    case 'gcp':
      return `the annotation ${LOAD_BALANCER_ADDRESS.gke}, naming a reserved static address`;
    case 'azure':
      return `the annotation ${LOAD_BALANCER_ADDRESS.azure}`;
    case 'aws-nlb':
      return `the annotation ${LOAD_BALANCER_ADDRESS.awsEipAllocations}, naming Elastic IP allocations`;
    default:
      return "your load balancer implementation's address annotation";
  }
}
