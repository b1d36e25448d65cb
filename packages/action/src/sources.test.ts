import { DEFAULT_CONFIG, parseConfig } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import type { ChangedFile, TreeFile } from './github/pull-request.js';
import { collectSources, MAX_CONTEXT_FILES, selectorOf } from './sources.js';

const BASE = 'base-sha';
const HEAD = 'head-sha';

/** A repository at two commits, read through a recording `read`. */
function repository(base: Record<string, string>, head: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    read: async (path: string, ref: string) => {
      reads.push(`${ref}:${path}`);
      return (ref === BASE ? base : head)[path] ?? null;
    },
    tree: Object.entries(head).map(([path, text]): TreeFile => ({ path, sha: path, size: text.length })),
  };
}

const change = (
  path: string,
  status: ChangedFile['status'],
  extra: Partial<ChangedFile> = {},
): ChangedFile => ({
  path,
  status,
  previousPath: null,
  patch: null,
  ...extra,
});

const yamlOnly = selectorOf(['**/*.yaml'], DEFAULT_CONFIG);

describe('collectSources', () => {
  it('reads changed files at head, their base versions, and unchanged manifests once for both sides', async () => {
    const repo = repository(
      { 'a.yaml': 'a: 1\n', 'gone.yaml': 'g: 1\n', 'same.yaml': 's: 1\n' },
      { 'a.yaml': 'a: 2\n', 'new.yaml': 'n: 1\n', 'same.yaml': 's: 1\n', 'notes.txt': 'x' },
    );
    const sources = await collectSources({
      changed: [change('a.yaml', 'modified'), change('gone.yaml', 'removed'), change('new.yaml', 'added')],
      tree: repo.tree,
      isSelected: yamlOnly,
      baseSha: BASE,
      headSha: HEAD,
      read: repo.read,
    });
    expect(sources.head.map((s) => s.path).sort()).toEqual(['a.yaml', 'new.yaml', 'same.yaml']);
    expect(sources.base.map((s) => `${s.path}=${s.text.trim()}`).sort()).toEqual([
      'a.yaml=a: 1',
      'gone.yaml=g: 1',
      'same.yaml=s: 1',
    ]);
    expect([...sources.changedPaths].sort()).toEqual(['a.yaml', 'new.yaml']);
    expect(repo.reads.filter((read) => read.endsWith('same.yaml'))).toEqual([`${HEAD}:same.yaml`]);
    expect(repo.reads.some((read) => read.endsWith('notes.txt'))).toBe(false);
  });

  it('rebuilds a base version from the patch instead of reading it, and reads it when the patch does not fit', async () => {
    const repo = repository(
      { 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' },
      { 'a.yaml': 'a: 2\n', 'b.yaml': 'b: 2\n' },
    );
    const sources = await collectSources({
      changed: [
        change('a.yaml', 'modified', { patch: '@@ -1 +1 @@\n-a: 1\n+a: 2' }),
        change('b.yaml', 'modified', { patch: '@@ -1 +1 @@\n-b: 1\n+b: 3' }),
      ],
      tree: repo.tree,
      isSelected: yamlOnly,
      baseSha: BASE,
      headSha: HEAD,
      read: repo.read,
    });
    expect(repo.reads.filter((read) => read.startsWith(BASE))).toEqual([`${BASE}:b.yaml`]);
    expect(sources.base.map((s) => `${s.path}=${s.text.trim()}`).sort()).toEqual([
      'a.yaml=a: 1',
      'b.yaml=b: 1',
    ]);
  });

  it('follows renames to the base path', async () => {
    const repo = repository({ 'old/svc.yaml': 'x: 1\n' }, { 'new/svc.yaml': 'x: 1\n' });
    const sources = await collectSources({
      changed: [change('new/svc.yaml', 'renamed', { previousPath: 'old/svc.yaml' })],
      tree: repo.tree,
      isSelected: yamlOnly,
      baseSha: BASE,
      headSha: HEAD,
      read: repo.read,
    });
    expect(sources.base.map((s) => s.path)).toEqual(['old/svc.yaml']);
    expect(sources.head.map((s) => s.path)).toEqual(['new/svc.yaml']);
  });

  it('bounds the context and says so', async () => {
    const head: Record<string, string> = {};
    for (let index = 0; index <= MAX_CONTEXT_FILES; index++) head[`k8s/${index}.yaml`] = 'a: 1\n';
    const repo = repository({}, head);
    const sources = await collectSources({
      changed: [],
      tree: repo.tree,
      isSelected: yamlOnly,
      baseSha: BASE,
      headSha: HEAD,
      read: repo.read,
    });
    expect(sources.contextFiles).toBe(MAX_CONTEXT_FILES);
    expect(sources.notes[0]).toContain(
      `Only ${MAX_CONTEXT_FILES} of ${MAX_CONTEXT_FILES + 1} unchanged manifests`,
    );
  });

  it('reads only the changed files when the tree could not be listed', async () => {
    const repo = repository({}, { 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    const sources = await collectSources({
      changed: [change('a.yaml', 'added')],
      tree: null,
      isSelected: yamlOnly,
      baseSha: BASE,
      headSha: HEAD,
      read: repo.read,
    });
    expect(sources.head.map((s) => s.path)).toEqual(['a.yaml']);
    expect(sources.notes[0]).toContain('too large to list');
  });
});

describe('selectorOf', () => {
  it('keeps paths under the globs that the configuration includes and does not exclude', () => {
    const parsed = parseConfig('include: ["deploy/**"]\nexclude: ["**/secret*.yaml"]\n');
    if (!parsed.ok) throw new Error('bad test config');
    const selected = selectorOf(['**/*.yaml', '**/*.yml'], parsed.config);
    expect(selected('deploy/web.yaml')).toBe(true);
    expect(selected('deploy/app/web.yml')).toBe(true);
    expect(selected('deploy/secret-db.yaml')).toBe(false);
    expect(selected('docs/example.yaml')).toBe(false);
    expect(selected('deploy/notes.md')).toBe(false);
  });
});
