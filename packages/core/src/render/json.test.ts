import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { renderJson } from './json.js';
import { FIXTURE_FILES, fixtureReport } from './test-support/fixture.js';

describe('renderJson', () => {
  it('writes the same bytes for the same input', () => {
    expect(renderJson(analyze(FIXTURE_FILES))).toBe(renderJson(fixtureReport()));
  });

  it('round-trips to the Report, with schemaVersion 2 and a final newline', () => {
    const report = fixtureReport();
    const json = renderJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(JSON.parse(json).schemaVersion).toBe(2);
  });

  it('writes the same bytes whatever order the files come in', () => {
    const expected = renderJson(analyze(FIXTURE_FILES));
    fc.assert(
      fc.property(fc.shuffledSubarray([...FIXTURE_FILES], { minLength: FIXTURE_FILES.length }), (files) => {
        expect(renderJson(analyze(files))).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });
});
