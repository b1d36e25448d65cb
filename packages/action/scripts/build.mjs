#!/usr/bin/env node
/**
 * Builds the committed bundle: `dist/index.js` (every dependency inlined, ESM, Node 20+) and
 * `dist/licenses.txt` (the licence of every bundled package). The output is deterministic, so CI and
 * the end-to-end tests can rebuild into another directory and compare bytes:
 *   node scripts/build.mjs [--outdir DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inlineCreateRequire } from '../../core/build/inline-create-require.mjs';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir =
  outdirIndex === -1 ? join(packageDir, 'dist') : resolve(process.argv[outdirIndex + 1] ?? 'dist');

const result = await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/index.ts'],
  outfile: join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  // GitHub runs the bundle on Node 24 (action.yml); Node 20 is the oldest we test on.
  target: 'node20',
  format: 'esm',
  // Workspace packages are bundled from their TypeScript sources, so core needs no build first.
  conditions: ['source'],
  // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  minifySyntax: true,
  minifyWhitespace: true,
  charset: 'utf8',
  metafile: true,
  plugins: [inlineCreateRequire()],
  write: false,
  logLevel: 'warning',
});

const bundle = result.outputFiles.find((file) => file.path.endsWith('.js'));
if (!bundle) throw new Error('esbuild produced no JavaScript output');
await mkdir(outdir, { recursive: true });
await writeFile(join(outdir, 'index.js'), bundle.contents);
await writeFile(join(outdir, 'licenses.txt'), collectLicences(Object.keys(result.metafile.inputs)));

/** The licence text of every package a bundled file came from, sorted by name. */
function collectLicences(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const directory = packageDirOf(input);
    if (directory === null) continue;
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (packages.has(key)) continue;
    const licenceFile = readdirSync(directory).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const text = licenceFile ? readFileSync(join(directory, licenceFile), 'utf8').trim() : null;
    packages.set(key, { license: manifest.license ?? 'UNKNOWN', text });
  }
  const sections = [...packages.keys()].sort().map((key) => {
    const { license, text } = packages.get(key);
    return `${key}\n${license}\n${text ?? '(no licence file in the package)'}`;
  });
  return `${sections.join('\n\n-----\n\n')}\n`;
}

/** The directory of the npm package holding `input` (a path relative to the package), or null for ours. */
function packageDirOf(input) {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at === -1) return null;
  const rest = input.slice(at + marker.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  const directory = join(packageDir, input.slice(0, at + marker.length), name);
  return existsSync(join(directory, 'package.json')) ? directory : null;
}
