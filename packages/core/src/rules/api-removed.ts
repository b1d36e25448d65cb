import { objectsOfKind } from '../inventory/inventory.js';
import {
  GATEWAY_API_EXPERIMENTAL_ONLY,
  GATEWAY_API_GROUP,
  GATEWAY_API_SERVED,
  type GatewayApiKind,
  REMOVED_KUBERNETES_APIS,
} from '../known/api-versions.js';
import { displayName, type ManifestObject } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/** The removed APIs by kind, then apiVersion: every object of the set is looked up. */
const REMOVED_BY_KIND = new Map<string, Map<string, (typeof REMOVED_KUBERNETES_APIS)[number]>>();
for (const entry of REMOVED_KUBERNETES_APIS) {
  const byVersion = REMOVED_BY_KIND.get(entry.kind) ?? new Map();
  byVersion.set(entry.apiVersion, entry);
  REMOVED_BY_KIND.set(entry.kind, byVersion);
}

/** Where XListenerSet lived until Gateway API v1.5 made it the standard ListenerSet (facts.md section 2). */
const X_LISTENER_SET = { group: 'gateway.networking.x-k8s.io', kind: 'XListenerSet' } as const;

/** The kinds that can be of a removed or unserved version; objects of other kinds are not visited. */
const KINDS_CHECKED = [
  ...new Set([...REMOVED_BY_KIND.keys(), ...Object.keys(GATEWAY_API_SERVED), X_LISTENER_SET.kind]),
];

/**
 * Objects whose apiVersion the API server no longer serves: Kubernetes versions removed in past
 * releases (facts.md section 3) and Gateway API versions that the standard channel of v1.6.1 does
 * not serve (facts.md section 2). `kubectl apply` rejects them with "no matches for kind", so
 * nothing in the object is deployed; they linger in repositories because old clusters accepted them.
 */
export default defineRule({
  id: 'api-removed',
  // Identity alone: any kind may use a removed version.
  reads: [],
  severity: 'error',
  summary: 'An object uses an apiVersion that is removed or not served.',
  why: 'The API server rejects objects of a version it does not serve ("no matches for kind"), so the object is never created and whatever depends on it breaks at deploy time, often only when the cluster is upgraded.',
  fix: 'Change `apiVersion` of {{kind}} {{name}} to `{{use}}` and update the fields that changed with it; for Gateway API, check what the cluster serves with `kubectl get crd` and install the standard channel CRDs of v1.6.1 or later.',
  messages: {
    removedIngress:
      'Ingress {{name}} uses `{{apiVersion}}`, removed in Kubernetes {{removedIn}}; use `{{use}}`, where a backend is `service.name` plus `service.port.number` or `service.port.name` and every path needs a `pathType`.',
    removedKubernetes:
      '{{kind}} {{name}} uses `{{apiVersion}}`, removed in Kubernetes {{removedIn}}; use `{{use}}`.',
    experimentalOnly:
      '{{kind}} {{name}} uses `{{apiVersion}}`, which Gateway API v1.6.1 serves only in the experimental channel, and deprecated there; use `{{use}}` (TLSRoute `v1` needs Gateway API v1.5 or later, TCPRoute and UDPRoute `v1` need v1.6 or later).',
    xListenerSet:
      '{{kind}} {{name}} uses `{{apiVersion}}`, which no Gateway API channel serves: until Gateway API v1.5, ListenerSet was the experimental XListenerSet (`gateway.networking.x-k8s.io/v1alpha1`), since removed; use ListenerSet in `{{use}}`.',
    notServed:
      '{{kind}} {{name}} uses `{{apiVersion}}`, which the standard channel of Gateway API v1.6.1 does not serve (it serves {{served}}); use `{{use}}`.',
  },
  check(inventory, context) {
    for (const object of KINDS_CHECKED.flatMap((kind) => objectsOfKind(inventory, kind))) {
      const removed = REMOVED_BY_KIND.get(object.kind)?.get(object.apiVersion);
      if (removed) {
        context.report({
          messageId: object.kind === 'Ingress' ? 'removedIngress' : 'removedKubernetes',
          data: { ...dataOf(object), removedIn: removed.removedIn, use: removed.use },
          object,
          path: ['apiVersion'],
        });
        continue;
      }
      const gatewayApi = gatewayApiVerdict(object);
      if (gatewayApi) {
        context.report({
          ...gatewayApi,
          data: { ...dataOf(object), ...gatewayApi.data },
          object,
          path: ['apiVersion'],
        });
      }
    }
  },
});

type GatewayApiMessageId = 'experimentalOnly' | 'xListenerSet' | 'notServed';

/** What to say about a Gateway API object's version; undefined when it is served, or not ours to judge. */
function gatewayApiVerdict(
  object: ManifestObject,
):
  | { messageId: GatewayApiMessageId; data: { use: string; served: string }; severity?: 'warning' }
  | undefined {
  // Most objects are of neither group: answer those without cutting their apiVersion apart.
  if (!object.apiVersion.startsWith('gateway.networking.')) return undefined;
  const slash = object.apiVersion.lastIndexOf('/');
  const group = object.apiVersion.slice(0, slash);
  const version = object.apiVersion.slice(slash + 1);
  if (group === X_LISTENER_SET.group && object.kind === X_LISTENER_SET.kind) {
    return { messageId: 'xListenerSet', data: served('ListenerSet') };
  }
  if (group !== GATEWAY_API_GROUP || !Object.hasOwn(GATEWAY_API_SERVED, object.kind)) return undefined;
  const kind = object.kind as GatewayApiKind;
  if (GATEWAY_API_SERVED[kind].includes(version)) return undefined;
  if (GATEWAY_API_EXPERIMENTAL_ONLY[kind]?.includes(version)) {
    // Still served where the experimental CRDs are installed: it breaks on upgrade, not today.
    return { messageId: 'experimentalOnly', data: served(kind), severity: 'warning' };
  }
  if (kind === 'ListenerSet') return { messageId: 'xListenerSet', data: served(kind) };
  return { messageId: 'notServed', data: served(kind) };
}

/** The replacement version (`v1` for every kind today) and the full list the standard channel serves. */
function served(kind: GatewayApiKind): { use: string; served: string } {
  const versions = GATEWAY_API_SERVED[kind];
  return {
    use: `${GATEWAY_API_GROUP}/${versions[0] ?? 'v1'}`,
    served: versions.join(' and '),
  };
}

function dataOf(object: ManifestObject): { kind: string; name: string; apiVersion: string } {
  return { kind: object.kind, name: displayName(object), apiVersion: object.apiVersion };
}
