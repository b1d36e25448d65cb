/**
 * Preloaded by `analyze-bench.mjs` (`node --require ./bench/report-rss.cjs script.js ...`): when the
 * process exits, writes its peak resident set size in KiB to the file named by BENCH_RSS_FILE. Works
 * wherever Node runs, where `/usr/bin/time` may be missing.
 *
 * On Linux the figure is VmHWM of /proc/self/status, the peak of this program's own memory. Not
 * `process.resourceUsage().maxRSS` there: Linux carries ru_maxrss over exec, so a child forked by a
 * large parent (the bench, holding corpora and reports) would report at least the parent's size.
 * Elsewhere (macOS spawns without forking the parent's memory) maxRSS is used.
 */
const { readFileSync, writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_FILE;

function peakKiB() {
  if (process.platform === 'linux') {
    try {
      const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
      if (match) return Number(match[1]);
    } catch {
      // No /proc (a sandbox): fall back to getrusage.
    }
  }
  return process.resourceUsage().maxRSS;
}

if (target) {
  process.on('exit', () => {
    writeFileSync(target, `${peakKiB()}\n`);
  });
}
