/**
 * The Slack bot's image, checked without a Docker daemon: packages/slack-bot/Dockerfile is parsed
 * (stages, user, entry point, no HEALTHCHECK, no corepack), the build context is made by the rules of
 * the root .dockerignore, and the build stage is played in a temporary folder: its COPY lines copy
 * from that context (so a file the image needs but the context leaves out fails here), its RUN lines
 * run with its ENV (the pnpm install from npm is checked against packageManager instead of run). The
 * runtime stage's COPY --from=build then gives the image's /app, and the bot starts from it as the
 * image's user, in console mode (no Slack tokens, standard input closed), and must exit 0.
 */
import { execFile, type SpawnOptions, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dockerfileText = readFileSync(join(root, 'packages/slack-bot/Dockerfile'), 'utf8');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  packageManager: string;
  engines: { node: string };
};

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  keyword: string;
  /** The arguments as written, continuation lines joined. */
  args: string;
  line: number;
}

interface Stage {
  name: string | null;
  from: string;
  platform: string | null;
  instructions: Instruction[];
}

/** Instructions by stage; comments, parser directives and line continuations handled. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const instructions: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === null && (line.trim() === '' || line.trim().startsWith('#'))) return;
    if (pending !== null && line.trim().startsWith('#')) return; // comments inside a continuation
    const part = line.endsWith('\\') ? line.slice(0, -1) : line;
    pending =
      pending === null
        ? { text: part, line: index + 1 }
        : { ...pending, text: `${pending.text} ${part.trim()}` };
    if (!line.endsWith('\\')) {
      const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(pending.text);
      if (match)
        instructions.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: pending.line });
      pending = null;
    }
  });
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const match = /^(?:--platform=(\S+)\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!match) throw new Error(`line ${instruction.line}: cannot read FROM ${instruction.args}`);
      stages.push({ platform: match[1] ?? null, from: match[2]!, name: match[3] ?? null, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG')
        throw new Error(`line ${instruction.line}: ${instruction.keyword} before FROM`);
      const [name, value = ''] = instruction.args.split('=');
      args[name!] = value;
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return { args, stages };
}

/** `KEY=value KEY2="value 2"` (ENV, LABEL, ARG). */
function keyValues(args: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const value = match[2]!;
    values[match[1]!] = value.startsWith('"') ? value.slice(1, -1) : value;
  }
  return values;
}

/** The flags (`--from=build`) and the words of a COPY. */
function copyArgs(args: string): { flags: Record<string, string>; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const flags: Record<string, string> = {};
  while (words[0]?.startsWith('--')) {
    const [name, value = ''] = words.shift()!.slice(2).split('=');
    flags[name!] = value;
  }
  const destination = words.pop()!;
  return { flags, sources: words, destination };
}

// ---------------------------------------------------------------------------------------------
// .dockerignore, as Docker reads it: patterns relative to the context, `*` within a path segment,
// `**` across segments, `!` re-includes, the last matching line wins, and a pattern that matches a
// folder applies to everything under it.

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function dockerignore(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const include = line.startsWith('!');
      const pattern = posix.normalize(line.replace(/^!/, '').replace(/^\/+/, ''));
      return { include, regexp: globToRegExp(pattern) };
    });
  return (path) => {
    const segments = path.split('/');
    const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regexp.test(prefix))) excluded = !rule.include;
    }
    return excluded;
  };
}

/** The files of the build context: every file of the repository the .dockerignore keeps. */
function contextFiles(): string[] {
  const ignored = dockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  const files: string[] = [];
  const walk = (relativeDir: string) => {
    for (const entry of readdirSync(join(root, relativeDir), { withFileTypes: true })) {
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(path);
      else if (!ignored(path)) files.push(path);
    }
  };
  walk('');
  return files.sort();
}

// ---------------------------------------------------------------------------------------------

const { args: globalArgs, stages } = parseDockerfile(dockerfileText);
const buildStage = stages.find((stage) => stage.name === 'build');
const runtimeStage = stages[stages.length - 1]!;
const of = (stage: Stage | undefined, keyword: string) =>
  (stage?.instructions ?? []).filter((instruction) => instruction.keyword === keyword);

/**
 * The environment of a build step: no pnpm/npm script variables, no Slack tokens, and a PATH without
 * the repository's node_modules/.bin, so a step only finds the tools its own install provides.
 */
const cleanEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(?:npm_|pnpm_|PNPM_|SLACK_)/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_ENV',
    ),
  ),
  PATH: (process.env.PATH ?? '')
    .split(':')
    .filter((entry) => !entry.includes('node_modules'))
    .join(':'),
});

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      'sh',
      ['-c', command],
      { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('packages/slack-bot/Dockerfile', () => {
  it('has a build stage on the builder platform and a runtime stage from the same Node image', () => {
    expect(stages).toHaveLength(2);
    expect(buildStage).toBeDefined();
    expect(buildStage?.platform).toBe('$BUILDPLATFORM');
    expect(runtimeStage.name).toBeNull();
    expect(runtimeStage.platform).toBeNull();
    expect(buildStage?.from).toBe(runtimeStage.from);
    expect(runtimeStage.from).toMatch(/^node:\$\{NODE_VERSION\}-\w+-slim$/);
    // The image's Node satisfies the engines of the workspace.
    const minimum = Number(/>=(\d+)/.exec(rootManifest.engines.node)?.[1]);
    expect(Number(globalArgs.NODE_VERSION)).toBeGreaterThanOrEqual(minimum);
  });

  it('installs pnpm from npm at the packageManager version, never with corepack', () => {
    expect(dockerfileText).not.toMatch(/^[^#]*corepack/im);
    const pinned = rootManifest.packageManager.replace(/^pnpm@/, '');
    const arg = of(buildStage, 'ARG').find((instruction) => instruction.args.startsWith('PNPM_VERSION='));
    expect(arg?.args).toBe(`PNPM_VERSION=${pinned}`);
    expect(of(buildStage, 'RUN').map((run) => run.args)).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's own ${...}
      'npm install --global --no-audit --no-fund pnpm@${PNPM_VERSION}',
    );
  });

  it('runs as a numeric non-root user, with an exec-form entry point and no HEALTHCHECK', () => {
    expect(of(runtimeStage, 'USER').map((user) => user.args)).toEqual(['1000:1000']);
    expect(of(runtimeStage, 'WORKDIR').map((workdir) => workdir.args)).toEqual(['/app']);
    expect(of(runtimeStage, 'ENTRYPOINT').map((entry) => JSON.parse(entry.args))).toEqual([
      ['node', 'dist/index.js'],
    ]);
    expect(of(runtimeStage, 'CMD')).toEqual([]);
    expect(stages.flatMap((stage) => of(stage, 'HEALTHCHECK'))).toEqual([]);
    expect(keyValues(of(runtimeStage, 'ENV')[0]?.args ?? '')).toMatchObject({
      NODE_ENV: 'production',
      PORT: '3000',
    });
    expect(of(runtimeStage, 'EXPOSE').map((expose) => expose.args)).toEqual(['3000']);
  });

  it('only copies into the runtime stage: no RUN, so a multi-arch build needs no emulation', () => {
    expect(of(runtimeStage, 'RUN')).toEqual([]);
    expect(of(runtimeStage, 'COPY').map((copy) => copyArgs(copy.args))).toEqual([
      { flags: { from: 'build' }, sources: ['/app'], destination: '/app' },
    ]);
  });

  it('copies only what the build context has', () => {
    const context = new Set(contextFiles());
    const inContext = (path: string) =>
      context.has(path) || [...context].some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));
    for (const copy of of(buildStage, 'COPY')) {
      const { flags, sources } = copyArgs(copy.args);
      expect(flags.from).toBeUndefined();
      for (const source of sources)
        expect(inContext(source), `COPY ${source} (line ${copy.line})`).toBe(true);
    }
    // And the context holds no dependencies, builds or repository metadata.
    expect([...context].filter((file) => /(?:^|\/)(?:node_modules|dist|\.git)\//.test(file))).toEqual([]);
    expect(context.has('packages/slack-bot/src/index.ts')).toBe(true);
    expect(context.has('packages/core/src/index.ts')).toBe(true);
    expect([...context].some((file) => file.startsWith('test/') || file.startsWith('bench/'))).toBe(false);
  });
});

describe('the image build, played without Docker', () => {
  let scratch: string;
  let app: string;
  const log: string[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-image-'));
    // The image's user must be able to reach /app, as in the image.
    chmodSync(scratch, 0o755);
    const stageRoot = (name: string) => join(scratch, name);
    const buildRoot = stageRoot('build');
    const runtimeRoot = stageRoot('runtime');
    /** A path inside a stage: absolute ones under its root, relative ones under its WORKDIR. */
    const inStage = (base: string, workdir: string, path: string) =>
      join(base, path.startsWith('/') ? path : posix.join(workdir, path));
    const context = contextFiles();
    const absolutes = new Set<string>();

    let workdir = '/';
    const env: Record<string, string> = {};
    for (const instruction of buildStage!.instructions) {
      if (instruction.keyword === 'WORKDIR') {
        workdir = posix.resolve(workdir, instruction.args);
        absolutes.add(workdir);
        mkdirSync(inStage(buildRoot, '/', workdir), { recursive: true });
      } else if (instruction.keyword === 'ENV') Object.assign(env, keyValues(instruction.args));
      else if (instruction.keyword === 'ARG') Object.assign(env, keyValues(instruction.args));
      else if (instruction.keyword === 'COPY') {
        const { sources, destination } = copyArgs(instruction.args);
        const intoFolder = sources.length > 1 || destination.endsWith('/');
        const target = inStage(buildRoot, workdir, destination);
        for (const source of sources) {
          const files = context.filter((file) => file === source || file.startsWith(`${source}/`));
          for (const file of files) {
            const relativePath =
              file === source ? (intoFolder ? posix.basename(file) : '') : file.slice(source.length + 1);
            const to = relativePath === '' ? target : join(target, relativePath);
            mkdirSync(dirname(to), { recursive: true });
            cpSync(join(root, file), to);
          }
        }
      } else if (instruction.keyword === 'RUN') {
        if (/^npm install --global .*pnpm@\$\{PNPM_VERSION\}$/.test(instruction.args)) {
          // Not run here: the pnpm on PATH must be that version (the test command installs it).
          const installed = await sh('pnpm --version', scratch, cleanEnv());
          expect(installed.output.trim()).toBe(env.PNPM_VERSION);
          continue;
        }
        // Absolute paths of the image (/src, /app) become paths under the stage's folder.
        let command = instruction.args;
        for (const path of [...absolutes, '/app'])
          command = command.replace(
            new RegExp(`(^|[\\s=])${path.replace(/[/]/g, '\\/')}(?=[\\s/]|$)`, 'g'),
            (_, before: string) => `${before}${inStage(buildRoot, '/', path)}`,
          );
        const started = Date.now();
        const result = await sh(command, inStage(buildRoot, '/', workdir), { ...cleanEnv(), ...env });
        log.push(
          `RUN ${instruction.args} (${Math.round((Date.now() - started) / 1000)} s)\n${result.output}`,
        );
        if (result.code !== 0) throw new Error(`RUN (line ${instruction.line}) failed:\n${result.output}`);
      }
    }
    // The runtime stage: COPY --from=build /app /app.
    const { sources, destination } = copyArgs(of(runtimeStage, 'COPY')[0]!.args);
    app = inStage(runtimeRoot, '/', destination);
    mkdirSync(dirname(app), { recursive: true });
    cpSync(inStage(buildRoot, '/', sources[0]!), app, { recursive: true, verbatimSymlinks: true });
    for (const dir of [runtimeRoot, dirname(app)]) chmodSync(dir, 0o755);
  }, 600_000);

  afterAll(async () => {
    // Tens of thousands of files: removed asynchronously, with time for it.
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }, 120_000);

  it('played every RUN step of the build stage but the pnpm install from npm', () => {
    expect(log).toHaveLength(of(buildStage, 'RUN').length - 1);
    expect(log.map((entry) => entry.split('\n')[0])).toEqual([
      expect.stringMatching(/^RUN pnpm install --frozen-lockfile /),
      expect.stringMatching(
        /^RUN pnpm -F @ingress-advisor\/core build\s+&& pnpm -F @ingress-advisor\/terminal-chat build\s+&& /,
      ),
      expect.stringMatching(/^RUN pnpm -F @ingress-advisor\/slack-bot deploy --prod \/app /),
    ]);
  });

  it('the production install holds the bot, core and the terminal chat, and no dev tools', () => {
    expect(existsSync(join(app, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(app, 'src'))).toBe(false);
    const modules = join(app, 'node_modules');
    expect(
      readdirSync(modules)
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['@ingress-advisor', '@slack', 'undici', 'zod']);
    // Built libraries only: no CLI (adapters do not depend on each other), no action, no tool-runner.
    expect(readdirSync(join(modules, '@ingress-advisor')).sort()).toEqual(['core', 'terminal-chat']);
    expect(existsSync(join(modules, '@ingress-advisor/core/dist/index.js'))).toBe(true);
    expect(readdirSync(join(modules, '@ingress-advisor/terminal-chat')).sort()).toEqual([
      'dist',
      'package.json',
    ]);
    expect(existsSync(join(modules, '@ingress-advisor/terminal-chat/dist/index.js'))).toBe(true);
    const store = readdirSync(join(modules, '.pnpm'));
    for (const dev of ['esbuild', 'typescript', 'vitest', '@biomejs', 'fast-check', '@aws-cdk']) {
      expect(
        store.filter((name) => name.startsWith(`${dev.replace('/', '+')}@`) || name.startsWith(`${dev}+`)),
      ).toEqual([]);
    }
  });

  it('has no native code, so what the builder platform installed runs on every platform', () => {
    const native: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.node$|^binding\.gyp$/.test(entry.name)) native.push(path);
      }
    };
    walk(join(app, 'node_modules'));
    expect(native).toEqual([]);
    let bytes = 0;
    const size = (path: string) => {
      const info = lstatSync(path);
      if (info.isDirectory()) for (const name of readdirSync(path)) size(join(path, name));
      else if (info.isFile()) bytes += statSync(path).size;
    };
    size(app);
    // Small: the bot's dependencies only (the workspace's node_modules are several hundred MiB).
    expect(bytes / 2 ** 20).toBeLessThan(80);
  });

  it('starts as the image user in console mode (no Slack tokens, standard input closed) and exits 0', async () => {
    const [command = '', ...commandArgs] = JSON.parse(of(runtimeStage, 'ENTRYPOINT')[0]!.args) as string[];
    const [uid, gid] = of(runtimeStage, 'USER')[0]!.args.split(':').map(Number);
    const options: SpawnOptions = {
      cwd: app,
      env: { ...cleanEnv(), ...keyValues(of(runtimeStage, 'ENV')[0]!.args) },
      stdio: ['pipe', 'pipe', 'pipe'],
    };
    // As the image's user when the tests run as root: the files must be readable to it.
    if (process.getuid?.() === 0) Object.assign(options, { uid, gid });
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (done, fail) => {
        const child = spawn(command === 'node' ? process.execPath : command, commandArgs, options);
        let stdout = '';
        let stderr = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          stdout += chunk;
        });
        child.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk;
        });
        child.on('error', fail);
        child.on('exit', (code) => done({ code, stdout, stderr }));
        child.stdin?.end();
        setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
      },
    );
    expect(result.stderr).toContain('No SLACK_BOT_TOKEN is set, so this is the console chat');
    expect(result.stdout).toContain('ingress-advisor chat');
    expect(result.code).toBe(0);
  });
});
