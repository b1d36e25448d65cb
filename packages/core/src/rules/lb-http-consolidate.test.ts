import rule from './lb-http-consolidate.js';
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
  ],
});
