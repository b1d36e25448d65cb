/**
 * docs/rules.md and the rule table of the README are generated from the rules' own metadata; this
 * test fails when they drift. `UPDATE_DOCS=1 pnpm vitest run test/rule-docs.test.ts` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type Rule } from '../packages/core/src/index.js';

const root = new URL('..', import.meta.url);
const update = process.env.UPDATE_DOCS === '1';

function severityOf(rule: Rule): string {
  return rule.severity;
}

/** Placeholders of a template shown as readable words: `{{service}}` becomes `‹service›`. */
function readable(template: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, '‹$1›');
}

function rulesPage(): string {
  const lines = [
    '# Rules',
    '',
    "<!-- Generated from the rules' metadata by test/rule-docs.test.ts; do not edit by hand. -->",
    '',
    'Every finding names the resource, says why it matters and what to do. Severities are defaults; change',
    'them, or turn a rule off, in `.ingress-advisor.yml`. Silence one object with the annotation',
    '`ingress-advisor.io/ignore: "<rule-id>"` (several ids comma-separated, or `all`).',
    '',
  ];
  for (const rule of RULES) {
    lines.push(`## ${rule.id}`, '', `**Default severity:** ${severityOf(rule)}`, '', rule.summary, '');
    lines.push(
      `**Why it matters.** ${rule.why}`,
      '',
      `**What to do.** ${readable(rule.fix)}`,
      '',
      '**Messages**',
      '',
    );
    for (const [id, template] of Object.entries(rule.messages))
      lines.push(`- \`${id}\`: ${readable(template)}`);
    lines.push(
      '',
      '**Ignore it**',
      '',
      '```yaml',
      'metadata:',
      '  annotations:',
      `    ingress-advisor.io/ignore: "${rule.id}"`,
      '```',
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function readmeTable(): string {
  const rows = RULES.map(
    (rule) =>
      `| [\`${rule.id}\`](docs/rules.md#${rule.id}) | ${severityOf(rule)} | ${rule.summary.replace(/\|/g, '\\|')} |`,
  );
  return ['| Rule | Severity | Finds |', '|---|---|---|', ...rows].join('\n');
}

function check(path: string, expected: string): void {
  const url = new URL(path, root);
  if (update) writeFileSync(url, expected);
  expect(
    readFileSync(url, 'utf8'),
    `${path} is stale: run UPDATE_DOCS=1 npx vitest run test/rule-docs.test.ts`,
  ).toBe(expected);
}

describe('generated rule documentation', () => {
  it('docs/rules.md documents every rule from its metadata', () => {
    check('docs/rules.md', rulesPage());
  });

  it('the README rule table lists every rule', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const start = '<!-- rules-table -->';
    const end = '<!-- /rules-table -->';
    const before = readme.slice(0, readme.indexOf(start) + start.length);
    const after = readme.slice(readme.indexOf(end));
    expect(readme.indexOf(start), 'README.md needs <!-- rules-table --> markers').toBeGreaterThan(-1);
    check('README.md', `${before}\n${readmeTable()}\n${after}`);
  });

  it('every rule id equals its file name and is registered once', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(() => readFileSync(new URL(`packages/core/src/rules/${id}.ts`, root))).not.toThrow();
      const source = readFileSync(new URL(`packages/core/src/rules/${id}.ts`, root), 'utf8');
      expect(source).toContain(`id: '${id}'`);
    }
  });
});
