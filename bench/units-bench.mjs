#!/usr/bin/env node
/**
 * `pnpm bench` (units): a repository shaped like real ones (apps with a Kustomize base and dev/prod
 * overlays, the prod one a JSON 6902 patch to a LoadBalancer, and Helm charts with a values-prod.yaml)
 * analysed by the whole CLI process with the real renderers (`--render auto`, kubectl and helm from
 * bench/tools.mjs on PATH) and with the built-in readers (`--render builtin`), medians of BENCH_RUNS
 * processes, alternating. The share spent in the external tools is the time of running them alone
 * on every unit, one after another, against the CLI's time with them (which runs up to four at once).
 * Reports figures; its only target is that both modes finish and agree on the load balancers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realTools } from './tools.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APPS = Number(process.env.BENCH_UNIT_APPS ?? 20);
const CHARTS = Number(process.env.BENCH_UNIT_CHARTS ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/cli/dist/index.js');

function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** A repository of APPS Kustomize apps (base, dev, prod) and CHARTS Helm charts (defaults, prod). */
function writeRepository(dir) {
  for (let i = 0; i < APPS; i++) {
    const app = `app-${i}`;
    write(dir, `apps/${app}/base/kustomization.yaml`, 'resources:\n- deployment.yaml\n- service.yaml\n');
    write(
      dir,
      `apps/${app}/base/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n    spec:\n      containers:\n      - name: ${app}\n        image: registry.example.com/${app}:1.0.0\n        ports:\n        - {name: http, containerPort: 8080}\n`,
    );
    write(
      dir,
      `apps/${app}/base/service.yaml`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\nspec:\n  selector: {app: ${app}}\n  ports:\n  - {name: http, port: 80, targetPort: http}\n`,
    );
    write(
      dir,
      `apps/${app}/overlays/dev/kustomization.yaml`,
      `namespace: ${app}-dev\nresources:\n- ../../base\n`,
    );
    write(
      dir,
      `apps/${app}/overlays/prod/kustomization.yaml`,
      `namespace: ${app}-prod\nnamePrefix: prod-\nresources:\n- ../../base\npatches:\n- path: lb.yaml\n  target: {kind: Service, name: ${app}}\n`,
    );
    write(
      dir,
      `apps/${app}/overlays/prod/lb.yaml`,
      '- op: replace\n  path: /spec/type\n  value: LoadBalancer\n',
    );
  }
  for (let i = 0; i < CHARTS; i++) {
    const chart = `chart-${i}`;
    write(dir, `charts/${chart}/Chart.yaml`, `apiVersion: v2\nname: ${chart}\nversion: 1.0.0\n`);
    write(dir, `charts/${chart}/values.yaml`, 'service:\n  type: ClusterIP\n');
    write(dir, `charts/${chart}/values-prod.yaml`, 'service:\n  type: LoadBalancer\n');
    write(
      dir,
      `charts/${chart}/templates/service.yaml`,
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: {{ .Values.service.type }}\n  selector: {app: {{ .Release.Name }}}\n  ports:\n  - {name: http, port: 80}\n',
    );
  }
}

function timeCli(dir, render, path) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, 'analyze', '.', '--format', 'json', '--render', render], {
    cwd: dir,
    env: { ...process.env, PATH: path },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`analyze --render ${render} failed: ${result.stderr}`);
  return { ms, report: JSON.parse(result.stdout) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const tools = await realTools();
if (tools.kubectl === null || tools.helm === null) {
  console.log(`units bench skipped: ${tools.reason}`);
  process.exit(0);
}
const toolsPath = dirname(tools.kubectl);
const dir = mkdtempSync(join(tmpdir(), 'ingress-advisor-units-bench-'));
try {
  writeRepository(dir);
  const auto = [];
  const builtin = [];
  let reports;
  for (let run = 0; run < RUNS; run++) {
    const a = timeCli(dir, 'auto', toolsPath);
    const b = timeCli(dir, 'builtin', toolsPath);
    auto.push(a.ms);
    builtin.push(b.ms);
    reports = { auto: a.report, builtin: b.report };
  }
  // The tools alone, unit by unit, as the CLI would run them.
  const started = process.hrtime.bigint();
  for (let i = 0; i < APPS; i++) {
    for (const overlay of ['dev', 'prod']) {
      execFileSync(tools.kubectl, ['kustomize', join(dir, `apps/app-${i}/overlays/${overlay}`)], {
        stdio: 'ignore',
      });
    }
  }
  for (let i = 0; i < CHARTS; i++) {
    const chart = join(dir, `charts/chart-${i}`);
    execFileSync(tools.helm, ['template', `chart-${i}`, chart], { stdio: 'ignore' });
    execFileSync(tools.helm, ['template', `chart-${i}`, chart, '-f', join(chart, 'values-prod.yaml')], {
      stdio: 'ignore',
    });
  }
  const toolsMs = Number(process.hrtime.bigint() - started) / 1e6;
  const key = (lb) => `${lb.unit} ${lb.namespace}/${lb.name} ${lb.file}:${lb.line}`;
  const agree =
    JSON.stringify(reports.auto.loadBalancers.map(key).filter((k) => k.startsWith('kustomize'))) ===
    JSON.stringify(reports.builtin.loadBalancers.map(key).filter((k) => k.startsWith('kustomize')));
  const units = reports.auto.units.length;
  console.log(
    `units bench: ${APPS} Kustomize apps (dev, prod) and ${CHARTS} charts (defaults, prod): ${units} units`,
  );
  console.log(`  machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`);
  console.log(`  --render auto (kubectl, helm):   ${median(auto).toFixed(0)} ms (median of ${RUNS})`);
  console.log(`  --render builtin:                ${median(builtin).toFixed(0)} ms`);
  console.log(
    `  the tools alone, one unit after another: ${toolsMs.toFixed(0)} ms (${((toolsMs / median(auto)) * 100).toFixed(0)}% of the auto run's time, which runs four at once)`,
  );
  console.log(
    `  load balancers of the Kustomize units, auto vs builtin: ${agree ? 'the same' : 'DIFFERENT'}`,
  );
  if (!agree) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
