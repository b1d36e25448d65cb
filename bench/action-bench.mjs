#!/usr/bin/env node
/**
 * Action benchmark: the committed bundle reviews a pull request of 300 changed YAML files (half new
 * Services, half modified) in a repository with 100 more unchanged manifests, against the local fake
 * GitHub API (`test/fakes/github-api.ts`) with 50 ms added to every answer. Reports wall time and
 * request count (target: under 5 s), then the bundle's cold start (a run that reads nothing) and size.
 *   node bench/action-bench.mjs        (BENCH_RUNS=N for more cold-start samples)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bundle = join(root, 'packages/action/dist/index.js');
const CHANGED_FILES = 300;
const CONTEXT_FILES = 100;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const TARGET_MS = 5000;
const COLD_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'c'.repeat(40);

const scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-action-bench-'));
try {
  const { FakeGitHubApi } = await loadFake();
  const repository = generateRepository();
  const api = new FakeGitHubApi(repository);
  const url = await api.start();
  api.latencyMs = LATENCY_MS;
  const review = await runBundle(url, 'pull_request');
  await api.stop();
  if (process.env.BENCH_VERBOSE)
    process.stdout.write(
      review.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::'))
        .join('\n'),
    );
  if (review.code !== 0) throw new Error(`the Action failed:\n${review.stdout}\n${review.stderr}`);
  const comment = api.issueComments[0]?.body ?? '';
  const added = /Adds ([\d,]+) LoadBalancer/.exec(comment)?.[1] ?? '0';

  const cold = [];
  for (let run = 0; run < COLD_RUNS; run++) cold.push((await runBundle('http://127.0.0.1:9', 'push')).ms);
  const size = statSync(bundle).size;

  const rows = [
    [
      'pull request',
      `${CHANGED_FILES} changed + ${CONTEXT_FILES} unchanged YAML files, ${LATENCY_MS} ms per request`,
    ],
    ['wall time', `${Math.round(review.ms)} ms (target < ${TARGET_MS} ms)`],
    ['requests', `${api.requests.length} (${summariseRequests(api.requests)})`],
    ['most in flight', String(api.maxInFlight)],
    ['LoadBalancers added', added],
    ['comment', `${comment.length.toLocaleString('en')} characters`],
    ['cold start', `${Math.round(median(cold))} ms median of ${COLD_RUNS} (a run that reads nothing)`],
    ['bundle', `${(size / 1024 / 1024).toFixed(2)} MiB (packages/action/dist/index.js)`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(
    `\nAction benchmark\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`,
  );
  if (review.ms > TARGET_MS) {
    process.stderr.write(`The review took ${Math.round(review.ms)} ms, over the ${TARGET_MS} ms target.\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The fake is TypeScript; esbuild (the Action's build tool) turns it into a module to import. */
async function loadFake() {
  const require = createRequire(join(root, 'packages/action/package.json'));
  const esbuild = require('esbuild');
  const outfile = join(scratch, 'github-api.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'test/fakes/github-api.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

function generateRepository() {
  const base = {};
  const head = {};
  for (let index = 0; index < CHANGED_FILES; index++) {
    const path = `apps/team-${index % 12}/service-${String(index).padStart(3, '0')}.yaml`;
    const name = `svc-${index}`;
    if (index % 2 === 0) {
      head[path] = service(name, 'LoadBalancer', index % 6 === 0 ? 5432 : 80);
    } else {
      base[path] = service(name, 'ClusterIP', 80);
      head[path] = service(name, 'ClusterIP', 8080);
    }
  }
  for (let index = 0; index < CONTEXT_FILES; index++) {
    const path = `apps/team-${index % 12}/deployment-${String(index).padStart(3, '0')}.yaml`;
    base[path] = deployment(`svc-${index * 2}`);
    head[path] = base[path];
  }
  return { owner: 'acme', repo: 'shop', pullNumber: 7, baseSha: BASE_SHA, headSha: HEAD_SHA, base, head };
}

function service(name, type, port) {
  const portName = port === 5432 ? 'postgres' : 'http';
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  type: ${type}\n  selector:\n    app: ${name}\n  ports:\n    - name: ${portName}\n      port: ${port}\n`;
}

function deployment(name) {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: app\n          image: nginx\n          ports:\n            - name: http\n              containerPort: 80\n`;
}

/** Runs the bundle as a workflow step would; resolves with the exit code and wall time. */
function runBundle(apiUrl, eventName) {
  const dir = mkdtempSync(join(scratch, 'run-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { sha: BASE_SHA, repo: { full_name: 'acme/shop' } },
        head: { sha: HEAD_SHA, repo: { full_name: 'acme/shop' } },
      },
    }),
  );
  for (const file of ['output', 'summary.md']) writeFileSync(join(dir, file), '');
  const env = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': 'test-token',
  };
  const started = process.hrtime.bigint();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), bundle],
      { env, cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        done({
          code: error ? error.code : 0,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          stdout,
          stderr,
          summary: readFileSync(join(dir, 'summary.md'), 'utf8'),
        });
      },
    );
  });
}

function summariseRequests(requests) {
  const kinds = new Map();
  for (const { method, path } of requests) {
    const kind = `${method} ${path
      .replace(/^\/repos\/[^/]+\/[^/]+/, '')
      .replace(/\/contents\/.*/, '/contents')
      .replace(/\/trees\/.*/, '/trees')}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
