/**
 * The CLI as npm users get it: `npm pack` of packages/cli (what the release workflow publishes),
 * installed from the tarball into an empty folder with no workspace around it, with an empty npm
 * cache and `--offline`, so any dependency to fetch fails the install. Then `npx ingress-advisor`
 * runs analyze, ask and migrate on copies of the repository's fixtures.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(root, 'packages/cli');
const bundle = join(cliDir, 'dist/index.js');
const manifest = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  engines?: Record<string, string>;
  files?: string[];
  [field: string]: unknown;
};

/** The environment without what pnpm or npm put there for the test run (npm_config_*, npm_package_*). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(?:npm_|pnpm_|PNPM_)/i.test(key) && key !== 'INIT_CWD' && key !== 'FORCE_COLOR') env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, stdin = ''): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(
      command,
      args,
      { cwd, env, maxBuffer: 32 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

let scratch: string;
let app: string;
let npmEnv: NodeJS.ProcessEnv;
let packed: { filename: string; files: Array<{ path: string }> };

/** `npx ingress-advisor ARGS` in the installed folder, never reaching the registry. */
const npx = (args: string[], stdin = ''): Promise<Run> =>
  run('npx', ['--offline', '--no-install', 'ingress-advisor', ...args], app, npmEnv, stdin);

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(
      `The CLI is not built (${bundle} is missing). Run \`pnpm -F ingress-advisor build\` first.`,
    );
  }
  scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-pack-'));
  app = join(scratch, 'app');
  mkdirSync(app);
  // An empty cache: with --offline, any dependency the tarball asked for would fail the install.
  npmEnv = cleanEnv({ npm_config_cache: join(scratch, 'npm-cache'), npm_config_update_notifier: 'false' });
  const pack = await run(
    'npm',
    ['pack', cliDir, '--pack-destination', scratch, '--json', '--ignore-scripts'],
    root,
    npmEnv,
  );
  expect(pack.stderr).not.toMatch(/npm (?:error|ERR!)/);
  expect(pack.code).toBe(0);
  // npm prints the JSON on stdout, possibly after lines of lifecycle output.
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
  // A folder of its own, so npm does not walk up to a workspace or package.json above it.
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'user-project', private: true })}\n`);
  const install = await run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, packed.filename)],
    app,
    npmEnv,
  );
  expect(install.stderr).not.toMatch(/npm (?:error|ERR!)/);
  expect(install.code).toBe(0);
  cpSync(join(root, 'test/fixtures/microservices-demo'), join(app, 'k8s'), { recursive: true });
  cpSync(join(root, 'test/fixtures/migrate/shop'), join(app, 'shop'), { recursive: true });
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the published package (packages/cli)', () => {
  it('is the public package ingress-advisor with a bin, engines and files', () => {
    expect(manifest.name).toBe('ingress-advisor');
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ 'ingress-advisor': 'dist/index.js' });
    expect(manifest.engines?.node).toMatch(/^>=20/);
    expect(manifest.files).toEqual(['dist/index.js', 'dist/cli.cjs', 'dist/cli.cache']);
    expect(manifest.license).toBe('MIT');
    expect((manifest.repository as { url?: string } | undefined)?.url).toMatch(
      /^git\+https:\/\/github\.com\//,
    );
  });

  it('asks npm to install nothing: no runtime dependencies, no workspace: specifiers', () => {
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) {
      expect(manifest[field], field).toBeUndefined();
    }
    const installed = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(installed.packages).sort()).toEqual(['', 'node_modules/ingress-advisor']);
  });

  it('packs the executable, the bundle and its code cache, the README, the licence and package.json only', () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli.cache',
      'dist/cli.cjs',
      'dist/index.js',
      'package.json',
    ]);
    // npm packs a licence only from the package's own folder: a copy of the repository's.
    expect(readFileSync(join(app, 'node_modules/ingress-advisor/LICENSE'), 'utf8')).toBe(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
    );
    const readme = readFileSync(join(cliDir, 'README.md'), 'utf8');
    expect(readme).toMatch(/npx ingress-advisor/);
  });

  it('bundles core: the executable and the bundle load Node built-ins only', () => {
    const installed = join(app, 'node_modules/ingress-advisor/dist');
    const executable = readFileSync(join(installed, 'index.js'), 'utf8');
    expect(executable.startsWith('#!/usr/bin/env node')).toBe(true);
    const imports = [
      ...executable.matchAll(/(?:^import\b[^;]*?\bfrom\s*|\bimport\()\s*["']([^"']+)["']/gm),
    ].map((match) => match[1] ?? '');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
    const requires = [
      ...readFileSync(join(installed, 'cli.cjs'), 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1] ?? '');
    expect(requires.length).toBeGreaterThan(0);
    expect(requires.filter((specifier) => !specifier.startsWith('node:'))).toEqual([]);
  });
});

describe('npx ingress-advisor, installed from the tarball', () => {
  it('--version prints the package version', async () => {
    const result = await npx(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it('runs with the code cache the build made, without one made from another build, and says when its bundle is missing', async () => {
    const debug = { ...npmEnv, INGRESS_ADVISOR_DEBUG: '1' };
    const cached = await run(
      'npx',
      ['--offline', '--no-install', 'ingress-advisor', '--version'],
      app,
      debug,
    );
    expect(cached).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    expect(cached.stderr).toBe('ingress-advisor: code cache used\n');
    // The same bundle with one character changed (its length kept, which is all V8 checks).
    const copy = join(scratch, 'changed');
    cpSync(join(app, 'node_modules/ingress-advisor'), copy, { recursive: true });
    const bundleText = readFileSync(join(copy, 'dist/cli.cjs'), 'utf8');
    expect(bundleText).toContain('ingress-advisor stopped');
    writeFileSync(
      join(copy, 'dist/cli.cjs'),
      bundleText.replace('ingress-advisor stopped', 'ingress-advisor Stopped'),
    );
    const stale = await run(process.execPath, [join(copy, 'dist/index.js'), '--version'], app, debug);
    expect(stale).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    expect(stale.stderr).toMatch(/code cache not used: it was made from another build/);
    rmSync(join(copy, 'dist/cli.cache'));
    const none = await run(process.execPath, [join(copy, 'dist/index.js'), '--version'], app, debug);
    expect(none).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    expect(none.stderr).toMatch(/code cache none/);
    rmSync(join(copy, 'dist/cli.cjs'));
    const partial = await run(process.execPath, [join(copy, 'dist/index.js'), '--version'], app, npmEnv);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(
      /^ingress-advisor cannot read its bundle: .*cli\.cjs.*\. Reinstall ingress-advisor\.\n$/,
    );
  });

  it('analyze reads a folder: load balancers, findings and advice, exit 0', async () => {
    const result = await npx(['analyze', 'k8s', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(2);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual([
      'k8s/kubernetes-manifests.yaml',
    ]);
    expect(report.loadBalancers.length).toBeGreaterThan(1);
    expect(report.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain(
      'lb-http-consolidate',
    );
  });

  it('analyze - reads standard input, and --fail-on warning exits 1', async () => {
    const yaml = readFileSync(join(app, 'k8s/kubernetes-manifests.yaml'), 'utf8');
    const text = await npx(['analyze', '-'], yaml);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/lb-http-consolidate/);
    const failing = await npx(['analyze', 'k8s', '--fail-on', 'warning']);
    expect(failing.code).toBe(1);
  });

  it('ask answers a question in text and JSON', async () => {
    const text = await npx(['ask', '5 web apps on eks with tls and one mqtt broker, cost matters']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Gateway|Ingress/);
    const json = await npx(['ask', 'ingress or lb?', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('kind');
  });

  it('migrate writes Gateway API YAML that analyze then finds nothing to consolidate in', async () => {
    const result = await npx(['migrate', 'shop', '--to', 'gateway', '--class', 'eg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kind: Gateway$/m);
    expect(result.stdout).toMatch(/^kind: HTTPRoute$/m);
    const after = await npx(['analyze', '-', '--format', 'json'], result.stdout);
    expect(after.code).toBe(0);
    const report = JSON.parse(after.stdout);
    expect(
      report.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'lb-http-consolidate'),
    ).toEqual([]);
  });

  it('a usage error exits 2', async () => {
    const result = await npx(['analyze', '--format', 'nope']);
    expect(result.code).toBe(2);
  });

  it('runs where the package was installed globally too (npm install -g from the tarball)', () => {
    const prefix = join(scratch, 'global');
    execFileSync(
      'npm',
      [
        'install',
        '-g',
        '--offline',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        join(scratch, packed.filename),
      ],
      { env: npmEnv, stdio: 'pipe' },
    );
    const version = execFileSync(join(prefix, 'bin/ingress-advisor'), ['--version'], {
      env: npmEnv,
      cwd: scratch,
      encoding: 'utf8',
    });
    expect(version).toBe(`${manifest.version}\n`);
  });
});
