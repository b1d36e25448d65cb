import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/** A key written twice in one mapping: the last value wins, which is rarely what was meant. */
export default defineRule({
  id: 'yaml-duplicate-key',
  reads: [],
  severity: 'warning',
  summary: 'A YAML key is written twice in the same mapping.',
  why: 'kubectl keeps the last value and only warns (or fails under strict field validation), so the first value is silently lost.',
  fix: 'Remove one of the two "{{key}}" entries, keeping the value you mean.',
  messages: {
    duplicate: 'Key "{{key}}" appears twice in {{where}}; the later value wins.',
  },
  check(inventory, context) {
    for (const problem of inventory.problems) {
      if (problem.kind !== 'duplicate-key') continue;
      context.report({
        messageId: 'duplicate',
        data: {
          key: problem.key,
          where: problem.object ? `${problem.object.kind} ${displayName(problem.object)}` : 'this document',
        },
        file: problem.file,
        line: problem.line,
      });
    }
  },
});
