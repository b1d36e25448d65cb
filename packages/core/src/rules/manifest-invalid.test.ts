import rule from './manifest-invalid.js';
import { testRule } from './test-support/rule-tester.js';

const ingress = (port: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: ${port}
`;

testRule(rule, {
  valid: [
    { name: 'a port number', files: ingress('80') },
    {
      name: 'a kind no shape reads',
      files: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
    },
  ],
  invalid: [
    {
      name: 'a port number written as text, the field and the problem named',
      files: ingress('"<port>"'),
      errors: [
        {
          messageId: 'invalid',
          severity: 'error',
          data: { kind: 'Ingress', name: 'shop/web' },
        },
      ],
    },
    {
      name: 'a Service port given as a word',
      files:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: LoadBalancer\n  ports:\n  - port: eighty\n',
      errors: [{ messageId: 'invalid', data: { kind: 'Service', name: 'db' } }],
    },
  ],
});
