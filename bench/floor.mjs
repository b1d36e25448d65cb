#!/usr/bin/env node
/**
 * The floor `analyze-bench.mjs` compares the CLI with: the least any tool must do to read the same
 * manifests. `node bench/floor.mjs DIR...` walks each directory recursively (skipping hidden entries
 * and node_modules, as the CLI does), reads every *.yaml, *.yml and *.json file (a file argument is
 * read whatever its name) and parses it with js-yaml's `loadAll`: the js-yaml the core depends on,
 * in the CommonJS build the core loads. Prints `{"files":N,"documents":N,"bytes":N}`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../packages/core/package.json', import.meta.url));
// `require` of the package resolves its CommonJS entry (dist/js-yaml.cjs.js).
const { loadAll } = require('js-yaml');

const MANIFEST = /\.(?:ya?ml|json)$/i;
let files = 0;
let documents = 0;
let bytes = 0;

function read(path) {
  const text = readFileSync(path, 'utf8');
  files++;
  bytes += text.length;
  documents += loadAll(text).length;
}

function walk(directory) {
  const entries = readdirSync(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && MANIFEST.test(entry.name)) read(path);
  }
}

for (const path of process.argv.slice(2)) {
  if (statSync(path).isDirectory()) walk(path);
  else read(path);
}
process.stdout.write(`${JSON.stringify({ files, documents, bytes })}\n`);
