import { controllerNoun } from '../inventory/entry-points.js';
import { SERVICES, WORKLOADS } from '../inventory/shapes.js';
import type { ServicePortView } from '../inventory/views.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * LoadBalancer Services that carry L4 traffic (TCP, UDP, TLS passthrough, SCTP): here a load balancer
 * is the right tool, since an HTTP Ingress cannot route it. Said out loud so that a report full of
 * "consolidate" advice does not read as "every LoadBalancer is wrong", and so teams moving to
 * Gateway API learn which route kind, and which Gateway API release, the ports need. A Service that
 * fronts an ingress or gateway controller (inventory/entry-points.ts) is told it stays as it is: it
 * is the entry point, so "its HTTP ports could move behind an Ingress" would route it through itself.
 */
export default defineRule({
  id: 'lb-l4-appropriate',
  reads: [SERVICES, ...WORKLOADS],
  severity: 'notice',
  summary: 'L4 LoadBalancer Services, where a load balancer is the right tool.',
  why: 'Ingress routes only HTTP and HTTPS, so TCP, UDP and TLS passthrough traffic needs its own load balancer or a Gateway API L4 route. TCPRoute and UDPRoute are GA (`v1`) only from Gateway API v1.6; older clusters have them in the experimental channel or not at all.',
  fix: 'Keep {{service}} a LoadBalancer for {{ports}}; {{httpPortsAdvice}}. Before moving L4 ports to Gateway API, check that the cluster serves TCPRoute and UDPRoute `v1` (Gateway API v1.6 or later CRDs) with `kubectl get crd tcproutes.gateway.networking.k8s.io -o jsonpath="{.spec.versions[?(@.served==true)].name}"`, and give L4 routes a Gateway of their own (the AWS Load Balancer Controller cannot mix them with HTTPRoutes).',
  messages: {
    l4: 'Service {{service}} carries {{ports}}, which an HTTP Ingress cannot carry: a LoadBalancer fits. Teams standardising on Gateway API would use {{routes}}; TCPRoute and UDPRoute are GA only from Gateway API v1.6.',
    l4NoRoute:
      'Service {{service}} carries {{ports}}, which neither an Ingress nor any Gateway API route can carry: a LoadBalancer is the right tool.',
    mixed:
      'Service {{service}} carries {{ports}}, which an HTTP Ingress cannot carry, so a LoadBalancer fits those ports; its HTTP ports, {{httpPorts}}, could move behind an Ingress or Gateway. Teams standardising on Gateway API would use {{routes}} for the others; TCPRoute and UDPRoute are GA only from Gateway API v1.6.',
    mixedNoRoute:
      'Service {{service}} carries {{ports}}, which neither an Ingress nor any Gateway API route can carry, so a LoadBalancer fits those ports; its HTTP ports, {{httpPorts}}, could move behind an Ingress or Gateway.',
    entryPoint:
      'Service {{service}} fronts the {{controller}} ({{reason}}), the entry point of the set, and carries {{ports}}, which an HTTP Ingress cannot carry: a LoadBalancer is the right tool, and as the entry point it stays one.',
  },
  check(inventory, context) {
    for (const lb of inventory.loadBalancers) {
      if (lb.traffic !== 'l4' && lb.traffic !== 'mixed') continue;
      const l4Ports = lb.ports.filter((port) => port.classification.traffic === 'l4');
      const routes = routeKindsFor(l4Ports);
      const data = {
        service: displayName(lb.object),
        ports: l4Ports.map(describePort).join(', '),
        routes: joinList(routes),
        httpPorts: lb.ports
          .filter((port) => port.classification.traffic === 'http')
          .map(describePort)
          .join(', '),
      };
      if (lb.role === 'entry-point') {
        context.report({
          messageId: 'entryPoint',
          data: {
            ...data,
            controller: controllerNoun(lb),
            reason: lb.roleReason ?? '',
            httpPortsAdvice:
              'it is the entry point of an ingress or gateway controller, so its HTTP ports stay on it too',
          },
          object: lb.object,
          line: lb.typeLine,
        });
        continue;
      }
      // Only SCTP is left without a route: Gateway API has no SCTP route kind.
      const noRoute = routes.length === 0;
      const messageId =
        lb.traffic === 'l4' ? (noRoute ? 'l4NoRoute' : 'l4') : noRoute ? 'mixedNoRoute' : 'mixed';
      context.report({
        messageId,
        data: {
          ...data,
          httpPortsAdvice:
            'HTTP ports, if any, can move to a ClusterIP Service behind an Ingress or HTTPRoute',
        },
        object: lb.object,
        line: lb.typeLine,
      });
    }
  },
});

/** `1883/TCP (MQTT)`; the description is left out where it only repeats the transport. */
function describePort(port: ServicePortView): string {
  const what = port.classification.what.replace(` (${port.protocol})`, '');
  return what.toUpperCase() === port.protocol
    ? `${port.port}/${port.protocol}`
    : `${port.port}/${port.protocol} (${what})`;
}

/**
 * The Gateway API routes for these ports, by the port's transport (`protocol`), which is what the
 * load balancer forwards whatever the port number suggests. UDPRoute comes with a caveat: fewer
 * controllers implement it (Envoy Gateway's v1.6 conformance report has no UDP profile, and GKE's
 * Gateway classes are L7 only).
 */
function routeKindsFor(ports: readonly ServicePortView[]): string[] {
  const routes = new Set<string>();
  for (const port of ports) {
    if (port.protocol === 'UDP') routes.add('UDPRoute (needs a controller that supports UDPRoute)');
    else if (port.protocol === 'TCP')
      routes.add(port.classification.protocol === 'tls' ? 'TLSRoute (TLS passthrough)' : 'TCPRoute');
  }
  return [...routes].sort((a, b) => routeOrder(a) - routeOrder(b));
}

function routeOrder(route: string): number {
  return ['TCPRoute', 'TLSRoute', 'UDPRoute'].findIndex((kind) => route.startsWith(kind));
}

/** `a`, `a and b`, `a, b and c`. */
function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
