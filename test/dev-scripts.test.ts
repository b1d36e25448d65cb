/**
 * Everyday commands: `pnpm start` and `pnpm advisor` build only what changed (scripts/fresh.mjs),
 * `pnpm advisor` reads paths from the folder it was run in (INIT_CWD), and the README's commands
 * install pnpm only when the pinned version is missing.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGES, staleness } from '../scripts/fresh.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-dev-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(
      command,
      args,
      {
        cwd: options.cwd ?? root,
        env: options.env ?? process.env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** Without what pnpm puts in the environment of a script, and without Slack tokens. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(?:npm_|pnpm_|SLACK_)/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

describe('scripts/fresh.mjs', () => {
  /** A folder shaped like the repository, with one input and one output of the CLI. */
  function fakeRoot(): string {
    const fake = mkdtempSync(join(scratch, 'root-'));
    for (const file of [
      'packages/cli/src/main.ts',
      'packages/cli/src/main.test.ts',
      'packages/core/src/index.ts',
    ]) {
      mkdirSync(dirname(join(fake, file)), { recursive: true });
      writeFileSync(join(fake, file), '');
    }
    mkdirSync(join(fake, 'packages/cli/dist'), { recursive: true });
    writeFileSync(join(fake, 'packages/cli/dist/index.js'), '');
    return fake;
  }
  const at = (fake: string, file: string, seconds: number) => utimesSync(join(fake, file), seconds, seconds);

  it('calls a missing output stale', () => {
    const fake = fakeRoot();
    rmSync(join(fake, 'packages/cli/dist/index.js'));
    expect(staleness('cli', fake)).toBe('packages/cli/dist/index.js is missing');
  });

  it('calls an output newer than every input current', () => {
    const fake = fakeRoot();
    at(fake, 'packages/cli/src/main.ts', 1000);
    at(fake, 'packages/core/src/index.ts', 1000);
    at(fake, 'packages/cli/src/main.test.ts', 1000);
    at(fake, 'packages/cli/dist/index.js', 2000);
    expect(staleness('cli', fake)).toBeNull();
  });

  it('names the input that changed, the bundled core included, and ignores tests', () => {
    const fake = fakeRoot();
    for (const file of ['packages/cli/src/main.ts', 'packages/core/src/index.ts']) at(fake, file, 1000);
    at(fake, 'packages/cli/dist/index.js', 2000);
    at(fake, 'packages/cli/src/main.test.ts', 3000);
    expect(staleness('cli', fake)).toBeNull();
    at(fake, 'packages/core/src/index.ts', 3000);
    expect(staleness('cli', fake)).toBe(
      'packages/core/src/index.ts changed since packages/cli/dist/index.js was built',
    );
  });

  it('builds core, the terminal chat, the CLI and the bot, never the Action; start builds no CLI', () => {
    expect(Object.values(PACKAGES).map((spec) => spec.name)).toEqual([
      '@ingress-advisor/core',
      '@ingress-advisor/terminal-chat',
      'ingress-advisor',
      '@ingress-advisor/slack-bot',
    ]);
    // The bot's console chat is the terminal-chat library, not the CLI.
    expect(readFileSync(join(root, 'scripts/start.mjs'), 'utf8')).toContain(
      "ensureBuilt(['core', 'terminal-chat', 'slack-bot']",
    );
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts.start).toBe('node scripts/start.mjs');
    expect(manifest.scripts.advisor).toBe('node scripts/advisor.mjs');
  });
});

// These run the real scripts, which would build what is stale: only when the builds are current
// (as after `pnpm build` in the test command), so a test never rebuilds what other tests run.
const builtCurrent = (['core', 'terminal-chat', 'cli', 'slack-bot'] as const).every(
  (key) => staleness(key) === null,
);

describe.skipIf(!builtCurrent)('pnpm start and pnpm advisor, with current builds', () => {
  it('pnpm start runs the built bot at once: no build, the console chat, exit 0', async () => {
    const result = await run(process.execPath, ['scripts/start.mjs'], { env: plainEnv() });
    expect(result.stderr).not.toMatch(/^Building /m);
    expect(result.stderr).toContain('No SLACK_BOT_TOKEN is set');
    expect(result.stdout).toContain('ingress-advisor chat');
    expect(result.code).toBe(0);
  });

  it('pnpm advisor analyze . in a subfolder analyses that subfolder (INIT_CWD)', async () => {
    const folder = join(root, 'test/fixtures/mqtt');
    const result = await run('pnpm', ['--silent', 'advisor', 'analyze', '.', '--format', 'json'], {
      cwd: folder,
      env: plainEnv(),
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['mosquitto.yaml']);
  });

  it('scripts/advisor.mjs reads relative paths from INIT_CWD, and runs in place without it', async () => {
    const inFolder = await run(
      process.execPath,
      ['scripts/advisor.mjs', 'analyze', 'mosquitto.yaml', '--format', 'json'],
      {
        env: plainEnv({ INIT_CWD: join(root, 'test/fixtures/mqtt') }),
      },
    );
    expect(inFolder.code).toBe(0);
    expect(JSON.parse(inFolder.stdout).files[0].path).toBe('mosquitto.yaml');
    const version = await run(process.execPath, ['scripts/advisor.mjs', '--version'], { env: plainEnv() });
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version,
    );
  });
});

describe("the README's commands", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = (name: string) =>
    /<!-- (\S+) -->\n```sh\n([\s\S]*?)\n```\n<!-- \/\1 -->/
      .exec(readme.slice(readme.indexOf(`<!-- ${name} -->`)))?.[2]
      ?.trim() ?? '';
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(
    /^pnpm@/,
    '',
  );

  const bash = execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();

  it.each(['test-command', 'start-command'])(
    '%s installs pnpm only when the pinned version is missing',
    async (name) => {
      const command = block(name);
      expect(command).toContain(`npm install -g pnpm@${pinned}`);
      // Run it with stand-ins for pnpm and npm that record their calls.
      for (const [installed, expectInstall] of [
        [pinned, false],
        ['9.15.0', true],
        [null, true],
      ] as const) {
        const bin = mkdtempSync(join(scratch, 'bin-'));
        const calls = join(bin, 'calls');
        const stub = (name: string, body: string) => `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`;
        if (installed !== null) {
          writeFileSync(join(bin, 'pnpm'), stub('pnpm', `[ "$1" = --version ] && echo ${installed}; exit 0`));
          chmodSync(join(bin, 'pnpm'), 0o755);
        }
        writeFileSync(join(bin, 'npm'), stub('npm', 'exit 0'));
        chmodSync(join(bin, 'npm'), 0o755);
        // Standard input from /dev/null: bash reads start-up files when it is a socket (as if run
        // by rshd), and those may change PATH. HOME: the stand-ins folder, for the same reason.
        const code = await new Promise<number | null>((done, fail) => {
          // PATH: the stand-ins only, so the machine's own pnpm is not found.
          const child = spawn(bash, ['-euo', 'pipefail', '-c', command], {
            cwd: scratch,
            env: { PATH: bin, HOME: bin },
            stdio: ['ignore', 'ignore', 'ignore'],
          });
          child.on('error', fail);
          child.on('exit', done);
        });
        const called = readFileSync(calls, 'utf8');
        expect(called.includes(`npm install -g pnpm@${pinned}`), `pnpm ${installed}: ${called}`).toBe(
          expectInstall,
        );
        if (installed !== null) expect(code).toBe(0);
      }
    },
  );
});
