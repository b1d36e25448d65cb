/**
 * Builds a package only when its output is older than what it is built from, as make does: the
 * newest modification time of its inputs against its output file. `pnpm start` and `pnpm advisor`
 * use it, so a second start runs the built bot at once instead of rebuilding every package.
 *
 *   import { ensureBuilt } from './fresh.mjs';
 *   await ensureBuilt(['core', 'terminal-chat', 'slack-bot'], { log: (line) => process.stderr.write(line) });
 *
 * Inputs are a package's sources (tests, test support, fixtures and goldens left out), its
 * package.json and tsconfig files, its build script, the shared tsconfig and the lockfile (a
 * dependency that changed changes the CLI's bundle). The CLI bundles core, terminal-chat and
 * tool-runner from their sources, so their sources are its inputs too.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const SHARED = ['tsconfig.base.json', 'pnpm-lock.yaml'];
const packageFiles = (dir) => [
  `${dir}/package.json`,
  `${dir}/tsconfig.json`,
  `${dir}/tsconfig.build.json`,
  `${dir}/src`,
];

/**
 * What `pnpm start` and `pnpm advisor` build, in build order (the builds of terminal-chat and the
 * bot read the types of the packages they import, from their dist).
 */
export const PACKAGES = {
  core: {
    name: '@ingress-advisor/core',
    output: 'packages/core/dist/index.js',
    inputs: [...SHARED, ...packageFiles('packages/core')],
  },
  'terminal-chat': {
    name: '@ingress-advisor/terminal-chat',
    output: 'packages/terminal-chat/dist/index.js',
    inputs: [...SHARED, ...packageFiles('packages/terminal-chat')],
  },
  cli: {
    name: 'ingress-advisor',
    output: 'packages/cli/dist/index.js',
    inputs: [
      ...SHARED,
      ...packageFiles('packages/cli'),
      'packages/cli/scripts',
      ...packageFiles('packages/core'),
      'packages/core/build',
      ...packageFiles('packages/terminal-chat'),
      ...packageFiles('packages/tool-runner'),
    ],
  },
  'slack-bot': {
    name: '@ingress-advisor/slack-bot',
    output: 'packages/slack-bot/dist/index.js',
    inputs: [...SHARED, ...packageFiles('packages/slack-bot')],
  },
};

/** Not inputs of a build: tests and what only tests read. */
const NOT_INPUT = /\.test\.[cm]?[jt]sx?$|^(?:test-support|__fixtures__|__golden__|node_modules|dist)$/;

/** The newest modification time (ms) under `path` (a file or a folder), and the file that has it. */
function newest(path, found = { time: 0, file: null }) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return found; // an optional input (tsconfig.build.json) that a package does not have
  }
  if (info.isDirectory()) {
    for (const entry of readdirSync(path)) {
      if (!NOT_INPUT.test(entry)) newest(join(path, entry), found);
    }
  } else if (info.mtimeMs > found.time) {
    found.time = info.mtimeMs;
    found.file = path;
  }
  return found;
}

/**
 * Why `key` needs a build (a sentence), or null when its output is newer than every input.
 * @param {keyof typeof PACKAGES} key
 */
export function staleness(key, root = ROOT) {
  const spec = PACKAGES[key];
  let built;
  try {
    built = statSync(join(root, spec.output)).mtimeMs;
  } catch {
    return `${spec.output} is missing`;
  }
  const latest = { time: 0, file: null };
  for (const input of spec.inputs) newest(join(root, input), latest);
  return latest.time > built ? `${relative(root, latest.file)} changed since ${spec.output} was built` : null;
}

/** Runs `pnpm -F NAME build`; its output goes to `stdio` (standard error by default). */
function build(name, root, stdio) {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['-F', name, 'build'], { cwd: root, stdio: ['ignore', stdio, stdio] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`pnpm -F ${name} build failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Builds the packages whose outputs are stale, in the order given; returns the keys it built. The
 * JavaScript of terminal-chat and the bot does not change when only core does (they import core at
 * run time), so a change in core rebuilds core and the CLI's bundle, not them.
 * @param {Array<keyof typeof PACKAGES>} keys
 * @param {{ root?: string, log?: (line: string) => void, stdio?: 'inherit' | number }} [options]
 */
export async function ensureBuilt(keys, { root = ROOT, log = () => {}, stdio = 2 } = {}) {
  const built = [];
  for (const key of keys) {
    const why = staleness(key, root);
    if (!why) continue;
    log(`Building ${PACKAGES[key].name}: ${why}.\n`);
    await build(PACKAGES[key].name, root, stdio);
    built.push(key);
  }
  return built;
}
