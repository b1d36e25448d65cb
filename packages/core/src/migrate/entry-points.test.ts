/**
 * Migrations never convert the LoadBalancer of an ingress or gateway controller: routing the
 * controller through an Ingress it serves itself and making it ClusterIP takes the cluster down.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { fixtureCase } from '../rules/test-support/fixtures.js';
import { migrate } from './index.js';
import type { Migration, MigrationOptions } from './types.js';

const sources = (dir: string) =>
  Object.entries(fixtureCase(`entry-points/${dir}`)).map(([path, text]) => ({ path, text }));

const KEPT_NGINX =
  "kept as the cluster's entry point: it fronts the ingress-nginx controller (Deployment ingress-nginx/ingress-nginx-controller runs image registry.k8s.io/ingress-nginx/controller); converting it would route the controller through itself and take every route down";

/** `Kind/namespace/name` of the generated and changed objects. */
function written(migration: Migration): string[] {
  return migration.objects.map((object) => {
    const metadata = object.metadata as { name: string; namespace?: string };
    return `${String(object.kind)}/${metadata.namespace ?? ''}/${metadata.name}`;
  });
}

describe.each<MigrationOptions['to']>(['ingress', 'gateway'])(
  'migrate --to %s next to ingress-nginx',
  (to) => {
    const migration = migrate(sources('cluster'), { to, hostTemplate: '{name}.example.com' });

    it('converts the app load balancers and keeps the controller, saying why', () => {
      expect(migration.converted.map((ref) => `${ref.namespace}/${ref.name}`)).toEqual([
        'shop/storefront',
        'shop/checkout-api',
      ]);
      expect(migration.kept).toEqual([
        {
          resource: {
            apiVersion: 'v1',
            kind: 'Service',
            name: 'ingress-nginx-controller',
            namespace: 'ingress-nginx',
          },
          reason: KEPT_NGINX,
        },
      ]);
      expect(migration.yaml).toContain(`#   - Service ingress-nginx/ingress-nginx-controller: ${KEPT_NGINX}`);
    });

    it('writes nothing for the controller: no route to it, and it stays a LoadBalancer', () => {
      expect(written(migration)).not.toContain('Service/ingress-nginx/ingress-nginx-controller');
      expect(written(migration)).toContain('Service/shop/storefront');
      expect(written(migration)).toContain('Service/shop/checkout-api');
      expect(migration.yaml).not.toMatch(/name: ingress-nginx-controller\n\s+port/);
    });

    it('leaves nothing to consolidate once the output replaces the apps next to the controller', () => {
      const controller = sources('cluster').filter((file) => file.path.endsWith('ingress-nginx.yaml'));
      const report = analyze([
        ...controller,
        { path: 'test/fixtures/entry-points/cluster/migrated.yaml', text: migration.yaml },
      ]);
      expect(report.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
      expect(report.advice.loadBalancers).toEqual({ before: 1, after: 1 });
    });
  },
);

describe('migrate next to an entry point', () => {
  it('gives the generated Ingresses the class of the controller the set installs', () => {
    const migration = migrate(sources('cluster'), { to: 'ingress', hostTemplate: '{name}.example.com' });
    const [ingress] = migration.objects as Array<{ kind: string; spec: { ingressClassName?: string } }>;
    expect(ingress?.kind).toBe('Ingress');
    expect(ingress?.spec.ingressClassName).toBe('nginx');
    // It is the retired controller's class all the same: said out loud.
    expect(migration.warnings.map((warning) => warning.message)).toContain(
      'The generated Ingresses use class nginx (served by the ingress-nginx controller of the set, Service ingress-nginx/ingress-nginx-controller), the class of the community ingress-nginx controller, which was retired in March 2026 and gets no security fixes: prefer --class with a maintained controller, or --to gateway.',
    );
  });

  it('refuses a controller asked for by name, with a warning', () => {
    const migration = migrate(sources('cluster'), {
      to: 'gateway',
      hostTemplate: '{name}.example.com',
      services: [
        { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' },
        { namespace: 'shop', name: 'storefront' },
      ],
    });
    expect(migration.converted.map((ref) => ref.name)).toEqual(['storefront']);
    expect(migration.kept.map((kept) => kept.resource.name)).toEqual(['ingress-nginx-controller']);
    expect(migration.warnings).toContainEqual(
      expect.objectContaining({
        message:
          "Service ingress-nginx/ingress-nginx-controller was asked for, but it fronts the ingress-nginx controller: it is kept as the cluster's entry point, and the other Services can be routed through it.",
        file: 'test/fixtures/entry-points/cluster/ingress-nginx.yaml',
      }),
    );
  });

  it('has nothing to migrate in the controller manifest alone', () => {
    const only = sources('cluster').filter((file) => file.path.endsWith('ingress-nginx.yaml'));
    for (const to of ['ingress', 'gateway'] as const) {
      const migration = migrate(only, { to });
      expect(migration.objects).toEqual([]);
      expect(migration.converted).toEqual([]);
      expect(migration.kept.map((kept) => kept.resource.name)).toEqual(['ingress-nginx-controller']);
    }
  });

  it.each([
    ['traefik', 'traefik/traefik', 'traefik/whoami'],
    ['istio', 'istio-system/istio-ingressgateway', 'bookinfo/reviews'],
  ])('keeps the %s entry point and converts the app', (dir, controller, app) => {
    for (const to of ['ingress', 'gateway'] as const) {
      const migration = migrate(sources(dir), { to, hostTemplate: '{name}.example.com' });
      expect(migration.kept.map((kept) => `${kept.resource.namespace}/${kept.resource.name}`)).toEqual([
        controller,
      ]);
      expect(migration.converted.map((ref) => `${ref.namespace}/${ref.name}`)).toEqual([app]);
      expect(written(migration)).not.toContain(`Service/${controller}`);
    }
  });
});
