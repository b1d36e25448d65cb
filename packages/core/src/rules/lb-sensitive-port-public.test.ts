import rule from './lb-sensitive-port-public.js';
import { testRule } from './test-support/rule-tester.js';

/**
 * A LoadBalancer Service; `annotations` are `key: value` lines, `spec` extra spec lines. With neither,
 * its ports start on line 14, one line per port.
 */
const lb = (ports: number[], annotations: string[] = [], spec: string[] = []): string => `---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: data
  annotations:
    team: data
${annotations.map((line) => `    ${line}\n`).join('')}spec:
  type: LoadBalancer
${spec.map((line) => `  ${line}\n`).join('')}  selector:
    app: db
  ports:
${ports.map((port) => `  - port: ${port}\n`).join('')}`;

testRule(rule, {
  valid: [
    { name: 'a public LoadBalancer with HTTP ports only', files: lb([80, 443]) },
    {
      name: 'an internal LoadBalancer (Azure)',
      files: lb([5432], ['service.beta.kubernetes.io/azure-load-balancer-internal: "true"']),
    },
    {
      name: 'a LoadBalancer whose exposure is unknown (a custom loadBalancerClass)',
      files: lb([5432], [], ['loadBalancerClass: example.com/internal-vip']),
    },
    {
      name: 'source ranges that restrict the clients',
      files: lb([5432, 6379], [], ['loadBalancerSourceRanges:', '- 10.0.0.0/8', '- 2001:db8::/32']),
    },
    {
      name: 'the source-ranges annotation that restricts the clients',
      files: lb(
        [5432],
        ['service.beta.kubernetes.io/load-balancer-source-ranges: "203.0.113.0/24, 198.51.100.7/32"'],
      ),
    },
    {
      name: 'the field, which wins over an allow-all annotation',
      files: lb(
        [5432],
        ['service.beta.kubernetes.io/load-balancer-source-ranges: 0.0.0.0/0'],
        ['loadBalancerSourceRanges: [10.0.0.0/8]'],
      ),
    },
    {
      name: 'a sensitive port on a ClusterIP Service',
      files: lb([5432]).replace('type: LoadBalancer', 'type: ClusterIP'),
    },
    {
      name: 'ignored by annotation',
      files: lb([5432], ['ingress-advisor.io/ignore: lb-sensitive-port-public']),
    },
  ],
  invalid: [
    {
      name: 'PostgreSQL next to HTTP, on the line of the PostgreSQL port',
      files: lb([80, 5432]),
      errors: [
        {
          messageId: 'exposed',
          line: 15,
          severity: 'error',
          data: { service: 'data/db', port: 5432, what: 'PostgreSQL' },
        },
      ],
    },
    {
      name: 'one finding per sensitive port',
      files: lb([6379, 22, 443]),
      errors: [
        { messageId: 'exposed', line: 14, data: { port: 6379, what: 'Redis' } },
        { messageId: 'exposed', line: 15, data: { port: 22, what: 'SSH' } },
      ],
    },
    {
      name: 'a sensitive port found by its name',
      files: lb([]).replace('  ports:\n', '  ports:\n  - name: redis\n    port: 7000\n'),
      errors: [{ messageId: 'exposed', data: { port: 7000, what: 'Redis' } }],
    },
    {
      name: 'source ranges that include 0.0.0.0/0',
      files: lb([3306], [], ['loadBalancerSourceRanges:', '- 10.0.0.0/8', '- 0.0.0.0/0']),
      errors: [{ messageId: 'openToAll', line: 17, data: { port: 3306, what: 'MySQL', range: '0.0.0.0/0' } }],
    },
    {
      name: 'the source-ranges annotation set to ::/0',
      files: lb([27017], ['service.beta.kubernetes.io/load-balancer-source-ranges: "::/0"']),
      errors: [{ messageId: 'openToAll', data: { what: 'MongoDB', range: '::/0' } }],
    },
    {
      name: 'an internet-facing AWS NLB, with the AWS annotation to make it internal',
      files: lb(
        [2379],
        [
          'service.beta.kubernetes.io/aws-load-balancer-type: external',
          'service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing',
        ],
      ),
      errors: [
        {
          messageId: 'exposed',
          data: {
            what: 'etcd',
            reason: 'service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing',
            internal: 'annotation service.beta.kubernetes.io/aws-load-balancer-scheme: internal',
          },
        },
      ],
    },
    {
      name: 'a MetalLB address that is public',
      files: lb([11211], ['metallb.io/loadBalancerIPs: 203.0.113.10']),
      errors: [
        {
          messageId: 'exposed',
          data: {
            what: 'Memcached',
            reason: 'MetalLB public address 203.0.113.10',
            internal: 'an address pool of private addresses',
          },
        },
      ],
    },
    {
      name: 'a public Azure load balancer, with the Azure annotation to make it internal',
      files: lb([3389], ['service.beta.kubernetes.io/azure-load-balancer-internal: "false"']),
      errors: [
        {
          messageId: 'exposed',
          data: {
            what: 'RDP',
            internal: 'annotation service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
          },
        },
      ],
    },
  ],
});
