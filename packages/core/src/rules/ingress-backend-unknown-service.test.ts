import rule from './ingress-backend-unknown-service.js';
import { testRule } from './test-support/rule-tester.js';

/** An Ingress with one rule; its backend's `service:` key is on line 16. */
const ingress = (port: string, service = 'api', namespace = 'shop'): string => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: ${namespace}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: ${service}
            port:
              ${port}
`;

/** Service `api` with ports http/80 (targetPort `web`) and metrics/9090. */
const service = (selector = 'app: api', namespace = 'shop', name = 'api'): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    ${selector}
  ports:
  - name: http
    port: 80
    targetPort: web
  - name: metrics
    port: 9090
`;

/** A Deployment whose pod template has `labels` and one container declaring `ports`. */
const deployment = (labels = 'app: api', ports = 'name: web', namespace = 'shop'): string => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      ${labels}
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
      - name: api
        image: api:1
        ports:
        - ${ports}
          containerPort: 8080
`;

const otherService = service('app: other', 'shop', 'other');

testRule(rule, {
  valid: [
    {
      name: 'a chain that holds, by port number',
      files: ingress('number: 80') + service() + deployment(),
    },
    {
      name: 'a chain that holds, by port name',
      files: ingress('name: metrics') + service() + deployment(),
    },
    {
      name: 'the set holds no Service of the namespace (it may be deployed from elsewhere)',
      files: ingress('number: 80') + deployment(),
    },
    {
      name: 'a resource backend',
      files: `${otherService}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: assets
  namespace: shop
spec:
  defaultBackend:
    resource:
      apiGroup: k8s.example.com
      kind: StorageBucket
      name: static-assets
`,
    },
    {
      name: 'a Service without a selector (endpoints managed elsewhere)',
      files: `${ingress('number: 80')}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  ports:
  - port: 80
`,
    },
    {
      name: 'no workload of the namespace in the set',
      files: ingress('number: 80') + service(),
    },
    {
      name: 'an ExternalName Service that lists no ports',
      files: `${ingress('number: 443')}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  type: ExternalName
  externalName: api.example.net
`,
    },
    {
      name: 'a Service written twice, one copy of which holds the chain',
      files: {
        'envs/dev/svc.yaml': service().replace('port: 80', 'port: 8081'),
        'envs/prod/svc.yaml': service(),
        'envs/prod/ingress.yaml': ingress('number: 80'),
        'envs/prod/deploy.yaml': deployment(),
      },
    },
    {
      name: 'an unreadable Service (manifest-invalid reports it)',
      brokenInput: true,
      files: `${ingress('number: 80')}${otherService}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  ports: "80"
`,
    },
    {
      name: 'an unreadable workload of the namespace (manifest-invalid reports it)',
      brokenInput: true,
      files: `${ingress('number: 80')}${service()}---
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
      name: 'an Ingress, Service and Deployment in three folders',
      files: {
        'a/ingress.yaml': ingress('number: 80'),
        'b/svc.yaml': service(),
        'c/deploy.yaml': deployment(),
      },
    },
    {
      name: 'objects without a namespace resolve against objects in default',
      files: {
        'a/ingress.yaml': ingress('number: 80').replace('  namespace: shop\n', ''),
        'b/svc.yaml': service('app: api', 'default'),
        'c/deploy.yaml': deployment().replace('  namespace: shop\n', ''),
      },
    },
    {
      name: 'a legacy extensions/v1beta1 Ingress whose chain holds',
      files: `---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
  namespace: shop
spec:
  backend:
    serviceName: api
    servicePort: http
${service()}${deployment()}`,
    },
    {
      name: 'ignored by annotation',
      files:
        ingress('number: 8080').replace(
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    ingress-advisor.io/ignore: ingress-backend-unknown-service\n',
        ) + otherService,
    },
  ],
  invalid: [
    {
      name: 'a Service that is not in the analysed files, saying so rather than that it does not exist',
      files: ingress('number: 8080') + otherService,
      errors: [
        {
          messageId: 'noService',
          line: 16,
          severity: 'error',
          data: {
            ingress: 'shop/web',
            route: 'shop.example.com/api',
            service: 'api',
            port: 8080,
            namespace: 'shop',
          },
        },
      ],
    },
    {
      name: 'a Service found only in another namespace',
      files: ingress('number: 80') + otherService + service('app: api', 'payments'),
      errors: [{ messageId: 'serviceElsewhere', line: 16, data: { elsewhere: 'namespace payments' } }],
    },
    {
      name: 'a port number the Service does not have, listing the ports it has',
      files: ingress('number: 8080') + service() + deployment(),
      errors: [
        {
          messageId: 'noPort',
          line: 16,
          data: { service: 'api', port: 8080, ports: 'http/80, metrics/9090' },
        },
      ],
    },
    {
      name: 'a port number that an unnamed Service port must not match by its empty name (kube-score bug)',
      files: `${ingress('number: 8080')}---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
  - port: 80
`,
      errors: [{ messageId: 'noPort', line: 16, data: { port: 8080, ports: '80' } }],
    },
    {
      name: 'a port name the Service does not have',
      files: ingress('name: grpc') + service() + deployment(),
      errors: [{ messageId: 'noPort', line: 16, data: { port: 'grpc', ports: 'http/80, metrics/9090' } }],
    },
    {
      name: 'a Service that selects no pods, naming the kinds, namespace and selector searched',
      files: ingress('number: 80') + service() + deployment('tier: db'),
      errors: [
        {
          messageId: 'noPods',
          line: 16,
          data: { service: 'api', port: 'http', kinds: 'Deployment', namespace: 'shop', selector: 'app=api' },
        },
      ],
    },
    {
      name: 'a Service that selects no pods, naming the closest pod template',
      files: ingress('number: 80') + service() + deployment('app: api-v2'),
      errors: [
        {
          messageId: 'noPodsNear',
          line: 16,
          data: { closest: 'Deployment shop/api has app=api-v2 (not api)' },
        },
      ],
    },
    {
      name: 'a named targetPort that the selected pod template does not declare',
      files: ingress('number: 80') + service() + deployment('app: api', 'name: http'),
      errors: [
        {
          messageId: 'targetPortMissing',
          line: 16,
          data: {
            service: 'api',
            port: 'http',
            targetPort: 'web',
            templates: 'Deployment shop/api (declares http)',
          },
        },
      ],
    },
    {
      name: 'the default backend and a host-less rule, one finding each on its own line',
      files: `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 80
  rules:
  - http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
${service()}${deployment()}`,
      errors: [
        {
          messageId: 'noService',
          line: 9,
          data: { service: 'fallback', route: 'requests no rule matches (default backend)' },
        },
        { messageId: 'noPort', line: 19, data: { service: 'api', route: '/api (any host)' } },
      ],
    },
    {
      name: 'a legacy extensions/v1beta1 backend, on its backend line',
      files: `---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
  namespace: shop
spec:
  rules:
  - host: old.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: api
          servicePort: 8080
${service()}${deployment()}`,
      errors: [{ messageId: 'noPort', line: 13, data: { ingress: 'shop/old', route: 'old.example.com/' } }],
    },
    {
      name: 'a broken chain across folders, reported in the Ingress file',
      files: {
        'a/ingress.yaml': ingress('number: 80'),
        'b/svc.yaml': service(),
        'c/deploy.yaml': deployment('app: web'),
      },
      errors: [{ messageId: 'noPods', file: 'a/ingress.yaml', line: 16, data: { selector: 'app=api' } }],
    },
    {
      name: 'a namespace-less Ingress and a Service in default',
      files: {
        'a/ingress.yaml': ingress('number: 8080').replace('  namespace: shop\n', ''),
        'b/svc.yaml': service('app: api', 'default'),
      },
      errors: [{ messageId: 'noPort', line: 15, data: { ingress: 'web', namespace: 'default' } }],
    },
  ],
});
