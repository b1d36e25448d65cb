/**
 * The shared rule tester: rule tests are data. `valid` sets must stay quiet, `invalid` sets must
 * produce exactly the expected findings. Files are loaded exactly as the CLI loads them.
 */
import { describe, expect, it } from 'vitest';
import { type ConfigInput, configSchema } from '../../config/config.js';
import type { SourceFile } from '../../manifests/load.js';
import { analyze } from '../../report/analyze.js';
import type { Finding, MessageData, Rule, Severity } from '../define-rule.js';

/** Files of a case: a single YAML text (as `manifest.yaml`), or paths mapped to texts. */
export type CaseFiles = string | Record<string, string>;

export interface ValidCase {
  name: string;
  files: CaseFiles;
  config?: ConfigInput;
  /**
   * Set when the case feeds deliberately broken input. Otherwise every file must load and every
   * object pass its schema, so no case passes only because its YAML failed to parse.
   */
  brokenInput?: boolean;
}

export interface ExpectedFinding {
  messageId: string;
  /** Compared as a subset: only the keys given are checked. */
  data?: Partial<MessageData>;
  line?: number;
  file?: string;
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** Runs the valid and invalid cases of one rule as a describe block. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const valid of cases.valid) {
      it(`stays quiet: ${valid.name}`, () => {
        expect(findingsOf(rule, valid).map(summarise)).toEqual([]);
      });
    }
    for (const invalid of cases.invalid) {
      it(`reports: ${invalid.name}`, () => {
        const findings = findingsOf(rule, invalid);
        expect(findings, JSON.stringify(findings.map(summarise), null, 2)).toHaveLength(
          invalid.errors.length,
        );
        invalid.errors.forEach((expected, index) => {
          const actual = findings[index] as Finding;
          expect(actual.messageId).toBe(expected.messageId);
          if (expected.data) expect(actual.data).toMatchObject(expected.data);
          if (expected.line !== undefined) expect(actual.line).toBe(expected.line);
          if (expected.file !== undefined) expect(actual.file).toBe(expected.file);
          if (expected.severity !== undefined) expect(actual.severity).toBe(expected.severity);
          // Every message must be complete: no placeholder left unfilled.
          expect(actual.message).not.toMatch(/\{\{/);
          expect(actual.fix).not.toMatch(/\{\{/);
        });
      });
    }
  });
}

/**
 * The findings one rule produces for a case, through the full pipeline, run alone: the loader then
 * keeps only what the rule declares it reads (`reads`), so a rule that reads more than it declares
 * fails its own tests. The same findings must come out of a run of every rule.
 */
export function findingsOf(rule: Rule, testCase: ValidCase): Finding[] {
  const config = configSchema.parse(testCase.config ?? {});
  const sources = toSources(testCase.files);
  const report = analyze(sources, { config });
  const alone = analyze(sources, { config, rules: [rule] }).findings;
  expect(alone, `${testCase.name}: ${rule.id} alone, reading only what it declares`).toEqual(
    report.findings.filter((finding) => finding.ruleId === rule.id),
  );
  if (!testCase.brokenInput) {
    expect(
      report.files.filter((file) => file.status === 'error').map((file) => `${file.path}: ${file.reason}`),
      `${testCase.name}: input must load`,
    ).toEqual([]);
    if (rule.id !== 'manifest-invalid') {
      expect(
        report.findings.filter((finding) => finding.ruleId === 'manifest-invalid').map((f) => f.message),
        `${testCase.name}: input must pass its schema`,
      ).toEqual([]);
    }
  }
  return alone;
}

/** Turns case files into sources. */
export function toSources(files: CaseFiles): SourceFile[] {
  if (typeof files === 'string') return [{ path: 'manifest.yaml', text: files }];
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

function summarise(finding: Finding): string {
  return `${finding.file}:${finding.line} ${finding.messageId} ${finding.message}`;
}
