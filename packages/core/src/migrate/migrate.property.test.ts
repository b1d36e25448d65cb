/**
 * Properties over generated sets of LoadBalancer Services and ingress-nginx Ingresses: `migrate`
 * never throws, every object it writes passes the official schemas and CEL rules, the YAML holds
 * exactly those objects, the same input gives the same bytes, and the output has nothing left to
 * consolidate.
 */
import fc from 'fast-check';
import { dump, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { migrate } from './index.js';
import { validateObject } from './test-support/validate.js';
import type { MigrationOptions } from './types.js';

const NAMES = ['api', 'web', 'shop', 'db', 'mqtt', 'grafana'];
const NAMESPACES = [undefined, 'shop', 'infra', 'monitoring'];
const HOSTS = [
  'app.example.com',
  'shop.example.com',
  '*.example.org',
  'bad host',
  'x.example.com.',
  '10.0.0.1',
];
const PORTS = [
  { port: 80 },
  { port: 443, name: 'https' },
  { port: 8080, name: 'http' },
  { port: 3000 },
  { port: 50051, name: 'grpc' },
  { port: 1883 },
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP', name: 'dns-tcp' },
  { port: 5432 },
  { port: 9000 },
  { port: 7777, protocol: 'SCTP' },
  { port: 8443, appProtocol: 'https' },
  { port: 8081, appProtocol: 'kubernetes.io/h2c' },
];
const NGINX_ANNOTATIONS: Array<[string, string[]]> = [
  ['ssl-redirect', ['true', 'false']],
  ['force-ssl-redirect', ['true']],
  ['rewrite-target', ['/', '/v2', '/$2', '/$1']],
  ['use-regex', ['true']],
  ['backend-protocol', ['GRPC', 'HTTPS', 'HTTP']],
  ['permanent-redirect', ['https://example.com/new', 'not a url']],
  ['app-root', ['/app', 'app']],
  ['x-forwarded-prefix', ['/p']],
  ['enable-cors', ['true']],
  ['cors-allow-origin', ['https://a.example.com', 'bogus origin']],
  ['proxy-body-size', ['1m']],
  ['server-snippet', ['return 200;']],
];
const PATHS = ['/', '/api', '/api/', '/exact', '/legacy(/|$)(.*)', '/a/../b', '/shop.Cart', '/x/y/z'];
const PATH_TYPES = ['Prefix', 'Exact', 'ImplementationSpecific', undefined];

const service = fc.record({
  name: fc.constantFrom(...NAMES),
  namespace: fc.constantFrom(...NAMESPACES),
  host: fc.option(fc.constantFrom(...HOSTS), { nil: undefined }),
  internal: fc.boolean(),
  ports: fc.uniqueArray(fc.constantFrom(...PORTS), {
    minLength: 1,
    maxLength: 3,
    selector: (p) => `${p.port}/${p.protocol}`,
  }),
});

const ingress = fc.record({
  name: fc.constantFrom(...NAMES),
  namespace: fc.constantFrom(...NAMESPACES),
  className: fc.constantFrom(undefined, 'nginx', 'traefik'),
  host: fc.option(fc.constantFrom(...HOSTS.slice(0, 3)), { nil: undefined }),
  tls: fc.boolean(),
  canary: fc.option(fc.constantFrom('20', '100'), { nil: undefined }),
  annotations: fc
    .subarray(NGINX_ANNOTATIONS)
    .chain((keys) =>
      fc.tuple(
        ...keys.map(([key, values]) => fc.constantFrom(...values).map((value) => [key, value] as const)),
      ),
    ),
  paths: fc.array(
    fc.record({
      path: fc.constantFrom(...PATHS),
      pathType: fc.constantFrom(...PATH_TYPES),
      service: fc.constantFrom(...NAMES),
      port: fc.constantFrom<number | string>(80, 8080, 'http', 'grpc'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  defaultBackend: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
});

type ServiceSpec = typeof service extends fc.Arbitrary<infer T> ? T : never;
type IngressSpec = typeof ingress extends fc.Arbitrary<infer T> ? T : never;

function serviceObject(spec: ServiceSpec): unknown {
  const annotations: Record<string, string> = {};
  if (spec.host) annotations['external-dns.alpha.kubernetes.io/hostname'] = spec.host;
  if (spec.internal) annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'] = 'internal';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: spec.name, ...(spec.namespace ? { namespace: spec.namespace } : {}), annotations },
    spec: { type: 'LoadBalancer', selector: { app: spec.name }, ports: spec.ports },
  };
}

function ingressObject(spec: IngressSpec): unknown {
  const annotations: Record<string, string> = Object.fromEntries(
    spec.annotations.map(([key, value]) => [`nginx.ingress.kubernetes.io/${key}`, value]),
  );
  if (spec.canary) {
    annotations['nginx.ingress.kubernetes.io/canary'] = 'true';
    annotations['nginx.ingress.kubernetes.io/canary-weight'] = spec.canary;
  }
  const backend = (name: string, port: number | string) => ({
    service: { name, port: typeof port === 'number' ? { number: port } : { name: port } },
  });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: spec.name, ...(spec.namespace ? { namespace: spec.namespace } : {}), annotations },
    spec: {
      ...(spec.className ? { ingressClassName: spec.className } : {}),
      ...(spec.tls ? { tls: [{ hosts: spec.host ? [spec.host] : [], secretName: `${spec.name}-tls` }] } : {}),
      ...(spec.defaultBackend ? { defaultBackend: backend(spec.defaultBackend, 80) } : {}),
      rules: [
        {
          ...(spec.host ? { host: spec.host } : {}),
          http: {
            paths: spec.paths.map((path) => ({
              path: path.path,
              ...(path.pathType ? { pathType: path.pathType } : {}),
              backend: backend(path.service, path.port),
            })),
          },
        },
      ],
    },
  };
}

/** A Gateway the set may already have, for routes to join. */
const existingGateway = fc.option(
  fc.constantFrom(
    [{ name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'All' } } }],
    [
      { name: 'web', protocol: 'HTTP', port: 80 },
      {
        name: 'wild',
        protocol: 'HTTPS',
        port: 443,
        hostname: '*.example.com',
        tls: { certificateRefs: [{ name: 'wildcard' }] },
      },
    ],
    [{ name: 'tls', protocol: 'HTTPS', port: 443, tls: { certificateRefs: [{ name: 'any' }] } }],
  ),
  { nil: undefined },
);

function gatewayObject(listeners: readonly unknown[]): unknown {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'infra' },
    spec: { gatewayClassName: 'eg', listeners },
  };
}

const options = fc.record(
  {
    to: fc.constantFrom('ingress', 'gateway'),
    className: fc.constantFrom('eg', 'nginx'),
    hostTemplate: fc.constantFrom(
      '{name}.example.com',
      '{name}-{namespace}.apps.example.com',
      'no spaces please',
    ),
    namespace: fc.constantFrom('gateway-system', 'shop'),
    tlsSecret: fc.constant('wildcard-tls'),
    certManagerIssuer: fc.constant('letsencrypt'),
    gatewayApiVersion: fc.constantFrom('1.5', '1.6'),
  },
  { requiredKeys: ['to'] },
) as fc.Arbitrary<MigrationOptions>;

describe('migrate on generated manifests', () => {
  it('writes only objects the API server accepts, and nothing left to consolidate', () => {
    fc.assert(
      fc.property(
        fc.array(service, { maxLength: 5 }),
        fc.array(ingress, { maxLength: 3 }),
        existingGateway,
        options,
        (services, ingresses, gateway, chosen) => {
          const text = [
            ...services.map(serviceObject),
            ...ingresses.map(ingressObject),
            ...(gateway ? [gatewayObject(gateway)] : []),
          ]
            .map((object) => dump(object))
            .join('---\n');
          const files = [{ path: 'generated.yaml', text }];
          const migration = migrate(files, chosen);
          expect(migrate(files, chosen).yaml).toBe(migration.yaml);
          for (const object of migration.objects)
            expect([object.kind, validateObject(object)]).toEqual([object.kind, []]);
          expect(migration.warnings.filter((warning) => warning.message.startsWith('Generated '))).toEqual(
            [],
          );
          if (migration.yaml === '') return;
          expect(loadAll(migration.yaml)).toEqual(migration.objects);
          const after = analyze([{ path: 'migrated.yaml', text: migration.yaml }]);
          expect(after.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
