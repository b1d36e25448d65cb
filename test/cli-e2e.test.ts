/**
 * End-to-end: runs the built CLI (`packages/cli/dist/index.js`) as a child process on the fixtures
 * in `test/fixtures/`. Assertions stick to what is stable while rules are being written: statuses,
 * roles, rule ids, counts and the load balancer inventory, not message wording.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realTools } from '../bench/tools.mjs';
// The root package does not depend on core; its front door is imported by path, for types only.
import type { Report } from '../packages/core/src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli/dist/index.js');
const fixtures = join(root, 'test/fixtures');

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in the fixtures directory, with colour forced off unless `env` says otherwise. */
function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  if (options.env?.FORCE_COLOR === undefined) delete env.FORCE_COLOR;
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd ?? fixtures, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

async function analyzeJson(args: string[], stdin?: string): Promise<Report> {
  const result = await runCli(['analyze', ...args, '--format', 'json'], stdin === undefined ? {} : { stdin });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

/** The fixture directories of the analyze tests. */
const ANALYZE_FIXTURES = [
  'aws',
  'broken',
  'dns',
  'helm-chart',
  'kustomize',
  'microservices-demo',
  'mqtt',
  'nginx-retired',
  'non-kubernetes',
];

const fixture = (path: string): string => readFileSync(join(fixtures, path), 'utf8');

let scratch: string;

beforeAll(() => {
  if (!existsSync(cli)) {
    throw new Error(
      `The CLI is not built (${cli} is missing). Run \`pnpm -F ingress-advisor build\` (or \`pnpm build\`) first.`,
    );
  }
  scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-e2e-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('ingress-advisor analyze (built CLI)', () => {
  describe('on all fixtures', () => {
    let report: Report;
    beforeAll(async () => {
      // The fixtures written for analyze, as `.` walks them; other directories (migrate/, action/)
      // are the inputs of other commands' tests and would change these counts. The built-in readers
      // only: the real renderers have tests of their own below.
      report = await analyzeJson([...ANALYZE_FIXTURES, '--render', 'builtin']);
    });

    const fileResult = (path: string) => report.files.find((file) => file.path === path);

    it('reports every file with forward-slash paths relative to the working directory', () => {
      expect(report.schemaVersion).toBe(2);
      expect(report.files.map((file) => file.path)).toEqual([
        'aws/services.yaml',
        'broken/services.yaml',
        'dns/coredns-external.yaml',
        'helm-chart/Chart.yaml',
        'helm-chart/templates/deployment.yaml',
        'helm-chart/templates/service.yaml',
        'helm-chart/values.yaml',
        'kustomize/base/deployment.yaml',
        'kustomize/base/kustomization.yaml',
        'kustomize/base/service.yaml',
        'kustomize/overlays/prod/kustomization.yaml',
        'kustomize/overlays/prod/replicas.yaml',
        'kustomize/overlays/prod/service-loadbalancer.yaml',
        'microservices-demo/kubernetes-manifests.yaml',
        'mqtt/mosquitto.yaml',
        'nginx-retired/ingress.yaml',
        // non-kubernetes/.github/ is a hidden directory: not walked.
        'non-kubernetes/docker-compose.yaml',
      ]);
      expect(report.summary.files).toEqual({ analyzed: 12, skipped: 4, error: 1 });
    });

    it('reports every LoadBalancer Service with its traffic and exposure', () => {
      const summary = report.loadBalancers
        .map((lb) => `${lb.namespace ?? '-'}/${lb.name} ${lb.traffic} ${lb.exposure}`)
        .sort();
      expect(summary).toEqual([
        '-/billing http public',
        '-/frontend-external http public',
        '-/order-admin-external http public',
        '-/partner-api-external http public',
        'dns/coredns-external l4 public',
        'games/game-server l4 public',
        // The prod overlay sets namespace guestbook-prod: the Service as deployed.
        'guestbook-prod/guestbook-ui http public',
        'iot/mosquitto l4 public',
        'payments/ledger-api http internal',
      ]);
      expect(report.summary.loadBalancers).toEqual({ total: 9, http: 6, l4: 3, mixed: 0, unknown: 0 });
    });

    it('reads only the values of a Helm chart without helm, and says the chart is rendered as a whole', () => {
      for (const path of ['helm-chart/templates/deployment.yaml', 'helm-chart/templates/service.yaml']) {
        expect(fileResult(path)).toMatchObject({ status: 'skipped', role: 'helm-chart' });
        expect(fileResult(path)?.reason).toMatch(/helm template/i);
      }
      expect(fileResult('helm-chart/values.yaml')).toMatchObject({ status: 'analyzed', role: 'helm-values' });
      expect(report.resources.filter((resource) => resource.file.startsWith('helm-chart/'))).toEqual([]);
    });

    it('reports the LoadBalancer a Kustomize patch makes against its target Service, at the patch file', () => {
      const guestbook = report.loadBalancers.find((lb) => lb.name === 'guestbook-ui');
      expect(guestbook).toMatchObject({
        kind: 'Service',
        namespace: 'guestbook-prod',
        file: 'kustomize/overlays/prod/service-loadbalancer.yaml',
        line: 7,
        unit: 'kustomize:kustomize/overlays/prod',
      });
      for (const path of [
        'kustomize/overlays/prod/service-loadbalancer.yaml',
        'kustomize/overlays/prod/kustomization.yaml',
      ]) {
        expect(fileResult(path)).toMatchObject({ status: 'analyzed', role: 'kustomize-resource' });
      }
      // The base Service stays ClusterIP and is not reported twice.
      expect(report.loadBalancers.filter((lb) => lb.name === 'guestbook-ui')).toHaveLength(1);
    });

    it('skips files that are not Kubernetes manifests quietly, as skipped rather than errors', () => {
      expect(fileResult('non-kubernetes/docker-compose.yaml')).toMatchObject({
        status: 'skipped',
        role: 'not-kubernetes',
      });
      expect(fileResult('helm-chart/Chart.yaml')).toMatchObject({ status: 'skipped', role: 'helm-chart' });
      expect(report.findings.filter((finding) => finding.file.startsWith('non-kubernetes/'))).toEqual([]);
    });

    it('marks a file with a YAML syntax error as error, with the line, and keeps its other document', () => {
      const broken = fileResult('broken/services.yaml');
      expect(broken).toMatchObject({ status: 'error', documents: 1 });
      // The second document starts at line 14; the parser reports where it gave up.
      expect(broken?.line).toBeGreaterThanOrEqual(14);
      expect(broken?.line).toBeLessThanOrEqual(21);
      expect(report.loadBalancers.find((lb) => lb.name === 'billing')).toMatchObject({
        file: 'broken/services.yaml',
        line: 6,
      });
    });

    it('lists the Ingress with its class, hosts and TLS', () => {
      expect(report.ingresses).toEqual([
        expect.objectContaining({
          name: 'storefront',
          namespace: 'shop',
          file: 'nginx-retired/ingress.yaml',
          ingressClassName: 'nginx',
          hosts: ['shop.example.com'],
          tls: true,
        }),
      ]);
    });

    it('reports ingress-nginx-retired on the Ingress bound to the community controller', () => {
      expect(
        report.findings.filter((finding) => finding.ruleId === 'ingress-nginx-retired').map((f) => f.file),
      ).toEqual(['nginx-retired/ingress.yaml']);
    });

    it('reports lb-l4-appropriate, not lb-http-consolidate, for the MQTT and DNS LoadBalancers', () => {
      const about = (file: string) =>
        report.findings.filter((finding) => finding.file === file).map((f) => f.ruleId);
      expect(about('mqtt/mosquitto.yaml')).toContain('lb-l4-appropriate');
      expect(about('mqtt/mosquitto.yaml')).not.toContain('lb-http-consolidate');
      expect(about('dns/coredns-external.yaml')).toContain('lb-l4-appropriate');
    });

    it('reports helm-values-loadbalancer at the line of service.type in values.yaml', () => {
      expect(report.findings.filter((finding) => finding.ruleId === 'helm-values-loadbalancer')).toEqual([
        expect.objectContaining({ file: 'helm-chart/values.yaml', line: 17 }),
      ]);
    });
  });

  it('reads a multi-document file: Online Boutique with three public HTTP LoadBalancers to consolidate', async () => {
    const report = await analyzeJson(['microservices-demo']);
    expect(report.files).toEqual([
      { path: 'microservices-demo/kubernetes-manifests.yaml', status: 'analyzed', documents: 23 },
    ]);
    const kinds = report.resources.map((resource) => resource.kind);
    expect(kinds.filter((kind) => kind === 'Deployment')).toHaveLength(11);
    expect(kinds.filter((kind) => kind === 'Service')).toHaveLength(12);
    expect(report.loadBalancers.map((lb) => [lb.name, lb.traffic, lb.exposure])).toEqual([
      ['frontend-external', 'http', 'public'],
      ['order-admin-external', 'http', 'public'],
      ['partner-api-external', 'http', 'public'],
    ]);
    const consolidate = report.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate');
    expect(consolidate.map((finding) => finding.line)).toEqual(report.loadBalancers.map((lb) => lb.line));
  });

  it('reads AWS Load Balancer Controller annotations: one public NLB, one internal', async () => {
    const report = await analyzeJson(['aws/services.yaml']);
    expect(report.loadBalancers.map((lb) => [lb.name, lb.traffic, lb.exposure, lb.provider])).toEqual([
      ['game-server', 'l4', 'public', 'aws-nlb'],
      ['ledger-api', 'http', 'internal', 'aws-nlb'],
    ]);
  });

  it('classifies MQTT and UDP DNS LoadBalancers as L4', async () => {
    const report = await analyzeJson(['mqtt', 'dns']);
    // Entries are sorted by file and line, whatever the order of the input.
    expect(report.loadBalancers.map((lb) => [lb.name, lb.traffic, lb.ports.map((p) => p.protocol)])).toEqual([
      ['coredns-external', 'l4', ['UDP']],
      ['mosquitto', 'l4', ['TCP']],
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
  });

  it('walks a hidden directory named on the command line, and skips a workflow quietly', async () => {
    const report = await analyzeJson(['non-kubernetes/.github']);
    expect(report.files).toEqual([
      expect.objectContaining({
        path: 'non-kubernetes/.github/workflows/ci.yml',
        status: 'skipped',
        role: 'not-kubernetes',
      }),
    ]);
    expect(report.findings).toEqual([]);
  });

  it('reads standard input given as -', async () => {
    const report = await analyzeJson(['-'], fixture('mqtt/mosquitto.yaml'));
    expect(report.files).toEqual([{ path: '<stdin>', status: 'analyzed', documents: 2 }]);
    expect(report.loadBalancers).toEqual([
      expect.objectContaining({ name: 'mosquitto', file: '<stdin>', line: 43, traffic: 'l4' }),
    ]);
  });

  it('reads a rendered Kustomize overlay from standard input', async () => {
    // What `kubectl kustomize overlays/prod` prints, give or take labels.
    const rendered = `${fixture('kustomize/base/service.yaml').replace('type: ClusterIP', 'type: LoadBalancer')}---\n${fixture('kustomize/base/deployment.yaml')}`;
    const report = await analyzeJson(['-'], rendered);
    expect(report.loadBalancers.map((lb) => [lb.name, lb.file, lb.traffic])).toEqual([
      ['guestbook-ui', '<stdin>', 'http'],
    ]);
  });

  describe('output formats', () => {
    it('prints SARIF 2.1.0 with the findings as results', async () => {
      const result = await runCli(['analyze', 'microservices-demo', '--format', 'sarif']);
      expect(result.code).toBe(0);
      const sarif = JSON.parse(result.stdout) as {
        version: string;
        runs: Array<{ results: Array<{ ruleId: string }> }>;
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]?.results.map((entry) => entry.ruleId)).toEqual([
        'lb-http-consolidate',
        'lb-http-consolidate',
        'lb-http-consolidate',
      ]);
    });

    it('writes the report to --output and nothing to standard output', async () => {
      const output = join(scratch, 'results.sarif');
      const result = await runCli(['analyze', 'mqtt', '--format', 'sarif', '--output', output]);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ version: '2.1.0' });
    });

    it('prints text without colour under NO_COLOR, and lists quietly skipped files only with --verbose', async () => {
      const quiet = await runCli(['analyze', 'non-kubernetes', 'mqtt']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).not.toContain('\u001b[');
      expect(quiet.stdout).toContain('mosquitto');
      expect(quiet.stdout).not.toContain('non-kubernetes/docker-compose.yaml');
      const verbose = await runCli(['analyze', 'non-kubernetes', 'mqtt', '--verbose']);
      expect(verbose.stdout).toContain('non-kubernetes/docker-compose.yaml');
    });

    it('prints Markdown', async () => {
      const result = await runCli(['analyze', 'microservices-demo', '--format', 'markdown']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('lb-http-consolidate');
    });
  });

  describe('exit codes', () => {
    it('exits 1 when --fail-on warning trips, 0 when --fail-on error does not', async () => {
      const warning = await runCli(['analyze', 'microservices-demo', '--fail-on', 'warning']);
      expect(warning.code).toBe(1);
      expect(warning.stderr).toContain('--fail-on warning');
      expect((await runCli(['analyze', 'microservices-demo', '--fail-on', 'error'])).code).toBe(0);
    });

    it('exits 1 with --fail-on error when the configuration makes a rule an error', async () => {
      const config = join(scratch, 'strict.yml');
      writeFileSync(config, 'rules:\n  lb-http-consolidate: error\n');
      const result = await runCli([
        'analyze',
        'microservices-demo',
        '--config',
        config,
        '--fail-on',
        'error',
      ]);
      expect(result.code).toBe(1);
    });

    it('exits 1 with --fail-on error on a file that cannot be parsed', async () => {
      expect((await runCli(['analyze', 'broken', '--fail-on', 'error'])).code).toBe(1);
    });

    it('exits 2 on an invalid configuration, naming the bad key', async () => {
      const config = join(scratch, 'bad.yml');
      writeFileSync(config, 'rules:\n  no-such-rule: error\n');
      const result = await runCli(['analyze', 'mqtt', '--config', config]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('  rules.no-such-rule: ');
    });

    it('exits 2 on a missing path, naming it', async () => {
      const result = await runCli(['analyze', 'mqtt', 'no-such-dir']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('no-such-dir');
    });

    it('exits 2 on an unknown option or format', async () => {
      expect((await runCli(['analyze', '--colour'])).code).toBe(2);
      expect((await runCli(['analyze', '--format', 'yaml'])).code).toBe(2);
    });

    it('migrates ingress-nginx Ingresses to Gateway API: the golden YAML on stdout, warnings on stderr', async () => {
      const result = await runCli(
        ['migrate', 'test/fixtures/migrate/shop', '--to', 'gateway', '--namespace', 'gateway-system'],
        { cwd: root },
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        readFileSync(join(root, 'packages/core/src/migrate/__golden__/shop-to-gateway.yaml'), 'utf8'),
      );
      expect(result.stderr).toMatch(
        /^warning: test\/fixtures\/migrate\/shop\/ingress\.yaml:\d+: Ingress shop\/legacy-api: annotation nginx\.ingress\.kubernetes\.io\/configuration-snippet is not carried over/m,
      );
    });

    it('round-trips: analyze on the migrated manifests finds nothing left to consolidate', async () => {
      const before = await analyzeJson(['migrate/platform']);
      expect(before.findings.some((finding) => finding.ruleId === 'lb-http-consolidate')).toBe(true);
      for (const to of ['ingress', 'gateway']) {
        const migrated = await runCli(['migrate', 'migrate/platform', '--to', to, '--class', 'eg']);
        expect(migrated.code).toBe(0);
        const after = await analyzeJson(['-'], migrated.stdout);
        expect(after.files.map((file) => file.status)).toEqual(['analyzed']);
        expect(after.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
      }
    });

    it('writes one file per object with migrate --out', async () => {
      const out = mkdtempSync(join(scratch, 'migrate-'));
      const result = await runCli(['migrate', 'mqtt', '--to', 'gateway', '--class', 'eg', '--out', out]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(readFileSync(join(out, 'MIGRATION.txt'), 'utf8')).toMatch(
        /^# Generated by ingress-advisor migrate/,
      );
      expect(result.stderr).toMatch(/Wrote \d+ files to /);
    });

    it('exits 2 when migrate is not told what to migrate to', async () => {
      const result = await runCli(['migrate', 'mqtt']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--to ingress or --to gateway');
    });

    it('answers a question with ask, as JSON', async () => {
      const result = await runCli(['ask', 'a DNS server that needs UDP 53', '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        kind: 'recommendation',
        recommended: 'loadbalancer',
      });
    });

    it('exits 2 when ask has no question', async () => {
      const result = await runCli(['ask']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
    });

    it('holds a chat on piped input: a question, a choice that refines it, a pasted manifest', async () => {
      const input = `ingress or lb?\n1c\n${fixture('mqtt/mosquitto.yaml')}\nquit\n`;
      const result = await runCli(['chat'], { stdin: input });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const [, refined = ''] = result.stdout.split('1c) UDP');
      expect(refined).toMatch(/Service type LoadBalancer/);
      expect(result.stdout).toMatch(/^ {2}mosquitto +\S+ +1883\/TCP/m);
    });
  });

  it('prints the version from the package.json, and help', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as {
      version: string;
    };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runCli(['analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ingress-advisor analyze');
  });
});

describe('deployment units rendered by the real kustomize and helm', () => {
  /** PATH with only the extracted kubectl (kustomize built in) and helm: the machine's own are not used. */
  let toolsPath = '';
  beforeAll(async () => {
    const tools = await realTools();
    if (tools.kubectl === null || tools.helm === null)
      throw new Error(`real tools unavailable: ${tools.reason}`);
    toolsPath = dirname(tools.kubectl);
  }, 120_000);

  const analyzeUnits = async (render: 'auto' | 'builtin'): Promise<Report> => {
    const result = await runCli(['analyze', 'units', '--format', 'json', '--render', render], {
      env: { PATH: toolsPath },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Report;
  };

  it('renders every Kustomize root and every Helm values set, each on its own', async () => {
    const report = await analyzeUnits('auto');
    expect(report.units.map((unit) => [unit.id, unit.renderer, unit.status, unit.values])).toEqual([
      ['helm:units/web-chart', 'helm', 'rendered', []],
      ['helm:units/web-chart@values-prod.yaml', 'helm', 'rendered', ['values-prod.yaml']],
      ['kustomize:units/shop/overlays/dev', 'kubectl', 'rendered', []],
      ['kustomize:units/shop/overlays/prod', 'kubectl', 'rendered', []],
    ]);
    // Names and namespaces as deployed; the line that makes each a LoadBalancer: the Component's
    // Service, the prod overlay's JSON 6902 patch, the values file that sets service.type.
    expect(report.loadBalancers.map((lb) => [lb.unit, lb.namespace, lb.name, lb.file, lb.line])).toEqual([
      [
        'kustomize:units/shop/overlays/dev',
        'shop-dev',
        'storefront-public',
        'units/shop/components/public-lb/lb.yaml',
        6,
      ],
      [
        'kustomize:units/shop/overlays/prod',
        'shop-prod',
        'prod-storefront',
        'units/shop/overlays/prod/service-loadbalancer.yaml',
        4,
      ],
      ['helm:units/web-chart@values-prod.yaml', null, 'web-web', 'units/web-chart/values-prod.yaml', 3],
    ]);
    // The chart's default values keep the Service ClusterIP, and its disabled metrics block renders nothing.
    expect(
      report.resources.filter((resource) => resource.unit === 'helm:units/web-chart').map((r) => r.kind),
    ).toEqual(['Deployment', 'Service']);
  });

  it('without the tools, reads the same units with the built-in readers and says what they cannot do', async () => {
    const report = await analyzeUnits('builtin');
    expect(report.units.map((unit) => [unit.id, unit.renderer, unit.status])).toEqual([
      ['helm:units/web-chart', 'builtin', 'approximated'],
      ['helm:units/web-chart@values-prod.yaml', 'builtin', 'approximated'],
      ['kustomize:units/shop/overlays/dev', 'builtin', 'rendered'],
      ['kustomize:units/shop/overlays/prod', 'builtin', 'rendered'],
    ]);
    for (const unit of report.units.filter((each) => each.kind === 'helm')) {
      expect(unit.message).toMatch(/install helm/i);
    }
    // The built-in Kustomize reader gives what kustomize gives: names, namespaces and the patch line.
    const real = await analyzeUnits('auto');
    const kustomizeLoadBalancers = (from: Report) =>
      from.loadBalancers
        .filter((lb) => lb.unit.startsWith('kustomize:'))
        .map((lb) => [lb.unit, lb.namespace, lb.name, lb.file, lb.line]);
    expect(kustomizeLoadBalancers(report)).toEqual(kustomizeLoadBalancers(real));
    // The values heuristic speaks of values-prod.yaml's Service type only, not the disabled block.
    expect(
      report.findings
        .filter((finding) => finding.ruleId === 'helm-values-loadbalancer')
        .map((f) => [f.file, f.line]),
    ).toEqual([['units/web-chart/values-prod.yaml', 3]]);
  });

  it('reads the files a kustomization generates from, which a walk for YAML does not collect', async () => {
    const dir = mkdtempSync(join(scratch, 'generator-'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(
      join(dir, 'app/kustomization.yaml'),
      'configMapGenerator:\n- name: settings\n  envs: [.env]\n',
    );
    writeFileSync(join(dir, 'app/.env'), 'A=1\nB=two\n');
    const result = await runCli(['analyze', '.', '--format', 'json', '--render', 'builtin'], { cwd: dir });
    const report = JSON.parse(result.stdout) as Report;
    // kustomize's own name for it, content hash and all (checked with kubectl kustomize).
    expect(report.resources.map((resource) => resource.name)).toEqual(['settings-6b56fdfggc']);
    expect(report.units).toMatchObject([{ id: 'kustomize:app', status: 'rendered' }]);
  });
});
