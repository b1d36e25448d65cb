/**
 * Well-known ports and the traffic they usually carry (facts.md section 6, from the IANA registry
 * snapshot of June 2024 and de facto conventions). Used only when a Service port has no
 * `appProtocol`, no conventional name and no UDP/SCTP protocol.
 */

/** How a port's traffic can be routed: through an L7 proxy (`http`) or only at L4 (`l4`). */
export type PortTraffic = 'http' | 'l4' | 'unknown';

/** What we believe a port speaks, after reading every hint the Service gives. */
export type PortProtocol =
  | 'http'
  | 'https'
  | 'http2'
  | 'grpc'
  | 'websocket'
  | 'tcp'
  | 'udp'
  | 'sctp'
  | 'tls'
  | 'unknown';

/** A port we know by number: what it is and what it speaks. */
export interface WellKnownPort {
  /** Human name, e.g. "PostgreSQL". */
  what: string;
  protocol: PortProtocol;
  /** True when the port is guessed from habit (de facto), not from an IANA registration. */
  heuristic?: boolean;
  /** A database, cache, queue, admin or remote-shell port that must not face the internet unguarded. */
  sensitive?: boolean;
}

/** Ports that usually carry HTTP, HTTPS or gRPC. */
const HTTP_PORTS: Record<number, WellKnownPort> = {
  80: { what: 'HTTP', protocol: 'http' },
  443: { what: 'HTTPS', protocol: 'https' },
  8080: { what: 'HTTP (alternate)', protocol: 'http' },
  8008: { what: 'HTTP (alternate)', protocol: 'http' },
  8443: { what: 'HTTPS (alternate)', protocol: 'https', heuristic: true },
  8000: { what: 'HTTP (development servers)', protocol: 'http', heuristic: true },
  3000: { what: 'HTTP (Node.js, Grafana)', protocol: 'http', heuristic: true },
  5000: { what: 'HTTP (Flask, registries)', protocol: 'http', heuristic: true },
  9090: { what: 'HTTP (Prometheus)', protocol: 'http', heuristic: true },
  8888: { what: 'HTTP (Jupyter)', protocol: 'http', heuristic: true },
  9200: { what: 'Elasticsearch REST API', protocol: 'http', heuristic: true, sensitive: true },
  15672: { what: 'RabbitMQ management UI', protocol: 'http', heuristic: true, sensitive: true },
  4317: { what: 'OpenTelemetry OTLP/gRPC', protocol: 'grpc' },
  4318: { what: 'OpenTelemetry OTLP/HTTP', protocol: 'http', heuristic: true },
  50051: { what: 'gRPC', protocol: 'grpc', heuristic: true },
};

/** Ports that carry TCP, UDP or TLS protocols an HTTP proxy cannot route. */
const L4_PORTS: Record<number, WellKnownPort> = {
  21: { what: 'FTP', protocol: 'tcp' },
  22: { what: 'SSH', protocol: 'tcp', sensitive: true },
  23: { what: 'Telnet', protocol: 'tcp', sensitive: true },
  25: { what: 'SMTP', protocol: 'tcp' },
  465: { what: 'SMTP submission over TLS', protocol: 'tls' },
  587: { what: 'SMTP submission', protocol: 'tcp' },
  53: { what: 'DNS', protocol: 'udp' },
  123: { what: 'NTP', protocol: 'udp' },
  161: { what: 'SNMP', protocol: 'udp', sensitive: true },
  514: { what: 'syslog', protocol: 'udp' },
  1194: { what: 'OpenVPN', protocol: 'udp' },
  51820: { what: 'WireGuard', protocol: 'udp', heuristic: true },
  3478: { what: 'STUN/TURN', protocol: 'udp' },
  1935: { what: 'RTMP', protocol: 'tcp', heuristic: true },
  389: { what: 'LDAP', protocol: 'tcp', sensitive: true },
  636: { what: 'LDAP over TLS', protocol: 'tls', sensitive: true },
  2181: { what: 'ZooKeeper', protocol: 'tcp', heuristic: true, sensitive: true },
  9987: { what: 'TeamSpeak', protocol: 'udp', heuristic: true },
  5060: { what: 'SIP', protocol: 'udp' },
  5061: { what: 'SIP over TLS', protocol: 'tls' },
  1883: { what: 'MQTT', protocol: 'tcp' },
  8883: { what: 'MQTT over TLS', protocol: 'tls' },
  5672: { what: 'AMQP (RabbitMQ)', protocol: 'tcp', sensitive: true },
  5671: { what: 'AMQP over TLS', protocol: 'tls' },
  9092: { what: 'Kafka', protocol: 'tcp', heuristic: true, sensitive: true },
  5432: { what: 'PostgreSQL', protocol: 'tcp', sensitive: true },
  3306: { what: 'MySQL', protocol: 'tcp', sensitive: true },
  1433: { what: 'Microsoft SQL Server', protocol: 'tcp', sensitive: true },
  1521: { what: 'Oracle Database', protocol: 'tcp', heuristic: true, sensitive: true },
  6379: { what: 'Redis', protocol: 'tcp', sensitive: true },
  27017: { what: 'MongoDB', protocol: 'tcp', sensitive: true },
  11211: { what: 'Memcached', protocol: 'tcp', sensitive: true },
  2379: { what: 'etcd', protocol: 'tcp', sensitive: true },
  2380: { what: 'etcd peer', protocol: 'tcp', sensitive: true },
  7687: { what: 'Neo4j Bolt', protocol: 'tcp', sensitive: true },
  9042: { what: 'Cassandra', protocol: 'tcp', heuristic: true, sensitive: true },
  4222: { what: 'NATS', protocol: 'tcp', heuristic: true },
  3389: { what: 'RDP', protocol: 'tcp', sensitive: true },
  5900: { what: 'VNC', protocol: 'tcp', sensitive: true },
  6443: { what: 'Kubernetes API server', protocol: 'tls', sensitive: true },
  10250: { what: 'kubelet API', protocol: 'tls', sensitive: true },
  25565: { what: 'Minecraft', protocol: 'tcp', heuristic: true },
  27015: { what: 'Source game server', protocol: 'udp', heuristic: true },
};

/** Ports whose use is ambiguous enough that we say so instead of guessing. */
const AMBIGUOUS_PORTS: Record<number, WellKnownPort> = {
  9000: { what: 'PHP-FPM, MinIO or SonarQube (ambiguous)', protocol: 'unknown', heuristic: true },
};

/** Looks a port number up in the well-known tables. */
export function wellKnownPort(port: number): WellKnownPort | undefined {
  return HTTP_PORTS[port] ?? L4_PORTS[port] ?? AMBIGUOUS_PORTS[port];
}

/** Admin and data ports by number, for the public-exposure rule (sensitive entries of the tables). */
export function sensitivePort(port: number): WellKnownPort | undefined {
  const known = wellKnownPort(port);
  return known?.sensitive ? known : undefined;
}

/**
 * Names that identify a protocol, used for `appProtocol` values (IANA service names and the
 * `kubernetes.io/*` names) and for the port-name convention `<protocol>[-<suffix>]`.
 */
export const PROTOCOL_NAMES: Record<string, { protocol: PortProtocol; what: string; sensitive?: boolean }> = {
  http: { protocol: 'http', what: 'HTTP' },
  'http-alt': { protocol: 'http', what: 'HTTP' },
  http2: { protocol: 'http2', what: 'HTTP/2' },
  h2c: { protocol: 'http2', what: 'HTTP/2 cleartext' },
  'kubernetes.io/h2c': { protocol: 'http2', what: 'HTTP/2 cleartext' },
  https: { protocol: 'https', what: 'HTTPS' },
  grpc: { protocol: 'grpc', what: 'gRPC' },
  'grpc-web': { protocol: 'grpc', what: 'gRPC-Web' },
  ws: { protocol: 'websocket', what: 'WebSocket' },
  wss: { protocol: 'websocket', what: 'WebSocket over TLS' },
  'kubernetes.io/ws': { protocol: 'websocket', what: 'WebSocket' },
  'kubernetes.io/wss': { protocol: 'websocket', what: 'WebSocket over TLS' },
  web: { protocol: 'http', what: 'HTTP' },
  metrics: { protocol: 'http', what: 'HTTP metrics' },
  tcp: { protocol: 'tcp', what: 'TCP' },
  udp: { protocol: 'udp', what: 'UDP' },
  sctp: { protocol: 'sctp', what: 'SCTP' },
  tls: { protocol: 'tls', what: 'TLS' },
  mongo: { protocol: 'tcp', what: 'MongoDB', sensitive: true },
  mongodb: { protocol: 'tcp', what: 'MongoDB', sensitive: true },
  mysql: { protocol: 'tcp', what: 'MySQL', sensitive: true },
  postgres: { protocol: 'tcp', what: 'PostgreSQL', sensitive: true },
  postgresql: { protocol: 'tcp', what: 'PostgreSQL', sensitive: true },
  redis: { protocol: 'tcp', what: 'Redis', sensitive: true },
  mqtt: { protocol: 'tcp', what: 'MQTT' },
  'secure-mqtt': { protocol: 'tls', what: 'MQTT over TLS' },
  mqtts: { protocol: 'tls', what: 'MQTT over TLS' },
  amqp: { protocol: 'tcp', what: 'AMQP', sensitive: true },
  amqps: { protocol: 'tls', what: 'AMQP over TLS' },
  kafka: { protocol: 'tcp', what: 'Kafka', sensitive: true },
  ssh: { protocol: 'tcp', what: 'SSH', sensitive: true },
  dns: { protocol: 'udp', what: 'DNS' },
  domain: { protocol: 'udp', what: 'DNS' },
  'dns-tcp': { protocol: 'tcp', what: 'DNS over TCP' },
  smtp: { protocol: 'tcp', what: 'SMTP' },
  sip: { protocol: 'udp', what: 'SIP' },
  ntp: { protocol: 'udp', what: 'NTP' },
  etcd: { protocol: 'tcp', what: 'etcd', sensitive: true },
  'etcd-client': { protocol: 'tcp', what: 'etcd', sensitive: true },
  memcache: { protocol: 'tcp', what: 'Memcached', sensitive: true },
  rdp: { protocol: 'tcp', what: 'RDP', sensitive: true },
  'ms-wbt-server': { protocol: 'tcp', what: 'RDP', sensitive: true },
  'ms-sql-s': { protocol: 'tcp', what: 'Microsoft SQL Server', sensitive: true },
  cassandra: { protocol: 'tcp', what: 'Cassandra', sensitive: true },
  nats: { protocol: 'tcp', what: 'NATS' },
  minecraft: { protocol: 'tcp', what: 'Minecraft' },
  wireguard: { protocol: 'udp', what: 'WireGuard' },
  openvpn: { protocol: 'udp', what: 'OpenVPN' },
};

/** Protocols an HTTP proxy (Ingress, HTTPRoute, GRPCRoute) can carry. */
export function isHttpProtocol(protocol: PortProtocol): boolean {
  return (
    protocol === 'http' ||
    protocol === 'https' ||
    protocol === 'http2' ||
    protocol === 'grpc' ||
    protocol === 'websocket'
  );
}
