#!/usr/bin/env node
/**
 * Builds the `ingress-advisor` executable: `dist/index.js`, one ES module with the core and every
 * dependency inlined (Node 20+), so a run loads one file instead of a couple of hundred modules, and
 * the file runs wherever it is copied:
 *   node scripts/build.mjs [--outdir DIR]
 * Nothing imports this package as a library (the bot's console chat imports
 * @ingress-advisor/terminal-chat, as `chat` does), so no type declarations are emitted.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inlineCreateRequire } from '../../core/build/inline-create-require.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir =
  outdirIndex === -1 ? join(packageDir, 'dist') : resolve(process.argv[outdirIndex + 1] ?? 'dist');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

// Whatever an earlier build left (the per-module output of tsc) must not be mistaken for the CLI.
if (outdirIndex === -1) rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: packageDir,
  // src/index.ts starts with `#!/usr/bin/env node`, which esbuild keeps as the first line.
  entryPoints: ['src/index.ts'],
  outfile: join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Workspace packages (core, terminal-chat, tool-runner) are bundled from their TypeScript sources,
  // so none needs a build first.
  conditions: ['source'],
  // The version is written into the bundle: a copy of dist/index.js has no package.json beside it.
  define: { INGRESS_ADVISOR_CLI_VERSION: JSON.stringify(version) },
  // Syntax only: names and lines stay readable in the stack traces INGRESS_ADVISOR_DEBUG=1 prints.
  minifySyntax: true,
  legalComments: 'eof',
  charset: 'utf8',
  plugins: [inlineCreateRequire()],
  logLevel: 'warning',
});

// A module the core loads through createRequire and the bundle did not inline would be looked up
// in node_modules at run time: fine in the repository, broken in a copy. Fail the build instead.
if (/\bcreateRequire\s*\(|\b__require\s*\(/.test(readFileSync(join(outdir, 'index.js'), 'utf8'))) {
  throw new Error(
    'dist/index.js loads a module at run time (createRequire or require): make inlineCreateRequire inline it',
  );
}
