/**
 * What a Service port carries, from the most to the least trusted hint (facts.md section 6):
 * `appProtocol`, the `<protocol>[-<suffix>]` port-name convention, `protocol: UDP|SCTP`, and last
 * the port number.
 */
import {
  isHttpProtocol,
  type PortProtocol,
  type PortTraffic,
  PROTOCOL_NAMES,
  wellKnownPort,
} from '../known/ports.js';

/** Which hint decided a port's protocol. */
export type TrafficSource = 'appProtocol' | 'port-name' | 'protocol' | 'port-number' | 'none';

export interface PortClassification {
  protocol: PortProtocol;
  traffic: PortTraffic;
  source: TrafficSource;
  /** Human description, e.g. "PostgreSQL" or "HTTP". */
  what: string;
  /** A data, queue, admin or shell port that should not face the internet unguarded. */
  sensitive: boolean;
  /** True when decided from the port number alone by habit rather than registration. */
  heuristic: boolean;
}

/** The fields of a Service port the classification reads. */
export interface PortHints {
  name?: string | undefined;
  port: number;
  protocol?: string | undefined;
  appProtocol?: string | undefined;
}

/** The traffic of a whole load balancer: all HTTP, all L4, both, or not known. */
export type ServiceTraffic = 'http' | 'l4' | 'mixed' | 'unknown';

/** Classifies one Service port. */
export function classifyPort(port: PortHints): PortClassification {
  const transport = port.protocol?.toUpperCase();
  const fromName = (name: string | undefined, source: TrafficSource): PortClassification | undefined => {
    if (!name) return undefined;
    const lower = name.toLowerCase();
    const known =
      PROTOCOL_NAMES[lower] ??
      (source === 'port-name' ? PROTOCOL_NAMES[lower.split('-')[0] ?? ''] : undefined);
    if (!known) return undefined;
    // A UDP port named "http" is still UDP: the transport wins over a name for HTTP protocols.
    if (transport === 'UDP' && isHttpProtocol(known.protocol)) return undefined;
    return make(known.protocol, source, known.what, known.sensitive === true, false);
  };

  const explicit = fromName(port.appProtocol, 'appProtocol') ?? fromName(port.name, 'port-name');
  if (explicit) return explicit;
  if (transport === 'UDP')
    return make('udp', 'protocol', describeUdp(port.port), sensitiveByNumber(port.port), false);
  if (transport === 'SCTP') return make('sctp', 'protocol', 'SCTP', false, false);
  const known = wellKnownPort(port.port);
  if (known) {
    // The table's UDP ports (DNS, NTP, SIP...) arrive here only over TCP, which they also speak.
    const overTcp = known.protocol === 'udp';
    return make(
      overTcp ? 'tcp' : known.protocol,
      'port-number',
      overTcp ? `${known.what} over TCP` : known.what,
      known.sensitive === true,
      known.heuristic === true,
    );
  }
  return make('unknown', 'none', `port ${port.port}`, false, false);
}

/** Sums up the ports of one Service. */
export function trafficOf(classifications: readonly PortClassification[]): ServiceTraffic {
  if (classifications.length === 0) return 'unknown';
  const http = classifications.filter((c) => c.traffic === 'http').length;
  const l4 = classifications.filter((c) => c.traffic === 'l4').length;
  if (http === classifications.length) return 'http';
  if (l4 === classifications.length) return 'l4';
  if (http > 0 && l4 > 0) return 'mixed';
  return 'unknown';
}

function make(
  protocol: PortProtocol,
  source: TrafficSource,
  what: string,
  sensitive: boolean,
  heuristic: boolean,
): PortClassification {
  const traffic: PortTraffic = protocol === 'unknown' ? 'unknown' : isHttpProtocol(protocol) ? 'http' : 'l4';
  return { protocol, traffic, source, what, sensitive, heuristic };
}

function describeUdp(port: number): string {
  const known = wellKnownPort(port);
  return known ? `${known.what} (UDP)` : 'UDP';
}

function sensitiveByNumber(port: number): boolean {
  return wellKnownPort(port)?.sensitive === true;
}
