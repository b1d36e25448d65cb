import { analyze, migrate } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { expectWithinLimits } from '../test-support/limits.js';
import { parseManifestRef, renderMigration, renderReport, SHOW_YAML_PREFIX } from './report.js';

function services(count: number, name = (i: number) => `web-${i}`): string {
  return Array.from(
    { length: count },
    (_, i) => `apiVersion: v1
kind: Service
metadata:
  name: ${name(i)}
  annotations: {owner: "<!channel> & <@U123>"}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
  - name: https
    port: 443
    targetPort: 8443
`,
  ).join('---\n');
}

describe('renderReport', () => {
  it('stays within Block Kit limits for a large set, with Show YAML buttons that point back at the message', () => {
    const files = [{ path: 'pasted.yaml', text: services(60) }];
    const report = analyze(files);
    const migrations = (['gateway', 'ingress'] as const).map((to) => migrate(files, { to }));
    const message = renderReport(report, migrations, {
      channel: 'C1',
      ts: '1700000000.000100',
      thread: '1690000000.000100',
    });
    expectWithinLimits(message.blocks);
    const actions = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    const show = actions.find((e) => e.type === 'button' && e.action_id === `${SHOW_YAML_PREFIX}gateway`);
    expect(show?.type === 'button' ? parseManifestRef(show.value) : null).toEqual({
      channel: 'C1',
      ts: '1700000000.000100',
      thread: '1690000000.000100',
    });
    expect(message.text).toContain('60 LoadBalancer Services');
  });

  it('escapes names and messages from the manifest', () => {
    const files = [{ path: 'pasted.yaml', text: services(1, () => 'x-channel') }];
    const message = renderReport(analyze(files), [], null);
    expectWithinLimits(message.blocks);
  });

  it('says when there is nothing Kubernetes in the text, and reports a parse error', () => {
    expect(
      JSON.stringify(renderReport(analyze([{ path: 'p.yaml', text: 'hello: world\n' }]), [], null).blocks),
    ).toContain('Manifest review');
    const broken = renderReport(
      analyze([{ path: 'p.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: [unclosed\n' }]),
      [],
      null,
    );
    expectWithinLimits(broken.blocks);
  });
});

describe('parseManifestRef', () => {
  it('rejects values that are not ours', () => {
    for (const value of [
      '',
      'x',
      '{"c":"C1"}',
      '{"c":"<!channel>","t":"1"}',
      '{"c":"C1","t":"1","f":"../etc"}',
    ]) {
      const ref = parseManifestRef(value);
      if (ref !== null) expect(ref.file).toBeUndefined();
      if (value.includes('<!')) expect(ref).toBeNull();
    }
    expect(parseManifestRef('{"c":"C1"}')).toBeNull();
  });
});

describe('renderMigration', () => {
  it('splits long YAML into messages of code blocks within the limits', () => {
    const files = [{ path: 'pasted.yaml', text: services(40) }];
    const messages = renderMigration(migrate(files, { to: 'gateway' }), 'gateway');
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expectWithinLimits(message.blocks);
    expect(messages.map((m) => JSON.stringify(m.blocks)).join('')).toContain('HTTPRoute');
  });

  it('says when there is nothing to migrate', () => {
    const files = [{ path: 'pasted.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }];
    const [message] = renderMigration(migrate(files, { to: 'ingress' }), 'ingress');
    expect(message?.text).toMatch(/Nothing to migrate/);
  });
});
