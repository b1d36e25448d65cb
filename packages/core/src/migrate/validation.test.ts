import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';
import { fixtureFiles } from './test-support/fixtures.js';
import { validateObject } from './test-support/validate.js';
import type { MigrationOptions } from './types.js';

const CASES: ReadonlyArray<[string, string[], MigrationOptions]> = [
  [
    'platform to Ingress',
    ['platform'],
    { to: 'ingress', className: 'traefik', hostTemplate: '{name}.example.com' },
  ],
  ['platform to Gateway API', ['platform'], { to: 'gateway', className: 'eg', namespace: 'gateway-system' }],
  [
    'platform to Gateway API 1.5',
    ['platform'],
    { to: 'gateway', gatewayApiVersion: '1.5', tlsSecret: 'wildcard' },
  ],
  [
    'platform to Gateway API with cert-manager',
    ['platform'],
    { to: 'gateway', certManagerIssuer: 'letsencrypt' },
  ],
  ['shop Ingresses to Gateway API', ['shop'], { to: 'gateway', namespace: 'gateway-system' }],
  ['shop Ingresses to Gateway API, one class', ['shop'], { to: 'gateway', className: 'eg' }],
  ['everything to Gateway API', ['shop', 'platform'], { to: 'gateway' }],
  ['shop with Envoy Gateway policies', ['shop'], { to: 'gateway', emit: 'envoy-gateway' }],
  ['shop with kgateway policies', ['shop'], { to: 'gateway', emit: 'kgateway' }],
  ['every annotation, standard', ['annotations'], { to: 'gateway' }],
  ['every annotation, Envoy Gateway', ['annotations'], { to: 'gateway', emit: 'envoy-gateway' }],
  ['every annotation, kgateway', ['annotations'], { to: 'gateway', emit: 'kgateway' }],
];

describe('every generated object validates against the official schemas and CEL rules', () => {
  it.each(CASES)('%s', (_name, fixtures, options) => {
    const migration = migrate(fixtureFiles(...fixtures), options);
    expect(migration.objects.length).toBeGreaterThan(0);
    const problems = migration.objects.flatMap((object) =>
      validateObject(object).map(
        (problem) => `${object.kind} ${(object.metadata as { name: string }).name}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
    // The generator's own CEL self-check found nothing to warn about either.
    expect(migration.warnings.filter((warning) => warning.message.startsWith('Generated '))).toEqual([]);
  });
});

describe('the validator', () => {
  const route = (rule: Record<string, unknown>) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r' },
    spec: { parentRefs: [{ name: 'web' }], rules: [rule] },
  });

  it('rejects a path type Gateway API does not have, and a misspelt field', () => {
    expect(validateObject(route({ matches: [{ path: { type: 'Prefix', value: '/' } }] })).join('\n')).toMatch(
      /must be equal to one of the allowed values/,
    );
    expect(validateObject(route({ backendRef: [] })).join('\n')).toMatch(
      /must NOT have additional properties/,
    );
  });

  it('rejects what only the CEL rules catch', () => {
    expect(validateObject(route({ backendRefs: [{ name: 'api' }] }))).toContain(
      'rule 0: Must have port for Service reference (api)',
    );
    const rewrite = route({
      matches: [{ path: { type: 'Exact', value: '/a' } }],
      filters: [
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      ],
      backendRefs: [{ name: 'api', port: 80 }],
    });
    expect(validateObject(rewrite).join('\n')).toMatch(/exactly one PathPrefix match must be specified/);
    const dotted = route({ matches: [{ path: { type: 'PathPrefix', value: '/a/../b' } }], backendRefs: [] });
    expect(validateObject(dotted)).toEqual(["path /a/../b: must not contain '/../'"]);
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'g' },
      spec: {
        gatewayClassName: 'eg',
        listeners: [
          { name: 'a', protocol: 'HTTP', port: 80, tls: { mode: 'Terminate' } },
          { name: 'a', protocol: 'TCP', port: 80, hostname: 'x.example.com' },
          { name: 'b', protocol: 'HTTP', port: 80 },
        ],
      },
    };
    expect(validateObject(gateway)).toEqual([
      "listener a: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
      "listener a: hostname must not be specified for protocols ['TCP', 'UDP']",
      'Listener name must be unique within the Gateway (a)',
      'Combination of port, protocol and hostname must be unique for each listener (80/HTTP/)',
    ]);
  });

  it('checks BackendTLSPolicy and TLSRoute against their v1 CRDs', () => {
    const policy = (validation: Record<string, unknown>) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'BackendTLSPolicy',
      metadata: { name: 'p' },
      spec: { targetRefs: [{ group: '', kind: 'Service', name: 'api' }], validation },
    });
    expect(validateObject(policy({ hostname: 'api.demo.svc' }))).toContain(
      'must specify either CACertificateRefs or WellKnownCACertificates',
    );
    expect(
      validateObject(
        policy({
          hostname: 'api.demo.svc',
          wellKnownCACertificates: 'System',
          caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }],
        }),
      ),
    ).toContain('must not contain both CACertificateRefs and WellKnownCACertificates');
    expect(
      validateObject(policy({ caCertificateRefs: [{ group: '', kind: 'Secret', name: 'ca' }] })).join('\n'),
    ).toMatch(/must have required property 'hostname'/);
    const tlsRoute = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'TLSRoute',
      metadata: { name: 't' },
      spec: { parentRefs: [{ name: 'web' }], rules: [{ backendRefs: [{ name: 'vault', port: 8200 }] }] },
    };
    expect(validateObject(tlsRoute).join('\n')).toMatch(/must have required property 'hostnames'/);
    expect(validateObject({ ...tlsRoute, apiVersion: 'gateway.networking.k8s.io/v1alpha2' })).toEqual([]);
  });

  it('writes the BackendTLSPolicy, the TLS passthrough listener and the TLSRoute of the annotation fixtures', () => {
    const migration = migrate(fixtureFiles('annotations'), { to: 'gateway' });
    const kinds = migration.objects.map((object) => object.kind);
    expect(kinds).toContain('BackendTLSPolicy');
    expect(kinds).toContain('TLSRoute');
    const policy = migration.objects.find((object) => object.kind === 'BackendTLSPolicy') as Record<
      string,
      never
    >;
    expect(policy.spec).toEqual({
      targetRefs: [{ group: '', kind: 'Service', name: 'secure' }],
      validation: {
        caCertificateRefs: [{ group: '', kind: 'Secret', name: 'secure-ca' }],
        hostname: 'secure.demo.svc',
      },
    });
    const gateway = migration.objects.find(
      (object) => object.kind === 'Gateway' && (object.metadata as { name: string }).name === 'nginx',
    ) as { spec: { listeners: Array<Record<string, unknown>> } };
    expect(gateway.spec.listeners.find((listener) => listener.protocol === 'TLS')).toEqual({
      name: 'tls-passthrough-vault-example-com',
      protocol: 'TLS',
      port: 443,
      hostname: 'vault.example.com',
      tls: { mode: 'Passthrough' },
      allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ kind: 'TLSRoute' }] },
    });
    expect(migration.requirements).toContain(
      'TLSRoute v1 (Gateway API ≥1.5 standard channel) and an implementation that supports TLS listeners in Passthrough mode',
    );
  });

  it('rejects an Ingress path without pathType and a Service port out of range', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: {
        rules: [
          { http: { paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }] } },
        ],
      },
    };
    expect(validateObject(ingress).join('\n')).toMatch(/pathType/);
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 'eighty' }] },
    };
    expect(validateObject(service)).not.toEqual([]);
  });
});
