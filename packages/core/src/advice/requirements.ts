/**
 * Requirements: what decides between the options. Filled from a question's text or from a set of
 * manifests; every field is optional, since "not said" is different from "no".
 */

export type Cloud = 'aws' | 'gcp' | 'azure' | 'digitalocean' | 'other';

export interface Requirements {
  /** Application protocols to expose. */
  protocols?: Array<'http' | 'https' | 'grpc' | 'websocket' | 'tcp' | 'udp' | 'tls'>;
  /** Explicit ports, with their transport when known. */
  ports?: Array<{ port: number; transport?: 'tcp' | 'udp'; what?: string }>;
  /** How many services need exposing. */
  serviceCount?: number;
  /** Several services, number unknown ("many microservices", "2–5"). */
  manyServices?: boolean;
  /** Host names named in the question, for the generated example. */
  hosts?: string[];
  /** URL paths named in the question (`/api`), for the generated example. */
  paths?: string[];
  hostRouting?: boolean;
  pathRouting?: boolean;
  tlsTermination?: boolean;
  certificateManagement?: boolean;
  latencySensitive?: boolean;
  costSensitive?: boolean;
  environment?: 'cloud' | 'bare-metal' | 'home-lab';
  cloud?: Cloud;
  /** No inbound ports may be opened (zero trust, CGNAT, strict firewall). */
  noInboundPorts?: boolean;
  /** Platform and application teams own different parts of the routing. */
  roleSeparation?: boolean;
  internalOnly?: boolean;
  /** Weighted traffic splitting, canaries or header-based routing. */
  trafficSplitting?: boolean;
  /** One routing standard for several protocols (HTTP, gRPC, TCP...). */
  multiProtocolStandard?: boolean;
  /** What is running today. */
  existing?: { ingressNginx?: boolean; manyLoadBalancers?: boolean; ingress?: boolean; gatewayApi?: boolean };
  /** Traffic must reach the pods untouched (client IP, end-to-end TLS, raw protocol). */
  passthrough?: boolean;
}

/** Whether the requirements include traffic an HTTP proxy cannot carry. */
export function needsLayer4(requirements: Requirements): { udp: boolean; tcp: boolean } {
  const protocols = requirements.protocols ?? [];
  const ports = requirements.ports ?? [];
  return {
    udp: protocols.includes('udp') || ports.some((port) => port.transport === 'udp'),
    tcp:
      protocols.includes('tcp') ||
      protocols.includes('tls') ||
      ports.some((port) => port.transport === 'tcp'),
  };
}

const HTTP_FAMILY = new Set(['http', 'https', 'grpc', 'websocket']);

/**
 * Mixed traffic split in two, so each part is decided on its own: the HTTP services can share one
 * entry point while TCP/UDP keeps a way that carries it. Undefined unless both parts are present,
 * or when one routing standard for every protocol was asked for.
 */
export function splitMixedTraffic(
  requirements: Requirements,
): { http: Requirements; layer4: Requirements } | undefined {
  const { udp, tcp } = needsLayer4(requirements);
  if (!needsHttp(requirements) || !(udp || tcp) || requirements.multiProtocolStandard) return undefined;
  const protocols = requirements.protocols ?? [];
  const ports = requirements.ports ?? [];
  const http: Requirements = { ...requirements, protocols: protocols.filter((p) => HTTP_FAMILY.has(p)) };
  const httpPorts = ports.filter((port) => port.transport === undefined);
  if (httpPorts.length > 0) http.ports = httpPorts;
  else delete http.ports;
  // The L4 part keeps what applies to any traffic, not what is about HTTP routing.
  const layer4: Requirements = { protocols: protocols.filter((p) => !HTTP_FAMILY.has(p)) };
  const layer4Ports = ports.filter((port) => port.transport !== undefined);
  if (layer4Ports.length > 0) layer4.ports = layer4Ports;
  for (const field of SHARED_FIELDS) {
    if (requirements[field] !== undefined) Object.assign(layer4, { [field]: requirements[field] });
  }
  return { http, layer4 };
}

const SHARED_FIELDS = [
  'latencySensitive',
  'costSensitive',
  'environment',
  'cloud',
  'noInboundPorts',
  'roleSeparation',
  'internalOnly',
  'passthrough',
] as const satisfies ReadonlyArray<keyof Requirements>;

/** Whether the requirements include HTTP-family traffic. */
export function needsHttp(requirements: Requirements): boolean {
  const protocols = requirements.protocols ?? [];
  return protocols.some((protocol) => HTTP_FAMILY.has(protocol));
}
