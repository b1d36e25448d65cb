import {
  findObjects,
  findServices,
  holdsAnythingIn,
  holdsKindIn,
  type Inventory,
} from '../inventory/inventory.js';
import { GATEWAY_API, SERVICES } from '../inventory/shapes.js';
import type { ReferenceGrantView, RouteView, ServiceView } from '../inventory/views.js';
import { GATEWAY_API_GROUP, isGatewayApiVersion } from '../known/api-versions.js';
import { displayName, effectiveNamespace, type ManifestObject } from '../manifests/objects.js';
import type { BackendRef, ListenerManifest, ParentRef } from '../manifests/schemas.js';
import { defineRule } from './define-rule.js';

/**
 * Gateway API routes whose references do not resolve in the set: a parentRef to a Gateway (or
 * ListenerSet) the set lacks, to a listener name or port it lacks, or to listeners that refuse the
 * route (protocol, `allowedRoutes.kinds`, `allowedRoutes.namespaces`, hostnames); a backendRef to
 * a Service without a port, in another namespace without a ReferenceGrant, or to a Service or port
 * the set lacks. Such a route is accepted by the API server (except the missing port) and then
 * carries no traffic, with the reason only in its status.
 *
 * References resolve across the whole set. A missing target is reported only when the set holds
 * objects of that kind in the target namespace; otherwise it may be managed elsewhere (a platform
 * team's shared Gateway) and stays unjudged. Semantics follow the Gateway API v1.6.1 CRDs.
 */
export default defineRule({
  id: 'gateway-route-unresolved',
  reads: [SERVICES, ...GATEWAY_API],
  severity: 'error',
  summary:
    'Gateway API routes whose parentRefs or backendRefs do not resolve, or that their listeners refuse.',
  why: 'A route that attaches to no listener, or whose backends do not resolve, is stored without complaint and serves nothing: its traffic gets 404s or 500s, and the reason shows only in the route’s status conditions, which a PR review never sees.',
  fix: 'Make every reference of {{routeKind}} {{route}} resolve: parentRefs must name a Gateway (and listener) that accepts this route kind from its namespace, and backendRefs a Service and port that exist, with a ReferenceGrant in the backend’s namespace when it differs from the route’s.',
  messages: {
    parentNotFound:
      '{{routeKind}} {{route}} attaches to {{parentKind}} {{parent}}, which is not in the analysed files (they hold other {{parentKind}}s in namespace {{parentNamespace}}).',
    sectionNotFound:
      '{{routeKind}} {{route}} attaches to listener {{sectionName}} of {{parentKind}} {{parent}}, which has no listener of that name (it has {{listeners}}).',
    portNotFound:
      '{{routeKind}} {{route}} attaches to port {{port}} of {{parentKind}} {{parent}}, but no listener {{scope}} is on that port ({{listeners}}).',
    protocolMismatch:
      '{{routeKind}} {{route}} attaches to {{parentKind}} {{parent}}, but {{scope}} ({{listeners}}) cannot carry it: a {{routeKind}} needs a {{needed}} listener.',
    kindNotAllowed:
      '{{routeKind}} {{route}} attaches to {{parentKind}} {{parent}}, but the allowedRoutes.kinds of {{scope}} ({{listeners}}) leave out {{routeKind}}.',
    namespaceNotAllowed:
      '{{routeKind}} {{route}} in namespace {{namespace}} attaches to {{parentKind}} {{parent}}, but the allowedRoutes.namespaces of {{scope}} ({{listeners}}) admit only routes from namespace {{parentNamespace}} (from: Same, the default).',
    hostnameMismatch:
      '{{routeKind}} {{route}} attaches to {{parentKind}} {{parent}}, but its hostnames ({{hostnames}}) match no hostname of {{scope}} ({{listenerHostnames}}).',
    backendPortMissing:
      '{{routeKind}} {{route}} sends traffic to Service {{backend}} without a port; the API server rejects it ("Must have port for Service reference").',
    referenceGrantMissing:
      '{{routeKind}} {{route}} in namespace {{namespace}} sends traffic to Service {{backend}}, but no ReferenceGrant in namespace {{backendNamespace}} in the analysed files allows {{routeKind}}s from {{namespace}} to reference it.',
    backendNotFound:
      '{{routeKind}} {{route}} sends traffic to Service {{backend}}, which is not in the analysed files (they hold other Services in namespace {{backendNamespace}}).',
    backendPortUnknown:
      '{{routeKind}} {{route}} sends traffic to port {{port}} of Service {{backend}}, which has no such port (it has {{ports}}).',
  },
  check(inventory, context) {
    const parents = parentsOf(inventory);
    const grants = grantsByNamespace(inventory);
    for (const route of inventory.routes) {
      const namespace = effectiveNamespace(route.object);
      const base = { routeKind: route.kind, route: displayName(route.object), namespace };
      route.parentRefs.forEach((ref, i) => {
        const problem = checkParentRef(inventory, parents, route, ref);
        if (problem === null) return;
        context.report({
          messageId: problem.messageId,
          data: { ...base, ...problem.data },
          object: route.object,
          path: ['spec', 'parentRefs', i],
        });
      });
      for (const { ref, at } of route.backendRefs) {
        const problem = checkBackendRef(inventory, grants, route, ref);
        if (problem === null) continue;
        context.report({
          messageId: problem.messageId,
          data: { ...base, ...problem.data },
          object: route.object,
          path: at,
        });
      }
    }
  },
});

type MessageId =
  | 'parentNotFound'
  | 'sectionNotFound'
  | 'portNotFound'
  | 'protocolMismatch'
  | 'kindNotAllowed'
  | 'namespaceNotAllowed'
  | 'hostnameMismatch'
  | 'backendPortMissing'
  | 'referenceGrantMissing'
  | 'backendNotFound'
  | 'backendPortUnknown';

interface Problem {
  messageId: MessageId;
  data: Record<string, string | number>;
}

/** A parent routes attach to: a Gateway or a ListenerSet, with its own listeners. */
interface Parent {
  kind: 'Gateway' | 'ListenerSet';
  object: ManifestObject;
  listeners: ListenerManifest[];
}

/**
 * The readable Gateways and ListenerSets by object, each with its place in its inventory list: a
 * route's parentRef finds its parent without scanning every Gateway of the set.
 */
type Parents = ReadonlyMap<ManifestObject, { parent: Parent; order: number }>;

function parentsOf(inventory: Inventory): Parents {
  const parents = new Map<ManifestObject, { parent: Parent; order: number }>();
  inventory.gateways.forEach(({ object, listeners }, order) => {
    if (!parents.has(object)) parents.set(object, { parent: { kind: 'Gateway', object, listeners }, order });
  });
  inventory.listenerSets.forEach(({ object, listeners }, order) => {
    if (!parents.has(object))
      parents.set(object, { parent: { kind: 'ListenerSet', object, listeners }, order });
  });
  return parents;
}

function checkParentRef(
  inventory: Inventory,
  parents: Parents,
  route: RouteView,
  ref: ParentRef,
): Problem | null {
  const group = ref.group ?? GATEWAY_API_GROUP;
  const kind = ref.kind ?? 'Gateway';
  // Other parents (a Service for mesh routes, implementation-specific kinds) are not judged here.
  if (group !== GATEWAY_API_GROUP || (kind !== 'Gateway' && kind !== 'ListenerSet')) return null;
  const routeNamespace = effectiveNamespace(route.object);
  const parentNamespace = ref.namespace ?? routeNamespace;
  const parentName = ref.namespace
    ? `${ref.namespace}/${ref.name}`
    : displayName({ name: ref.name, namespace: route.object.namespace });
  const data = { parentKind: kind, parent: parentName, parentNamespace };

  const objects = findObjects(inventory, kind, parentNamespace, ref.name).filter((object) =>
    isGatewayApiVersion(object.apiVersion),
  );
  if (objects.length === 0) {
    // Gateway API's own kinds are indexed under their plain names (another group's `Gateway` is not).
    if (!holdsKindIn(inventory, kind, parentNamespace)) return null;
    return { messageId: 'parentNotFound', data };
  }
  const parent = parentView(parents, objects);
  // Present but invalid (reported by manifest-invalid), or a Gateway whose listeners all live in ListenerSets.
  if (parent === null || parent.listeners.length === 0) return null;

  const describe = (list: readonly ListenerManifest[]): string =>
    listNames(list.map((listener) => `${listener.name} ${listener.protocol} ${listener.port}`));
  let listeners = parent.listeners;
  let scope = `its ${listeners.length === 1 ? 'listener' : 'listeners'}`;
  if (ref.sectionName !== undefined) {
    listeners = listeners.filter((listener) => listener.name === ref.sectionName);
    if (listeners.length === 0) {
      return {
        messageId: 'sectionNotFound',
        data: {
          ...data,
          sectionName: ref.sectionName,
          listeners: listNames(parent.listeners.map((l) => l.name)),
        },
      };
    }
    scope = `listener ${ref.sectionName}`;
  }
  if (ref.port !== undefined) {
    const onPort = listeners.filter((listener) => listener.port === ref.port);
    if (onPort.length === 0) {
      const where = ref.sectionName === undefined ? 'of it' : `named ${ref.sectionName}`;
      return {
        messageId: 'portNotFound',
        data: { ...data, port: ref.port, scope: where, listeners: describe(listeners) },
      };
    }
    listeners = onPort;
    if (ref.sectionName === undefined) scope = `its listeners on port ${ref.port}`;
  }

  const byProtocol = listeners.filter((listener) => protocolCarries(listener, route.kind));
  if (byProtocol.length === 0) {
    return {
      messageId: 'protocolMismatch',
      data: { ...data, scope, listeners: describe(listeners), needed: NEEDED_LISTENER[route.kind] },
    };
  }
  const byKind = byProtocol.filter((listener) => kindAllowed(listener, route.kind));
  if (byKind.length === 0) {
    return { messageId: 'kindNotAllowed', data: { ...data, scope, listeners: describe(byProtocol) } };
  }
  const ownerNamespace = effectiveNamespace(parent.object);
  const byNamespace = byKind.filter((listener) => namespaceAllowed(listener, ownerNamespace, routeNamespace));
  if (byNamespace.length === 0) {
    return {
      messageId: 'namespaceNotAllowed',
      data: { ...data, scope, listeners: describe(byKind), parentNamespace: ownerNamespace },
    };
  }
  if (route.kind === 'TCPRoute' || route.kind === 'UDPRoute' || route.hostnames.length === 0) return null;
  const hostnames = route.hostnames.map((hostname) => hostname.toLowerCase());
  const byHostname = byNamespace.filter(
    (listener) =>
      listener.hostname === undefined ||
      hostnames.some((hostname) => hostnamesIntersect(hostname, (listener.hostname ?? '').toLowerCase())),
  );
  if (byHostname.length > 0) return null;
  return {
    messageId: 'hostnameMismatch',
    data: {
      ...data,
      scope,
      hostnames: listNames(hostnames),
      listenerHostnames: listNames(byNamespace.map((listener) => listener.hostname ?? '*')),
    },
  };
}

/** The first readable one of `objects` in the inventory's order (objects of one kind). */
function parentView(parents: Parents, objects: readonly ManifestObject[]): Parent | null {
  let found: { parent: Parent; order: number } | undefined;
  for (const object of objects) {
    const candidate = parents.get(object);
    if (candidate !== undefined && (found === undefined || candidate.order < found.order)) found = candidate;
  }
  return found?.parent ?? null;
}

/** Listener protocols each route kind needs (Gateway API spec, "Listener" and the TLS guide). */
const ROUTE_PROTOCOLS: Record<RouteView['kind'], readonly string[]> = {
  HTTPRoute: ['HTTP', 'HTTPS'],
  GRPCRoute: ['HTTP', 'HTTPS'],
  TLSRoute: ['TLS'],
  TCPRoute: ['TCP', 'TLS'],
  UDPRoute: ['UDP'],
};

/** The same, as words for a message. */
const NEEDED_LISTENER: Record<RouteView['kind'], string> = {
  HTTPRoute: 'HTTP or HTTPS',
  GRPCRoute: 'HTTP or HTTPS',
  TLSRoute: 'TLS',
  TCPRoute: 'TCP (or TLS with mode Terminate)',
  UDPRoute: 'UDP',
};

const CORE_PROTOCOLS = new Set(['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']);

function protocolCarries(listener: ListenerManifest, kind: RouteView['kind']): boolean {
  // Implementation-specific protocols (`example.com/proto`) are not ours to judge.
  if (!CORE_PROTOCOLS.has(listener.protocol)) return true;
  if (kind === 'TCPRoute' && listener.protocol === 'TLS') {
    // A TLS listener hands a TCPRoute the decrypted stream only when it terminates TLS.
    return listener.tls?.mode === 'Terminate';
  }
  return ROUTE_PROTOCOLS[kind].includes(listener.protocol);
}

function kindAllowed(listener: ListenerManifest, kind: RouteView['kind']): boolean {
  const kinds = listener.allowedRoutes?.kinds ?? [];
  // Empty or unset: the kinds follow from the protocol, checked above.
  if (kinds.length === 0) return true;
  return kinds.some(
    (entry) => (entry.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP && entry.kind === kind,
  );
}

function namespaceAllowed(
  listener: ListenerManifest,
  ownerNamespace: string,
  routeNamespace: string,
): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? 'Same';
  // `Selector` depends on Namespace labels in the cluster: left unjudged.
  return from !== 'Same' || ownerNamespace === routeNamespace;
}

/** Whether two hostnames (either may be a `*.` wildcard, matching any number of labels) overlap. */
function hostnamesIntersect(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith('*.') && b.endsWith(a.slice(1))) return true;
  return b.startsWith('*.') && a.endsWith(b.slice(1));
}

function checkBackendRef(
  inventory: Inventory,
  grants: GrantsByNamespace,
  route: RouteView,
  ref: BackendRef,
): Problem | null {
  // Only core Services are judged; other backends (e.g. InferencePool) are implementation-specific.
  if ((ref.group ?? '') !== '' || (ref.kind ?? 'Service') !== 'Service') return null;
  const routeNamespace = effectiveNamespace(route.object);
  const backendNamespace = ref.namespace ?? routeNamespace;
  const backend = ref.namespace
    ? `${ref.namespace}/${ref.name}`
    : displayName({ name: ref.name, namespace: route.object.namespace });
  const data = { backend, backendNamespace };

  // CEL on every route kind's backendRefs in v1.6.1: "Must have port for Service reference".
  if (ref.port === undefined) return { messageId: 'backendPortMissing', data };

  if (backendNamespace !== routeNamespace) {
    if (!holdsAnythingIn(inventory, backendNamespace)) return null;
    if (!isGranted(grants, route, routeNamespace, backendNamespace, ref.name)) {
      return { messageId: 'referenceGrantMissing', data };
    }
  }

  if (findObjects(inventory, 'Service', backendNamespace, ref.name).length === 0) {
    return holdsKindIn(inventory, 'Service', backendNamespace)
      ? { messageId: 'backendNotFound', data }
      : null;
  }
  const service = findServices(inventory, backendNamespace, ref.name)[0];
  if (!service || !canJudgePorts(service)) return null;
  if (service.ports.some((port) => port.port === ref.port)) return null;
  return {
    messageId: 'backendPortUnknown',
    data: { ...data, port: ref.port, ports: service.ports.map((port) => port.port).join(', ') },
  };
}

/** Port lists are judged only when the set shows them whole: not ExternalName, not empty. */
function canJudgePorts(service: ServiceView): boolean {
  return service.type !== 'ExternalName' && service.ports.length > 0;
}

/** ReferenceGrants by their namespace: a backendRef looks at those of its namespace only. */
type GrantsByNamespace = ReadonlyMap<string, readonly ReferenceGrantView[]>;

function grantsByNamespace(inventory: Inventory): GrantsByNamespace {
  const grants = new Map<string, ReferenceGrantView[]>();
  for (const grant of inventory.referenceGrants) {
    const namespace = effectiveNamespace(grant.object);
    const list = grants.get(namespace);
    if (list) list.push(grant);
    else grants.set(namespace, [grant]);
  }
  return grants;
}

/** A ReferenceGrant in the backend's namespace letting this route kind from its namespace reach the Service. */
function isGranted(
  grants: GrantsByNamespace,
  route: RouteView,
  routeNamespace: string,
  backendNamespace: string,
  serviceName: string,
): boolean {
  return (grants.get(backendNamespace) ?? []).some(
    (grant) =>
      grant.from.some(
        (from) =>
          from.group === GATEWAY_API_GROUP && from.kind === route.kind && from.namespace === routeNamespace,
      ) &&
      grant.to.some(
        (to) =>
          to.group === '' &&
          to.kind === 'Service' &&
          (to.name === undefined || to.name === '' || to.name === serviceName),
      ),
  );
}

function listNames(names: readonly string[], shown = 5): string {
  const unique = [...new Set(names)];
  if (unique.length <= shown) return unique.join(', ');
  return `${unique.slice(0, shown).join(', ')} and ${unique.length - shown} more`;
}
