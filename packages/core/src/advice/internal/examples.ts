/**
 * A YAML example for the recommended option, generated from the requirements: an Ingress with
 * rules and TLS, a LoadBalancer Service with the right ports and protocols, a Gateway with an
 * HTTPRoute (or an L4 Gateway with a TCPRoute/UDPRoute, GA from Gateway API v1.6), or a cloudflared
 * Deployment. Class names are placeholders: never the retired ingress-nginx `nginx` class.
 *
 * The examples agree with what the answer says around them (`notesFor` in answer.ts): Kafka gets a
 * bootstrap address plus one address per broker, because brokers advertise their own addresses;
 * data and admin ports reachable from outside get an allow-list (`loadBalancerSourceRanges`); and
 * on GKE, whose Gateway classes are L7 only, TCP/UDP stays on a LoadBalancer Service.
 */
import { AWS, AZURE, GKE } from '../../known/annotations.js';
import { sensitivePort } from '../../known/ports.js';
import { plural } from '../../render/internal/report-facts.js';
import { needsHttp, needsLayer4, type Requirements } from '../requirements.js';
import type { OptionId } from '../types.js';

/** A YAML example with a caption. */
export interface Example {
  caption: string;
  yaml: string;
}

interface Backend {
  host: string;
  path: string;
  service: string;
  port: number;
}

const MAX_BACKENDS = 6;

/** Kafka's usual port: its brokers advertise their own addresses, so each needs its own route or LB. */
const KAFKA_PORT = 9092;
/** How many brokers the Kafka examples show. */
const KAFKA_BROKERS = 3;
/** A documentation range (RFC 5737) standing in for the user's client CIDRs. */
const EXAMPLE_CLIENT_RANGE = '203.0.113.0/24';

function hasKafka(requirements: Requirements): boolean {
  return (requirements.ports ?? []).some((port) => port.port === KAFKA_PORT);
}

/**
 * The data and admin ports (databases, brokers, remote shells) that would face the internet, for
 * which the answer advises an internal load balancer or `loadBalancerSourceRanges`.
 */
function exposedSensitive(requirements: Requirements): string[] {
  if (requirements.internalOnly === true) return [];
  const what = (requirements.ports ?? []).map((port) => sensitivePort(port.port)?.what);
  return [...new Set(what.filter((w): w is string => w !== undefined))];
}

/** `loadBalancerSourceRanges` lines for a Service spec, when the ports call for an allow-list. */
function sourceRangeLines(requirements: Requirements): string[] {
  const exposed = exposedSensitive(requirements);
  if (exposed.length === 0) return [];
  return [
    `  loadBalancerSourceRanges:   # allow-list: ${exposed.join(', ')} must not face the whole internet`,
    `  - ${EXAMPLE_CLIENT_RANGE}   # replace with your clients' CIDRs (or make the load balancer internal)`,
  ];
}

/** Makes a DNS-1123 label from a word: `api.example.com` → `api`. */
function labelOf(text: string, fallback: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z]/.test(label) ? label : fallback;
}

/** Host names safe to print in YAML (the extractor only lets these through, but be sure). */
function safeHosts(requirements: Requirements): string[] {
  return (requirements.hosts ?? [])
    .filter((host) => /^(?:\*\.)?[a-z0-9.-]{1,253}$/.test(host))
    .slice(0, MAX_BACKENDS);
}

function safePaths(requirements: Requirements): string[] {
  return (requirements.paths ?? []).filter((path) => /^\/[a-z0-9._~/-]*$/.test(path)).slice(0, MAX_BACKENDS);
}

/** The HTTP backends the example routes to. */
function backendsOf(requirements: Requirements): Backend[] {
  const hosts = safeHosts(requirements);
  const paths = safePaths(requirements);
  const httpPort = requirements.ports?.find((port) => port.transport === undefined)?.port ?? 80;
  if (paths.length > 0) {
    const host = hosts.find((h) => !h.startsWith('*.')) ?? 'app.example.com';
    const ordered = [...paths].sort((a, b) => b.length - a.length);
    return ordered.map((path) => ({
      host,
      path,
      service: path === '/' ? 'frontend' : labelOf(path.split('/').filter(Boolean)[0] ?? '', 'app'),
      port: httpPort,
    }));
  }
  if (hosts.length > 0) {
    return hosts.map((host, index) => ({
      host,
      path: '/',
      service: host.startsWith('*.')
        ? `app-${index + 1}`
        : labelOf(host.split('.')[0] ?? '', `app-${index + 1}`),
      port: httpPort,
    }));
  }
  const count = Math.min(Math.max(requirements.serviceCount ?? (requirements.manyServices ? 3 : 1), 1), 3);
  return Array.from({ length: count }, (_, index) => ({
    host: count === 1 ? 'app.example.com' : `app-${index + 1}.example.com`,
    path: '/',
    service: count === 1 ? 'app' : `app-${index + 1}`,
    port: httpPort,
  }));
}

function tlsWanted(requirements: Requirements): boolean {
  return (
    requirements.tlsTermination !== false &&
    (requirements.tlsTermination === true ||
      requirements.certificateManagement === true ||
      requirements.protocols?.includes('https') === true)
  );
}

function ingressExample(requirements: Requirements): Example {
  const backends = backendsOf(requirements);
  const hosts = [...new Set(backends.map((b) => b.host))];
  const tls = tlsWanted(requirements);
  const lines: string[] = [];
  const exposed = exposedSensitive(requirements);
  if (exposed.length > 0) {
    lines.push(
      `# Allow-list for ${exposed.join(', ')}: set loadBalancerSourceRanges on the controller's own`,
      "# LoadBalancer Service (it then covers every host), or use the controller's IP allow-list per host.",
    );
  }
  lines.push('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web');
  if (tls && requirements.certificateManagement) {
    lines.push(
      '  annotations:',
      '    cert-manager.io/cluster-issuer: letsencrypt   # a ClusterIssuer you created',
    );
  }
  lines.push(
    'spec:',
    "  ingressClassName: example   # your controller's class (e.g. traefik, haproxy); not the retired ingress-nginx",
  );
  if (tls) {
    lines.push('  tls:', '  - hosts:');
    for (const host of hosts) lines.push(`    - "${host}"`);
    lines.push(`    secretName: ${labelOf(hosts[0] ?? 'web', 'web')}-tls`);
  }
  lines.push('  rules:');
  for (const host of hosts) {
    lines.push(`  - host: "${host}"`, '    http:', '      paths:');
    for (const backend of backends.filter((b) => b.host === host)) {
      lines.push(
        `      - path: ${backend.path}`,
        '        pathType: Prefix',
        '        backend:',
        '          service:',
        `            name: ${backend.service}`,
        '            port:',
        `              number: ${backend.port}`,
      );
    }
  }
  return {
    caption: `One Ingress for ${plural(backends.length, 'Service')}${tls ? ', TLS terminated at the controller' : ''}`,
    yaml: lines.join('\n'),
  };
}

interface L4Port {
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP';
  /** When it differs from `port`. */
  targetPort?: number;
}

function layer4Ports(requirements: Requirements): L4Port[] {
  const out: L4Port[] = [];
  const used = new Set<string>();
  for (const port of requirements.ports ?? []) {
    const protocol = port.transport === 'udp' ? 'UDP' : 'TCP';
    let name = labelOf(`${port.what?.split(/[ (,/]/)[0] ?? protocol}-${protocol}`, `port-${port.port}`)
      .slice(0, 15)
      .replace(/-+$/, '');
    if (used.has(name)) name = `p${port.port}-${protocol.toLowerCase()}`;
    used.add(name);
    out.push({ name, port: port.port, protocol });
    if (out.length >= MAX_BACKENDS) break;
  }
  if (out.length === 0) {
    const { udp, tcp } = needsLayer4(requirements);
    if (tcp || !udp)
      out.push({
        name: tcp || !needsHttp(requirements) ? 'tcp' : 'http',
        port: needsHttp(requirements) && !tcp ? 80 : 8080,
        protocol: 'TCP',
      });
    if (udp) out.push({ name: 'udp', port: 8080, protocol: 'UDP' });
  }
  return out;
}

function internalAnnotation(requirements: Requirements): string[] {
  if (requirements.internalOnly !== true) return [];
  switch (requirements.cloud) {
    case 'aws':
      return [`    ${AWS.scheme}: internal`];
    case 'gcp':
      return [`    ${GKE.loadBalancerType}: "Internal"`];
    case 'azure':
      return [`    ${AZURE.internal}: "true"`];
    default:
      return ["    # add your provider's internal load balancer annotation here"];
  }
}

/** One `type: LoadBalancer` Service document. */
function loadBalancerService(
  name: string,
  requirements: Requirements,
  ports: readonly L4Port[],
  selector: readonly string[],
  comment?: string,
): string {
  const annotations = internalAnnotation(requirements);
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`];
  if (annotations.length > 0) lines.push('  annotations:', ...annotations);
  lines.push('spec:', `  type: LoadBalancer${comment === undefined ? '' : `   # ${comment}`}`);
  if (requirements.passthrough) lines.push('  externalTrafficPolicy: Local   # keeps the client source IP');
  lines.push(...sourceRangeLines(requirements));
  lines.push('  selector:', ...selector.map((label) => `    ${label}`), '  ports:');
  for (const port of ports) {
    lines.push(
      `  - name: ${port.name}`,
      `    port: ${port.port}`,
      `    targetPort: ${port.targetPort ?? port.port}`,
      `    protocol: ${port.protocol}`,
    );
  }
  return lines.join('\n');
}

const KAFKA_L4_PORT: L4Port = { name: 'kafka', port: KAFKA_PORT, protocol: 'TCP' };

/**
 * Kafka behind load balancers: a bootstrap Service for the first connection, and one Service per
 * broker, each selecting its broker pod, since clients then connect to the address each broker
 * advertises.
 */
function kafkaLoadBalancers(requirements: Requirements): string[] {
  const docs = [
    [
      '# Kafka: clients bootstrap through one address, then connect to the address each broker',
      "# advertises, so every broker gets a load balancer of its own; set each broker's",
      '# advertised.listeners to the address of its Service below.',
      loadBalancerService('kafka-bootstrap', requirements, [KAFKA_L4_PORT], ['app: kafka'], 'any broker'),
    ].join('\n'),
  ];
  for (let broker = 0; broker < KAFKA_BROKERS; broker++) {
    docs.push(
      loadBalancerService(
        `kafka-${broker}`,
        requirements,
        [KAFKA_L4_PORT],
        ['app: kafka', `statefulset.kubernetes.io/pod-name: kafka-${broker}`],
        `broker ${broker} only`,
      ),
    );
  }
  return docs;
}

function loadBalancerExample(requirements: Requirements): Example {
  const kafka = hasKafka(requirements);
  const ports = layer4Ports(requirements).filter((port) => !kafka || port.port !== KAFKA_PORT);
  const name = labelOf(
    (kafka ? requirements.ports?.find((p) => p.port !== KAFKA_PORT) : requirements.ports?.[0])?.what?.split(
      /[ (,/]/,
    )[0] ?? 'app',
    'app',
  );
  const docs: string[] = [];
  if (ports.length > 0) docs.push(loadBalancerService(name, requirements, ports, [`app: ${name}`]));
  if (kafka) docs.push(...kafkaLoadBalancers(requirements));
  const mixed = new Set(ports.map((p) => p.protocol)).size > 1;
  const what = ports.map((p) => `${p.protocol} ${p.port}`).join(', ');
  const parts: string[] = [];
  if (ports.length > 0)
    parts.push(
      `A Service of type LoadBalancer for ${what}${mixed ? ' (TCP and UDP on one Service: mixed-protocol LoadBalancer, check your provider supports it)' : ''}`,
    );
  if (kafka)
    parts.push(
      `${ports.length > 0 ? 'for Kafka, a' : 'A'} bootstrap LoadBalancer Service plus one per broker (${KAFKA_BROKERS} brokers shown), since each broker advertises its own address`,
    );
  const allowList = exposedSensitive(requirements).length > 0 ? ', with a client allow-list' : '';
  return { caption: `${parts.join('; ')}${allowList}`, yaml: docs.join('\n---\n') };
}

/** The requirements of the TCP/UDP part alone: ports said without a transport are HTTP's. */
function layer4Only(requirements: Requirements): Requirements {
  const ports = (requirements.ports ?? []).filter((port) => port.transport !== undefined);
  const out: Requirements = { ...requirements };
  if (ports.length > 0) out.ports = ports;
  else delete out.ports;
  return out;
}

/** The class placeholder of a Gateway, with a hint fitting the cloud and the layer. */
function gatewayClassLine(requirements: Requirements, layer: 'l7' | 'l4'): string {
  if (requirements.cloud === 'aws')
    return layer === 'l7'
      ? '  gatewayClassName: example   # a GatewayClass with controllerName gateway.k8s.aws/alb (an ALB)'
      : '  gatewayClassName: example-l4   # a GatewayClass with controllerName gateway.k8s.aws/nlb (an NLB)';
  return layer === 'l7'
    ? `  gatewayClassName: example   # e.g. eg | istio | cilium | traefik | your controller's class`
    : '  gatewayClassName: example-l4   # a class whose controller supports TCPRoute/UDPRoute';
}

/** Comment lines for a Gateway whose ports call for an allow-list (Gateway API has no such field). */
function gatewayAllowListLines(requirements: Requirements): string[] {
  const exposed = exposedSensitive(requirements);
  if (exposed.length === 0) return [];
  return [
    `  # Allow-list for ${exposed.join(', ')}: loadBalancerSourceRanges belongs on the Service your`,
    '  # implementation creates for this Gateway; set it through its own configuration (for example',
    '  # spec.infrastructure.parametersRef), or make that load balancer internal.',
  ];
}

/** A listener, its route and the backend Service the route sends to. */
interface Layer4Entry {
  listener: string;
  port: number;
  protocol: 'TCP' | 'UDP';
  backend: string;
  backendPort: number;
}

/**
 * The L4 listeners and routes of a Gateway, and Services to add: Kafka gets a bootstrap listener
 * and one listener per broker (TCP has no hostname to route on), each routed to a Service that
 * selects that broker's pod.
 */
function layer4Entries(
  requirements: Requirements,
  ports: readonly L4Port[],
): { entries: Layer4Entry[]; services: string[] } {
  const kafka = hasKafka(requirements);
  const entries: Layer4Entry[] = ports
    .filter((port) => !kafka || port.port !== KAFKA_PORT)
    .map((port) => ({
      listener: port.name,
      port: port.port,
      protocol: port.protocol,
      backend: port.name.replace(/-(?:tcp|udp)$/, ''),
      backendPort: port.port,
    }));
  const services: string[] = [];
  if (kafka) {
    const used = new Set(ports.map((port) => port.port));
    const brokerService = (name: string, selector: string[]) =>
      [
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${name}`,
        '  namespace: infra',
        'spec:',
        '  selector:',
        ...selector.map((label) => `    ${label}`),
        '  ports:',
        '  - name: kafka',
        `    port: ${KAFKA_PORT}`,
        `    targetPort: ${KAFKA_PORT}`,
      ].join('\n');
    entries.push({
      listener: 'kafka-bootstrap',
      port: KAFKA_PORT,
      protocol: 'TCP',
      backend: 'kafka-bootstrap',
      backendPort: KAFKA_PORT,
    });
    services.push(
      [
        '---',
        '# Kafka: clients bootstrap through one listener, then connect to the address each broker',
        "# advertises, so every broker gets a listener and TCPRoute of its own; set each broker's",
        '# advertised.listeners to <gateway address>:<its listener port>.',
        brokerService('kafka-bootstrap', ['app: kafka']).replace(/^---\n/, ''),
      ].join('\n'),
    );
    let next = KAFKA_PORT + 1;
    for (let broker = 0; broker < KAFKA_BROKERS; broker++) {
      while (used.has(next)) next++;
      used.add(next);
      entries.push({
        listener: `kafka-${broker}`,
        port: next,
        protocol: 'TCP',
        backend: `kafka-${broker}`,
        backendPort: KAFKA_PORT,
      });
      services.push(
        brokerService(`kafka-${broker}`, [
          'app: kafka',
          `statefulset.kubernetes.io/pod-name: kafka-${broker}`,
        ]),
      );
    }
  }
  return { entries, services };
}

function gatewayExample(requirements: Requirements): Example {
  const http = needsHttp(requirements) || !(needsLayer4(requirements).tcp || needsLayer4(requirements).udp);
  const namespaced = requirements.roleSeparation === true;
  const layer4 = http ? layer4Only(requirements) : requirements;
  const wantsLayer4 = needsLayer4(requirements).tcp || needsLayer4(requirements).udp;
  // GKE's managed Gateway classes are L7 only: TCP/UDP goes through a LoadBalancer Service there.
  if (!http && requirements.cloud === 'gcp') {
    const service = loadBalancerExample(requirements);
    return {
      caption: `GKE's Gateway classes are L7 only, so TCP/UDP stays on a LoadBalancer Service: ${service.caption}`,
      yaml: service.yaml,
    };
  }
  const lines = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${http ? 'web' : 'l4'}`,
    '  namespace: infra',
    'spec:',
    gatewayClassLine(requirements, http ? 'l7' : 'l4'),
    ...gatewayAllowListLines(requirements),
    '  listeners:',
  ];
  const parts: string[] = [];
  if (http) {
    const backends = backendsOf(requirements);
    const tls = tlsWanted(requirements);
    const wildcard = backends[0]?.host.replace(/^[^.]+\./, '*.') ?? '*.example.com';
    lines.push(
      '  - name: http',
      '    protocol: HTTP',
      '    port: 80',
      '    allowedRoutes:',
      '      namespaces:',
      `        from: ${namespaced ? 'Selector' : 'All'}`,
    );
    if (namespaced)
      lines.push(
        '        selector:',
        '          matchLabels:',
        '            gateway-access: "true"   # app namespaces the platform team admits',
      );
    if (tls) {
      lines.push(
        '  - name: https',
        '    protocol: HTTPS',
        '    port: 443',
        `    hostname: "${backends.length > 1 || backends[0]?.host.startsWith('*.') ? wildcard : (backends[0]?.host ?? 'app.example.com')}"`,
        '    tls:',
        '      mode: Terminate',
        '      certificateRefs:',
        '      - kind: Secret',
        '        name: web-tls   # same namespace as the Gateway',
        '    allowedRoutes:',
        '      namespaces:',
        `        from: ${namespaced ? 'Selector' : 'All'}`,
      );
      if (namespaced)
        lines.push('        selector:', '          matchLabels:', '            gateway-access: "true"');
    }
    const grpc = requirements.protocols?.includes('grpc') === true;
    const hosts = [...new Set(backends.map((b) => b.host))];
    for (const host of hosts) {
      const own = backends.filter((b) => b.host === host);
      const route = [
        '---',
        'apiVersion: gateway.networking.k8s.io/v1',
        'kind: HTTPRoute',
        'metadata:',
        `  name: ${hosts.length === 1 ? 'app' : labelOf(own[0]?.service ?? 'app', 'app')}`,
        '  namespace: app   # owned by the application team',
        'spec:',
        '  parentRefs:',
        '  - name: web',
        '    namespace: infra',
      ];
      if (tls) route.push('    sectionName: https');
      route.push('  hostnames:', `  - "${host}"`, '  rules:');
      if (requirements.trafficSplitting) {
        const service = own[0]?.service ?? 'app';
        const port = own[0]?.port ?? 80;
        route.push(
          '  - matches:',
          '    - headers:',
          '      - name: x-canary',
          '        value: "true"',
          '    backendRefs:',
          `    - name: ${service}-v2`,
          `      port: ${port}`,
          '  - backendRefs:   # weighted split: 90% to v1, 10% to v2',
          `    - name: ${service}-v1`,
          `      port: ${port}`,
          '      weight: 90',
          `    - name: ${service}-v2`,
          `      port: ${port}`,
          '      weight: 10',
        );
      } else {
        for (const backend of own) {
          if (backend.path === '/') route.push('  - backendRefs:   # no matches means PathPrefix "/"');
          else
            route.push(
              '  - matches:',
              '    - path:',
              '        type: PathPrefix',
              `        value: ${backend.path}`,
              '    backendRefs:',
            );
          route.push(`    - name: ${backend.service}`, `      port: ${backend.port}`);
        }
      }
      parts.push(route.join('\n'));
    }
    if (grpc) {
      parts.push(
        [
          '---',
          'apiVersion: gateway.networking.k8s.io/v1   # GRPCRoute is GA since Gateway API v1.1',
          'kind: GRPCRoute',
          'metadata:',
          '  name: grpc',
          '  namespace: app',
          'spec:',
          '  parentRefs:',
          '  - name: web',
          '    namespace: infra',
          '  rules:',
          '  - backendRefs:',
          '    - name: grpc-api',
          `      port: ${requirements.ports?.find((p) => p.what?.includes('gRPC'))?.port ?? 50051}`,
        ].join('\n'),
      );
    }
  }
  const l4 = wantsLayer4 ? layer4Ports(layer4) : [];
  let layer4Caption = '';
  if (l4.length > 0 && requirements.cloud === 'gcp') {
    // http is true here: the L4 part keeps its own LoadBalancer Service on GKE.
    const service = loadBalancerExample(layer4);
    parts.push(
      [
        '---',
        "# GKE's managed Gateway classes are L7 only: TCP/UDP goes through a LoadBalancer Service.",
        service.yaml,
      ].join('\n'),
    );
    layer4Caption = ', with TCP/UDP on a LoadBalancer Service (GKE Gateway classes are L7 only)';
  } else if (l4.length > 0) {
    const { entries, services } = layer4Entries(requirements, l4);
    const l4Lines = http
      ? [
          '---',
          '# Keep L4 on its own Gateway: the AWS Load Balancer Controller does not mix L4 and L7 routes.',
          'apiVersion: gateway.networking.k8s.io/v1',
          'kind: Gateway',
          'metadata:',
          '  name: l4',
          '  namespace: infra',
          'spec:',
          gatewayClassLine(requirements, 'l4'),
          ...gatewayAllowListLines(requirements),
          '  listeners:',
        ]
      : [];
    const target = http ? l4Lines : lines;
    for (const entry of entries) {
      target.push(
        `  - name: ${entry.listener}`,
        `    protocol: ${entry.protocol}`,
        `    port: ${entry.port}`,
        '    allowedRoutes:',
        '      kinds:',
        `      - kind: ${entry.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute'}`,
      );
    }
    if (http) parts.push(l4Lines.join('\n'));
    for (const entry of entries) {
      parts.push(
        [
          '---',
          'apiVersion: gateway.networking.k8s.io/v1   # TCPRoute/UDPRoute v1 needs Gateway API >= 1.6 CRDs',
          `kind: ${entry.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute'}`,
          'metadata:',
          `  name: ${entry.listener}`,
          '  namespace: infra',
          'spec:',
          '  parentRefs:',
          '  - name: l4',
          `    sectionName: ${entry.listener}`,
          '  rules:',
          '  - backendRefs:',
          `    - name: ${entry.backend}`,
          `      port: ${entry.backendPort}`,
        ].join('\n'),
      );
    }
    parts.push(...services);
    if (http) layer4Caption = ', with L4 routes on their own Gateway';
    if (hasKafka(requirements)) layer4Caption += ', with a listener per Kafka broker';
  }
  return {
    caption: http
      ? `A Gateway (platform team) and an HTTPRoute (application team)${layer4Caption}`
      : `An L4 Gateway with TCPRoute/UDPRoute (GA from Gateway API v1.6)${layer4Caption}`,
    yaml: [lines.join('\n'), ...parts].join('\n'),
  };
}

function edgeTunnelExample(requirements: Requirements): Example {
  const backends = backendsOf(requirements);
  const published = backends
    .slice(0, 3)
    .map((b) => `#   ${b.host} -> http://${b.service}.default.svc.cluster.local:${b.port}`);
  return {
    caption: 'A cloudflared connector: outbound-only, no inbound port opened',
    yaml: [
      '# Create the tunnel and its public hostnames in the Cloudflare dashboard, e.g.',
      ...published,
      '# and store the tunnel token in a Secret: kubectl create secret generic cloudflared-token --from-literal=token=...',
      ...(exposedSensitive(requirements).length > 0
        ? [
            `# ${exposedSensitive(requirements).join(', ')}: no load balancer here, so no loadBalancerSourceRanges;`,
            "# restrict who may connect with an access policy on the tunnel's hostnames instead.",
          ]
        : []),
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: cloudflared',
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      '      app: cloudflared',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: cloudflared',
      '    spec:',
      '      containers:',
      '      - name: cloudflared',
      '        image: cloudflare/cloudflared:latest   # pin a version',
      '        args: ["tunnel", "--no-autoupdate", "run"]',
      '        env:',
      '        - name: TUNNEL_TOKEN',
      '          valueFrom:',
      '            secretKeyRef:',
      '              name: cloudflared-token',
      '              key: token',
    ].join('\n'),
  };
}

/** The YAML example for an option, shaped by the requirements. */
export function exampleFor(option: OptionId, requirements: Requirements): Example {
  switch (option) {
    case 'ingress':
      return ingressExample(requirements);
    case 'loadbalancer':
      return loadBalancerExample(requirements);
    case 'gateway-api':
      return gatewayExample(requirements);
    case 'edge-tunnel':
      return edgeTunnelExample(requirements);
  }
}
