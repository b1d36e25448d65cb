import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { migrate } from './index.js';
import type { MigrationOptions } from './types.js';

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  annotations:
    external-dns.alpha.kubernetes.io/hostname: api.shop.example.com
    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: api}
  ports:
    - {name: http, port: 80, targetPort: 8080, nodePort: 30080}
    - {name: https, port: 443, targetPort: 8443}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports:
    - {name: http, port: 3000}
---
apiVersion: v1
kind: Service
metadata: {name: broker, namespace: iot}
spec:
  type: LoadBalancer
  selector: {app: broker}
  ports:
    - {name: mqtt, port: 1883}
    - {name: dns, port: 53, protocol: UDP}
`;

const files = [{ path: 'k8s/services.yaml', text: SERVICES }];

function run(options: Partial<MigrationOptions> & Pick<MigrationOptions, 'to'>) {
  return migrate(files, { hostTemplate: '{name}.example.com', ...options });
}

function kinds(objects: Array<Record<string, unknown>>): string[] {
  return objects.map((object) => `${object.kind}/${(object.metadata as { name: string }).name}`);
}

describe('LoadBalancer Services to one Ingress', () => {
  it('puts the HTTP Services of a namespace behind one Ingress and makes them ClusterIP', () => {
    const migration = run({ to: 'ingress', className: 'traefik' });
    expect(kinds(migration.objects)).toEqual(['Ingress/web', 'Service/api', 'Service/web']);
    const ingress = migration.objects[0] as {
      spec: { ingressClassName: string; rules: unknown[]; tls: unknown[] };
    };
    expect(ingress.spec.ingressClassName).toBe('traefik');
    expect(ingress.spec.rules).toEqual([
      {
        host: 'api.shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
          ],
        },
      },
      {
        host: 'web.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 3000 } } } },
          ],
        },
      },
    ]);
    // api served 443 itself: TLS moves to the Ingress, with a Secret the reader must create.
    expect(ingress.spec.tls).toEqual([{ hosts: ['api.shop.example.com'], secretName: 'api-tls' }]);
    const api = migration.objects[1] as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    expect(api.spec.type).toBe('ClusterIP');
    expect(api.spec.externalTrafficPolicy).toBeUndefined();
    expect(api.spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 8080 },
      { name: 'https', port: 443, targetPort: 8443 },
    ]);
    expect(api.metadata.annotations).toBeUndefined();
  });

  it('leaves L4 Services as LoadBalancers and says why', () => {
    const migration = run({ to: 'ingress' });
    expect(migration.converted.map((ref) => ref.name)).toEqual(['api', 'web']);
    expect(migration.kept).toEqual([
      {
        resource: { apiVersion: 'v1', kind: 'Service', name: 'broker', namespace: 'iot' },
        reason: expect.stringMatching(/port mqtt \(1883\) carries MQTT.*port dns \(53\)\/UDP/),
      },
    ]);
    expect(migration.yaml).toContain('# Left as they are:\n#   - Service iot/broker: port mqtt (1883)');
  });

  it('never defaults to the retired nginx class silently', () => {
    const migration = run({ to: 'ingress', className: 'nginx' });
    expect(migration.warnings.map((w) => w.message).join('\n')).toMatch(/class nginx .*retired/);
    const none = run({ to: 'ingress' });
    expect((none.objects[0] as { spec: Record<string, unknown> }).spec.ingressClassName).toBeUndefined();
    expect(none.warnings.map((w) => w.message).join('\n')).toMatch(/No IngressClass was given/);
  });

  it('uses --tls-secret for every host and adds the cert-manager issuer annotation', () => {
    const migration = run({ to: 'ingress', tlsSecret: 'wildcard', certManagerIssuer: 'letsencrypt' });
    const ingress = migration.objects[0] as { metadata: { annotations: object }; spec: { tls: unknown } };
    expect(ingress.spec.tls).toEqual([
      { hosts: ['api.shop.example.com', 'web.example.com'], secretName: 'wildcard' },
    ]);
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
  });
});

describe('LoadBalancer Services to Gateway API', () => {
  it('writes one Gateway, an L4 Gateway, a route per port and the changed Services', () => {
    const migration = run({ to: 'gateway', className: 'eg', namespace: 'infra' });
    expect(kinds(migration.objects)).toEqual([
      'Gateway/web',
      'Gateway/l4',
      'HTTPRoute/api',
      'HTTPRoute/web',
      'TCPRoute/broker-mqtt',
      'UDPRoute/broker-dns',
      'Service/api',
      'Service/web',
      'Service/broker',
    ]);
    const tcp = migration.objects[4] as { apiVersion: string; spec: unknown };
    expect(tcp.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(tcp.spec).toEqual({
      parentRefs: [{ name: 'l4', namespace: 'infra', sectionName: 'broker-mqtt' }],
      rules: [{ backendRefs: [{ name: 'broker', port: 1883 }] }],
    });
    expect(migration.kept).toEqual([]);
    expect(migration.requirements.join('\n')).toMatch(
      /v1\.6 CRDs \(standard channel\) for TCPRoute and UDPRoute v1/,
    );
  });

  it('writes TCPRoute and UDPRoute v1alpha2 for Gateway API 1.5 and says it needs the experimental channel', () => {
    const migration = run({ to: 'gateway', gatewayApiVersion: '1.5' });
    const layer4 = migration.objects.filter(
      (object) => object.kind === 'TCPRoute' || object.kind === 'UDPRoute',
    );
    expect(layer4.map((object) => object.apiVersion)).toEqual([
      'gateway.networking.k8s.io/v1alpha2',
      'gateway.networking.k8s.io/v1alpha2',
    ]);
    expect(migration.requirements.join('\n')).toMatch(/v1\.5 experimental-channel/);
  });

  it('converts only the Services asked for', () => {
    const migration = run({ to: 'gateway', services: [{ namespace: 'shop', name: 'web' }] });
    expect(migration.converted.map((ref) => ref.name)).toEqual(['web']);
    expect(kinds(migration.objects)).toEqual(['Gateway/web', 'HTTPRoute/web', 'Service/web']);
  });

  it('never names an object like one the set already has', () => {
    const existing = `${SERVICES}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec: {parentRefs: [{name: other}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec: {gatewayClassName: eg, listeners: [{name: http, protocol: HTTP, port: 80}]}
`;
    const migration = migrate([{ path: 'a.yaml', text: existing }], {
      to: 'gateway',
      className: 'istio',
      services: [{ namespace: 'shop', name: 'web' }],
    });
    expect(kinds(migration.objects)).toEqual(['Gateway/web-2', 'HTTPRoute/web-2', 'Service/web']);
  });

  const withGateway = (listeners: string) => `${SERVICES}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra, uid: abc}
spec:
  gatewayClassName: eg
  listeners: ${listeners}
`;

  it('joins the Gateway the set already has, as lb-http-consolidate suggests', () => {
    const text = withGateway(
      '[{name: plain, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]',
    );
    const migration = migrate([{ path: 'a.yaml', text }], {
      to: 'gateway',
      services: [{ namespace: 'shop', name: 'web' }],
    });
    expect(kinds(migration.objects)).toEqual(['HTTPRoute/web', 'Service/web']);
    expect((migration.objects[0] as { spec: { parentRefs: unknown } }).spec.parentRefs).toEqual([
      { name: 'public', namespace: 'infra', sectionName: 'plain' },
    ]);
    // The listener admits routes from all namespaces: nothing to check there.
    expect(migration.warnings.filter((warning) => warning.message.includes('admits routes'))).toEqual([]);
  });

  it('adds the HTTPS listener a host needs to that Gateway, and says when a listener may not admit the routes', () => {
    const text = withGateway('[{name: plain, protocol: HTTP, port: 80}]');
    const migration = migrate([{ path: 'a.yaml', text }], {
      to: 'gateway',
      tlsSecret: 'shop-tls',
      services: [{ namespace: 'shop', name: 'web' }],
    });
    expect(kinds(migration.objects)).toEqual(['Gateway/public', 'HTTPRoute/web', 'Service/web']);
    const gateway = migration.objects[0] as {
      metadata: Record<string, unknown>;
      spec: { listeners: unknown[] };
    };
    expect(gateway.metadata).toEqual({ name: 'public', namespace: 'infra' });
    expect(gateway.spec.listeners).toEqual([
      { name: 'plain', protocol: 'HTTP', port: 80 },
      {
        name: 'https',
        protocol: 'HTTPS',
        port: 443,
        tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-tls' }] },
        allowedRoutes: {
          namespaces: {
            from: 'Selector',
            selector: {
              matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop'] }],
            },
          },
        },
      },
    ]);
    expect(migration.warnings.map((warning) => warning.message)).toContain(
      'Listener plain of Gateway infra/public admits routes from its own namespace only: check that it admits namespace shop, or the routes there stay unattached.',
    );
  });

  it('says when a Service asked for is not a LoadBalancer of the set', () => {
    const migration = run({ to: 'gateway', services: [{ namespace: 'shop', name: 'gone' }] });
    expect(migration.objects).toEqual([]);
    expect(migration.warnings).toEqual([
      {
        message: 'Service shop/gone was asked for, but the files hold no LoadBalancer Service of that name.',
      },
    ]);
  });

  it('gives a second Service claiming the same host no route, and keeps its load balancer', () => {
    const text = `${SERVICES}---
apiVersion: v1
kind: Service
metadata:
  name: api-v2
  namespace: shop
  annotations: {external-dns.alpha.kubernetes.io/hostname: api.shop.example.com}
spec:
  type: LoadBalancer
  ports: [{name: http, port: 80}]
`;
    const migration = migrate([{ path: 'a.yaml', text }], { to: 'gateway' });
    expect(migration.kept).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining(
          'host api.shop.example.com of port http (80) already routes to Service shop/api',
        ),
      }),
    ]);
  });
});

describe('a LoadBalancer Service an Ingress of the set already routes to', () => {
  const text = `apiVersion: v1
kind: Service
metadata: {name: app, namespace: web}
spec:
  type: LoadBalancer
  ports: [{name: http, port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app, namespace: web}
spec:
  ingressClassName: traefik
  rules:
    - host: app.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: app, port: {number: 80}}}}
`;
  const sources = [{ path: 'app.yaml', text }];

  it('gets no second rule: the Service only becomes ClusterIP', () => {
    const migration = migrate(sources, { to: 'ingress' });
    expect(kinds(migration.objects)).toEqual(['Service/app']);
    expect(migration.warnings.map((w) => w.message)).toContain(
      'Service app is already routed by Ingress web/app (app.example.com), so no new rule is written for it: check those rules cover every path its load balancer served.',
    );
  });

  it('is carried by the converted Ingress alone on Gateway API', () => {
    const migration = migrate(sources, { to: 'gateway' });
    expect(kinds(migration.objects)).toEqual([
      'Gateway/traefik',
      'HTTPRoute/app-app-example-com',
      'Service/app',
    ]);
  });
});

describe('migrate', () => {
  it('gives the same bytes for the same input', () => {
    expect(run({ to: 'gateway' }).yaml).toBe(run({ to: 'gateway' }).yaml);
    expect(run({ to: 'ingress' }).yaml).toBe(run({ to: 'ingress' }).yaml);
  });

  it('returns an empty migration when there is nothing to migrate, and never throws on bad input', () => {
    for (const text of [
      '',
      ':\n  - [',
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {type: LoadBalancer, ports: 7}\n',
    ]) {
      const migration = migrate([{ path: 'bad.yaml', text }], { to: 'gateway' });
      expect(migration.yaml).toBe('');
      expect(migration.objects).toEqual([]);
    }
  });

  it('says which files it could not read', () => {
    const text = `${SERVICES}---\nkind: [unclosed\n`;
    const migration = migrate([{ path: 'broken.yaml', text }], { to: 'ingress' });
    expect(migration.converted.map((ref) => ref.name)).toEqual(['api', 'web']);
    expect(
      migration.warnings.find((warning) => warning.message.includes('could not be fully read')),
    ).toMatchObject({
      file: 'broken.yaml',
      message: expect.stringMatching(
        /^broken\.yaml could not be fully read \(.*\): objects in the unreadable part are not migrated\.$/,
      ),
    });
  });

  it('keeps manifest text from breaking out of the comments', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations: {external-dns.alpha.kubernetes.io/hostname: "x\\nkind: Secret"}
spec: {type: LoadBalancer, ports: [{name: http, port: 80}]}
`;
    const { yaml } = migrate([{ path: 'a.yaml', text }], { to: 'ingress' });
    expect(yaml.split('\n').filter((line) => line.startsWith('kind:'))).toEqual([
      'kind: Ingress',
      'kind: Service',
    ]);
  });

  it.each(['ingress', 'gateway'] as const)(
    'round-trips: analyze on the %s output finds nothing to consolidate',
    (to) => {
      const before = analyze(files);
      expect(before.findings.some((finding) => finding.ruleId === 'lb-http-consolidate')).toBe(true);
      const { yaml } = run({ to });
      const after = analyze([{ path: 'migrated.yaml', text: yaml }]);
      expect(after.files[0]?.status).toBe('analyzed');
      expect(after.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
    },
  );
});
