import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';
import { validateObject } from './test-support/validate.js';

type Json = Record<string, unknown>;

function ingress(options: {
  name?: string;
  annotations?: Record<string, string>;
  className?: string | null;
  host?: string;
  paths?: Array<{ path: string; pathType?: string; service?: string; port?: number | string }>;
  tls?: boolean;
  extraSpec?: string;
}): string {
  const annotations = Object.entries(options.annotations ?? {})
    .map(([key, value]) => `\n    ${key}: ${JSON.stringify(value)}`)
    .join('');
  const paths = (options.paths ?? [{ path: '/' }])
    .map(
      (entry) => `
          - path: ${JSON.stringify(entry.path)}
            pathType: ${entry.pathType ?? 'Prefix'}
            backend:
              service:
                name: ${entry.service ?? 'app'}
                port:
                  ${typeof entry.port === 'string' ? `name: ${entry.port}` : `number: ${entry.port ?? 80}`}`,
    )
    .join('');
  const host = options.host ?? 'app.example.com';
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${options.name ?? 'app'}
  namespace: web${annotations ? `\n  annotations:${annotations}` : ''}
spec:
${options.className === null ? '' : `  ingressClassName: ${options.className ?? 'nginx'}\n`}${options.tls ? `  tls:\n    - hosts: [${host}]\n      secretName: app-tls\n` : ''}${options.extraSpec ?? ''}  rules:
    - host: ${host}
      http:
        paths:${paths}
`;
}

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: app, namespace: web}
spec:
  ports: [{name: http, port: 80, targetPort: 8080}]
`;

function convert(...documents: string[]) {
  return migrate([{ path: 'ingress.yaml', text: [SERVICE, ...documents].join('---\n') }], { to: 'gateway' });
}

function routes(migration: ReturnType<typeof convert>, kind = 'HTTPRoute'): Json[] {
  return migration.objects.filter((object) => object.kind === kind);
}

function specOf(route: Json | undefined): Json {
  if (route === undefined) throw new Error('no such route');
  return route.spec as Json;
}

function messages(migration: ReturnType<typeof convert>): string {
  return migration.warnings.map((warning) => warning.message).join('\n');
}

describe('Ingress to Gateway API', () => {
  it('maps Prefix to PathPrefix and Exact to Exact, and a named port to its number', () => {
    const migration = convert(
      ingress({
        paths: [
          { path: '/api', port: 'http' },
          { path: '/health', pathType: 'Exact' },
        ],
      }),
    );
    const [route] = routes(migration);
    expect(specOf(route).rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
        backendRefs: [{ name: 'app', port: 80 }],
      },
      { matches: [{ path: { type: 'Exact', value: '/health' } }], backendRefs: [{ name: 'app', port: 80 }] },
    ]);
    expect(migration.converted).toEqual([
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'app', namespace: 'web' },
    ]);
  });

  it('reads ImplementationSpecific as PathPrefix, with a warning', () => {
    const migration = convert(ingress({ paths: [{ path: '/static', pathType: 'ImplementationSpecific' }] }));
    expect(messages(migration)).toContain(
      'path /static: pathType ImplementationSpecific is read as PathPrefix, which matches whole path segments (/static no longer matches /staticx).',
    );
  });

  it('lists every annotation it cannot carry over, with the line of the file it is on', () => {
    const migration = convert(
      ingress({
        annotations: {
          'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: 1";',
          'nginx.ingress.kubernetes.io/some-future-annotation': 'on',
          'example.com/team': 'payments',
        },
      }),
    );
    const notCarried = migration.warnings.filter((warning) =>
      warning.message.includes('is not carried over'),
    );
    expect(notCarried.map((warning) => [warning.message, warning.line])).toEqual([
      [
        'Ingress web/app: annotation nginx.ingress.kubernetes.io/configuration-snippet is not carried over: raw NGINX configuration has no Gateway API equivalent; re-create what it does with filters or your implementation.',
        13,
      ],
      [
        'Ingress web/app: annotation nginx.ingress.kubernetes.io/some-future-annotation is not carried over: an unknown ingress-nginx annotation: check what it does and re-create it with Gateway API or your implementation.',
        14,
      ],
      ['Ingress web/app: annotation example.com/team is not carried over.', 15],
    ]);
  });

  it('turns a fixed rewrite-target into a URLRewrite of the whole path, as nginx rewrites the whole URI', () => {
    const migration = convert(
      ingress({
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/v2' },
        paths: [{ path: '/api' }],
      }),
    );
    const rule = (specOf(routes(migration)[0]).rules as Json[])[0];
    expect(rule?.filters).toEqual([
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/v2' } } },
    ]);
  });

  it('refuses a rewrite-target with capture groups it cannot express', () => {
    const migration = convert(
      ingress({
        annotations: {
          'nginx.ingress.kubernetes.io/use-regex': 'true',
          'nginx.ingress.kubernetes.io/rewrite-target': '/$1/x',
        },
        paths: [{ path: '/(.+)/old', pathType: 'ImplementationSpecific' }],
      }),
    );
    expect(messages(migration)).toMatch(/rewrite-target is not carried over/);
    const rule = (specOf(routes(migration)[0]).rules as Json[])[0];
    // nginx matches from the start of the path and lets it go on: `.*` keeps that.
    expect(rule?.matches).toEqual([{ path: { type: 'RegularExpression', value: '/(.+)/old.*' } }]);
    expect(messages(migration)).toMatch(/RegularExpression matches are Extended support/);
  });

  it('redirects HTTP to HTTPS for ingress-nginx TLS hosts, and not when ssl-redirect is false', () => {
    const redirected = convert(ingress({ tls: true }));
    expect(routes(redirected).map((route) => (route.metadata as Json).name)).toEqual([
      'app-app-example-com',
      'app-app-example-com-http',
    ]);
    expect((specOf(routes(redirected)[1]).rules as Json[])[0]).toEqual({
      filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }],
    });
    const plain = convert(
      ingress({ tls: true, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } }),
    );
    expect(routes(plain)).toHaveLength(1);
    expect((specOf(routes(plain)[0]).parentRefs as Json[]).map((ref) => ref.sectionName)).toEqual([
      'http',
      'https-app-example-com',
    ]);
    // Another controller's Ingress is not redirected by default.
    expect(routes(convert(ingress({ tls: true, className: 'traefik' })))).toHaveLength(1);
  });

  it('writes a GRPCRoute for backend-protocol GRPC, with service and method matches', () => {
    const migration = convert(
      ingress({
        annotations: { 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC' },
        paths: [{ path: '/shop.Cart' }, { path: '/shop.Orders/Get', pathType: 'Exact' }],
      }),
    );
    const [route] = routes(migration, 'GRPCRoute');
    expect(specOf(route).rules).toEqual([
      {
        matches: [{ method: { type: 'Exact', service: 'shop.Cart' } }],
        backendRefs: [{ name: 'app', port: 80 }],
      },
      {
        matches: [{ method: { type: 'Exact', service: 'shop.Orders', method: 'Get' } }],
        backendRefs: [{ name: 'app', port: 80 }],
      },
    ]);
  });

  it('folds a header canary without weight into a header match', () => {
    const migration = convert(
      ingress({}),
      ingress({
        name: 'app-canary',
        annotations: {
          'nginx.ingress.kubernetes.io/canary': 'true',
          'nginx.ingress.kubernetes.io/canary-by-header': 'X-Version',
          'nginx.ingress.kubernetes.io/canary-by-header-value': 'v2',
        },
        paths: [{ path: '/', service: 'app-v2' }],
      }),
    );
    expect(specOf(routes(migration)[0]).rules).toEqual([
      {
        matches: [
          { path: { type: 'PathPrefix', value: '/' }, headers: [{ name: 'X-Version', value: 'v2' }] },
        ],
        backendRefs: [{ name: 'app-v2', port: 80 }],
      },
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'app', port: 80 }] },
    ]);
  });

  it('says so when a canary has no Ingress to shadow', () => {
    const migration = convert(
      ingress({
        name: 'lonely',
        annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' },
        paths: [{ path: '/x' }],
      }),
    );
    expect(messages(migration)).toMatch(
      /Canary Ingress web\/lonely path \/x: no Ingress of the set serves the same host/,
    );
  });

  it('does not carry a path Gateway API rejects, and says why', () => {
    const migration = convert(ingress({ paths: [{ path: '/files/../etc' }, { path: '/ok' }] }));
    expect(messages(migration)).toContain(
      "Ingress web/app path /files/../etc: not a path a route can match (path /files/../etc: must not contain '/../'); not carried over.",
    );
    expect(specOf(routes(migration)[0]).rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/ok' } }], backendRefs: [{ name: 'app', port: 80 }] },
    ]);
  });

  it('does not carry a backend whose port name it cannot resolve, and says why', () => {
    const migration = convert(ingress({ paths: [{ path: '/', service: 'elsewhere', port: 'http' }] }));
    expect(routes(migration)).toEqual([]);
    expect(messages(migration)).toContain(
      'the backend elsewhere:http is not carried over: a route needs the port number, and Service elsewhere is not in the analysed files.',
    );
  });

  it('turns TLS into HTTPS listeners with a ReferenceGrant when the Gateway lives elsewhere', () => {
    const migration = migrate([{ path: 'i.yaml', text: [SERVICE, ingress({ tls: true })].join('---\n') }], {
      to: 'gateway',
      namespace: 'infra',
      className: 'eg',
    });
    const gateway = migration.objects.find((object) => object.kind === 'Gateway') as Json;
    expect(((gateway.spec as Json).listeners as Json[])[1]).toMatchObject({
      name: 'https-app-example-com',
      hostname: 'app.example.com',
      tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'app-tls', namespace: 'web' }] },
    });
    const grant = migration.objects.find((object) => object.kind === 'ReferenceGrant') as Json;
    expect(grant).toMatchObject({
      metadata: { namespace: 'web' },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'infra' }],
        to: [{ group: '', kind: 'Secret', name: 'app-tls' }],
      },
    });
  });

  it('stays within the CRD limits: 16 Secrets per ReferenceGrant, 64 listeners per Gateway', () => {
    const many = Array.from({ length: 70 }, (_, index) =>
      ingress({ name: `app-${index}`, host: `app-${index}.example.com`, tls: true }).replace(
        'secretName: app-tls',
        `secretName: app-${index}-tls`,
      ),
    );
    const migration = migrate([{ path: 'i.yaml', text: [SERVICE, ...many].join('---\n') }], {
      to: 'gateway',
      namespace: 'infra',
      className: 'eg',
    });
    const grants = migration.objects.filter((object) => object.kind === 'ReferenceGrant');
    expect(grants.map((grant) => ((grant.spec as Json).to as Json[]).length)).toEqual([16, 16, 16, 15]);
    const gateway = migration.objects.find((object) => object.kind === 'Gateway') as Json;
    expect(((gateway.spec as Json).listeners as Json[]).length).toBe(64);
    expect(messages(migration)).toContain(
      'Ingress web/app-63: Gateway web already has the most listeners a Gateway may have (64), so host app-63.example.com gets no HTTPS listener; use one wildcard certificate (--tls-secret) or split the hosts over ListenerSets.',
    );
    for (const object of migration.objects) expect(validateObject(object)).toEqual([]);
  });

  it('carries a removed v1beta1 Ingress too', () => {
    const legacy = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: web}
spec:
  rules:
    - host: old.example.com
      http:
        paths:
          - path: /
            backend: {serviceName: app, servicePort: 80}
`;
    const [route] = routes(convert(legacy));
    expect(specOf(route).hostnames).toEqual(['old.example.com']);
    expect((specOf(route).rules as Json[])[0]).toEqual({
      matches: [{ path: { type: 'PathPrefix', value: '/' } }],
      backendRefs: [{ name: 'app', port: 80 }],
    });
  });

  it('leaves the Ingresses of the set alone when only some Services are asked for', () => {
    const migration = migrate([{ path: 'i.yaml', text: [SERVICE, ingress({})].join('---\n') }], {
      to: 'gateway',
      services: [{ namespace: 'web', name: 'app' }],
    });
    expect(migration.objects).toEqual([]);
  });
});

describe('issue 14 bugs', () => {
  const plain = (body: string) =>
    migrate([{ path: 'k8s/ingress.yaml', text: `${SERVICE}---\n${body}` }], { to: 'gateway' });

  it('warns about an Ingress that fails its schema instead of dropping it silently', () => {
    const migration = plain(ingress({}).replace('number: 80', 'number: "<port>"'));
    const warning = migration.warnings.find((entry) => entry.message.includes('fails the Ingress schema'));
    expect(warning?.file).toBe('k8s/ingress.yaml');
    expect(warning?.line).toBeGreaterThan(0);
  });

  it('reads path "" with ImplementationSpecific as PathPrefix /', () => {
    const migration = convert(ingress({ paths: [{ path: '', pathType: 'ImplementationSpecific' }] }));
    expect(specOf(routes(migration)[0]).rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'app', port: 80 }] },
    ]);
    expect(messages(migration)).not.toContain('path :');
  });

  it('names v1beta1 fields in a v1 Ingress as such, and still converts the backend', () => {
    const text = ingress({}).replace(
      /service:\n\s+name: app\n\s+port:\n\s+number: 80/,
      'serviceName: app\n              servicePort: 80',
    );
    const migration = convert(text);
    expect(messages(migration)).toContain('uses the v1beta1 fields serviceName and servicePort');
    expect(messages(migration)).not.toContain('resource backend');
    expect(specOf(routes(migration)[0]).rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'app', port: 80 }] },
    ]);
  });

  it("gives each Ingress's rule hosts a listener with its own Secret when the TLS entries name no hosts", () => {
    const hostless = (name: string, host: string) =>
      ingress({ name, host, extraSpec: `  tls:\n    - secretName: ${name}-tls\n` });
    const migration = convert(hostless('a', 'a.example.com'), hostless('b', 'b.example.com'));
    const gateway = migration.objects.find((object) => object.kind === 'Gateway') as Json;
    const listeners = (specOf(gateway).listeners as Json[]).filter(
      (listener) => listener.protocol === 'HTTPS',
    );
    expect(listeners.map((listener) => [listener.hostname, (listener.tls as Json).certificateRefs])).toEqual([
      ['a.example.com', [{ kind: 'Secret', name: 'a-tls' }]],
      ['b.example.com', [{ kind: 'Secret', name: 'b-tls' }]],
    ]);
  });

  it('writes a resource backend as a backendRef with group, kind and name', () => {
    const text = ingress({}).replace(
      /service:\n\s+name: app\n\s+port:\n\s+number: 80/,
      'resource:\n                apiGroup: k8s.example.com\n                kind: StorageBucket\n                name: static-assets',
    );
    const migration = convert(text);
    expect(specOf(routes(migration)[0]).rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ group: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' }],
      },
    ]);
    for (const object of migration.objects) expect(validateObject(object)).toEqual([]);
  });

  it('does not copy a placeholder host such as <FQDN> into hostnames', () => {
    const migration = convert(ingress({ host: '"<FQDN>"' }));
    expect(routes(migration)).toEqual([]);
    const warning = migration.warnings.find((entry) => entry.message.includes('<FQDN>'));
    expect(warning?.message).toContain('is not a host name');
    expect(warning?.line).toBeGreaterThan(0);
  });

  it('keeps the weight of a canary whose stable Ingress reads its path as a regular expression', () => {
    const stable = ingress({
      annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' },
      paths: [{ path: '/api/v[0-9]+', pathType: 'ImplementationSpecific' }],
    });
    const canary = ingress({
      name: 'app-canary',
      annotations: {
        'nginx.ingress.kubernetes.io/canary': 'true',
        'nginx.ingress.kubernetes.io/canary-weight': '10',
      },
      paths: [{ path: '/api/v[0-9]+', pathType: 'ImplementationSpecific', service: 'app', port: 80 }],
    });
    const rules = specOf(routes(convert(stable, canary))[0]).rules as Json[];
    expect(rules[0]?.backendRefs).toEqual([
      { name: 'app', port: 80, weight: 90 },
      { name: 'app', port: 80, weight: 10 },
    ]);
  });

  it('keeps two same-named Services of different folders apart', () => {
    const service = (host: string) => `apiVersion: v1
kind: Service
metadata:
  name: guestbook
  annotations: {external-dns.alpha.kubernetes.io/hostname: ${host}}
spec:
  type: LoadBalancer
  ports: [{name: http, port: 80}]
`;
    const migration = migrate(
      [
        { path: 'one/kustomization.yaml', text: 'resources: [service.yaml]\n' },
        { path: 'one/service.yaml', text: service('guestbook.example.com') },
        { path: 'two/kustomization.yaml', text: 'resources: [service.yaml]\n' },
        { path: 'two/service.yaml', text: service('guestbook.example.com') },
      ],
      { to: 'gateway' },
    );
    expect(messages(migration as ReturnType<typeof convert>)).not.toContain(
      'already routes to Service guestbook',
    );
    expect(migration.kept).toEqual([]);
  });

  it('ties TLS conflicts to their file and line, and says "every host" rather than "(any)"', () => {
    const hostless = (name: string) =>
      ingress({ name, host: 'same.example.com', extraSpec: `  tls:\n    - secretName: ${name}-tls\n` });
    const migration = convert(hostless('a'), hostless('b'));
    const warning = migration.warnings.find((entry) => entry.message.includes('already has the certificate'));
    expect(warning?.line).toBeGreaterThan(0);
    expect(messages(migration)).not.toContain('(any)');
  });
});
