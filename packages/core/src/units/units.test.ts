import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config.js';
import { loadManifests, type SourceFile } from '../manifests/load.js';
import { analyze } from '../report/analyze.js';
import { discoverUnits, STDIN_PATH } from './discover.js';
import { groupFiles } from './group-files.js';
import { unitsTouchedBy } from './touched.js';

const files = (entries: Record<string, string>): SourceFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, text }));

const service = (name: string, selector: string, namespace?: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector: {${selector}}
  ports: [{port: 80}]
`;
const deployment = (name: string, labels: string, namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers: [{name: app, image: app}]
`;

describe('discoverUnits', () => {
  it('finds the Kustomize roots: kustomizations no other one refers to, not Components', () => {
    const { units, looseFiles } = discoverUnits(
      files({
        'base/kustomization.yaml': 'resources: [deployment.yaml, service.yaml]\n',
        'base/deployment.yaml': deployment('web', 'app: web'),
        'base/service.yaml': service('web', 'app: web'),
        'overlays/prod/kustomization.yaml':
          'resources: [../../base]\ncomponents: [../../components/lb]\npatches:\n- path: patch.yaml\n',
        'overlays/prod/patch.yaml': '- {op: add, path: /spec/type, value: LoadBalancer}\n',
        'overlays/dev/kustomization.yml': 'bases: [../../base]\nresources: [https://example.com/x.yaml]\n',
        'components/lb/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [lb.yaml]\n',
        'components/lb/lb.yaml': service('lb', 'app: web'),
        'components/unused/kustomization.yaml': 'kind: Component\n',
        'k8s/extra.yaml': service('extra', 'app: extra'),
      }),
    );
    expect(units.map((unit) => [unit.id, unit.files])).toEqual([
      [
        'kustomize:overlays/dev',
        [
          'base/deployment.yaml',
          'base/kustomization.yaml',
          'base/service.yaml',
          'overlays/dev/kustomization.yml',
        ],
      ],
      [
        'kustomize:overlays/prod',
        [
          'base/deployment.yaml',
          'base/kustomization.yaml',
          'base/service.yaml',
          'components/lb/kustomization.yaml',
          'components/lb/lb.yaml',
          'overlays/prod/kustomization.yaml',
          'overlays/prod/patch.yaml',
        ],
      ],
    ]);
    expect(looseFiles).toEqual(['k8s/extra.yaml']);
  });

  it('finds Helm charts with a unit per sibling values file, and leaves dependencies to their parent', () => {
    const { units, looseFiles } = discoverUnits(
      files({
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'charts/web/values.yaml': 'service:\n  type: ClusterIP\n',
        'charts/web/values-prod.yaml': 'service:\n  type: LoadBalancer\n',
        'charts/web/values.staging.yml': 'service:\n  type: NodePort\n',
        'charts/web/templates/service.yaml':
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
        'charts/web/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 1.0.0\n',
        'charts/web/charts/redis/values.yaml': 'service: {}\n',
      }),
      { helmValuesSets: { 'charts/web': [['values-prod.yaml', 'values.staging.yml']] } },
    );
    expect(units.map((unit) => [unit.id, unit.kind, unit.path, unit.values])).toEqual([
      ['helm:charts/web', 'helm', 'charts/web', []],
      ['helm:charts/web@values-prod.yaml', 'helm', 'charts/web', ['values-prod.yaml']],
      [
        'helm:charts/web@values-prod.yaml,values.staging.yml',
        'helm',
        'charts/web',
        ['values-prod.yaml', 'values.staging.yml'],
      ],
      ['helm:charts/web@values.staging.yml', 'helm', 'charts/web', ['values.staging.yml']],
    ]);
    expect(looseFiles).toEqual([]);
  });

  it('takes more values sets from the configuration', () => {
    const report = analyze(
      files({
        'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'chart/values.yaml': 'service:\n  type: ClusterIP\n',
        'chart/env/prod.yaml': 'service:\n  type: LoadBalancer\n',
      }),
      { config: configSchema.parse({ helmValues: { chart: [['values.yaml', 'env/prod.yaml']] } }) },
    );
    expect(report.units.map((unit) => [unit.id, unit.values])).toEqual([
      ['helm:chart', []],
      ['helm:chart@values.yaml,env/prod.yaml', ['values.yaml', 'env/prod.yaml']],
    ]);
    expect(report.findings.map((finding) => [finding.ruleId, finding.file, finding.unit])).toEqual([
      ['helm-values-loadbalancer', 'chart/env/prod.yaml', 'helm:chart@values.yaml,env/prod.yaml'],
    ]);
  });

  it('makes standard input a unit of its own', () => {
    const { units } = discoverUnits([{ path: STDIN_PATH, text: service('web', 'app: web') }]);
    expect(units).toMatchObject([{ id: 'stdin', kind: 'stdin', path: '-', files: [STDIN_PATH] }]);
  });
});

describe('groupFiles', () => {
  const unitsOf = (entries: Record<string, string>) =>
    groupFiles(loadManifests(files(entries)))
      .map(({ plan }) => [plan.id, plan.path, plan.files])
      .sort();

  it('reads folders whose objects refer to each other as one unit', () => {
    expect(
      unitsOf({
        'k8s/frontend/service.yaml': service('web', 'app: web'),
        'k8s/frontend/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`,
        'k8s/backend/service.yaml': service('api', 'app: api'),
        'k8s/backend/deployment.yaml': deployment('api', 'app: api'),
        'k8s/web/deployment.yaml': deployment('web', 'app: web'),
      }),
    ).toEqual([
      [
        'files:k8s/{backend,frontend,web}',
        'k8s',
        [
          'k8s/backend/deployment.yaml',
          'k8s/backend/service.yaml',
          'k8s/frontend/ingress.yaml',
          'k8s/frontend/service.yaml',
          'k8s/web/deployment.yaml',
        ],
      ],
    ]);
  });

  it('keeps apart folders that only share the default namespace, and joins those naming the same one', () => {
    expect(
      unitsOf({
        'examples/guestbook/service.yaml': service('frontend', 'app: guestbook'),
        'examples/guestbook/deployment.yaml': deployment('frontend', 'app: guestbook'),
        'examples/redis/service.yaml': service('redis', 'app: redis'),
        'examples/redis/deployment.yaml': deployment('redis', 'app: redis'),
        'team/a/service.yaml': service('api', 'app: api', 'shop'),
        'team/b/deployment.yaml': deployment('api', 'app: apii', 'shop'),
      }),
    ).toEqual([
      [
        'files:examples/guestbook',
        'examples/guestbook',
        ['examples/guestbook/deployment.yaml', 'examples/guestbook/service.yaml'],
      ],
      [
        'files:examples/redis',
        'examples/redis',
        ['examples/redis/deployment.yaml', 'examples/redis/service.yaml'],
      ],
      ['files:team/{a,b}', 'team', ['team/a/service.yaml', 'team/b/deployment.yaml']],
    ]);
  });

  it('counts the same object written in several folders once, with its other places', () => {
    const lb = service('frontend-external', 'app: frontend').replace(
      'spec:\n',
      'spec:\n  type: LoadBalancer\n',
    );
    const report = analyze(
      files({
        'kubernetes-manifests/frontend.yaml': `${lb}---\n${deployment('frontend', 'app: frontend')}`,
        'release/kubernetes-manifests.yaml': `${deployment('frontend', 'app: frontend')}---\n${lb}`,
      }),
    );
    expect(report.loadBalancers).toMatchObject([
      {
        name: 'frontend-external',
        file: 'kubernetes-manifests/frontend.yaml',
        copies: [{ file: 'release/kubernetes-manifests.yaml', line: 12 }],
      },
    ]);
    expect(report.summary.loadBalancers.total).toBe(1);
    expect(report.summary.monthlyLoadBalancerCost).toBe(report.loadBalancers[0]?.monthlyCost);
    expect(report.findings.filter((finding) => finding.ruleId === 'service-selector-no-match')).toEqual([]);
  });

  it('counts and prices once a load balancer that several units deploy', () => {
    const lb = service('front', 'app: front').replace('spec:\n', 'spec:\n  type: LoadBalancer\n');
    const report = analyze(
      files({
        'base/kustomization.yaml': 'resources: [service.yaml]\n',
        'base/service.yaml': lb,
        'overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
        'overlays/kaito/kustomization.yaml': 'resources: [../../base]\n',
      }),
    );
    expect(report.loadBalancers.map((entry) => entry.unit)).toEqual([
      'kustomize:overlays/dev',
      'kustomize:overlays/kaito',
    ]);
    expect(report.summary.loadBalancers.total).toBe(1);
    expect(report.summary.monthlyLoadBalancerCost).toBe(report.loadBalancers[0]?.monthlyCost);
    expect(report.advice.loadBalancers.before).toBe(1);
  });
});

describe('unitsTouchedBy', () => {
  const { units } = discoverUnits(
    files({
      'base/kustomization.yaml': 'resources: [service.yaml]\n',
      'base/service.yaml': service('web', 'app: web'),
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n- path: patch.yaml\n',
      'overlays/prod/patch.yaml': '- {op: add, path: /spec/type, value: LoadBalancer}\n',
      'overlays/dev/kustomization.yaml': 'resources: [../../base]\n',
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'charts/web/values.yaml': 'service: {type: ClusterIP}\n',
      'charts/web/values-prod.yaml': 'service: {type: LoadBalancer}\n',
      'k8s/service.yaml': service('api', 'app: api'),
    }),
  );
  const touched = (...paths: string[]) => unitsTouchedBy(units, paths).map((unit) => unit.id);

  it('touches every overlay built on a changed base, and only the overlay whose patch changed', () => {
    expect(touched('base/service.yaml')).toEqual(['kustomize:overlays/dev', 'kustomize:overlays/prod']);
    expect(touched('overlays/prod/patch.yaml')).toEqual(['kustomize:overlays/prod']);
  });

  it('touches an overlay through a file its kustomization does not list yet, such as a generator input', () => {
    expect(touched('overlays/dev/app.env')).toEqual(['kustomize:overlays/dev']);
  });

  it('touches every values set of a chart for a template or helper, whatever its extension', () => {
    expect(touched('charts/web/templates/_helpers.tpl')).toEqual([
      'helm:charts/web',
      'helm:charts/web@values-prod.yaml',
    ]);
  });

  it('touches nothing for plain manifests or files outside every unit', () => {
    expect(touched('k8s/service.yaml', 'README.md', 'charts/webapp/values.yaml')).toEqual([]);
  });
});
