import rule from './lb-deprecated-loadbalancerip.js';
import { testRule } from './test-support/rule-tester.js';

/** A LoadBalancer Service: `annotations` are `key: value` lines, `spec` extra lines after `type`. */
const lb = (annotations: string[], spec: string[], type = 'LoadBalancer'): string => `---
apiVersion: v1
kind: Service
metadata:
  name: edge
  annotations:
    team: net
${annotations.map((line) => `    ${line}\n`).join('')}spec:
  type: ${type}
${spec.map((line) => `  ${line}\n`).join('')}  ports:
  - port: 443
`;

testRule(rule, {
  valid: [
    { name: 'a LoadBalancer without a pinned address', files: lb([], []) },
    {
      name: 'an address pinned with the current MetalLB annotations',
      files: lb(['metallb.io/loadBalancerIPs: 192.168.1.240', 'metallb.io/address-pool: lan'], []),
    },
    { name: 'an empty loadBalancerIP, which means unset', files: lb([], ['loadBalancerIP: ""']) },
    {
      name: 'a loadBalancerIP on a Service that is not a LoadBalancer',
      files: lb([], ['loadBalancerIP: 10.0.0.5'], 'ClusterIP'),
    },
    {
      name: 'ignored by annotation',
      files: lb(['ingress-advisor.io/ignore: lb-deprecated-loadbalancerip'], ['loadBalancerIP: 203.0.113.5']),
    },
  ],
  invalid: [
    {
      name: 'spec.loadBalancerIP, on its own line',
      files: lb([], ['loadBalancerIP: 203.0.113.5']),
      errors: [
        {
          messageId: 'loadBalancerIP',
          line: 10,
          severity: 'warning',
          data: {
            service: 'edge',
            ip: '203.0.113.5',
            replacement: "your load balancer implementation's address annotation",
          },
        },
      ],
    },
    {
      name: 'spec.loadBalancerIP on GKE, with the GKE annotation as the replacement',
      files: lb(['networking.gke.io/load-balancer-type: Internal'], ['loadBalancerIP: 10.0.0.5']),
      errors: [
        {
          messageId: 'loadBalancerIP',
          line: 11,
          data: {
            replacement:
              'the annotation networking.gke.io/load-balancer-ip-addresses, naming a reserved static address',
          },
        },
      ],
    },
    {
      name: 'spec.loadBalancerIP on Azure',
      files: lb(
        ['service.beta.kubernetes.io/azure-load-balancer-internal: "true"'],
        ['loadBalancerIP: 10.1.0.9'],
      ),
      errors: [
        {
          messageId: 'loadBalancerIP',
          data: { replacement: 'the annotation service.beta.kubernetes.io/azure-load-balancer-ipv4' },
        },
      ],
    },
    {
      name: 'the deprecated MetalLB prefix next to loadBalancerIP, each on its own line',
      files: lb(
        ['metallb.universe.tf/address-pool: lan', 'metallb.universe.tf/allow-shared-ip: edge'],
        ['loadBalancerIP: 192.168.1.240'],
      ),
      errors: [
        {
          messageId: 'metallbLegacyPrefix',
          line: 8,
          data: { field: 'metallb.universe.tf/address-pool', replacement: 'metallb.io/address-pool' },
        },
        {
          messageId: 'metallbLegacyPrefix',
          line: 9,
          data: { field: 'metallb.universe.tf/allow-shared-ip', replacement: 'metallb.io/allow-shared-ip' },
        },
        {
          messageId: 'loadBalancerIP',
          line: 12,
          data: { ip: '192.168.1.240', replacement: 'the annotation metallb.io/loadBalancerIPs' },
        },
      ],
    },
  ],
});
