import rule from './lb-http-consolidate.js';
import { fixtureCase } from './test-support/fixtures.js';
import { testRule } from './test-support/rule-tester.js';

const lb = (name: string, port: number, extra = '', namespace = 'shop'): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}${extra}
spec:
  type: LoadBalancer
  selector:
    app: ${name}
  ports:
  - name: http
    port: ${port}
    targetPort: 8080
`;

const mqtt = `---
apiVersion: v1
kind: Service
metadata:
  name: broker
spec:
  type: LoadBalancer
  ports:
  - port: 1883
`;

/** An ingress or gateway controller's LoadBalancer, recognised by the image its pods run. */
const controller = (name: string, namespace: string, image: string, annotations = ''): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}${annotations}
spec:
  type: LoadBalancer
  selector:
    app: ${name}
  ports:
  - {name: http, port: 80, targetPort: 8080}
  - {name: https, port: 443, targetPort: 8443}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: proxy
        image: ${image}
        ports:
        - {containerPort: 8080}
        - {containerPort: 8443}
`;

const internal = '\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"';

const entryPoints = fixtureCase('entry-points/cluster');
const ingressNginx = Object.fromEntries(
  Object.entries(entryPoints).filter(([path]) => path.endsWith('ingress-nginx.yaml')),
);

testRule(rule, {
  valid: [
    { name: 'a single HTTP LoadBalancer with no entry point in the set', files: lb('web', 80) },
    { name: 'L4 LoadBalancers', files: mqtt + mqtt.replace('broker', 'broker-2') },
    {
      name: 'one public and one internal HTTP LoadBalancer (different entry points)',
      files:
        lb('web', 80) +
        lb(
          'admin',
          80,
          '\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
        ),
    },
    {
      name: 'ignored by annotation',
      files:
        lb('web', 80, '\n  annotations:\n    ingress-advisor.io/ignore: lb-http-consolidate') +
        lb('api', 80, '\n  annotations:\n    ingress-advisor.io/ignore: all'),
    },
    {
      name: 'turned off in the configuration',
      files: lb('web', 80) + lb('api', 443),
      config: { rules: { 'lb-http-consolidate': 'off' } },
    },
    {
      name: 'the official ingress-nginx deploy manifest: its controller is the entry point, not an app to consolidate',
      files: ingressNginx,
    },
    {
      name: 'two controllers of the set are never consolidated with each other',
      files:
        controller('edge', 'traefik', 'docker.io/traefik:v3.5.3') +
        controller('gateway', 'kong', 'kong/kong-gateway:3.10.0.0'),
    },
    {
      name: 'a controller next to an Ingress of the set is not told to join the Ingress controller',
      files: {
        ...ingressNginx,
        'ingress.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n',
      },
    },
    {
      name: 'a public app next to an internal controller: nothing it can join',
      files: controller('edge', 'traefik', 'docker.io/traefik:v3.5.3', internal) + lb('web', 80),
    },
    {
      name: 'an app next to an Istio east-west gateway, which carries mesh traffic only',
      files: `${lb('web', 80)}---
apiVersion: v1
kind: Service
metadata:
  name: istio-eastwestgateway
  namespace: istio-system
  labels: {istio: eastwestgateway, app: istio-eastwestgateway}
spec:
  type: LoadBalancer
  selector: {istio: eastwestgateway}
  ports:
  - {name: status-port, port: 15021}
  - {name: tls, port: 15443}
`,
    },
  ],
  invalid: [
    {
      name: 'three HTTP LoadBalancers, one on each line of type: LoadBalancer',
      files: lb('web', 80) + lb('api', 443) + lb('admin', 8080),
      errors: [
        {
          messageId: 'group',
          line: 8,
          data: { service: 'shop/web', count: 3, saved: 2, saving: '$36.50', others: 'shop/api, shop/admin' },
        },
        {
          messageId: 'group',
          line: 22,
          data: { service: 'shop/api', count: 3, others: 'shop/web, shop/admin' },
        },
        {
          messageId: 'group',
          line: 36,
          data: { service: 'shop/admin', count: 3, others: 'shop/web, shop/api' },
        },
      ],
    },
    {
      // Hundreds of LoadBalancers would otherwise repeat the whole list in every finding.
      name: 'a large group names five other Services and counts the rest',
      files: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => lb(name, 80)).join(''),
      errors: [
        {
          messageId: 'group',
          data: { service: 'shop/a', others: 'shop/b, shop/c, shop/d, shop/e, shop/f and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/b', others: 'shop/a, shop/c, shop/d, shop/e, shop/f and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/c', others: 'shop/a, shop/b, shop/d, shop/e, shop/f and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/d', others: 'shop/a, shop/b, shop/c, shop/e, shop/f and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/e', others: 'shop/a, shop/b, shop/c, shop/d, shop/f and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/f', others: 'shop/a, shop/b, shop/c, shop/d, shop/e and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/g', others: 'shop/a, shop/b, shop/c, shop/d, shop/e and 2 more' },
        },
        {
          messageId: 'group',
          data: { service: 'shop/h', others: 'shop/a, shop/b, shop/c, shop/d, shop/e and 2 more' },
        },
      ],
    },
    {
      name: 'the configured price and currency',
      files: lb('web', 80) + lb('api', 80),
      config: { pricePerLoadBalancer: 20, currency: 'EUR' },
      errors: [
        { messageId: 'group', data: { saving: 'EUR 20.00' } },
        { messageId: 'group', data: { saving: 'EUR 20.00' } },
      ],
    },
    {
      name: 'one HTTP LoadBalancer next to an existing Ingress',
      files: `${lb('web', 80)}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: main
  namespace: shop
spec:
  ingressClassName: traefik
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
      errors: [
        { messageId: 'joinExisting', data: { service: 'shop/web', entryPoint: 'an Ingress controller' } },
      ],
    },
    {
      name: 'two apps next to the official ingress-nginx controller are told to route through it',
      files: entryPoints,
      errors: [
        {
          messageId: 'groupEntryPoint',
          file: 'test/fixtures/entry-points/cluster/shop.yaml',
          line: 32,
          data: {
            service: 'shop/storefront',
            count: 2,
            others: 'shop/checkout-api',
            saved: 2,
            saving: '$36.50',
            entryPoint:
              'the existing ingress-nginx controller (Service ingress-nginx/ingress-nginx-controller)',
            route: 'an Ingress of its class',
            target: 'ingress',
            caveat:
              ' ingress-nginx itself was retired in March 2026 (see ingress-nginx-retired): whatever joins it moves again with it.',
          },
        },
        {
          messageId: 'groupEntryPoint',
          line: 76,
          data: { service: 'shop/checkout-api', others: 'shop/storefront', target: 'ingress' },
        },
      ],
    },
    {
      name: 'one app next to Traefik, from its chart',
      files: fixtureCase('entry-points/traefik'),
      errors: [
        {
          messageId: 'joinEntryPoint',
          data: {
            service: 'traefik/whoami',
            saving: '$18.25',
            entryPoint: 'the existing Traefik controller (Service traefik/traefik)',
            route: 'an Ingress of its class (or an HTTPRoute)',
            target: 'ingress',
            caveat: '',
          },
        },
      ],
    },
    {
      name: "one app next to Istio's ingress gateway, and not the app with a sidecar proxy",
      files: fixtureCase('entry-points/istio'),
      errors: [
        {
          messageId: 'joinEntryPoint',
          data: {
            service: 'bookinfo/reviews',
            entryPoint: 'the existing Istio ingress gateway (Service istio-system/istio-ingressgateway)',
            route: 'an HTTPRoute attached to its Gateway (or an Ingress of its class)',
            target: 'gateway',
          },
        },
      ],
    },
    {
      name: 'one app next to the Service a Gateway API implementation created for a Gateway',
      files: `${lb('web', 80)}---
apiVersion: v1
kind: Service
metadata:
  name: public-eg
  namespace: infra
  labels:
    gateway.networking.k8s.io/gateway-name: public
spec:
  type: LoadBalancer
  ports:
  - {name: http, port: 80}
`,
      errors: [
        {
          messageId: 'joinEntryPoint',
          data: {
            service: 'shop/web',
            entryPoint: 'the existing Gateway API implementation (Service infra/public-eg)',
            route: 'an HTTPRoute attached to its Gateway',
            target: 'gateway',
          },
        },
      ],
    },
    {
      name: 'internal apps join an internal controller, public ones the public controller',
      files:
        controller('edge', 'traefik', 'docker.io/traefik:v3.5.3') +
        controller('edge-internal', 'traefik', 'docker.io/traefik:v3.5.3', internal) +
        lb('web', 80) +
        lb('admin', 80, internal),
      errors: [
        {
          messageId: 'joinEntryPoint',
          data: {
            service: 'shop/web',
            entryPoint: 'the existing Traefik controller (Service traefik/edge)',
          },
        },
        {
          messageId: 'joinEntryPoint',
          data: {
            service: 'shop/admin',
            exposure: 'internal',
            entryPoint: 'the existing Traefik controller (Service traefik/edge-internal)',
          },
        },
      ],
    },
  ],
});
