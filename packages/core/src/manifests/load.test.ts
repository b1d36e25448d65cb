import { describe, expect, it } from 'vitest';
import { loadManifests, MAX_FILE_BYTES } from './load.js';

const service = (name: string, type = 'LoadBalancer') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
  ports:
  - port: 80
`;

describe('loadManifests', () => {
  it('reads every document of a multi-document file with file, line and document index', () => {
    const { files, objects } = loadManifests([
      { path: 'a.yaml', text: `${service('one')}---\n${service('two')}` },
    ]);
    expect(files).toEqual([{ path: 'a.yaml', status: 'analyzed', documents: 2 }]);
    expect(objects.map((o) => [o.name, o.line, o.doc])).toEqual([
      ['one', 1, 0],
      ['two', 10, 1],
    ]);
  });

  it('reads the items of a kind: List as objects, each at its own line', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b, namespace: shop}
`;
    const { objects } = loadManifests([{ path: 'list.yaml', text }]);
    expect(objects.map((o) => [o.kind, o.name, o.namespace, o.line])).toEqual([
      ['Service', 'a', null, 4],
      ['Deployment', 'b', 'shop', 7],
    ]);
  });

  it('reads JSON files', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'j' },
      spec: { type: 'LoadBalancer' },
    });
    const { objects, files } = loadManifests([{ path: 'svc.json', text }]);
    expect(objects[0]?.name).toBe('j');
    expect(files[0]?.status).toBe('analyzed');
  });

  it('reports broken YAML with line and column, and keeps the other documents', () => {
    const text = `${service('good')}---\nkind: Service\nmetadata:\n  name: [oops\n---\n${service('also-good')}`;
    const { files, objects } = loadManifests([{ path: 'broken.yaml', text }]);
    expect(files[0]).toMatchObject({ status: 'error', line: expect.any(Number), column: expect.any(Number) });
    expect(files[0]?.line).toBeGreaterThanOrEqual(12);
    expect(files[0]?.reason).toMatch(/2 other document\(s\) in the file were analysed/);
    expect(objects.map((o) => o.name)).toEqual(['good', 'also-good']);
  });

  it('skips an unrendered Helm template and says how to render it', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
spec:
  type: {{ .Values.service.type }}
  {{- with .Values.service.annotations }}
  annotations: {{ toYaml . | nindent 4 }}
  {{- end }}
`;
    const { files, objects } = loadManifests([{ path: 'templates/service.yaml', text }]);
    expect(objects).toEqual([]);
    expect(files[0]).toMatchObject({ status: 'skipped', role: 'helm-template' });
    expect(files[0]?.reason).toContain('helm template CHART | ingress-advisor analyze -');
  });

  it('analyses a rendered chart even when {{ sits inside its strings', () => {
    const text = `# Source: app/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: app
  annotations:
    note: "rendered from {{ .Values.x }}"
spec:
  type: LoadBalancer
`;
    const { files, objects } = loadManifests([{ path: '<stdin>', text }]);
    expect(files[0]?.status).toBe('analyzed');
    expect(objects[0]?.annotations.note).toBe('rendered from {{ .Values.x }}');
  });

  it('skips non-Kubernetes YAML quietly and says what it looks like', () => {
    const { files } = loadManifests([
      { path: '.github/workflows/ci.yml', text: 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
      { path: 'docker-compose.yaml', text: 'services:\n  web:\n    image: nginx\n' },
      { path: 'package.json', text: '{"name": "x", "version": "1.0.0"}' },
    ]);
    expect(files.map((f) => [f.status, f.role])).toEqual([
      ['skipped', 'not-kubernetes'],
      ['skipped', 'not-kubernetes'],
      ['skipped', 'not-kubernetes'],
    ]);
    expect(files[0]?.reason).toMatch(/GitHub Actions workflow/);
    expect(files[1]?.reason).toMatch(/Docker Compose/);
  });

  it('skips binary, empty and oversized files with a reason', () => {
    const { files } = loadManifests([
      { path: 'image.yaml', text: 'PNG\u0000\u0000\u0001binary' },
      { path: 'empty.yaml', text: '\n  \n' },
      { path: 'huge.yaml', text: 'a'.repeat(MAX_FILE_BYTES + 1) },
    ]);
    expect(files.map((f) => f.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(files[0]?.reason).toMatch(/binary/);
    expect(files[1]?.reason).toMatch(/empty/);
    expect(files[2]?.reason).toMatch(/8 MiB/);
  });

  it('skips YAML with foreign tags such as CloudFormation', () => {
    const { files } = loadManifests([
      { path: 'cfn.yaml', text: 'Resources:\n  B:\n    Properties:\n      Name: !Ref X\n' },
    ]);
    expect(files[0]).toMatchObject({ status: 'skipped', role: 'not-kubernetes' });
  });

  it('reports duplicate keys against their object', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: ClusterIP\n  type: LoadBalancer\n';
    const { problems, objects } = loadManifests([{ path: 'dup.yaml', text }]);
    expect(problems).toEqual([
      {
        kind: 'duplicate-key',
        file: 'dup.yaml',
        line: 7,
        key: 'type',
        object: expect.objectContaining({ name: 'a' }),
      },
    ]);
    expect((objects[0]?.raw.spec as { type?: string } | undefined)?.type).toBe('LoadBalancer');
  });

  it('keeps a __proto__ key as data without polluting prototypes', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: p\n  labels:\n    __proto__: x\n';
    const { objects } = loadManifests([{ path: 'p.yaml', text }]);
    expect(Object.getOwnPropertyDescriptor(objects[0]?.labels, '__proto__')?.value).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('says a kustomization read on its own builds nothing, and reads no objects from it', () => {
    // Folders of kustomizations are Kustomize units (units/discover.ts); here one arrives alone,
    // as from standard input or under a name kustomize does not look for.
    const { objects, files } = loadManifests([
      {
        path: 'overlay.yaml',
        text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base]\n',
      },
      { path: 'kustomization.yaml', text: 'resources:\n- service.yaml\n' },
    ]);
    expect(objects).toEqual([]);
    for (const file of files) {
      expect(file).toMatchObject({ status: 'skipped', role: 'kustomization' });
      expect(file.reason).toMatch(/kubectl kustomize DIR/);
    }
  });

  it('counts the size cap in UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(MAX_FILE_BYTES / 2 + 1);
    expect(loadManifests([{ path: 'wide.yaml', text }]).files[0]?.reason).toMatch(/8 MiB/);
  });

  it('reads Helm values files for the values rule', () => {
    const { helmValues, files } = loadManifests([
      { path: 'chart/values.yaml', text: 'service:\n  type: LoadBalancer\n' },
    ]);
    expect(helmValues).toHaveLength(1);
    expect(files[0]).toMatchObject({ status: 'analyzed', role: 'helm-values' });
  });
});
