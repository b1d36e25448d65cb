import { ALL_SHAPES } from '../inventory/shapes.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/** Objects whose fields have types Kubernetes would reject; they are read as far as possible. */
export default defineRule({
  id: 'manifest-invalid',
  // Every shape: any of them can be invalid.
  reads: [...ALL_SHAPES],
  severity: 'error',
  summary: 'A manifest field has a type or value Kubernetes rejects.',
  why: 'The API server refuses the whole object, so nothing in it is deployed, and other rules cannot reason about it.',
  fix: 'Correct {{field}} in {{kind}} {{name}}: {{problem}}.',
  messages: {
    invalid: '{{kind}} {{name}} has an invalid {{field}}: {{problem}}.',
  },
  check(inventory, context) {
    for (const { object, issues } of inventory.invalid) {
      const first = issues[0];
      if (!first) continue;
      const field =
        first.path.length > 0
          ? first.path
              .map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`))
              .join('')
              .slice(1)
              .replace(/\.\[/g, '[')
          : 'object';
      context.report({
        messageId: 'invalid',
        data: { kind: object.kind, name: displayName(object), field, problem: first.message },
        object,
        path: first.path,
      });
    }
  },
});
