import { testRule } from './test-support/rule-tester.js';
import rule from './yaml-duplicate-key.js';

const service = (extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
${extra}  ports:
  - port: 80
`;

testRule(rule, {
  valid: [
    { name: 'every key once', files: service('') },
    { name: 'the same key in two different mappings', files: service('  type: ClusterIP\n') },
    {
      name: 'the same key in two documents of one file',
      files: `${service('  type: ClusterIP\n')}---\n${service('  type: ClusterIP\n')}`,
    },
  ],
  invalid: [
    {
      name: 'a key written twice in spec: the later value wins',
      files: service('  type: ClusterIP\n  type: LoadBalancer\n'),
      errors: [
        {
          messageId: 'duplicate',
          line: 10,
          severity: 'warning',
          data: { key: 'type', where: 'Service shop/web' },
        },
      ],
    },
    {
      name: 'a duplicate inside a list item, named after its object',
      files: service('').replace('  - port: 80\n', '  - port: 80\n    port: 81\n'),
      errors: [{ messageId: 'duplicate', line: 11, data: { key: 'port', where: 'Service shop/web' } }],
    },
  ],
});
