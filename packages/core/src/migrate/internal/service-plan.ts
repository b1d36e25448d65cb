/**
 * What a LoadBalancer Service becomes: which ports go behind the shared HTTP entry point (and
 * under which hosts), which become TCP/UDP routes, and which keep their load balancer. Both
 * generators read the Service through this plan, so they agree on every port.
 */

import type { LoadBalancerView, ServicePortView } from '../../inventory/views.js';
import { EXTERNAL_DNS_HOSTNAME } from '../../known/annotations.js';
import { displayName, effectiveNamespace } from '../../manifests/objects.js';
import { type MigrationContext, namespaceFor, warn } from './context.js';
import { isValidHostname, normaliseHost, toDnsLabel } from './names.js';

/** Host template used when a Service's manifests name no host and no `--host` is given. */
export const DEFAULT_HOST_TEMPLATE = '{name}.{namespace}.example.com';

/** How a web port is routed: plain HTTP, HTTP to a backend that speaks TLS, or gRPC. */
export type WebKind = 'http' | 'https' | 'grpc';

/** A port routed through the HTTP entry point, and the hosts it is served under. */
export interface WebPort {
  port: ServicePortView;
  kind: WebKind;
  hosts: string[];
}

/** What one LoadBalancer Service becomes, port by port. */
export interface ServicePlan {
  lb: LoadBalancerView;
  /** Namespace of the generated objects for this Service. */
  namespace: string | null;
  /** Ports routed through the HTTP entry point, the first under the Service's own hosts. */
  web: WebPort[];
  /** Ports for TCPRoute / UDPRoute (Gateway API only). */
  layer4: ServicePortView[];
  /** Ports that keep a load balancer, each with why. */
  left: Array<{ port: ServicePortView; reason: string }>;
  /** Where the hosts came from, for the comments. */
  hostSource: string;
  /**
   * The Ingresses of the set that already route the Service's hosts to it: the load balancer was a
   * second way in, so no new rule is written for them.
   */
  routedBy: string[];
}

/** Builds the plan of one LoadBalancer Service for a target. */
export function planService(
  context: MigrationContext,
  lb: LoadBalancerView,
  target: 'ingress' | 'gateway',
): ServicePlan {
  const plan: ServicePlan = {
    lb,
    namespace: namespaceFor(context, lb.object),
    web: [],
    layer4: [],
    left: [],
    hostSource: '',
    routedBy: [],
  };
  const http: Array<{ port: ServicePortView; kind: WebKind }> = [];
  for (const port of lb.ports) {
    const { protocol } = port.classification;
    const label = portLabel(port);
    if (protocol === 'http' || protocol === 'http2' || protocol === 'websocket') {
      http.push({ port, kind: 'http' });
    } else if (protocol === 'https') http.push({ port, kind: 'https' });
    else if (protocol === 'grpc') http.push({ port, kind: 'grpc' });
    else if (protocol === 'sctp') {
      plan.left.push({ port, reason: `port ${label} is SCTP, which no Ingress or Gateway route carries` });
    } else if (target === 'ingress') {
      plan.left.push({
        port,
        reason:
          protocol === 'unknown'
            ? `port ${label}: nothing says it speaks HTTP (set \`appProtocol: http\` to route it through the Ingress)`
            : `port ${label} carries ${port.classification.what}, which an Ingress cannot route`,
      });
    } else {
      if (protocol === 'unknown') {
        warn(
          context,
          `Service ${lb.object.name} port ${label}: nothing says what it speaks, so it is carried byte for byte by a TCPRoute; if it is HTTP, set \`appProtocol: http\` and migrate again for an HTTPRoute.`,
          lb.object,
          ['spec', 'ports', port.index],
        );
      }
      plan.layer4.push(port);
    }
  }
  if (http.length === 0) return plan;

  // Plain HTTP first: where a Service offers both, the entry point terminates TLS and talks HTTP.
  const order: Record<WebKind, number> = { http: 0, https: 1, grpc: 2 };
  http.sort((a, b) => order[a.kind] - order[b.kind] || a.port.index - b.port.index);
  const hasPlainHttp = http.some((entry) => entry.kind === 'http');
  const hosts = hostsFor(context, lb);
  if (hosts === null) {
    for (const entry of http) {
      plan.left.push({ port: entry.port, reason: `no valid host for port ${portLabel(entry.port)}` });
    }
    return plan;
  }
  plan.hostSource = hosts.source;
  plan.routedBy = hosts.routedBy ?? [];
  http.forEach((entry, position) => {
    const label = portLabel(entry.port);
    if (entry.kind === 'https' && hasPlainHttp && (entry.port.port === 443 || entry.port.port === 8443)) {
      warn(
        context,
        `Service ${lb.object.name} port ${label} serves HTTPS and is not routed: the entry point terminates TLS and forwards to the Service's plain HTTP port.`,
        lb.object,
        ['spec', 'ports', entry.port.index],
      );
      return;
    }
    if (position === 0) {
      plan.web.push({ ...entry, hosts: hosts.hosts });
      return;
    }
    const derived = hosts.hosts.map((host) => derivedHost(host, label));
    if (derived.some((host) => host === null)) {
      plan.left.push({
        port: entry.port,
        reason: `port ${label} needs a host of its own, and none can be derived from ${hosts.hosts.join(', ')}`,
      });
      return;
    }
    const own = derived as string[];
    warn(
      context,
      `Service ${lb.object.name} port ${label} is routed under ${own.join(', ')}, a host derived from its first port's: check DNS and the certificate.`,
      lb.object,
      ['spec', 'ports', entry.port.index],
    );
    plan.web.push({ ...entry, hosts: own });
  });
  return plan;
}

/** A port as messages name it: `http (80)` or `8080`, with `/UDP` when not TCP. */
export function portLabel(port: ServicePortView): string {
  const base = port.name ? `${port.name} (${port.port})` : String(port.port);
  return port.protocol === 'TCP' ? base : `${base}/${port.protocol}`;
}

/** `api.example.com` + `metrics` → `api-metrics.example.com` (one level, so a wildcard certificate covers it). */
function derivedHost(host: string, label: string): string | null {
  if (host.startsWith('*.')) return null;
  const dot = host.indexOf('.');
  const first = dot === -1 ? host : host.slice(0, dot);
  const rest = dot === -1 ? '' : host.slice(dot);
  const derived = `${toDnsLabel(`${first}-${label.replace(/\s*\(.*$/, '')}`)}${rest}`;
  return isValidHostname(derived) ? derived : null;
}

/**
 * The hosts a Service is served under: what its manifests say (external-dns, Ingresses of the set
 * that route to it), else the host template.
 */
function hostsFor(
  context: MigrationContext,
  lb: LoadBalancerView,
): { hosts: string[]; source: string; routedBy?: string[] } | null {
  const { object } = lb;
  const annotation = object.annotations[EXTERNAL_DNS_HOSTNAME];
  if (annotation !== undefined) {
    const hosts = unique(
      annotation
        .split(',')
        .map(normaliseHost)
        .filter((host) => host !== ''),
    );
    const valid = hosts.filter(isValidHostname);
    for (const host of hosts.filter((host) => !isValidHostname(host))) {
      warn(
        context,
        `Service ${object.name}: "${host}" in ${EXTERNAL_DNS_HOSTNAME} is not a valid hostname and is skipped.`,
        object,
        ['metadata', 'annotations', EXTERNAL_DNS_HOSTNAME],
      );
    }
    if (valid.length > 0) return { hosts: valid, source: `its ${EXTERNAL_DNS_HOSTNAME} annotation` };
  }
  const namespace = effectiveNamespace(object);
  const routing = context.inventory.ingresses.filter(
    (ingress) =>
      effectiveNamespace(ingress.object) === namespace &&
      ingress.backends.some((backend) => backend.service === object.name && backend.host !== null),
  );
  const fromIngresses = unique(
    routing
      .flatMap((ingress) =>
        ingress.backends.filter((backend) => backend.service === object.name).map((backend) => backend.host),
      )
      .filter((host): host is string => host !== null)
      .map(normaliseHost)
      .filter(isValidHostname),
  );
  if (fromIngresses.length > 0) {
    return {
      hosts: fromIngresses,
      source: 'the Ingresses of the set that route to it',
      routedBy: routing.map((ingress) => `Ingress ${displayName(ingress.object)}`),
    };
  }

  const template = context.options.hostTemplate ?? DEFAULT_HOST_TEMPLATE;
  const host = normaliseHost(
    template
      .replaceAll('{name}', object.name)
      .replaceAll('{namespace}', namespaceFor(context, object) ?? 'default'),
  );
  if (!isValidHostname(host)) {
    warn(
      context,
      `Service ${object.name}: the host template "${template}" gives "${host}", which is not a valid hostname; the Service keeps its load balancer.`,
      object,
    );
    return null;
  }
  if (context.options.hostTemplate === undefined) {
    warn(
      context,
      `No host was given for some Services, so they are served under ${DEFAULT_HOST_TEMPLATE}: pass --host (e.g. '{name}.example.com') or set ${EXTERNAL_DNS_HOSTNAME} on the Services.`,
    );
    return { hosts: [host], source: `the default host template ${DEFAULT_HOST_TEMPLATE}` };
  }
  return { hosts: [host], source: `the host template ${template}` };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
