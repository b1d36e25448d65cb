import rule from './gateway-route-unresolved.js';
import { type InvalidCase, testRule, type ValidCase } from './test-support/rule-tester.js';

const GW = 'gateway.networking.k8s.io/v1';

/** Gateway `infra/web`: HTTP on 80 and HTTPS on 443 for *.example.com, routes from all namespaces. */
const webGateway = `---
apiVersion: ${GW}
kind: Gateway
metadata:
  name: web
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    allowedRoutes:
      namespaces:
        from: All
  - name: https
    protocol: HTTPS
    port: 443
    hostname: "*.example.com"
    tls:
      mode: Terminate
      certificateRefs:
      - name: wildcard
    allowedRoutes:
      namespaces:
        from: All
`;

/** Gateway `infra/l4`: a TCP listener for TCPRoutes and a GRPC-only listener, same namespace only. */
const l4Gateway = `---
apiVersion: ${GW}
kind: Gateway
metadata:
  name: l4
  namespace: infra
spec:
  gatewayClassName: example-l4
  listeners:
  - name: mqtt
    protocol: TCP
    port: 1883
    allowedRoutes:
      kinds:
      - kind: TCPRoute
  - name: grpc-only
    protocol: HTTP
    port: 8080
    allowedRoutes:
      kinds:
      - kind: GRPCRoute
  - name: tls-terminate
    protocol: TLS
    port: 8883
    tls:
      mode: Terminate
      certificateRefs:
      - name: mqtt-cert
  - name: custom
    protocol: example.com/quic
    port: 4433
`;

interface RouteOptions {
  kind?: string;
  namespace?: string;
  parentRefs: string;
  backendRefs?: string;
  hostnames?: string[];
}

/** A route; `parentRefs` and `backendRefs` are YAML list items, indented for their place. */
const route = (name: string, options: RouteOptions): string => {
  const { kind = 'HTTPRoute', namespace = 'app', parentRefs, backendRefs, hostnames = [] } = options;
  const hostLines =
    hostnames.length > 0 ? `  hostnames:\n${hostnames.map((h) => `  - "${h}"\n`).join('')}` : '';
  return `---
apiVersion: ${GW}
kind: ${kind}
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  parentRefs:
${parentRefs}${hostLines}${backendRefs ? `  rules:\n  - backendRefs:\n${backendRefs}` : ''}`;
};

const service = (name: string, namespace: string, port = 8080): string => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}
`;

const grant = (namespace: string, fromKind: string, fromNamespace: string, toName?: string): string => `---
apiVersion: ${GW}
kind: ReferenceGrant
metadata:
  name: from-${fromNamespace}
  namespace: ${namespace}
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: ${fromKind}
    namespace: ${fromNamespace}
  to:
  - group: ""
    kind: Service${toName ? `\n    name: ${toName}` : ''}
`;

const listenerSet = `---
apiVersion: ${GW}
kind: ListenerSet
metadata:
  name: team-a
  namespace: app
spec:
  parentRef:
    name: web
    namespace: infra
  listeners:
  - name: team-a-https
    protocol: HTTPS
    port: 443
    hostname: team-a.example.org
    tls:
      mode: Terminate
      certificateRefs:
      - name: team-a
`;

const toWeb = (extra = ''): string => `  - name: web\n    namespace: infra${extra}\n`;
const backend = (name: string, port?: number, extra = ''): string =>
  `    - name: ${name}${port === undefined ? '' : `\n      port: ${port}`}${extra}\n`;

/** The 1-based line of the first line containing `needle` after the first one containing `after`. */
const lineIn = (text: string, needle: string, after = ''): number => {
  const lines = text.split('\n');
  const start = after ? lines.findIndex((line) => line.includes(after)) : 0;
  const index = lines.findIndex((line, i) => i >= start && line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
};

const missingGateway = webGateway + route('app', { parentRefs: '  - name: wbe\n    namespace: infra\n' });
const wrongSection = webGateway + route('app', { parentRefs: toWeb('\n    sectionName: htps') });
const wrongPort =
  webGateway + route('app', { parentRefs: toWeb('\n    sectionName: https\n    port: 8443') });
const wrongPortOnly = webGateway + route('app', { parentRefs: toWeb('\n    port: 8443') });
const httpOnTcp =
  l4Gateway + route('app', { namespace: 'infra', parentRefs: '  - name: l4\n    sectionName: mqtt\n' });
const httpOnGrpcOnly =
  l4Gateway + route('app', { namespace: 'infra', parentRefs: '  - name: l4\n    port: 8080\n' });
const otherNamespace =
  l4Gateway +
  route('app', {
    kind: 'TCPRoute',
    parentRefs: '  - name: l4\n    namespace: infra\n    sectionName: mqtt\n',
  });
const otherHost =
  webGateway +
  route('app', { parentRefs: toWeb('\n    sectionName: https'), hostnames: ['app.example.org'] });
const noPort = route('app', { kind: 'GRPCRoute', parentRefs: toWeb(), backendRefs: backend('api') });
const crossNoGrant =
  service('postgres-proxy', 'db') +
  route('app', { parentRefs: toWeb(), backendRefs: backend('api', 8080, '\n      namespace: db') });
const grantForOtherKind =
  service('api', 'db') +
  grant('db', 'HTTPRoute', 'app') +
  route('app', {
    kind: 'GRPCRoute',
    parentRefs: toWeb(),
    backendRefs: backend('api', 8080, '\n      namespace: db'),
  });
const grantForOtherService =
  service('api', 'db') +
  grant('db', 'HTTPRoute', 'app', 'billing') +
  route('app', { parentRefs: toWeb(), backendRefs: backend('api', 8080, '\n      namespace: db') });
const missingService =
  service('web', 'app') +
  route('app', { parentRefs: toWeb(), backendRefs: backend('api', 8080) + backend('web', 8080) });
const missingPort =
  service('api', 'app') + route('app', { parentRefs: toWeb(), backendRefs: backend('api', 80) });
const missingListenerSet =
  webGateway + listenerSet + route('app', { parentRefs: '  - name: team-b\n    kind: ListenerSet\n' });
const listenerSetOtherHost =
  webGateway +
  listenerSet +
  route('app', {
    parentRefs: '  - name: team-a\n    kind: ListenerSet\n',
    hostnames: ['team-b.example.org'],
  });

const valid: ValidCase[] = [
  {
    name: 'the minimal example of facts.md: a shared Gateway, an HTTPRoute from another namespace and a TCPRoute',
    files:
      webGateway +
      l4Gateway +
      route('app', {
        parentRefs: toWeb('\n    sectionName: https'),
        hostnames: ['app.example.com'],
        backendRefs: backend('api', 8080) + backend('frontend', 3000),
      }) +
      route('mqtt', {
        kind: 'TCPRoute',
        namespace: 'infra',
        parentRefs: '  - name: l4\n    sectionName: mqtt\n',
        backendRefs: backend('mosquitto', 1883),
      }),
  },
  {
    name: 'a parentRef into a namespace where the set holds no Gateway (managed elsewhere)',
    files: webGateway + route('app', { parentRefs: '  - name: shared\n    namespace: platform\n' }),
  },
  {
    name: 'an Istio Gateway of the same name does not count as a Gateway API Gateway',
    files: `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: other
  namespace: app
spec:
  selector:
    istio: ingressgateway
${route('app', { parentRefs: '  - name: web\n' })}`,
  },
  {
    name: 'a mesh route whose parent is a Service',
    files: webGateway + route('app', { parentRefs: '  - name: api\n    group: ""\n    kind: Service\n' }),
  },
  {
    name: 'a parentRef by port alone',
    files: webGateway + route('app', { parentRefs: toWeb('\n    port: 80') }),
  },
  {
    name: 'a listener that selects namespaces by label (left unjudged)',
    files:
      webGateway.replace(
        'from: All',
        'from: Selector\n        selector:\n          matchLabels:\n            shared: "true"',
      ) + route('app', { parentRefs: toWeb('\n    sectionName: http') }),
  },
  {
    name: 'a GRPCRoute on a listener that allows only GRPCRoutes',
    files:
      l4Gateway +
      route('app', {
        kind: 'GRPCRoute',
        namespace: 'infra',
        parentRefs: '  - name: l4\n    sectionName: grpc-only\n',
      }),
  },
  {
    name: 'a TCPRoute on a TLS listener that terminates TLS',
    files:
      l4Gateway +
      route('app', {
        kind: 'TCPRoute',
        namespace: 'infra',
        parentRefs: '  - name: l4\n    sectionName: tls-terminate\n',
      }),
  },
  {
    name: 'any route on a listener with an implementation-specific protocol',
    files:
      l4Gateway +
      route('app', {
        kind: 'UDPRoute',
        namespace: 'infra',
        parentRefs: '  - name: l4\n    sectionName: custom\n',
      }),
  },
  {
    name: 'a route attached to a ListenerSet listener whose hostname it matches',
    files:
      webGateway +
      listenerSet +
      route('app', {
        parentRefs: '  - name: team-a\n    kind: ListenerSet\n',
        hostnames: ['team-a.example.org'],
      }),
  },
  {
    name: 'a cross-namespace backend allowed by a ReferenceGrant naming the Service',
    files:
      service('api', 'db') +
      grant('db', 'HTTPRoute', 'app', 'api') +
      route('app', { parentRefs: toWeb(), backendRefs: backend('api', 8080, '\n      namespace: db') }),
  },
  {
    name: 'a cross-namespace backend allowed by a ReferenceGrant for every Service of its namespace',
    files:
      service('api', 'db') +
      grant('db', 'GRPCRoute', 'app') +
      route('app', {
        kind: 'GRPCRoute',
        parentRefs: toWeb(),
        backendRefs: backend('api', 8080, '\n      namespace: db'),
      }),
  },
  {
    name: 'a cross-namespace backend into a namespace the set holds nothing of',
    files: route('app', {
      parentRefs: toWeb(),
      backendRefs: backend('api', 8080, '\n      namespace: elsewhere'),
    }),
  },
  {
    name: 'a backend that is not a core Service, without a port',
    files: route('app', {
      parentRefs: toWeb(),
      backendRefs: backend(
        'pool',
        undefined,
        '\n      group: inference.networking.k8s.io\n      kind: InferencePool',
      ),
    }),
  },
  {
    name: 'a Service backend whose Service and port are in the set',
    files: service('api', 'app') + route('app', { parentRefs: toWeb(), backendRefs: backend('api', 8080) }),
  },
  {
    name: 'ignored by annotation',
    files:
      webGateway +
      route('app', { parentRefs: '  - name: wbe\n    namespace: infra\n' }).replace(
        '  namespace: app\n',
        '  namespace: app\n  annotations:\n    ingress-advisor.io/ignore: gateway-route-unresolved\n',
      ),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a Gateway the set lacks while it holds other Gateways in that namespace, at the parentRef',
    files: missingGateway,
    errors: [
      {
        messageId: 'parentNotFound',
        line: lineIn(missingGateway, '- name: wbe'),
        severity: 'error',
        data: {
          route: 'app/app',
          routeKind: 'HTTPRoute',
          parent: 'infra/wbe',
          parentKind: 'Gateway',
          parentNamespace: 'infra',
        },
      },
    ],
  },
  {
    name: 'a sectionName the Gateway has no listener of',
    files: wrongSection,
    errors: [
      {
        messageId: 'sectionNotFound',
        line: lineIn(wrongSection, '- name: web', 'kind: HTTPRoute'),
        data: { sectionName: 'htps', listeners: 'http, https' },
      },
    ],
  },
  {
    name: 'a port the named listener does not listen on',
    files: wrongPort,
    errors: [
      { messageId: 'portNotFound', data: { port: 8443, scope: 'named https', listeners: 'https HTTPS 443' } },
    ],
  },
  {
    name: 'a port no listener of the Gateway listens on',
    files: wrongPortOnly,
    errors: [
      {
        messageId: 'portNotFound',
        data: { port: 8443, scope: 'of it', listeners: 'http HTTP 80, https HTTPS 443' },
      },
    ],
  },
  {
    name: 'an HTTPRoute on a TCP listener',
    files: httpOnTcp,
    errors: [
      {
        messageId: 'protocolMismatch',
        line: lineIn(httpOnTcp, '- name: l4'),
        data: { scope: 'listener mqtt', listeners: 'mqtt TCP 1883', needed: 'HTTP or HTTPS' },
      },
    ],
  },
  {
    name: 'an HTTPRoute on a listener whose allowedRoutes.kinds list only GRPCRoute',
    files: httpOnGrpcOnly,
    errors: [
      {
        messageId: 'kindNotAllowed',
        data: { listeners: 'grpc-only HTTP 8080', scope: 'its listeners on port 8080' },
      },
    ],
  },
  {
    name: 'a route from another namespace on a listener that takes routes from its own namespace only',
    files: otherNamespace,
    errors: [
      {
        messageId: 'namespaceNotAllowed',
        data: {
          routeKind: 'TCPRoute',
          namespace: 'app',
          parentNamespace: 'infra',
          listeners: 'mqtt TCP 1883',
        },
      },
    ],
  },
  {
    name: 'route hostnames that match no listener hostname',
    files: otherHost,
    errors: [
      {
        messageId: 'hostnameMismatch',
        data: { hostnames: 'app.example.org', listenerHostnames: '*.example.com' },
      },
    ],
  },
  {
    name: 'a Service backendRef without a port, at the backendRef',
    files: noPort,
    errors: [
      {
        messageId: 'backendPortMissing',
        line: lineIn(noPort, '- name: api'),
        data: { routeKind: 'GRPCRoute', backend: 'app/api' },
      },
    ],
  },
  {
    name: 'a cross-namespace backend with no ReferenceGrant in a namespace the set holds',
    files: crossNoGrant,
    errors: [
      {
        messageId: 'referenceGrantMissing',
        line: lineIn(crossNoGrant, '- name: api'),
        data: { backend: 'db/api', backendNamespace: 'db', namespace: 'app' },
      },
    ],
  },
  {
    name: 'a ReferenceGrant for another route kind',
    files: grantForOtherKind,
    errors: [{ messageId: 'referenceGrantMissing', data: { routeKind: 'GRPCRoute' } }],
  },
  {
    name: 'a ReferenceGrant for another Service',
    files: grantForOtherService,
    errors: [{ messageId: 'referenceGrantMissing', data: { backend: 'db/api' } }],
  },
  {
    name: 'a backend Service the set lacks while it holds Services in that namespace',
    files: missingService,
    errors: [
      {
        messageId: 'backendNotFound',
        line: lineIn(missingService, '- name: api', 'kind: HTTPRoute'),
        data: { backend: 'app/api', backendNamespace: 'app' },
      },
    ],
  },
  {
    name: 'a backend port the Service does not expose',
    files: missingPort,
    errors: [{ messageId: 'backendPortUnknown', data: { port: 80, ports: '8080' } }],
  },
  {
    name: 'a ListenerSet the set lacks',
    files: missingListenerSet,
    errors: [{ messageId: 'parentNotFound', data: { parentKind: 'ListenerSet', parent: 'app/team-b' } }],
  },
  {
    name: 'a ListenerSet whose listeners serve other hostnames',
    files: listenerSetOtherHost,
    errors: [
      {
        messageId: 'hostnameMismatch',
        data: {
          parentKind: 'ListenerSet',
          hostnames: 'team-b.example.org',
          listenerHostnames: 'team-a.example.org',
        },
      },
    ],
  },
  {
    name: 'one finding per broken reference of one route',
    files:
      webGateway +
      route('app', {
        parentRefs: `${toWeb('\n    sectionName: nope')}  - name: gone\n    namespace: infra\n`,
        backendRefs: backend('api'),
      }),
    errors: [
      { messageId: 'sectionNotFound' },
      { messageId: 'parentNotFound' },
      { messageId: 'backendPortMissing' },
    ],
  },
];

testRule(rule, { valid, invalid });
