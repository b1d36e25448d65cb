import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../manifests/load.js';
import { analyze } from './analyze.js';
import { diffReports } from './diff.js';

function service(
  name: string,
  type: string,
  options: { namespace?: string; port?: number; portName?: string } = {},
): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(options.namespace ? [`  namespace: ${options.namespace}`] : []),
    'spec:',
    `  type: ${type}`,
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    `    - name: ${options.portName ?? 'http'}`,
    `      port: ${options.port ?? 80}`,
  ].join('\n');
}

function deployment(name: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    '          image: nginx',
  ].join('\n');
}

const diff = (base: SourceFile[], head: SourceFile[], changed?: string[]) =>
  diffReports(analyze(base), analyze(head), changed ? { changedPaths: new Set(changed) } : {});

const names = (entries: ReadonlyArray<{ name: string }>): string[] => entries.map((entry) => entry.name);

describe('diffReports', () => {
  it('reports a new LoadBalancer Service as added', () => {
    const result = diff(
      [{ path: 'a.yaml', text: deployment('web') }],
      [{ path: 'a.yaml', text: `${deployment('web')}\n---\n${service('web', 'LoadBalancer')}` }],
    );
    expect(names(result.addedLoadBalancers)).toEqual(['web']);
    expect(result.report.summary.loadBalancers.total).toBe(1);
    expect(result.report.summary.monthlyLoadBalancerCost).toBe(result.addedLoadBalancers[0]?.monthlyCost);
  });

  it('reports a ClusterIP Service turned LoadBalancer as added', () => {
    const result = diff(
      [{ path: 'svc.yaml', text: service('api', 'ClusterIP') }],
      [{ path: 'svc.yaml', text: service('api', 'LoadBalancer') }],
    );
    expect(names(result.addedLoadBalancers)).toEqual(['api']);
  });

  it('does not report a LoadBalancer moved to another file, or one whose ports changed', () => {
    const result = diff(
      [
        { path: 'old/svc.yaml', text: service('moved', 'LoadBalancer') },
        { path: 'svc.yaml', text: service('changed', 'LoadBalancer') },
      ],
      [
        { path: 'new/svc.yaml', text: service('moved', 'LoadBalancer') },
        { path: 'svc.yaml', text: service('changed', 'LoadBalancer', { port: 8080 }) },
      ],
    );
    expect(result.addedLoadBalancers).toEqual([]);
    expect(result.removedLoadBalancers).toEqual([]);
  });

  it('reports a removed LoadBalancer as removed, not added', () => {
    const result = diff([{ path: 'svc.yaml', text: service('gone', 'LoadBalancer') }], []);
    expect(result.addedLoadBalancers).toEqual([]);
    expect(names(result.removedLoadBalancers)).toEqual(['gone']);
  });

  it('reads an unset namespace as default, and tells namespaces apart', () => {
    const result = diff(
      [{ path: 'svc.yaml', text: service('web', 'LoadBalancer') }],
      [
        { path: 'svc.yaml', text: service('web', 'LoadBalancer', { namespace: 'default' }) },
        { path: 'shop.yaml', text: service('web', 'LoadBalancer', { namespace: 'shop' }) },
      ],
    );
    expect(result.addedLoadBalancers.map((lb) => lb.namespace)).toEqual(['shop']);
  });

  it('keeps only the findings the change introduces, even when their lines move', () => {
    // The old LoadBalancer has findings at base already; shifting it down keeps them old.
    const base = [
      { path: 'svc.yaml', text: service('orphan', 'LoadBalancer', { port: 5432, portName: 'postgres' }) },
    ];
    const head = [
      {
        path: 'svc.yaml',
        text: `# moved down\n\n${service('orphan', 'LoadBalancer', { port: 5432, portName: 'postgres' })}`,
      },
      { path: 'lb.yaml', text: service('fresh', 'LoadBalancer', { port: 6379, portName: 'redis' }) },
    ];
    const before = analyze(base).findings.filter((finding) => finding.resource?.name === 'orphan');
    expect(before.length).toBeGreaterThan(0);
    const result = diff(base, head);
    expect(result.newFindings.every((finding) => finding.resource?.name === 'fresh')).toBe(true);
    expect(result.newFindings.length).toBeGreaterThan(0);
    expect(result.report.findings).toEqual(result.newFindings);
  });

  it('lists only the changed files, and counts them in the summary', () => {
    const result = diff(
      [{ path: 'context.yaml', text: deployment('web') }],
      [
        { path: 'context.yaml', text: deployment('web') },
        { path: 'svc.yaml', text: service('web', 'LoadBalancer') },
      ],
      ['svc.yaml'],
    );
    expect(result.report.files.map((file) => file.path)).toEqual(['svc.yaml']);
    expect(result.report.summary.files).toEqual({ analyzed: 1, skipped: 0, error: 0 });
  });
});

describe('diffReports across deployment units', () => {
  const overlays = (prodType: string): SourceFile[] => [
    { path: 'base/kustomization.yaml', text: 'resources: [service.yaml, deployment.yaml]\n' },
    { path: 'base/service.yaml', text: service('web', 'ClusterIP') },
    { path: 'base/deployment.yaml', text: deployment('web') },
    {
      path: 'overlays/dev/kustomization.yaml',
      text: 'resources: [../../base]\npatches:\n- patch: \'[{"op": "replace", "path": "/spec/type", "value": "LoadBalancer"}]\'\n  target: {kind: Service, name: web}\n',
    },
    {
      path: 'overlays/prod/kustomization.yaml',
      text: `resources: [../../base]\npatches:\n- patch: '[{"op": "replace", "path": "/spec/type", "value": "${prodType}"}]'\n  target: {kind: Service, name: web}\n`,
    },
  ];

  it('counts a LoadBalancer per unit that deploys it: a second overlay exposing the same Service adds one', () => {
    const result = diff(overlays('NodePort'), overlays('LoadBalancer'));
    expect(result.addedLoadBalancers.map((lb) => [lb.unit, lb.name])).toEqual([
      ['kustomize:overlays/prod', 'web'],
    ]);
    expect(result.removedLoadBalancers).toEqual([]);
  });

  it('adds nothing when a plain manifest moves to another folder', () => {
    const web = [
      { path: 'k8s/deployment.yaml', text: deployment('web') },
      { path: 'k8s/service.yaml', text: service('web', 'LoadBalancer') },
    ];
    const moved = web.map((file) => ({ ...file, path: file.path.replace('k8s/', 'deploy/') }));
    const result = diff(web, moved);
    expect(result.addedLoadBalancers).toEqual([]);
    expect(result.newFindings).toEqual([]);
  });
});

describe('the advice of a diff', () => {
  it('is that of the units the change adds load balancers to, not of unrelated units', () => {
    const shop = ['web', 'cart', 'search'].flatMap((name) => [
      {
        path: `shop/${name}.yaml`,
        text: `${service(name, 'LoadBalancer', { namespace: 'shop' })}\n---\n${deployment(name).replace('metadata:\n', 'metadata:\n  namespace: shop\n')}`,
      },
    ]);
    const api = {
      path: 'api/api.yaml',
      text: `${service('api', 'LoadBalancer')}\n---\n${deployment('api')}`,
    };
    const head = analyze([...shop, api]);
    expect(head.advice.loadBalancers.before).toBe(4);
    const result = diffReports(analyze(shop), head, { changedPaths: new Set(['api/api.yaml']) });
    expect(result.addedLoadBalancers.map((lb) => lb.name)).toEqual(['api']);
    expect(result.report.advice.loadBalancers).toEqual({ before: 1, after: 1 });
    expect(result.report.advice.recommended).toBe('loadbalancer');
  });
});
