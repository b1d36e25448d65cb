#!/usr/bin/env node
/**
 * Builds the `ingress-advisor` executable into dist/ (Node 20+), three files that run wherever
 * they are copied together:
 *   cli.cjs    the CLI: one CommonJS bundle with the core and every dependency inlined, so a run
 *              loads one file instead of a couple of hundred modules;
 *   index.js   the executable: runs cli.cjs with cli.cache (src/bin.ts);
 *   cli.cache  V8's code cache for cli.cjs, made by running the CLI once on the repository's test
 *              fixtures, so a run skips parsing and compiling the bundle.
 *   node scripts/build.mjs [--outdir DIR]
 * Nothing imports this package as a library (the bot's console chat imports
 * @ingress-advisor/terminal-chat, as `chat` does), so no type declarations are emitted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inlineCreateRequire } from '../../core/build/inline-create-require.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir =
  outdirIndex === -1 ? join(packageDir, 'dist') : resolve(process.argv[outdirIndex + 1] ?? 'dist');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const trainingFixtures = join(packageDir, '../../test/fixtures');

// Whatever an earlier build left (the per-module output of tsc, an older cache) must not be
// mistaken for the CLI. A folder given with --outdir may hold other things: only ours go.
if (outdirIndex === -1) rmSync(outdir, { recursive: true, force: true });
else for (const file of ['index.js', 'cli.cjs', 'cli.cache']) rmSync(join(outdir, file), { force: true });

const common = {
  absWorkingDir: packageDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Syntax only: names and lines stay readable in the stack traces INGRESS_ADVISOR_DEBUG=1 prints.
  minifySyntax: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: join(outdir, 'cli.cjs'),
  format: 'cjs',
  // Workspace packages (core, terminal-chat, tool-runner) are bundled from their TypeScript sources,
  // so none needs a build first.
  conditions: ['source'],
  // The version is written into the bundle: a copy of dist/ has no package.json beside it.
  // `import.meta.url` is the bundle's own URL, as it would be for a module.
  define: { INGRESS_ADVISOR_CLI_VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [inlineCreateRequire()],
});

// A module the bundle loads at run time, other than Node's own, would be looked up in node_modules:
// fine in the repository, broken in a copy. Fail the build instead.
const bundled = readFileSync(join(outdir, 'cli.cjs'), 'utf8');
const foreign = [...bundled.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)]
  .map((match) => match[1])
  .filter((name) => !name.startsWith('node:'));
if (foreign.length > 0 || /\bcreateRequire\s*\(/.test(bundled)) {
  throw new Error(
    `dist/cli.cjs loads modules at run time (${foreign.join(', ') || 'createRequire'}): make inlineCreateRequire inline them`,
  );
}

// src/bin.ts starts with `#!/usr/bin/env node`, which esbuild keeps as the first line.
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: join(outdir, 'index.js'), format: 'esm' });

// The code cache holds what one run compiles: the analysis of the fixtures, the busiest path.
if (!existsSync(trainingFixtures)) {
  process.stderr.write(`No ${trainingFixtures}: dist/cli.cache not made; the CLI runs without it.\n`);
} else {
  execFileSync(
    process.execPath,
    [join(outdir, 'index.js'), 'analyze', '--render', 'builtin', '--format', 'json', trainingFixtures],
    {
      env: { ...process.env, INGRESS_ADVISOR_WRITE_CODE_CACHE: join(outdir, 'cli.cache') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
