/**
 * Routing is preserved, checked by routing requests rather than by comparing text: every
 * (host, path, path type) the source Ingresses name, probed at the path and below it, reaches the
 * same Services and ports (with the same canary shares) through the generated routes as through
 * ingress-nginx; and every converted LoadBalancer port is reached under its host.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';
import { fixtureFiles, objectsOf } from './test-support/fixtures.js';
import { type Destination, routeThroughGateway, routeThroughIngresses } from './test-support/routing.js';

type Json = Record<string, unknown>;

const shop = fixtureFiles('shop');
const sourceObjects = objectsOf(shop);
const sourceIngresses = sourceObjects.filter((object) => object.kind === 'Ingress');

/** Service port names to numbers, from the Services of the fixture. */
function portOf(namespace: string, service: string, port: number | string): number {
  if (typeof port === 'number') return port;
  const found = sourceObjects.find(
    (object) =>
      object.kind === 'Service' &&
      (object.metadata as Json).name === service &&
      ((object.metadata as Json).namespace ?? 'default') === namespace,
  );
  const ports = ((found?.spec as Json | undefined)?.ports ?? []) as Array<{ name?: string; port: number }>;
  const match = ports.find((entry) => entry.name === port);
  if (!match) throw new Error(`no port ${port} on ${namespace}/${service}`);
  return match.port;
}

/** (host, path) probes at and below every path the Ingresses name, plus a host none of them names. */
function probes(): Array<{ host: string; path: string }> {
  const found: Array<{ host: string; path: string }> = [{ host: 'unknown.example.org', path: '/anything' }];
  for (const ingress of sourceIngresses) {
    for (const rule of ((ingress.spec as Json).rules ?? []) as Array<{
      host: string;
      http: { paths: Json[] };
    }>) {
      for (const entry of rule.http.paths) {
        const written = String(entry.path);
        // `/legacy(/|$)(.*)` is a regular expression for the prefix /legacy.
        const base = written.replace(/\(\/\|\$\)\(\.\*\)$/, '');
        // Below an Exact path, and beside a prefix (`/apix`), other rules must take over.
        const trimmed = base.replace(/\/$/, '');
        const paths = [base, `${trimmed}/deeper/path`, ...(trimmed === '' ? [] : [`${trimmed}x`])];
        for (const path of paths) found.push({ host: rule.host, path });
      }
    }
  }
  return found;
}

function gatewayDestination(objects: Json[], host: string, path: string): Destination {
  const gateway = objects.find((object) => object.kind === 'Gateway') as Json;
  const listeners = ((gateway.spec as Json).listeners ?? []) as Array<{
    name: string;
    hostname?: string;
    protocol: string;
  }>;
  const https = listeners.find((listener) => listener.protocol === 'HTTPS' && listener.hostname === host);
  const routes = objects.filter((object) => object.kind === 'HTTPRoute' || object.kind === 'GRPCRoute');
  return routeThroughGateway(
    routes,
    (gateway.metadata as Json).name as string,
    https?.name ?? 'http',
    host,
    path,
  );
}

describe('Ingress to Gateway API preserves routing', () => {
  for (const options of [{ namespace: 'gateway-system' }, { className: 'eg' }]) {
    it(`sends every probe to the same backends (${JSON.stringify(options)})`, () => {
      const migration = migrate(shop, { to: 'gateway', ...options });
      const checked = probes();
      expect(checked.length).toBeGreaterThan(12);
      for (const { host, path } of checked) {
        const before = routeThroughIngresses(sourceIngresses, host, path, portOf);
        const after = gatewayDestination(migration.objects, host, path);
        expect({ host, path, to: after }).toEqual({ host, path, to: before });
      }
    });
  }

  it('keeps the canary share: 80/20 on /api', () => {
    const migration = migrate(shop, { to: 'gateway' });
    const to = gatewayDestination(migration.objects, 'shop.example.com', '/api/orders');
    expect(to).toEqual({ backends: { 'api:8080': 0.8, 'api-canary:8080': 0.2 } });
  });

  it('redirects plain HTTP to HTTPS on the TLS hosts, as ingress-nginx does', () => {
    const migration = migrate(shop, { to: 'gateway' });
    const routes = migration.objects.filter((object) => object.kind === 'HTTPRoute');
    expect(routeThroughGateway(routes, 'nginx', 'http', 'shop.example.com', '/api')).toEqual({
      redirect: true,
    });
    // docs.example.com has no TLS: plain HTTP is served.
    expect(routeThroughGateway(routes, 'nginx', 'http', 'docs.example.com', '/guide')).toEqual({
      backends: { 'storefront:80': 1 },
    });
  });
});

describe('LoadBalancer Services keep reaching the same Service ports', () => {
  const platform = fixtureFiles('platform');
  const expected = [
    { host: 'grafana.example.com', to: 'grafana:80' },
    { host: 'login.example.com', to: 'keycloak:80' },
    { host: 'admin.example.com', to: 'admin:8080' },
  ];

  it('through the generated Ingresses', () => {
    const migration = migrate(platform, { to: 'ingress', hostTemplate: '{name}.example.com' });
    const ingresses = migration.objects.filter((object) => object.kind === 'Ingress');
    for (const { host, to } of expected) {
      expect(routeThroughIngresses(ingresses, host, '/some/page', (_n, _s, port) => Number(port))).toEqual({
        backends: { [to]: 1 },
      });
    }
  });

  it('through the generated HTTPRoutes', () => {
    const migration = migrate(platform, { to: 'gateway', hostTemplate: '{name}.example.com' });
    const routes = migration.objects.filter((object) => object.kind === 'HTTPRoute');
    for (const { host, to } of expected) {
      const gateway = host.startsWith('admin') ? 'web-internal' : 'web';
      expect(routeThroughGateway(routes, gateway, 'http', host, '/some/page')).toEqual({
        backends: { [to]: 1 },
      });
    }
  });
});

describe('the converted ingress-nginx annotations route as ingress-nginx did', () => {
  const files = fixtureFiles('annotations').filter((file) => !file.path.endsWith('providers.yaml'));
  const ingresses = objectsOf(files).filter((object) => object.kind === 'Ingress');
  const probes = [
    ['rewrite.example.com', '/shop/cart'],
    ['rewrite.example.com', '/shop'],
    ['fixed.example.com', '/api/items'],
    ['old.example.com', '/anything'],
    ['maintenance.example.com', '/'],
    ['portal.example.com', '/'],
    ['portal.example.com', '/portal/home'],
    ['canary.example.com', '/api/v2/users'],
  ] as const;

  it('sends every probe to the same backends, with the same canary share, or redirects it', () => {
    const migration = migrate(files, { to: 'gateway', className: 'eg' });
    const routes = migration.objects.filter((object) => object.kind === 'HTTPRoute');
    for (const [host, path] of probes) {
      const before = routeThroughIngresses(ingresses, host, path, (_n, _s, port) => Number(port));
      // portal.example.com redirects plain HTTP to HTTPS (force-ssl-redirect): probe its HTTPS side.
      const gateway = migration.objects.find((object) => object.kind === 'Gateway') as Json;
      const listener = ((gateway.spec as Json).listeners as Array<{ name: string; hostname?: string }>).find(
        (entry) => entry.hostname === host,
      );
      const after = routeThroughGateway(routes, 'web', listener?.name ?? 'http', host, path);
      expect({ host, path, to: after }).toEqual({ host, path, to: before });
    }
  });
});
