#!/usr/bin/env node
/**
 * `pnpm bench`: analyse a generated corpus (~2,000 files, ~20,000 objects) and compare with a bare
 * js-yaml `loadAll` of the same text in the same run. Each measurement runs in its own child process
 * so peak RSS is that measurement's own. Targets: analyze/loadAll ≤ 1.5, peak RSS < 300 MiB, and
 * the same objects in one file at most twice as long as in their files (no cost that grows with a
 * file's document count).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_RATIO = 1.5;
/** The whole corpus as one multi-document file (a `helm template` or `kubectl get -o yaml` dump). */
const TARGET_ONE_FILE_RATIO = 2;
const TARGET_RSS_MIB = 300;
const STEADY_PASSES = 3;
const here = fileURLToPath(import.meta.url);

async function child(mode) {
  const corpus = generateCorpus();
  const sources =
    mode === 'analyzeOneFile'
      ? [{ path: 'all.yaml', text: corpus.map((file) => file.text).join('---\n') }]
      : corpus.map(({ path, text }) => ({ path, text }));
  let work;
  if (mode === 'loadAll' || mode === 'loadAllEsm') {
    // The baseline: js-yaml with its default options, in the CommonJS build the core uses (the
    // faster one); `loadAllEsm` is what `import { loadAll } from 'js-yaml'` gives, shown for scale.
    const require = createRequire(new URL('../packages/core/package.json', import.meta.url));
    const entry = require.resolve('js-yaml');
    const { loadAll } = await import(
      mode === 'loadAll' ? entry : entry.replace(/js-yaml\.cjs\.js$/, 'js-yaml.mjs')
    );
    work = () => {
      let documents = 0;
      for (const source of sources) documents += loadAll(source.text).length;
      return documents;
    };
  } else {
    const { analyze } = await import('../packages/core/dist/index.js');
    work = () => analyze(sources).resources.length;
  }
  // The first pass is cold (code not yet optimised, as in a one-shot CLI run); the next ones show
  // the steady state of a long-running process (the Slack bot, a warm Action runner).
  const timings = [];
  let count = 0;
  for (let pass = 0; pass < 1 + STEADY_PASSES; pass++) {
    const started = process.hrtime.bigint();
    count = work();
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const ms = timings[0];
  const steadyMs = median(timings.slice(1));
  const objects = corpus.reduce((sum, file) => sum + file.objects, 0);
  const bytes = sources.reduce((sum, source) => sum + source.text.length, 0);
  process.stdout.write(
    JSON.stringify({
      mode,
      ms,
      steadyMs,
      count,
      objects,
      files: corpus.length,
      bytes,
      maxRssKiB: process.resourceUsage().maxRSS,
    }),
  );
}

function measure(mode) {
  return JSON.parse(execFileSync(process.execPath, [here, '--child', mode], { encoding: 'utf8' }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3]);
  const loadAllRuns = [];
  const analyzeRuns = [];
  const esmRuns = [];
  const oneFileRuns = [];
  // Alternate so both see the same machine conditions.
  for (let i = 0; i < RUNS; i++) {
    loadAllRuns.push(measure('loadAll'));
    analyzeRuns.push(measure('analyze'));
    esmRuns.push(measure('loadAllEsm'));
    if (i < 3) oneFileRuns.push(measure('analyzeOneFile'));
  }
  const base = median(loadAllRuns.map((run) => run.ms));
  const ours = median(analyzeRuns.map((run) => run.ms));
  const steadyBase = median(loadAllRuns.map((run) => run.steadyMs));
  const steadyOurs = median(analyzeRuns.map((run) => run.steadyMs));
  const rssMiB = Math.max(...analyzeRuns.map((run) => run.maxRssKiB)) / 1024;
  const { objects, files, bytes, count } = analyzeRuns[0];
  const ratio = ours / base;
  const steadyRatio = steadyOurs / steadyBase;
  // Work per document must not grow with the documents before it in the same file.
  const oneFile = median(oneFileRuns.map((run) => run.steadyMs));
  const oneFileRatio = oneFile / steadyOurs;
  const lines = [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `corpus: ${files} files, ${objects} objects (${count} reported), ${(bytes / 2 ** 20).toFixed(1)} MiB`,
    `cold (first pass in a fresh process, median of ${RUNS} processes):`,
    `  analyze ${ours.toFixed(0)} ms (${Math.round(objects / (ours / 1000))} objects/s), loadAll ${base.toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`,
    `steady (median of ${STEADY_PASSES} later passes):`,
    `  analyze ${steadyOurs.toFixed(0)} ms (${Math.round(objects / (steadyOurs / 1000))} objects/s), loadAll ${steadyBase.toFixed(0)} ms, ratio ${steadyRatio.toFixed(2)} (target ≤ ${TARGET_RATIO})`,
    `peak RSS of analyze: ${rssMiB.toFixed(0)} MiB over all passes (target < ${TARGET_RSS_MIB} MiB)`,
    `for scale, js-yaml's ESM build: loadAll ${median(esmRuns.map((run) => run.ms)).toFixed(0)} ms cold, ${median(esmRuns.map((run) => run.steadyMs)).toFixed(0)} ms steady`,
    `the same objects in one file: analyze ${oneFile.toFixed(0)} ms steady, ${oneFileRatio.toFixed(2)} times the ${files} files (target ≤ ${TARGET_ONE_FILE_RATIO})`,
  ];
  console.log(lines.join('\n'));
  const failed = [];
  if (ratio > TARGET_RATIO) failed.push(`cold ratio ${ratio.toFixed(2)} > ${TARGET_RATIO}`);
  if (steadyRatio > TARGET_RATIO) failed.push(`steady ratio ${steadyRatio.toFixed(2)} > ${TARGET_RATIO}`);
  if (rssMiB >= TARGET_RSS_MIB) failed.push(`peak RSS ${rssMiB.toFixed(0)} MiB ≥ ${TARGET_RSS_MIB} MiB`);
  if (oneFileRatio > TARGET_ONE_FILE_RATIO) {
    failed.push(`one file ${oneFileRatio.toFixed(2)} times the files > ${TARGET_ONE_FILE_RATIO}`);
  }
  if (failed.length > 0) {
    console.error(`bench targets missed: ${failed.join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
