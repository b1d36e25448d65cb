import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { FIXTURE_FILES, fixtureReport, HOSTILE, hostileReport } from './test-support/fixture.js';
import { renderText } from './text.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape characters is the point.
const ANY_ESCAPE = /[\u001b\u009b]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f]/;

describe('renderText', () => {
  it('writes no escape codes at all when colour is off', () => {
    const text = renderText(fixtureReport(), { color: false, verbose: true });
    expect(text).not.toMatch(ANY_ESCAPE);
    expect(renderText(hostileReport(), { color: false })).not.toMatch(ANY_ESCAPE);
  });

  it('colours severities when colour is on', () => {
    const text = renderText(fixtureReport(), { color: true });
    expect(text).toContain('\u001b[33mwarning');
    expect(text).toContain('\u001b[31merror\u001b[0m');
    expect(text).toContain('\u001b[1mingress-advisor\u001b[0m');
  });

  it('strips terminal escape sequences that a manifest smuggles in, with colour on or off', () => {
    for (const color of [false, true]) {
      const text = renderText(hostileReport(), { color });
      expect(text).not.toContain('pwned\u0007');
      expect(text).not.toContain('\u001b]');
      expect(text).not.toContain('\u001b[2J');
      expect(text).not.toContain('\u001b[31mRED');
      expect(text).toContain('webRED');
      // Only our own SGR sequences remain.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing our own colour codes is the point.
      expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(ANY_ESCAPE);
      expect(text).not.toMatch(CONTROL_EXCEPT_NEWLINE);
    }
  });

  it('keeps manifest text on one line', () => {
    const text = renderText(hostileReport(), { color: false });
    expect(text).toContain('line break/webRED');
  });

  it('starts with the counts of files, resources, load balancers and their cost', () => {
    const [header] = renderText(fixtureReport(), { color: false }).split('\n');
    expect(header).toBe(
      'ingress-advisor: 7 files (4 analysed, 2 skipped, 1 with errors), 5 resources, 4 LoadBalancer Services (2 HTTP, 2 L4) ≈ $71.18/month',
    );
  });

  it('lists findings as file:line, severity, rule id and message, with the fix below', () => {
    const report = fixtureReport();
    const text = renderText(report, { color: false });
    const finding = report.findings.find((f) => f.ruleId === 'lb-http-consolidate')!;
    const line = `${finding.file}:${finding.line}  warning  lb-http-consolidate  ${finding.message}`;
    expect(text).toContain(`${line}\n    fix: ${finding.fix}`);
  });

  it('orders findings by file and line', () => {
    const report = fixtureReport();
    const reversed = { ...report, findings: [...report.findings].reverse() };
    expect(renderText(reversed, { color: false })).toBe(renderText(report, { color: false }));
  });

  it('lists files with errors with line and column', () => {
    expect(renderText(fixtureReport(), { color: false })).toMatch(
      /^ {2}apps\/broken\.yaml:6:1 {2}error {2}\S/m,
    );
  });

  it('summarises skipped files in one line but still shows how to analyse Helm templates', () => {
    const text = renderText(fixtureReport(), { color: false });
    expect(text).toContain('2 skipped: 1 Helm template, 1 not Kubernetes — use --verbose to list them\n');
    expect(text).toContain('charts/app/templates/service.yaml  Helm template:');
    expect(text).toContain('helm template CHART | ingress-advisor analyze -');
    expect(text).not.toContain('README.md');
  });

  it('lists every skipped file with its reason when verbose', () => {
    const text = renderText(fixtureReport(), { color: false, verbose: true });
    expect(text).not.toContain('use --verbose');
    expect(text).toMatch(/^ {2}README\.md {2}no Kubernetes objects/m);
  });

  it('shows the load balancers, the ranking with scores and the plan', () => {
    const text = renderText(fixtureReport(), { color: false });
    expect(text).toMatch(/^ {2}NAME +NAMESPACE +PORTS +TRAFFIC +EXPOSURE +COST\/MONTH +UNIT$/m);
    expect(text).toMatch(
      /^ {2}postgres +data +5432\/TCP PostgreSQL +L4 +public +\$18\.25 +files:apps\/data$/m,
    );
    expect(text).toMatch(/^ {2}Recommended: \S/m);
    expect(text).toMatch(/^ {4}1\. \S.* +\d+\.\d {2}routing \d+ · simplicity \d+/m);
    expect(text).toMatch(/^ {2}Load balancers: 4 → \d+, saving ≈ \$\d+\.\d\d\/month$/m);
    expect(text).toMatch(/^ {2}Plan\n {4}1\. /m);
  });

  it('says so when there is nothing to report', () => {
    const text = renderText(analyze([]), { color: false });
    expect(text).toContain('0 files (0 analysed), 0 resources, no LoadBalancer Services');
    expect(text).toContain('No findings.');
    expect(text).not.toContain('\nLoadBalancer Services\n');
    expect(text).not.toContain('Ranking');
  });

  it('is deterministic', () => {
    expect(renderText(analyze(FIXTURE_FILES), { color: true })).toBe(
      renderText(fixtureReport(), { color: true }),
    );
    expect(HOSTILE.terminalName).toContain('\u001b');
  });
});
