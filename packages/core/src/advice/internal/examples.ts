/**
 * A YAML example for the recommended option, generated from the requirements: an Ingress with
 * rules and TLS, a LoadBalancer Service with the right ports and protocols, a Gateway with an
 * HTTPRoute (or an L4 Gateway with a TCPRoute/UDPRoute, GA from Gateway API v1.6), or a cloudflared
 * Deployment. Class names are placeholders: never the retired ingress-nginx `nginx` class.
 */
import { AWS, AZURE, GKE } from '../../known/annotations.js';
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
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web'];
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

function loadBalancerExample(requirements: Requirements): Example {
  const ports = layer4Ports(requirements);
  const name = labelOf(requirements.ports?.[0]?.what?.split(/[ (,/]/)[0] ?? 'app', 'app');
  const annotations = internalAnnotation(requirements);
  const lines = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`];
  if (annotations.length > 0) lines.push('  annotations:', ...annotations);
  lines.push('spec:', '  type: LoadBalancer');
  if (requirements.passthrough) lines.push('  externalTrafficPolicy: Local   # keeps the client source IP');
  lines.push('  selector:', `    app: ${name}`, '  ports:');
  for (const port of ports) {
    lines.push(
      `  - name: ${port.name}`,
      `    port: ${port.port}`,
      `    targetPort: ${port.port}`,
      `    protocol: ${port.protocol}`,
    );
  }
  const mixed = new Set(ports.map((p) => p.protocol)).size > 1;
  const what = ports.map((p) => `${p.protocol} ${p.port}`).join(', ');
  return {
    caption: `A Service of type LoadBalancer for ${what}${mixed ? ' (TCP and UDP on one Service: mixed-protocol LoadBalancer, check your provider supports it)' : ''}`,
    yaml: lines.join('\n'),
  };
}

function gatewayExample(requirements: Requirements): Example {
  const http = needsHttp(requirements) || !(needsLayer4(requirements).tcp || needsLayer4(requirements).udp);
  const namespaced = requirements.roleSeparation === true;
  const lines = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata:',
    `  name: ${http ? 'web' : 'l4'}`,
    '  namespace: infra',
    'spec:',
    `  gatewayClassName: example   # e.g. eg | istio | cilium | traefik | your controller's class`,
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
  const l4 = layer4Ports(requirements).filter(
    () => needsLayer4(requirements).tcp || needsLayer4(requirements).udp,
  );
  if (l4.length > 0) {
    const gatewayName = http ? 'l4' : 'l4';
    const l4Lines = http
      ? [
          '---',
          '# Keep L4 on its own Gateway: some controllers (AWS LBC, GKE) do not mix L4 and L7 routes.',
          'apiVersion: gateway.networking.k8s.io/v1',
          'kind: Gateway',
          'metadata:',
          `  name: ${gatewayName}`,
          '  namespace: infra',
          'spec:',
          '  gatewayClassName: example-l4   # a class whose controller supports TCPRoute/UDPRoute',
          '  listeners:',
        ]
      : [];
    const target = http ? l4Lines : lines;
    for (const port of l4) {
      target.push(
        `  - name: ${port.name}`,
        `    protocol: ${port.protocol}`,
        `    port: ${port.port}`,
        '    allowedRoutes:',
        '      kinds:',
        `      - kind: ${port.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute'}`,
      );
    }
    if (http) parts.push(l4Lines.join('\n'));
    for (const port of l4) {
      parts.push(
        [
          '---',
          'apiVersion: gateway.networking.k8s.io/v1   # TCPRoute/UDPRoute v1 needs Gateway API >= 1.6 CRDs',
          `kind: ${port.protocol === 'UDP' ? 'UDPRoute' : 'TCPRoute'}`,
          'metadata:',
          `  name: ${port.name}`,
          '  namespace: infra',
          'spec:',
          '  parentRefs:',
          `  - name: ${gatewayName}`,
          `    sectionName: ${port.name}`,
          '  rules:',
          '  - backendRefs:',
          `    - name: ${port.name.replace(/-(?:tcp|udp)$/, '')}`,
          `      port: ${port.port}`,
        ].join('\n'),
      );
    }
  }
  return {
    caption: http
      ? `A Gateway (platform team) and an HTTPRoute (application team)${l4.length > 0 ? ', with L4 routes on their own Gateway' : ''}`
      : 'An L4 Gateway with TCPRoute/UDPRoute (GA from Gateway API v1.6)',
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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
