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

/** Whether the requirements include HTTP-family traffic. */
export function needsHttp(requirements: Requirements): boolean {
  const protocols = requirements.protocols ?? [];
  return protocols.some((protocol) => ['http', 'https', 'grpc', 'websocket'].includes(protocol));
}
