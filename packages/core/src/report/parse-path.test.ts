/**
 * What one honest parse path promises: every document of every kind is parsed whole by js-yaml,
 * so its syntax errors and duplicate keys are reported and its identity comes from its values; and
 * a rule sees every field its declared shapes read. Each case is a minimal input on which the
 * line-skimming loader this replaced gave a wrong answer.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { objectsOfKind } from '../inventory/inventory.js';
import { type ObjectShape, WORKLOADS } from '../inventory/shapes.js';
import type { SourceFile } from '../manifests/load.js';
import { defineRule } from '../rules/define-rule.js';
import { analyze } from './analyze.js';

const file = (text: string): SourceFile[] => [{ path: 'k8s/app.yaml', text }];

const loadBalancer = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
  - name: http
    port: 80
`;

describe('one parse path', () => {
  it('reports the keys a forgotten `---` makes duplicate, as kubectl would refuse them', () => {
    const report = analyze(
      file(`${loadBalancer}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n`),
    );
    const duplicates = report.findings.filter((finding) => finding.ruleId === 'yaml-duplicate-key');
    expect(duplicates.map((finding) => [finding.data.key, finding.line])).toEqual([
      ['apiVersion', 11],
      ['kind', 12],
      ['metadata', 13],
    ]);
  });

  it.each([
    ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: [1, 2\n', 7],
    [
      "a Deployment's env",
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        env: [1, 2\n',
      11,
    ],
  ])('ends a file with a syntax error inside %s as `error`', (_, text, line) => {
    // js-yaml notices the unclosed flow sequence at the end of the text.
    expect(analyze(file(text)).files).toMatchObject([{ status: 'error', line }]);
  });

  it("reports a duplicate key in a container's resources", () => {
    const report = analyze(
      file(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        resources:\n          limits: {cpu: 1}\n          limits: {cpu: 2}\n',
      ),
    );
    expect(report.findings.filter((f) => f.ruleId === 'yaml-duplicate-key')).toMatchObject([
      { line: 12, data: { key: 'limits' } },
    ]);
  });

  it('reads names and namespaces as values: a number is its digits, null is no namespace', () => {
    const report = analyze(
      file(
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 12345\n  namespace: null\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a-long\n    name\n',
      ),
    );
    expect(report.resources.map((resource) => [resource.name, resource.namespace])).toEqual([
      ['12345', null],
      ['a-long name', null],
    ]);
  });

  it('suppresses a finding on an object of a kind no other rule reads', () => {
    const text = `apiVersion: gateway.networking.x-k8s.io/v1alpha1
kind: XListenerSet
metadata:
  name: extra
  annotations:
    ingress-advisor.io/ignore: api-removed
spec: {}
`;
    const report = analyze(file(text));
    expect(report.findings.filter((finding) => finding.ruleId === 'api-removed')).toEqual([]);
    expect(report.summary.suppressed).toBe(1);
  });

  it('builds anchors and aliases as js-yaml does, wherever they are', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        env:
        - {name: PORT, value: &port "8080"}
        - {name: OTHER, value: &port "9090"}
        ports:
        - {name: http, containerPort: 8080}
---
${loadBalancer.replace('  - name: http\n    port: 80\n', '  - name: http\n    port: 80\n    targetPort: http\n')}`;
    const report = analyze(file(text));
    expect(report.findings.filter((finding) => finding.ruleId === 'service-target-port-mismatch')).toEqual(
      [],
    );
  });
});

describe('what rules read', () => {
  // A rule over a field no built-in rule reads: the pod template's hostNetwork.
  const hostNetworkShape: ObjectShape = {
    ...(WORKLOADS[0] as ObjectShape),
    schemas: [
      z.object({
        spec: z
          .object({ template: z.object({ spec: z.object({ hostNetwork: z.boolean().optional() }) }) })
          .optional(),
      }),
    ],
  };
  const seen: unknown[] = [];
  const ruleReading = (reads: readonly ObjectShape[]) =>
    defineRule({
      id: 'test-host-network',
      reads,
      severity: 'notice',
      summary: 'test',
      why: 'test',
      fix: 'test',
      messages: { found: 'found' },
      check(inventory) {
        for (const object of objectsOfKind(inventory, 'Deployment')) {
          const spec = object.raw.spec as { template?: { spec?: { hostNetwork?: unknown } } } | undefined;
          seen.push(spec?.template?.spec?.hostNetwork);
        }
      },
    });
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: node-agent
spec:
  template:
    spec:
      hostNetwork: true
      containers:
      - name: agent
        env: [{name: A, value: b}]
`;

  it('gives a rule the fields its shapes read', () => {
    seen.length = 0;
    analyze(file(deployment), { rules: [ruleReading([hostNetworkShape])] });
    expect(seen).toEqual([true]);
  });

  it('keeps nothing a rule does not declare (so the declaration is what makes it seen)', () => {
    seen.length = 0;
    analyze(file(deployment), { rules: [ruleReading([])] });
    expect(seen).toEqual([undefined]);
  });
});
