/** Every rule file is registered in index.ts, once, under an id equal to its file name. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from './index.js';

const RULE_FILES = readdirSync(new URL('.', import.meta.url))
  .filter(
    (name) =>
      name.endsWith('.ts') && !name.endsWith('.test.ts') && !['index.ts', 'define-rule.ts'].includes(name),
  )
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();

describe('the rule registry', () => {
  it('lists every rule file, by the id its file is named after', () => {
    expect([...RULE_IDS].sort()).toEqual(RULE_FILES);
  });

  it('has no rule twice, and keeps them in id order', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    expect([...RULE_IDS]).toEqual([...RULE_IDS].sort());
  });
});
