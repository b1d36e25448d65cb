import rule from './service-target-port-mismatch.js';
import { testRule } from './test-support/rule-tester.js';

/** A Service selecting `app: api`; `ports` is its ports list, which starts on line 11. */
const service = (ports: string, namespace = 'shop'): string => `---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: ${namespace}
spec:
  selector:
    app: api
  ports:
${ports}`;

const httpTo = (targetPort: string): string => `  - name: http
    port: 80
    targetPort: ${targetPort}
`;

/** A Deployment labelled `app: api`; `containers` is its containers list (and more of its pod spec). */
const deployment = (containers: string, name = 'api', namespace = 'shop'): string => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
${containers}`;

const container = (ports: string): string => `      - name: app
        image: app:1
        ports:
${ports}`;

const webOn8080 = container('        - name: web\n          containerPort: 8080\n');
const httpOn8080 = container('        - name: http\n          containerPort: 8080\n');

testRule(rule, {
  valid: [
    {
      name: 'a named targetPort every selected template declares',
      files: service(httpTo('web')) + deployment(webOn8080),
    },
    {
      name: 'a numeric targetPort a container declares',
      files: service(httpTo('8080')) + deployment(webOn8080),
    },
    {
      name: 'a targetPort left out, defaulting to a declared port',
      files: service('  - name: http\n    port: 8080\n') + deployment(webOn8080),
    },
    {
      name: 'a named targetPort declared only by a native sidecar (init container with restartPolicy Always)',
      files:
        service(httpTo('proxy')) +
        deployment(`${webOn8080}      initContainers:
      - name: envoy
        image: envoy:1
        restartPolicy: Always
        ports:
        - name: proxy
          containerPort: 15001
`),
    },
    {
      name: 'a numeric targetPort on a template that declares no ports at all',
      files: service(httpTo('8080')) + deployment('      - name: app\n        image: app:1\n'),
    },
    {
      name: 'a named UDP targetPort declared with protocol UDP',
      files:
        service('  - name: dns\n    port: 53\n    protocol: UDP\n    targetPort: dns\n') +
        deployment(
          container('        - name: dns\n          containerPort: 5353\n          protocol: UDP\n'),
        ),
    },
    {
      name: 'a Service that selects nothing (service-selector-no-match reports it)',
      files: service(httpTo('web')) + deployment(httpOn8080).replace('app: api', 'app: web'),
    },
    {
      name: 'a namespace with no workloads in the set',
      files: service(httpTo('web')) + deployment(httpOn8080, 'api', 'payments'),
    },
    {
      name: 'a Service in a/svc.yaml and its Deployment in b/deploy.yaml',
      files: { 'a/svc.yaml': service(httpTo('web')), 'b/deploy.yaml': deployment(webOn8080) },
    },
    {
      name: 'a namespace-less Service and a Deployment in default',
      files: {
        'a/svc.yaml': service(httpTo('web')).replace('  namespace: shop\n', ''),
        'b/deploy.yaml': deployment(webOn8080, 'api', 'default'),
      },
    },
    {
      name: 'a port whose broken Ingress chain ingress-backend-unknown-service reports',
      files: `${service(httpTo('web'))}${deployment(httpOn8080)}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: nginx
  defaultBackend:
    service:
      name: api
      port:
        number: 80
`,
    },
  ],
  invalid: [
    {
      name: 'a named targetPort the template does not declare, on the targetPort line',
      files: service(httpTo('web')) + deployment(httpOn8080),
      errors: [
        {
          messageId: 'namedMissing',
          line: 13,
          severity: 'error',
          data: {
            service: 'shop/api',
            port: 'http',
            targetPort: 'web',
            templates: 'Deployment shop/api (declares http)',
          },
        },
      ],
    },
    {
      name: 'a named targetPort on a plain init container, which serves nothing',
      files:
        service(httpTo('proxy')) +
        deployment(`${httpOn8080}      initContainers:
      - name: migrate
        image: migrate:1
        ports:
        - name: proxy
          containerPort: 15001
`),
      errors: [{ messageId: 'namedMissing', data: { templates: 'Deployment shop/api (declares http)' } }],
    },
    {
      name: 'a named targetPort missing from one of two selected templates, naming only that one',
      files: service(httpTo('web')) + deployment(webOn8080) + deployment(httpOn8080, 'api-canary'),
      errors: [
        { messageId: 'namedMissing', data: { templates: 'Deployment shop/api-canary (declares http)' } },
      ],
    },
    {
      name: 'a named targetPort on a template with no named ports',
      files: service(httpTo('web')) + deployment(container('        - containerPort: 8080\n')),
      errors: [
        { messageId: 'namedMissing', data: { templates: 'Deployment shop/api (declares no named ports)' } },
      ],
    },
    {
      name: 'a named targetPort declared with another protocol',
      files:
        service('  - name: dns\n    port: 53\n    protocol: UDP\n    targetPort: dns\n') +
        deployment(container('        - name: dns\n          containerPort: 5353\n')),
      errors: [
        {
          messageId: 'namedMissing',
          line: 14,
          data: { port: 'dns/UDP', templates: 'Deployment shop/api (declares dns/TCP)' },
        },
      ],
    },
    {
      name: 'a numeric targetPort no container declares, as a notice',
      files: service(httpTo('9090')) + deployment(webOn8080),
      errors: [
        {
          messageId: 'numberUndeclared',
          line: 13,
          severity: 'notice',
          data: { port: 'http', targetPort: 9090, templates: 'Deployment shop/api (declares 8080)' },
        },
      ],
    },
    {
      name: 'a defaulted targetPort no container declares, on the port line',
      files: service('  - port: 9090\n') + deployment(webOn8080),
      errors: [
        {
          messageId: 'numberUndeclared',
          line: 11,
          severity: 'notice',
          data: { port: '9090', targetPort: 9090 },
        },
      ],
    },
    {
      name: 'each port of a Service judged on its own',
      files:
        service(`${httpTo('web')}  - name: metrics
    port: 9090
    targetPort: metrics
  - name: admin
    port: 9000
`) + deployment(webOn8080),
      errors: [
        { messageId: 'namedMissing', line: 16, data: { port: 'metrics', targetPort: 'metrics' } },
        { messageId: 'numberUndeclared', line: 17, data: { port: 'admin', targetPort: 9000 } },
      ],
    },
    {
      name: 'a configured severity applies to every finding of the rule',
      files: service(`${httpTo('web')}  - name: admin\n    port: 9000\n`) + deployment(httpOn8080),
      config: { rules: { 'service-target-port-mismatch': 'warning' } },
      errors: [
        { messageId: 'namedMissing', severity: 'warning' },
        { messageId: 'numberUndeclared', severity: 'warning' },
      ],
    },
    {
      name: 'a Service and Deployment in different folders',
      files: { 'a/svc.yaml': service(httpTo('web')), 'b/deploy.yaml': deployment(httpOn8080) },
      errors: [{ messageId: 'namedMissing', file: 'a/svc.yaml', line: 13 }],
    },
  ],
});
