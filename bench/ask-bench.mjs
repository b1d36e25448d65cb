#!/usr/bin/env node
/**
 * `pnpm bench` (second part): times `answer()` of the built core over the development questions
 * (the advice engine's test questions, packages/core/src/advice/__fixtures__/questions.json). Per question:
 * the first (cold) call, then the median and p95 of warm calls. Target: every p95 well under 100 ms;
 * exits 1 when a p95 reaches it.
 */
import { readFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_ASK_RUNS ?? 200);
const TARGET_MS = 100;
const questionsFile = new URL('../packages/core/src/advice/__fixtures__/questions.json', import.meta.url);
const questions = JSON.parse(readFileSync(questionsFile, 'utf8')).cases.map((c) => c.q);

const importStarted = process.hrtime.bigint();
const { answer } = await import('../packages/core/dist/index.js');
const importMs = Number(process.hrtime.bigint() - importStarted) / 1e6;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const rows = [];
for (const question of questions) {
  let started = process.hrtime.bigint();
  const first = answer(question);
  const coldMs = Number(process.hrtime.bigint() - started) / 1e6;
  const timings = [];
  for (let i = 0; i < RUNS; i++) {
    started = process.hrtime.bigint();
    answer(question);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  rows.push({
    question,
    id: first.kind === 'topic' ? first.topic : first.recommended,
    coldMs,
    medianMs: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
  });
}

const width = 60;
const cut = (text) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
console.log(
  `\nask: answer() over ${questions.length} questions, ${RUNS} warm runs each (core import ${importMs.toFixed(0)} ms)`,
);
console.log(
  `${'question'.padEnd(width)}  ${'answer'.padEnd(34)} ${'cold'.padStart(8)} ${'median'.padStart(8)} ${'p95'.padStart(8)}`,
);
for (const row of rows) {
  console.log(
    `${cut(row.question)}  ${String(row.id).padEnd(34)} ${row.coldMs.toFixed(2).padStart(6)}ms ${row.medianMs.toFixed(3).padStart(6)}ms ${row.p95Ms.toFixed(3).padStart(6)}ms`,
  );
}
const worstP95 = Math.max(...rows.map((row) => row.p95Ms));
const worstCold = Math.max(...rows.map((row) => row.coldMs));
console.log(
  `worst p95 ${worstP95.toFixed(3)} ms, worst cold call ${worstCold.toFixed(2)} ms (target: well under ${TARGET_MS} ms)`,
);
if (worstP95 >= TARGET_MS || worstCold >= TARGET_MS) {
  console.error(`ask bench target missed: an answer took ${Math.max(worstP95, worstCold).toFixed(1)} ms`);
  process.exitCode = 1;
}
