/**
 * Ingress → Service → Pod chains. A chain broken anywhere (no such Service, no such port, no pods,
 * a named targetPort the pods lack) is reported once, on the Ingress, showing the whole chain; the
 * Service-level rules skip what a chain already reports.
 */
import { effectiveNamespace } from '../manifests/objects.js';
import { findObjects, holdsKindIn, type Inventory } from './inventory.js';
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

/** Every Service backend of every Ingress, resolved as far as the set allows. */
export function ingressChains(inventory: Inventory): IngressChain[] {
  const chains: IngressChain[] = [];
  for (const ingress of inventory.ingresses) {
    const namespace = effectiveNamespace(ingress.object);
    for (const backend of ingress.backends) {
      if (backend.service === null) continue;
      const chain: IngressChain = { ingress, backend, service: null, servicePort: null, selection: null };
      chains.push(chain);
      const serviceObject = findObjects(inventory, 'Service', namespace, backend.service)[0];
      const service =
        serviceObject && inventory.services.find((candidate) => candidate.object === serviceObject);
      if (!service) {
        // Silent when the set holds no Service of this namespace: it may be deployed from elsewhere.
        if (!serviceObject && holdsKindIn(inventory, 'Service', namespace)) chain.broken = { at: 'service' };
        continue;
      }
      chain.service = service;
      const servicePort = findServicePort(service, backend.port);
      if (!servicePort) {
        chain.broken = { at: 'port', service };
        continue;
      }
      chain.servicePort = servicePort;
      const selection = selectWorkloads(inventory, service);
      chain.selection = selection;
      if (selection.status === 'none') {
        chain.broken = { at: 'pods', service, servicePort };
        continue;
      }
      if (selection.status !== 'matched') continue;
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
  }
  return chains;
}

/** Services (and their ports) that an Ingress chain reaches, so Service-level rules can stay quiet. */
export function servicesOnIngressChains(chains: readonly IngressChain[]): {
  services: ReadonlySet<ServiceView>;
  ports: ReadonlySet<ServicePortView>;
} {
  const services = new Set<ServiceView>();
  const ports = new Set<ServicePortView>();
  for (const chain of chains) {
    if (chain.service) services.add(chain.service);
    if (chain.servicePort) ports.add(chain.servicePort);
  }
  return { services, ports };
}
