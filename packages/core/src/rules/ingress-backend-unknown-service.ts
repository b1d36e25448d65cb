import { type ChainBreak, type IngressChain, ingressChains } from '../inventory/ingress-chain.js';
import { findServicesNamed, type Inventory } from '../inventory/inventory.js';
import {
  describeDeclaredPorts,
  describeKindsIn,
  describeNearMisses,
  describeServicePorts,
  formatSelector,
  nearMisses,
  servicePortName,
} from '../inventory/selection.js';
import { INGRESSES, SERVICES, WORKLOADS } from '../inventory/shapes.js';
import type { IngressBackendView } from '../inventory/views.js';
import { displayName, effectiveNamespace } from '../manifests/objects.js';
import { defineRule, type MessageData, type RuleReport } from './define-rule.js';

/**
 * Ingress backends whose Ingress → Service → Pod chain breaks: no such Service in the set, no such
 * port on it, no pods behind it, or a named targetPort those pods lack. Each broken backend is one
 * finding that shows the whole chain, on the backend's line; the Service-level rules skip what is
 * reported here. When the set holds no Service of the Ingress's namespace, the Service may be
 * deployed from elsewhere, so nothing is said.
 */
export default defineRule<MessageId>({
  id: 'ingress-backend-unknown-service',
  reads: [INGRESSES, SERVICES, ...WORKLOADS],
  severity: 'error',
  summary: 'An Ingress backend whose Service, Service port or pods are not there.',
  why: 'Ingress controllers answer requests for a broken backend with an error (ingress-nginx returns 503), so the route is down as soon as it is applied; the Ingress itself is accepted, so nothing warns at deploy time.',
  fix: 'Point the backend of Ingress {{ingress}} at a Service and port of namespace {{namespace}}, and make sure that Service selects pods declaring its targetPort. If the Service comes from files not analysed here, analyse them too or ignore this finding.',
  messages: {
    noService:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} port {{port}}, which is not in the analysed files (they hold no Service {{service}} in namespace {{namespace}}).',
    serviceElsewhere:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} port {{port}}, which is not in the analysed files for namespace {{namespace}}; they have it in {{elsewhere}}, and an Ingress can only route to Services of its own namespace.',
    noPort:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} port {{port}}, but Service {{service}} has no port {{port}} (it has {{ports}}).',
    portNotGiven:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} without naming a port, and Service {{service}} has {{ports}}, not exactly one.',
    noPods:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} (port {{port}}), which selects no pods: no {{kinds}} in namespace {{namespace}} has labels {{selector}}.',
    noPodsNear:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} (port {{port}}), which selects no pods: no {{kinds}} in namespace {{namespace}} has labels {{selector}}; closest: {{closest}}.',
    targetPortMissing:
      'Ingress {{ingress}} routes {{route}} to Service {{service}} port {{port}}, which forwards to targetPort "{{targetPort}}", a port name not declared by {{templates}}.',
  },
  check(inventory, context) {
    for (const chain of ingressChains(inventory)) {
      if (!chain.broken) continue;
      context.report(reportOf(inventory, chain, chain.broken));
    }
  },
});

type MessageId =
  | 'noService'
  | 'serviceElsewhere'
  | 'noPort'
  | 'portNotGiven'
  | 'noPods'
  | 'noPodsNear'
  | 'targetPortMissing';

function reportOf(inventory: Inventory, chain: IngressChain, broken: ChainBreak): RuleReport<MessageId> {
  const { ingress, backend } = chain;
  const namespace = effectiveNamespace(ingress.object);
  const base = {
    ingress: displayName(ingress.object),
    route: routeOf(backend),
    service: backend.service ?? '',
    port: backend.port ?? '(none)',
    namespace,
  };
  const at = (messageId: MessageId, data: MessageData): RuleReport<MessageId> => ({
    messageId,
    data: { ...base, ...data },
    object: ingress.object,
    path: backend.at,
  });
  switch (broken.at) {
    case 'service': {
      const elsewhere = findServicesNamed(inventory, backend.service ?? '').map(
        (service) => `namespace ${effectiveNamespace(service.object)}`,
      );
      return elsewhere.length > 0
        ? at('serviceElsewhere', { elsewhere: [...new Set(elsewhere)].join(', ') })
        : at('noService', {});
    }
    case 'port':
      return at(backend.port === null ? 'portNotGiven' : 'noPort', {
        ports: describeServicePorts(broken.service),
      });
    case 'pods': {
      const data = {
        port: servicePortName(broken.servicePort),
        kinds: describeKindsIn(inventory, namespace),
        selector: formatSelector(broken.service.selector),
      };
      const misses = nearMisses(inventory, broken.service);
      return misses.length > 0
        ? at('noPodsNear', { ...data, closest: describeNearMisses(misses) })
        : at('noPods', data);
    }
    case 'target-port':
      return at('targetPortMissing', {
        port: servicePortName(broken.servicePort),
        targetPort: broken.targetPort,
        templates: describeDeclaredPorts(broken.workloads, 'name', broken.servicePort.protocol),
      });
  }
}

/** What the backend serves: `shop.example.com/api`, `/api (any host)`, or the default backend. */
function routeOf(backend: IngressBackendView): string {
  const isDefault = backend.at[1] === 'defaultBackend' || backend.at[1] === 'backend';
  if (isDefault) return 'requests no rule matches (default backend)';
  if (backend.host === null) return `${backend.path ?? '/'} (any host)`;
  return `${backend.host}${backend.path ?? '/'}`;
}
