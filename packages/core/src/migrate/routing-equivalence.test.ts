/**
 * Routing is preserved, checked by routing requests rather than by comparing text: every
 * (host, path, path type) the source Ingresses name, probed at the path and below it, reaches the
 * same Services and ports (with the same canary shares) through the generated routes as through
 * ingress-nginx; and every converted LoadBalancer port is reached under its host.
 */
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS } from './annotations/catalog.js';
import { migrate } from './index.js';
import { fixtureFiles, objectsOf } from './test-support/fixtures.js';
import {
  type Destination,
  type Outcome,
  type Probe,
  type Provider,
  routeThroughController,
  routeThroughGateway,
  routeThroughGatewayApi,
  routeThroughIngresses,
} from './test-support/routing.js';

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

/**
 * Every annotation the catalogue converts for `--emit standard`, probed on the annotation fixtures
 * (test/fixtures/migrate/annotations) of its controller: each request goes once through the
 * controller as its documentation says it routes (test-support/routing.ts) and once through the
 * generated Gateway API objects, and the answers must be the same: backend Service and port with
 * the canary share, status, redirect target, path and Host the backend sees, request headers added,
 * CORS headers, TLS passthrough, TLS to the backend. Where Gateway API behaves otherwise by design,
 * the probe says so (`byDesign`): what the Gateway answers instead, and why.
 */
describe('every converted annotation routes as its controller did', () => {
  const files = fixtureFiles('annotations');
  const objects = objectsOf(files);
  const ingresses = objects.filter((object) => object.kind === 'Ingress');
  const migration = migrate(files, { to: 'gateway' });
  const portOfFixture = (namespace: string, service: string, port: number | string): number => {
    if (typeof port === 'number') return port;
    const found = objects.find(
      (object) =>
        object.kind === 'Service' &&
        (object.metadata as Json).name === service &&
        ((object.metadata as Json).namespace ?? 'default') === namespace,
    );
    const match = (
      ((found?.spec as Json | undefined)?.ports ?? []) as Array<{ name?: string; port: number }>
    ).find((entry) => entry.name === port);
    if (!match) throw new Error(`no port ${port} on ${namespace}/${service}`);
    return match.port;
  };
  const annotations = (ingress: Json) =>
    ((ingress.metadata as Json).annotations ?? {}) as Record<string, string>;
  const className = (ingress: Json) => (ingress.spec as Json).ingressClassName;
  const albGroup = (group: string | null, internal: boolean) => (ingress: Json) =>
    className(ingress) === 'alb' &&
    (annotations(ingress)['alb.ingress.kubernetes.io/group.name'] ?? null) === group &&
    (annotations(ingress)['alb.ingress.kubernetes.io/scheme'] === 'internal') === internal;

  /** One load balancer of the source, the Ingresses it serves and the Gateway that replaces it. */
  const ENTRIES: Record<string, { provider: Provider; serves: (ingress: Json) => boolean; gateway: string }> =
    {
      'ingress-nginx': {
        provider: 'ingress-nginx',
        serves: (i) => className(i) === 'nginx',
        gateway: 'nginx',
      },
      'nginx-inc': {
        provider: 'nginx-inc',
        serves: (i) => className(i) === 'nginx-inc',
        gateway: 'nginx-inc',
      },
      traefik: { provider: 'traefik', serves: (i) => className(i) === 'traefik', gateway: 'traefik' },
      'alb storefront': { provider: 'aws-alb', serves: albGroup('storefront', false), gateway: 'storefront' },
      'alb internal': { provider: 'aws-alb', serves: albGroup(null, true), gateway: 'alb-internal' },
    };

  interface Case {
    entry: keyof typeof ENTRIES;
    probe: Probe;
    /** The annotations this probe shows converted. */
    covers: string[];
    /** Where Gateway API answers otherwise by design: what it answers instead (merged over the controller's answer), and why. */
    byDesign?: { gateway: Outcome; why: string };
  }

  const N = 'nginx.ingress.kubernetes.io/';
  const T = 'traefik.ingress.kubernetes.io/';
  const A = 'alb.ingress.kubernetes.io/';
  const get = (
    scheme: 'http' | 'https',
    host: string,
    path: string,
    headers?: Record<string, string>,
  ): Probe => ({
    method: 'GET',
    scheme,
    host,
    path,
    ...(headers ? { headers } : {}),
  });
  const grpc = (scheme: 'http' | 'https', host: string, path: string): Probe => ({
    method: 'POST',
    scheme,
    host,
    path,
    headers: { 'content-type': 'application/grpc' },
  });
  const REGEX_CASE =
    'ingress-nginx and NGINX Inc (case_insensitive) match regular expressions case-insensitively; Gateway API RegularExpression and PathPrefix matches are case-sensitive (RE2 in Envoy): a warning asks to check them';
  const PREFIX_STRING =
    'nginx prefix locations and Traefik PathPrefix match any continuation (`/tea` matches `/teapot`); PathPrefix matches whole segments (ImplementationSpecific is read as PathPrefix, with a warning)';
  const PORTAL_CORS = [
    `${N}enable-cors`,
    `${N}cors-allow-origin`,
    `${N}cors-allow-methods`,
    `${N}cors-allow-headers`,
    `${N}cors-expose-headers`,
    `${N}cors-allow-credentials`,
    `${N}cors-max-age`,
  ];
  const origin = { origin: 'https://portal.example.com' };

  const CASES: Case[] = [
    // ingress-nginx: rewrites, headers, Host, regular expressions.
    {
      entry: 'ingress-nginx',
      probe: get('https', 'rewrite.example.com', '/shop/cart'),
      covers: [
        `${N}rewrite-target`,
        `${N}use-regex`,
        `${N}x-forwarded-prefix`,
        `${N}upstream-vhost`,
        `${N}connection-proxy-header`,
      ],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'rewrite.example.com', '/shop'),
      covers: [`${N}rewrite-target`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'rewrite.example.com', '/shopping'),
      covers: [`${N}use-regex`],
    },
    // ssl-redirect: "false" keeps plain HTTP served on a TLS host.
    {
      entry: 'ingress-nginx',
      probe: get('http', 'rewrite.example.com', '/shop/cart'),
      covers: [`${N}ssl-redirect`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'rewrite.example.com', '/SHOP/cart'),
      covers: [],
      byDesign: { gateway: { status: 404 }, why: REGEX_CASE },
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'fixed.example.com', '/api/items'),
      covers: [`${N}rewrite-target`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'fixed.example.com', '/api'),
      covers: [`${N}rewrite-target`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'fixed.example.com', '/apis'),
      covers: [`${N}rewrite-target`],
    },
    // Redirects and their codes.
    {
      entry: 'ingress-nginx',
      probe: get('http', 'old.example.com', '/anything'),
      covers: [`${N}permanent-redirect`, `${N}permanent-redirect-code`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'maintenance.example.com', '/'),
      covers: [`${N}temporal-redirect`, `${N}temporal-redirect-code`],
    },
    // app-root, force-ssl-redirect, CORS (and client-body-buffer-size, which changes no routing).
    {
      entry: 'ingress-nginx',
      probe: get('http', 'portal.example.com', '/portal/home'),
      covers: [`${N}force-ssl-redirect`],
    },
    { entry: 'ingress-nginx', probe: get('https', 'portal.example.com', '/'), covers: [`${N}app-root`] },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'portal.example.com', '/portal/home'),
      covers: [`${N}client-body-buffer-size`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'portal.example.com', '/portal/home', origin),
      covers: PORTAL_CORS,
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'portal.example.com', '/portal/home', { origin: 'https://evil.example.org' }),
      covers: [`${N}cors-allow-origin`],
    },
    {
      entry: 'ingress-nginx',
      probe: {
        method: 'OPTIONS',
        scheme: 'https',
        host: 'portal.example.com',
        path: '/portal/home',
        headers: { ...origin, 'access-control-request-method': 'POST' },
      },
      covers: PORTAL_CORS,
      byDesign: {
        gateway: { status: 200 },
        why: 'nginx answers a preflight with 204, Envoy-based gateways with 200: browsers accept both',
      },
    },
    {
      entry: 'ingress-nginx',
      probe: {
        method: 'OPTIONS',
        scheme: 'https',
        host: 'portal.example.com',
        path: '/portal/home',
        headers: origin,
      },
      covers: [],
      byDesign: {
        gateway: {
          status: 200,
          backends: { 'app:80': 1 },
          path: '/portal/home',
          host: 'portal.example.com',
          setHeaders: {},
          cors: {
            'access-control-allow-origin': 'https://portal.example.com',
            'access-control-expose-headers': 'X-Request-Id',
          },
        },
        why: 'nginx answers every OPTIONS request of an allowed origin itself; the CORS filter answers preflights only (with Access-Control-Request-Method) and forwards other OPTIONS requests',
      },
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'edge.example.com', '/'),
      covers: [],
      byDesign: {
        gateway: {
          status: 200,
          backends: { 'app:80': 1 },
          path: '/',
          host: 'edge.example.com',
          setHeaders: {},
        },
        why: 'force-ssl-redirect on a host without TLS in the Ingress: TLS ended in front of the controller, the Gateway has no HTTPS listener to redirect to, and a warning says the redirect is not carried over',
      },
    },
    // Canaries: by header value and weight out of a total; by header always/never and weight.
    {
      entry: 'ingress-nginx',
      probe: get('http', 'canary.example.com', '/api/v2/users'),
      covers: [`${N}canary`, `${N}canary-weight`, `${N}canary-weight-total`, `${N}use-regex`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'canary.example.com', '/api/v2/users', { 'X-Beta': 'yes' }),
      covers: [`${N}canary-by-header`, `${N}canary-by-header-value`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'canary.example.com', '/api/v2/users', { 'x-beta': 'always' }),
      covers: [`${N}canary-by-header-value`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'canary.example.com', '/v1/api/v2'),
      covers: [`${N}use-regex`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'canary.example.com', '/API/v2'),
      covers: [],
      byDesign: { gateway: { status: 404 }, why: REGEX_CASE },
    },
    { entry: 'ingress-nginx', probe: get('http', 'shop.example.com', '/cart'), covers: [`${N}ssl-redirect`] },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'shop.example.com', '/cart/items'),
      covers: [`${N}canary`, `${N}canary-weight`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'shop.example.com', '/cart', { 'X-Canary': 'always' }),
      covers: [`${N}canary-by-header`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'shop.example.com', '/cart', { 'X-Canary': 'never' }),
      covers: [`${N}canary-by-header`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'shop.example.com', '/cart', { 'X-Canary': 'maybe' }),
      covers: [`${N}canary-by-header`],
    },
    { entry: 'ingress-nginx', probe: get('https', 'shop.example.com', '/checkout'), covers: [] },
    { entry: 'ingress-nginx', probe: get('https', 'shop.example.com', '/checkout/again'), covers: [] },
    { entry: 'ingress-nginx', probe: get('https', 'shop.example.com', '/cartoon'), covers: [] },
    // gRPC, TLS to the backend, TLS passthrough.
    {
      entry: 'ingress-nginx',
      probe: grpc('http', 'grpc.example.com', '/helloworld.Greeter/SayHello'),
      covers: [`${N}backend-protocol`],
    },
    {
      entry: 'ingress-nginx',
      probe: grpc('http', 'grpc.example.com', '/other.Service/Call'),
      covers: [`${N}backend-protocol`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'secure.example.com', '/account'),
      covers: [
        `${N}backend-protocol`,
        `${N}proxy-ssl-verify`,
        `${N}proxy-ssl-secret`,
        `${N}proxy-ssl-name`,
        `${N}proxy-ssl-server-name`,
      ],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'secure.example.com', '/account'),
      covers: [`${N}ssl-redirect`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('https', 'vault.example.com', '/v1/secret'),
      covers: [`${N}ssl-passthrough`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'vault.example.com', '/ui/login'),
      covers: [`${N}ssl-passthrough`],
    },
    {
      entry: 'ingress-nginx',
      probe: get('http', 'vault.example.com', '/v1/secret'),
      covers: [`${N}ssl-passthrough`],
    },
    { entry: 'ingress-nginx', probe: get('http', 'unknown.example.org', '/'), covers: [] },

    // NGINX Inc.
    {
      entry: 'nginx-inc',
      probe: get('http', 'cafe.example.com', '/tea'),
      covers: ['nginx.org/redirect-to-https'],
    },
    {
      entry: 'nginx-inc',
      probe: get('https', 'cafe.example.com', '/tea/green'),
      covers: ['nginx.org/rewrites'],
    },
    {
      entry: 'nginx-inc',
      probe: get('https', 'cafe.example.com', '/tea/ws', { upgrade: 'websocket', connection: 'Upgrade' }),
      covers: ['nginx.org/websocket-services'],
    },
    {
      entry: 'nginx-inc',
      probe: get('https', 'cafe.example.com', '/coffee/espresso'),
      covers: ['nginx.org/rewrites'],
      byDesign: {
        gateway: {
          status: 200,
          backends: { 'app-v2:80': 1 },
          path: '/beans/espresso',
          host: 'cafe.example.com',
          setHeaders: {},
        },
        why: 'NGINX Inc puts the rewrite in front of the rest of the path as written (`/beans/` + `/espresso`: `/beans//espresso`); ReplacePrefixMatch joins them at a segment',
      },
    },
    {
      entry: 'nginx-inc',
      probe: get('https', 'cafe.example.com', '/teapot'),
      covers: [],
      byDesign: { gateway: { status: 404 }, why: PREFIX_STRING },
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'tea.example.com', '/green'),
      covers: ['ingress.kubernetes.io/ssl-redirect'],
    },
    {
      entry: 'nginx-inc',
      probe: grpc('https', 'tea.example.com', '/helloworld.Greeter/SayHello'),
      covers: ['nginx.org/grpc-services'],
    },
    {
      entry: 'nginx-inc',
      probe: get('https', 'tea.example.com', '/green/sencha'),
      covers: ['nginx.org/grpc-services'],
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'herbal.example.com', '/herb/42/info'),
      covers: ['nginx.org/path-regex'],
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'herbal.example.com', '/herbs'),
      covers: ['nginx.org/path-regex'],
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'herbal.example.com', '/HERB/42'),
      covers: [],
      byDesign: { gateway: { status: 404 }, why: REGEX_CASE },
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'menu.example.com', '/drinks/tea'),
      covers: ['nginx.org/mergeable-ingress-type'],
    },
    {
      entry: 'nginx-inc',
      probe: get('http', 'menu.example.com', '/food'),
      covers: ['nginx.org/mergeable-ingress-type'],
    },

    // Traefik.
    {
      entry: 'traefik',
      probe: get('http', 'whoami.example.com', '/whoami'),
      covers: [`${T}router.entrypoints`, `${T}router.pathmatcher`],
    },
    {
      entry: 'traefik',
      probe: get('http', 'whoami.example.com', '/whoami/deeper'),
      covers: [`${T}router.pathmatcher`],
    },
    {
      entry: 'traefik',
      probe: get('https', 'whoami.example.com', '/whoami'),
      covers: [`${T}router.entrypoints`],
    },
    {
      entry: 'traefik',
      probe: get('https', 'api.example.com', '/v2/users/7'),
      covers: [`${T}router.tls`, `${T}router.pathmatcher`],
    },
    { entry: 'traefik', probe: get('http', 'api.example.com', '/v2/users'), covers: [`${T}router.tls`] },
    {
      entry: 'traefik',
      probe: get('https', 'api.example.com', '/teams/v2/users'),
      covers: [],
      byDesign: {
        gateway: { status: 404 },
        why: "Traefik's PathRegexp finds the expression anywhere in the path; the RegularExpression match starts at the beginning (as ingress-nginx and NGINX Inc, `^`)",
      },
    },
    {
      entry: 'traefik',
      probe: get('http', 'blog.example.com', '/posts/1'),
      covers: [`${T}router.entrypoints`, `${T}router.pathmatcher`],
    },
    {
      entry: 'traefik',
      probe: get('http', 'blog.example.com', '/postscript'),
      covers: [],
      byDesign: { gateway: { status: 404 }, why: PREFIX_STRING },
    },

    // The AWS Load Balancer Controller: the storefront group, then the internal load balancer.
    {
      entry: 'alb storefront',
      probe: get('http', 'alb.example.com', '/split/a', { 'X-Tenant': 'acme' }),
      covers: [`${A}actions.*`, `${A}conditions.*`, `${A}group.name`, `${A}scheme`],
    },
    {
      entry: 'alb storefront',
      probe: get('http', 'alb.example.com', '/split/a'),
      covers: [`${A}conditions.*`],
    },
    {
      entry: 'alb storefront',
      probe: get('http', 'alb.example.com', '/split/a', { 'X-Tenant': 'ACME' }),
      covers: [],
      byDesign: {
        gateway: {
          status: 200,
          backends: { 'app:80': 1 },
          path: '/split/a',
          host: 'alb.example.com',
          setHeaders: {},
        },
        why: 'ALB conditions compare header values case-insensitively; a Gateway API header match is exact',
      },
    },
    {
      entry: 'alb storefront',
      probe: get('http', 'alb.example.com', '/docs/guide'),
      covers: [`${A}actions.*`],
    },
    { entry: 'alb storefront', probe: get('https', 'alb.example.com', '/'), covers: [`${A}listen-ports`] },
    {
      entry: 'alb storefront',
      probe: get('http', 'admin.alb.example.com', '/users'),
      covers: [`${A}group.name`],
    },
    {
      entry: 'alb storefront',
      probe: get('http', 'backoffice.example.com', '/orders'),
      covers: [`${A}group.name`],
    },
    {
      entry: 'alb internal',
      probe: get('http', 'backoffice.example.com', '/orders'),
      covers: [`${A}ssl-redirect`, `${A}scheme`],
    },
    {
      entry: 'alb internal',
      probe: { method: 'POST', scheme: 'https', host: 'backoffice.example.com', path: '/orders?mode=bulk' },
      covers: [`${A}conditions.*`, `${A}listen-ports`],
    },
    {
      entry: 'alb internal',
      probe: get('https', 'backoffice.example.com', '/orders?mode=bulk'),
      covers: [`${A}conditions.*`],
    },
    {
      entry: 'alb internal',
      probe: get('https', 'rpc.backoffice.example.com', '/rpc'),
      covers: [`${A}conditions.*`],
    },
    {
      entry: 'alb internal',
      probe: get('https', 'backoffice.example.com', '/rpc'),
      covers: [`${A}conditions.*`],
    },
    {
      entry: 'alb internal',
      probe: get('http', 'alb.example.com', '/split/a', { 'X-Tenant': 'acme' }),
      covers: [],
      byDesign: {
        gateway: { status: 404 },
        why: "the ALB's ssl-redirect redirects every plain HTTP request of the load balancer, whatever its host; the Gateway redirects the hosts of its routes and answers 404 to others (which the ALB had no HTTPS rule for either)",
      },
    },
    {
      entry: 'alb internal',
      probe: get('https', 'alb.example.com', '/split/a', { 'X-Tenant': 'acme' }),
      covers: [`${A}scheme`],
    },
  ];

  const label = ({ entry, probe }: Case) =>
    `${entry}: ${probe.method ?? 'GET'} ${probe.scheme}://${probe.host}${probe.path}${probe.headers ? ` ${JSON.stringify(probe.headers)}` : ''}`;

  it.each(CASES.map((entry) => [label(entry), entry] as const))(
    '%s',
    (_label, { entry, probe, byDesign }) => {
      const { provider, serves, gateway } = ENTRIES[entry]!;
      const before = routeThroughController(provider, ingresses.filter(serves), probe, portOfFixture);
      const after = routeThroughGatewayApi(migration.objects, gateway, probe);
      if (byDesign === undefined) {
        expect(after).toEqual(before);
        return;
      }
      // The difference is real (the controller answered otherwise), and it is the documented one.
      expect(before).not.toEqual(byDesign.gateway);
      expect(after).toEqual(
        byDesign.gateway.status === 404 || byDesign.gateway.backends !== undefined
          ? byDesign.gateway
          : { ...before, ...byDesign.gateway },
      );
    },
  );

  it('every converted annotation has at least one probe, on an Ingress of its controller that sets it', () => {
    const converted = ANNOTATIONS.filter((entry) => entry.outcomes.standard.outcome === 'converted');
    const covered = new Set(CASES.flatMap((entry) => entry.covers));
    expect(converted.map((entry) => entry.key).filter((key) => !covered.has(key))).toEqual([]);
    const set = (key: string, serves: (ingress: Json) => boolean) =>
      ingresses
        .filter(serves)
        .some((ingress) =>
          Object.keys(annotations(ingress)).some((name) =>
            key.endsWith('*') ? name.startsWith(key.slice(0, -1)) : name === key,
          ),
        );
    const unset = CASES.flatMap(({ entry, covers }) =>
      covers.filter((key) => !set(key, ENTRIES[entry]!.serves)).map((key) => `${entry}: ${key}`),
    );
    expect(unset).toEqual([]);
  });

  it('answers what the annotations say, not only the same thing twice', () => {
    const at = (entry: keyof typeof ENTRIES, probe: Probe) =>
      routeThroughController(
        ENTRIES[entry]!.provider,
        ingresses.filter(ENTRIES[entry]!.serves),
        probe,
        portOfFixture,
      );
    expect(at('ingress-nginx', get('https', 'rewrite.example.com', '/shop/cart'))).toEqual({
      status: 200,
      backends: { 'app:80': 1 },
      path: '/cart',
      host: 'internal.example.com',
      setHeaders: { 'x-forwarded-prefix': '/shop', connection: 'keep-alive' },
    });
    expect(at('ingress-nginx', get('http', 'fixed.example.com', '/api/items')).path).toBe('/v2');
    expect(at('ingress-nginx', get('http', 'canary.example.com', '/api/v2')).backends).toEqual({
      'app:80': 0.75,
      'app-v2:80': 0.25,
    });
    expect(at('ingress-nginx', get('https', 'portal.example.com', '/'))).toEqual({
      status: 302,
      location: 'https://portal.example.com/portal',
    });
    expect(at('ingress-nginx', get('https', 'vault.example.com', '/'))).toEqual({
      status: 200,
      passthrough: true,
      backends: { 'vault:8200': 1 },
    });
    expect(
      at('alb storefront', get('http', 'alb.example.com', '/split/a', { 'x-tenant': 'acme' })).backends,
    ).toEqual({
      'app:80': 0.9,
      'app-v2:80': 0.1,
    });
    expect(at('alb storefront', get('http', 'alb.example.com', '/docs'))).toEqual({
      status: 301,
      location: 'http://docs.example.com/v2',
    });
  });
});
