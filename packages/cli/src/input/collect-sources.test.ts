import { MAX_FILE_BYTES } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { createFakeDeps } from '../test-support/fake-deps.js';
import {
  collectSources,
  decodeManifest,
  isManifestFileName,
  STDIN_PATH,
  toReportPath,
} from './collect-sources.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';

describe('collectSources', () => {
  it('walks directories recursively in name order, with paths relative to the working directory', async () => {
    const deps = createFakeDeps({
      files: {
        '/repo/k8s/z.yaml': service,
        '/repo/k8s/a.yml': service,
        '/repo/k8s/apps/web/list.json': '{}',
        '/repo/k8s/overlays/prod/Kustomization': 'resources: []\n',
        '/repo/k8s/UPPER.YAML': service,
      },
    });
    const { sources, problems } = await collectSources(['k8s'], deps);
    expect(problems).toEqual([]);
    expect(sources.map((source) => source.path)).toEqual([
      'k8s/UPPER.YAML',
      'k8s/a.yml',
      'k8s/apps/web/list.json',
      'k8s/overlays/prod/Kustomization',
      'k8s/z.yaml',
    ]);
    expect(sources[1]?.text).toBe(service);
  });

  it('defaults to the current directory', async () => {
    const deps = createFakeDeps({ files: { '/repo/deploy/web.yaml': service } });
    const { sources } = await collectSources([], deps);
    expect(sources.map((source) => source.path)).toEqual(['deploy/web.yaml']);
  });

  it('skips hidden files and directories, node_modules and other extensions', async () => {
    const deps = createFakeDeps({
      files: {
        '/repo/web.yaml': service,
        '/repo/.git/config.yaml': service,
        '/repo/.github/workflows/ci.yml': 'on: push\n',
        '/repo/.gitlab-ci.yml': 'stages: []\n',
        '/repo/node_modules/pkg/package.json': '{}',
        '/repo/chart/templates/NOTES.txt': 'hello',
        '/repo/README.md': '# hi',
        '/repo/kustomization': 'not the Kustomize name',
      },
    });
    const { sources } = await collectSources(['.'], deps);
    expect(sources.map((source) => source.path)).toEqual(['web.yaml']);
  });

  it('walks a hidden directory, and reads any file, named on the command line', async () => {
    const deps = createFakeDeps({
      files: {
        '/repo/.github/workflows/ci.yml': 'on: push\n',
        '/repo/manifest.txt': service,
      },
    });
    const { sources } = await collectSources(['.github', 'manifest.txt'], deps);
    expect(sources.map((source) => source.path)).toEqual(['.github/workflows/ci.yml', 'manifest.txt']);
  });

  it('reads symbolic links to files but does not follow symbolic links to directories', async () => {
    const deps = createFakeDeps({
      files: {
        '/repo/k8s/web.yaml': service,
        '/repo/k8s/linked.yaml': { symlink: '/shared/common.yaml' },
        '/repo/k8s/loop': { symlink: '/repo' },
        '/repo/k8s/dangling.yaml': { symlink: '/nowhere.yaml' },
        '/shared/common.yaml': service,
      },
    });
    const { sources, problems } = await collectSources(['k8s'], deps);
    expect(problems).toEqual([]);
    expect(sources.map((source) => source.path)).toEqual(['k8s/linked.yaml', 'k8s/web.yaml']);
  });

  it('follows a symbolic link to a directory named on the command line', async () => {
    const deps = createFakeDeps({
      files: { '/repo/current': { symlink: '/repo/releases/v2' }, '/repo/releases/v2/web.yaml': service },
    });
    const { sources } = await collectSources(['current'], deps);
    expect(sources.map((source) => source.path)).toEqual(['current/web.yaml']);
  });

  it('lists a file once however many arguments reach it', async () => {
    const deps = createFakeDeps({ files: { '/repo/k8s/web.yaml': service } });
    const { sources } = await collectSources(['k8s', 'k8s/web.yaml', '/repo/k8s/', '.'], deps);
    expect(sources.map((source) => source.path)).toEqual(['k8s/web.yaml']);
  });

  it('keeps the command-line order of paths and standard input', async () => {
    const deps = createFakeDeps({
      files: { '/repo/b.yaml': service, '/repo/a.yaml': service },
      stdin: service,
    });
    const { sources } = await collectSources(['b.yaml', '-', 'a.yaml', '-'], deps);
    expect(sources.map((source) => source.path)).toEqual(['b.yaml', STDIN_PATH, 'a.yaml']);
  });

  it('reads standard input once, as <stdin>, bounded by the file size cap', async () => {
    const deps = createFakeDeps({ stdin: service });
    const result = await collectSources(['-'], deps);
    expect(result.sources).toEqual([{ path: '<stdin>', text: service }]);
    expect(result.usedStdin).toBe(true);
    expect(deps.stdinReads).toEqual([MAX_FILE_BYTES + 1]);
    expect(deps.err()).toBe('');
  });

  it('tells a person at a terminal that it is waiting for standard input', async () => {
    const deps = createFakeDeps({ stdin: service, stdinIsTTY: true });
    await collectSources(['-'], deps);
    expect(deps.err()).toContain('Reading manifests from standard input');
  });

  it('reads at most one byte over the cap of an oversized file', async () => {
    const deps = createFakeDeps({ files: { '/repo/huge.yaml': new Uint8Array(MAX_FILE_BYTES + 4096) } });
    const { sources } = await collectSources(['huge.yaml'], deps);
    expect(deps.fs.reads).toEqual([{ path: '/repo/huge.yaml', maxBytes: MAX_FILE_BYTES + 1 }]);
    expect(sources[0]?.text.length).toBe(MAX_FILE_BYTES + 1);
  });

  it('names every path it cannot read, and reads the rest', async () => {
    const deps = createFakeDeps({
      files: {
        '/repo/ok.yaml': service,
        '/repo/secret.yaml': { unreadable: true },
        '/repo/locked': { directory: true, unreadable: true },
      },
    });
    const { sources, problems } = await collectSources(
      ['missing.yaml', 'ok.yaml', 'secret.yaml', 'locked'],
      deps,
    );
    expect(problems).toEqual([
      'Cannot read missing.yaml: no such file or directory.',
      'Cannot list the directory locked: permission denied.',
      'Cannot read secret.yaml: permission denied.',
    ]);
    expect(sources.map((source) => source.path)).toEqual(['ok.yaml']);
  });

  it('reports directories without manifest files', async () => {
    const deps = createFakeDeps({ files: { '/repo/docs/index.md': '# docs' } });
    const { sources, emptyDirectories } = await collectSources(['docs'], deps);
    expect(sources).toEqual([]);
    expect(emptyDirectories).toEqual(['docs']);
  });

  it('gives paths outside the working directory relative to it, or absolute when given so', async () => {
    const deps = createFakeDeps({
      cwd: '/repo/app',
      files: { '/repo/common/web.yaml': service, '/dev/fd/63': service, '/repo/app/k8s/api.yaml': service },
    });
    const { sources } = await collectSources(['../common', '/dev/fd/63', '/repo/app/k8s'], deps);
    expect(sources.map((source) => source.path)).toEqual([
      '../common/web.yaml',
      '/dev/fd/63',
      'k8s/api.yaml',
    ]);
  });
});

describe('decodeManifest', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name: café\n')]);
    expect(decodeManifest(bytes)).toBe('name: café\n');
  });

  it('keeps NUL bytes and marks invalid UTF-8, so core can tell a binary file', () => {
    expect(decodeManifest(new Uint8Array([0x61, 0x00, 0xff, 0x62]))).toBe('a\u0000\uFFFDb');
  });

  it('decodes an over-cap prefix one character per byte, so its length stays over the cap', () => {
    // Three-byte characters: decoded as UTF-8 they would be a third of the cap, and read as a
    // small, truncated file.
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    for (let i = 0; i + 2 < bytes.length; i += 3) bytes.set([0xe2, 0x82, 0xac], i);
    expect(decodeManifest(bytes).length).toBe(MAX_FILE_BYTES + 1);
  });
});

describe('isManifestFileName', () => {
  it('accepts YAML, JSON and Kustomization files only', () => {
    expect(['a.yaml', 'b.yml', 'c.json', 'D.YML', 'Kustomization'].every(isManifestFileName)).toBe(true);
    expect(['a.txt', 'a.yaml.bak', 'Chart.lock', 'kustomization', 'yaml'].some(isManifestFileName)).toBe(
      false,
    );
  });
});

describe('toReportPath', () => {
  it('is relative to the working directory with forward slashes', () => {
    expect(toReportPath('/repo', '/repo/k8s/web.yaml')).toBe('k8s/web.yaml');
    expect(toReportPath('/repo/app', '/repo/k8s/web.yaml')).toBe('../k8s/web.yaml');
    expect(toReportPath('/repo/app', '/repo/k8s/web.yaml', true)).toBe('/repo/k8s/web.yaml');
    expect(toReportPath('/repo', '/repo/k8s/web.yaml', true)).toBe('k8s/web.yaml');
  });
});
