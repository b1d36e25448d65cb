/**
 * Ingress → Service → Pod chains. A chain broken anywhere (no such Service, no such port, no pods,
 * a named targetPort the pods lack) is reported once, on the Ingress, showing the whole chain; the
 * Service-level rules skip what a chain already reports.
 */
import { effectiveNamespace } from '../manifests/objects.js';
import { findObjects, findServices, holdsKindIn, type Inventory } from './inventory.js';
import { checkTargetPort, findServicePort, type Selection, selectWorkloads } from './selection.js';
import type { IngressBackendView, IngressView, ServicePortView, ServiceView, WorkloadView } from './views.js';

export type ChainBreak =
  | { at: 'service' }
  | { at: 'port'; service: ServiceView }
  | { at: 'pods'; service: ServiceView; servicePort: ServicePortView }
  | {
      at: 'target-port';
      service: ServiceView;
      servicePort: ServicePortView;
      targetPort: string;
      workloads: WorkloadView[];
    };

export interface IngressChain {
  ingress: IngressView;
  backend: IngressBackendView;
  service: ServiceView | null;
  servicePort: ServicePortView | null;
  selection: Selection | null;
  /** Where the chain breaks; absent when it holds or cannot be judged from the set. */
  broken?: ChainBreak;
}

const chainsOf = new WeakMap<Inventory, IngressChain[]>();

/** Every Service backend of every Ingress, resolved as far as the set allows (once per inventory). */
export function ingressChains(inventory: Inventory): IngressChain[] {
  const cached = chainsOf.get(inventory);
  if (cached) return cached;
  const chains: IngressChain[] = [];
  for (const ingress of inventory.ingresses) {
    const namespace = effectiveNamespace(ingress.object);
    for (const backend of ingress.backends) {
      if (backend.service === null) continue;
      const objects = findObjects(inventory, 'Service', namespace, backend.service);
      const services = findServices(inventory, namespace, backend.service);
      if (services.length === 0) {
        const chain: IngressChain = { ingress, backend, service: null, servicePort: null, selection: null };
        // Silent when the set holds no Service of this namespace (it may be deployed from elsewhere)
        // and when the Service is there but unreadable (manifest-invalid reports that).
        if (objects.length === 0 && holdsKindIn(inventory, 'Service', namespace))
          chain.broken = { at: 'service' };
        chains.push(chain);
        continue;
      }
      // A Service written more than once (one copy per environment, say): one copy that holds is enough.
      const resolved = services.map((service) => resolveChain(inventory, ingress, backend, service));
      chains.push(resolved.find((chain) => !chain.broken) ?? (resolved[0] as IngressChain));
    }
  }
  chainsOf.set(inventory, chains);
  return chains;
}

function resolveChain(
  inventory: Inventory,
  ingress: IngressView,
  backend: IngressBackendView,
  service: ServiceView,
): IngressChain {
  const chain: IngressChain = { ingress, backend, service, servicePort: null, selection: null };
  const servicePort = findServicePort(service, backend.port);
  // An ExternalName Service has no pods, and controllers that accept one proxy to the backend's port
  // on the external name whether or not the Service lists it, so there is nothing further to check.
  if (service.type === 'ExternalName') {
    chain.servicePort = servicePort ?? null;
    return chain;
  }
  if (!servicePort) {
    chain.broken = { at: 'port', service };
    return chain;
  }
  chain.servicePort = servicePort;
  const selection = selectWorkloads(inventory, service);
  chain.selection = selection;
  if (selection.status === 'none') {
    chain.broken = { at: 'pods', service, servicePort };
  } else if (selection.status === 'matched') {
    const target = checkTargetPort(servicePort, selection.workloads);
    if (target.status === 'named-missing') {
      chain.broken = {
        at: 'target-port',
        service,
        servicePort,
        targetPort: target.targetPort,
        workloads: target.workloads,
      };
    }
  }
  return chain;
}
