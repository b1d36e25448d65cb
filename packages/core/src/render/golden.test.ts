/**
 * Golden files: each format of one realistic report, diffed against `__golden__/`. After an
 * intended change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run packages/core/src/render`
 * and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { fixtureReport } from './test-support/fixture.js';
import { renderText } from './text.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const report = fixtureReport();
const linkToSource = (file: string, line: number): string =>
  `https://github.com/acme/shop/blob/0123456789abcdef0123456789abcdef01234567/${file}#L${line}`;

const OUTPUTS: ReadonlyArray<[file: string, render: () => string]> = [
  ['report.txt', () => renderText(report, { color: false })],
  ['report.color.txt', () => renderText(report, { color: true })],
  ['report.md', () => renderMarkdown(report, { linkToSource })],
  ['report.sarif.json', () => renderSarif(report, { toolVersion: '0.0.0-golden' })],
  ['report.json', () => renderJson(report)],
];

describe('golden files', () => {
  for (const [file, render] of OUTPUTS) {
    it(`${file} matches`, () => {
      const path = join(GOLDEN_DIR, file);
      const actual = render();
      if (UPDATE || !existsSync(path)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, actual);
        if (!UPDATE) throw new Error(`${file} did not exist and was written; review it and run again.`);
        return;
      }
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});
