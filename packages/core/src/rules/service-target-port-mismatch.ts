import { defineRule } from './define-rule.js';

// PLACEHOLDER: to be written (see issue 2). Not registered as done.
export default defineRule({
  id: 'service-target-port-mismatch',
  severity: 'warning',
  summary: 'TODO',
  why: 'TODO',
  fix: 'TODO',
  messages: { todo: 'TODO' },
  check() {},
});
