import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import * as ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../manifests/load.js';
import { analyze } from '../report/analyze.js';
import type { Report } from '../report/model.js';
import { RULES } from '../rules/index.js';
import { FINGERPRINT_KEY, fingerprintOf, pascalCase, renderSarif, SARIF_SCHEMA_URI } from './sarif.js';
import { FIXTURE_FILES, fixtureReport, hostileReport, withManyFindings } from './test-support/fixture.js';

// ajv-formats is CommonJS with an `exports.default`; how it arrives depends on the ESM interop.
const addFormats = (ajvFormats as unknown as { default: FormatsPlugin }).default;

/**
 * The official SARIF 2.1.0 schema (OASIS, rtm.5) as shipped by @microsoft/jest-sarif. It is
 * written for JSON Schema draft-04, which Ajv 8 does not load; it uses no keyword whose meaning
 * changed since (no exclusiveMinimum/Maximum), so only the root `id` needs its later name.
 */
function sarifValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const {
    $schema: _draft04,
    id,
    ...schema
  } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // The schema's `language` pattern has a stray `]`, an error under the `u` flag Ajv 8 uses by default.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id as string, ...schema });
}

const validate = sarifValidator();

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: Array<{
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          defaultConfiguration: { level: string };
          properties: { tags: string[] };
        }>;
      };
    };
    invocations: Array<{ toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations?: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region?: { startLine: number };
        };
      }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}

function sarifOf(report: Report): SarifLog {
  return JSON.parse(renderSarif(report, { toolVersion: '1.2.3' })) as SarifLog;
}

function expectValid(report: Report): void {
  const log = JSON.parse(renderSarif(report, { toolVersion: '1.2.3' }));
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0 for a realistic report, an empty one, a hostile one and a large one', () => {
    expectValid(fixtureReport());
    expectValid(analyze([]));
    expectValid(hostileReport());
    expectValid(withManyFindings(fixtureReport(), 500));
  });

  it('the validator rejects what code scanning rejects', () => {
    const log = sarifOf(fixtureReport()) as unknown as { runs: Array<Record<string, unknown>> };
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const { tool: _tool, ...runWithoutTool } = log.runs[0]!;
    expect(validate({ ...log, runs: [runWithoutTool] })).toBe(false);
    const results = log.runs[0]!.results as Array<Record<string, unknown>>;
    const withLevel = (level: string) => ({
      ...log,
      runs: [{ ...log.runs[0], results: [{ ...results[0], level }] }],
    });
    expect(validate(withLevel('warning'))).toBe(true);
    expect(validate(withLevel('notice'))).toBe(false);
  });

  it('names the schema, the version and the tool', () => {
    const log = sarifOf(fixtureReport());
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver).toMatchObject({
      name: 'ingress-advisor',
      version: '1.2.3',
      informationUri: 'https://github.com/ingress-advisor/ingress-advisor',
    });
  });

  it('always has a results array, even with no findings', () => {
    expect(sarifOf(analyze([])).runs[0]!.results).toEqual([]);
  });

  it('describes every rule from its metadata', () => {
    const rules = sarifOf(analyze([])).runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id).sort());
    for (const descriptor of rules) {
      const rule = RULES.find((candidate) => candidate.id === descriptor.id)!;
      expect(descriptor.name).toBe(pascalCase(rule.id));
      expect(descriptor.shortDescription.text).toBe(rule.summary);
      expect(descriptor.fullDescription.text).toBe(rule.why);
      expect(descriptor.help.text.startsWith(rule.why)).toBe(true);
      expect(descriptor.help.markdown.startsWith(rule.why)).toBe(true);
      expect(descriptor.defaultConfiguration.level).toBe(
        { error: 'error', warning: 'warning', notice: 'note' }[rule.severity],
      );
      expect(descriptor.properties.tags).toContain('kubernetes');
    }
  });

  it('shows fix placeholders as <name> in rule help', () => {
    const rule = sarifOf(analyze([])).runs[0]!.tool.driver.rules.find((r) => r.id === 'lb-http-consolidate')!;
    expect(rule.help.text).toContain('Fix: Route <service> through <entryPoint>');
    expect(rule.help.markdown).toContain('**Fix:** Route \\<service\\> through \\<entryPoint\\>');
  });

  it('turns rule ids into PascalCase names', () => {
    expect(pascalCase('lb-http-consolidate')).toBe('LbHttpConsolidate');
    expect(pascalCase('api-removed')).toBe('ApiRemoved');
  });

  it('puts each finding at its real line, with its rule index and level', () => {
    const report = fixtureReport();
    const log = sarifOf(report);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(log.runs[0]!.results).toHaveLength(report.findings.length);
    for (const result of log.runs[0]!.results) {
      const finding = report.findings.find(
        (f) =>
          f.message === result.message.text &&
          f.line === result.locations?.[0]?.physicalLocation.region?.startLine,
      );
      expect(finding).toBeDefined();
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.level).toBe({ error: 'error', warning: 'warning', notice: 'note' }[finding!.severity]);
      expect(result.locations![0]!.physicalLocation.artifactLocation).toEqual({
        uri: finding!.file,
        uriBaseId: '%SRCROOT%',
      });
    }
  });

  it('maps notices to the note level', () => {
    const report = fixtureReport();
    const notice = { ...report.findings[0]!, severity: 'notice' as const };
    expect(sarifOf({ ...report, findings: [notice] }).runs[0]!.results[0]!.level).toBe('note');
  });

  it('writes relative URIs with forward slashes, percent-encoded', () => {
    const report = fixtureReport();
    const finding = { ...report.findings[0]!, file: '.\\apps\\my shop\\svc#1.yaml' };
    const log = sarifOf({ ...report, findings: [finding] });
    expect(log.runs[0]!.results[0]!.locations![0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'apps/my%20shop/svc%231.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expectValid({ ...report, findings: [finding] });
  });

  it('gives findings without a file no location', () => {
    const report = fixtureReport();
    const finding = { ...report.findings[0]!, file: '(unknown)' };
    const result = sarifOf({ ...report, findings: [finding] }).runs[0]!.results[0]!;
    expect(result.locations).toBeUndefined();
    expectValid({ ...report, findings: [finding] });
  });

  it('reports files that could not be parsed as tool notifications', () => {
    const notifications = sarifOf(fixtureReport()).runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notifications?.map((n) => n.message.text)).toEqual([
      expect.stringMatching(/^apps\/broken\.yaml could not be read: /),
    ]);
  });

  describe('fingerprints', () => {
    const shifted = (files: readonly SourceFile[]): SourceFile[] =>
      files.map((file) => ({ ...file, text: `# a comment\n# another\n${file.text}` }));

    it('stay the same when the finding moves to another line', () => {
      const before = sarifOf(analyze(FIXTURE_FILES)).runs[0]!.results;
      const after = sarifOf(analyze(shifted(FIXTURE_FILES))).runs[0]!.results;
      expect(after.map((r) => r.locations?.[0]?.physicalLocation.region?.startLine)).toEqual(
        before.map((r) => (r.locations?.[0]?.physicalLocation.region?.startLine ?? 0) + 2),
      );
      expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    });

    it('differ between findings, and are sha256 hex under a versioned key', () => {
      const results = sarifOf(fixtureReport()).runs[0]!.results;
      const values = results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
      expect(new Set(values).size).toBe(results.length);
      for (const value of values) expect(value).toMatch(/^[0-9a-f]{64}$/);
    });

    it('do not depend on the order of the data keys', () => {
      const finding = fixtureReport().findings[0]!;
      const reordered = { ...finding, data: Object.fromEntries(Object.entries(finding.data).reverse()) };
      expect(fingerprintOf(reordered)).toBe(fingerprintOf(finding));
      expect(fingerprintOf({ ...finding, line: 99 })).toBe(fingerprintOf(finding));
      expect(fingerprintOf({ ...finding, file: 'other.yaml' })).not.toBe(fingerprintOf(finding));
    });
  });

  it('is deterministic', () => {
    expect(renderSarif(analyze(FIXTURE_FILES), { toolVersion: '1.2.3' })).toBe(
      renderSarif(fixtureReport(), { toolVersion: '1.2.3' }),
    );
  });
});
