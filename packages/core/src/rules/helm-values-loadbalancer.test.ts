import rule from './helm-values-loadbalancer.js';
import { testRule } from './test-support/rule-tester.js';

const ingressNginx = `controller:
  replicaCount: 2
  service:
    enabled: true
    type: LoadBalancer
    annotations:
      service.beta.kubernetes.io/aws-load-balancer-type: nlb
`;

/** `depth` nested mappings, `a:` and last `service:`, with `type: LoadBalancer` at the bottom. */
const nested = (depth: number): string =>
  `${Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}${level === depth - 1 ? 'service' : 'a'}:\n`).join('')}${'  '.repeat(depth)}type: LoadBalancer\n`;

/** A values file with `count` services, each of type LoadBalancer. */
const manyServices = (count: number): string =>
  `services:\n${Array.from({ length: count }, (_, index) => `  - name: s${index}\n    type: LoadBalancer\n`).join('')}`;

testRule(rule, {
  valid: [
    {
      name: 'values that keep the Service ClusterIP',
      files: { 'values.yaml': 'service:\n  type: ClusterIP\n' },
    },
    {
      name: 'a differently cased value, which Kubernetes would reject rather than provision',
      files: { 'values.yaml': 'service:\n  type: loadbalancer\n' },
    },
    {
      name: 'a key named type holding something else',
      files: { 'values.yaml': 'service:\n  type:\n    name: LoadBalancer\n' },
    },
    {
      name: 'a file that is not a values file',
      files: { 'config.yaml': 'service:\n  type: LoadBalancer\n' },
    },
    { name: 'a type deeper than the walk goes', files: { 'values.yaml': nested(51) } },
    {
      name: 'a LoadBalancer block switched off with enabled: false, as charts write optional Services',
      files: {
        'values.yaml':
          'controller:\n  service:\n    type: ClusterIP\n  admissionService:\n    enabled: false\n    type: LoadBalancer\n',
      },
    },
    {
      name: 'a type that is not a Service type',
      files: {
        'values.yaml': 'persistence:\n  type: LoadBalancer\nupdateStrategy:\n  type: RollingUpdate\n',
      },
    },
  ],
  invalid: [
    {
      name: "ingress-nginx's controller Service, on the line of type",
      files: { 'charts/ingress/values.yaml': ingressNginx },
      errors: [
        {
          messageId: 'loadBalancer',
          file: 'charts/ingress/values.yaml',
          line: 5,
          severity: 'warning',
          data: { path: 'controller.service.type', file: 'charts/ingress/values.yaml' },
        },
      ],
    },
    {
      name: 'Services in a list, and a key with a dot, as helm --set writes them',
      files: {
        'values-prod.yaml': `services:
  - name: web
    type: ClusterIP
  - name: mqtt
    type: LoadBalancer
extra:
  my.svc:
    type: LoadBalancer
`,
      },
      errors: [
        { messageId: 'loadBalancer', line: 5, data: { path: 'services[1].type' } },
        { messageId: 'loadBalancer', line: 8, data: { path: 'extra.my\\.svc.type' } },
      ],
    },
    {
      name: 'a type as deep as the walk goes',
      files: { 'values.yaml': nested(50) },
      errors: [{ messageId: 'loadBalancer', line: 51 }],
    },
    {
      name: 'at most 100 findings per file',
      files: { 'values.yaml': manyServices(150) },
      errors: Array.from({ length: 100 }, (_, index) => ({
        messageId: 'loadBalancer',
        line: 3 + 2 * index,
        data: { path: `services[${index}].type` },
      })),
    },
  ],
});
