import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, renderJson, type SourceFile } from '@ingress-advisor/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from './json-pieces.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function fixtureSources(): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push({ path: relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(ROOT, 'test/fixtures'));
  return found;
}

describe('jsonPieces', () => {
  it("joins to renderJson's text for the report of every fixture", () => {
    const report = analyze(fixtureSources());
    expect(report.findings.length).toBeGreaterThan(10);
    expect([...jsonPieces(report)].join('')).toBe(renderJson(report));
    expect([...jsonPieces(report, 3)].join('')).toBe(renderJson(report));
  });

  it('joins to the text of JSON.stringify(value, null, 2) for any object', () => {
    const member = fc.oneof(
      fc.jsonValue(),
      fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxLength: 4 }),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constant('line\nbreak'),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), member), fc.integer({ min: 1, max: 3 }), (value, perPiece) => {
        const expected = `${JSON.stringify(value, null, 2)}\n`;
        expect([...jsonPieces(value)].join('')).toBe(expected);
        // Lists longer than a piece, cut in runs.
        expect([...jsonPieces(value, perPiece)].join('')).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
