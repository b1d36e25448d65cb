import rule from './service-selector-no-match.js';
import { testRule } from './test-support/rule-tester.js';

/** A Service whose `selector:` key is on line 8 (`selector` is one or more `key: value` lines). */
const service = (selector = 'app: api', namespace = 'shop', extra = ''): string => `---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: ${namespace}
spec:${extra}
  selector:
    ${selector}
  ports:
  - name: http
    port: 80
`;

/** A Deployment whose pod template carries `labels`. */
const deployment = (labels = 'app: api', namespace = 'shop', name = 'api'): string => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
      - name: api
        image: api:1
`;

const cronJob = (labels: string): string => `---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: shop
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            ${labels}
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: report:1
`;

const pod = (labels: string): string => `---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
  labels:
    ${labels}
spec:
  containers:
  - name: debug
    image: busybox
`;

testRule(rule, {
  valid: [
    { name: 'a selector that matches a Deployment pod template', files: service() + deployment() },
    {
      name: 'a selector that is a subset of the template labels',
      files: service() + deployment('{app: api, tier: back, version: v2}'),
    },
    {
      name: 'a selector that matches a CronJob job template',
      files: service('app: report') + cronJob('app: report'),
    },
    {
      name: 'a selector that matches a Pod by its own labels',
      files: service('run: debug') + pod('run: debug'),
    },
    {
      name: 'an ExternalName Service, even with a selector',
      files:
        service('app: nothing', 'shop', '\n  type: ExternalName\n  externalName: api.example.net') +
        deployment(),
    },
    {
      name: 'a Service without a selector (endpoints managed by hand or a controller)',
      files: `---
apiVersion: v1
kind: Service
metadata:
  name: legacy-db
  namespace: shop
spec:
  ports:
  - port: 5432
${deployment()}`,
    },
    {
      name: 'a namespace with no workloads in the set (pods may come from elsewhere)',
      files: service('app: api', 'payments') + deployment('app: web'),
    },
    {
      name: 'a Service in a/svc.yaml and its Deployment in b/deploy.yaml',
      files: { 'a/svc.yaml': service(), 'b/deploy.yaml': deployment() },
    },
    {
      name: 'a namespace-less Service and a Deployment in default',
      files: {
        'a/svc.yaml': service().replace('  namespace: shop\n', ''),
        'b/deploy.yaml': deployment('app: api', 'default'),
      },
    },
    {
      name: 'an unreadable workload in the namespace (manifest-invalid reports it)',
      brokenInput: true,
      files: `${service()}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: api
    spec:
      containers: "api"
`,
    },
    {
      name: 'a Service an Ingress routes to, whose broken chain ingress-backend-unknown-service reports',
      files: `${service()}${deployment('app: web')}---
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
        name: http
`,
    },
    {
      name: 'turned off in the configuration',
      files: service() + deployment('app: web'),
      config: { rules: { 'service-selector-no-match': 'off' } },
    },
  ],
  invalid: [
    {
      name: 'a selector no pod template matches, on the selector line',
      files: service() + deployment('tier: db'),
      errors: [
        {
          messageId: 'none',
          line: 8,
          severity: 'warning',
          data: { service: 'shop/api', selector: 'app=api', namespace: 'shop', kinds: 'Deployment' },
        },
      ],
    },
    {
      name: 'labels on the Deployment itself, not on its pod template',
      files: `${service()}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels:
    app: api
spec:
  template:
    metadata:
      labels:
        component: api
    spec:
      containers:
      - name: api
        image: api:1
`,
      errors: [
        {
          messageId: 'near',
          line: 8,
          data: { closest: 'Deployment shop/api has component=api (not app=api)' },
        },
      ],
    },
    {
      name: 'a value that differs by a typo, naming the workload',
      files: service() + deployment('app: apii') + deployment('app: billing', 'shop', 'billing'),
      errors: [{ messageId: 'near', data: { closest: 'Deployment shop/api has app=apii (not api)' } }],
    },
    {
      name: 'a partly matching label set, naming the one label that differs',
      files: service('{app: api, tier: web}') + deployment('{app: api, tier: backend}'),
      errors: [
        {
          messageId: 'near',
          data: { selector: 'app=api,tier=web', closest: 'Deployment shop/api has tier=backend (not web)' },
        },
      ],
    },
    {
      name: 'the wanted value under another key',
      files: service() + deployment('app.kubernetes.io/name: api'),
      errors: [
        {
          messageId: 'near',
          data: { closest: 'Deployment shop/api has app.kubernetes.io/name=api (not app=api)' },
        },
      ],
    },
    {
      name: 'matching pods in another namespace do not count',
      files: service() + deployment('app: api', 'payments') + cronJob('app: report') + pod('run: debug'),
      errors: [{ messageId: 'none', data: { namespace: 'shop', kinds: 'CronJob or Pod' } }],
    },
    {
      name: 'a CronJob whose own labels match but whose job template does not',
      files:
        service('app: report') +
        cronJob('app: reporter').replace(
          '  namespace: shop\n',
          '  namespace: shop\n  labels:\n    app: report\n',
        ),
      errors: [{ messageId: 'near', data: { closest: 'CronJob shop/report has app=reporter (not report)' } }],
    },
    {
      name: 'a namespace-less Service judged against workloads in default, across files',
      files: {
        'k8s/svc.yaml': service().replace('  namespace: shop\n', ''),
        'k8s/deploy.yaml': deployment('app: web').replace('  namespace: shop\n', ''),
      },
      errors: [
        { messageId: 'none', file: 'k8s/svc.yaml', line: 7, data: { service: 'api', namespace: 'default' } },
      ],
    },
    {
      name: 'a Service an Ingress reaches through a port it lacks: the chain breaks at the port, not here',
      files: `${service()}${deployment('tier: db')}---
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
        name: grpc
`,
      errors: [{ messageId: 'none', line: 8 }],
    },
  ],
});
