#!/usr/bin/env node
/**
 * `pnpm advisor ARGS`: the CLI, run in the folder `pnpm` was started from. pnpm runs root scripts in
 * the repository's root and says where it was called in INIT_CWD, so `pnpm advisor analyze .` from
 * a subfolder analyses that subfolder, and relative paths, `.ingress-advisor.yml` and `--output`
 * are read as a user typed them. The CLI is built first when its sources changed (build output on
 * standard error, so standard output stays the CLI's own).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, PACKAGES, ROOT } from './fresh.mjs';

try {
  await ensureBuilt(['cli'], { log: (line) => process.stderr.write(line) });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
// The bundle runs main(process.argv.slice(2)) on import: this script's arguments are the CLI's.
await import(pathToFileURL(join(ROOT, PACKAGES.cli.output)).href);
