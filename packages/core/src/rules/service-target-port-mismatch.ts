import { ingressChains } from '../inventory/ingress-chain.js';
import {
  checkTargetPort,
  describeDeclaredPorts,
  selectWorkloads,
  servicePortName,
} from '../inventory/selection.js';
import { SERVICES, WORKLOADS } from '../inventory/shapes.js';
import type { ServicePortView } from '../inventory/views.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * Service ports whose targetPort the selected pod templates do not serve. A *named* targetPort must
 * be declared (with the port's protocol) by every selected template, native sidecars included, or
 * those pods get no traffic on that port: an error. A *numeric* one works undeclared, since
 * declaring container ports is optional, so an undeclared number is only a notice. Ports a broken
 * Ingress chain already reports are skipped.
 */
export default defineRule({
  id: 'service-target-port-mismatch',
  reads: [SERVICES, ...WORKLOADS],
  severity: 'error',
  summary: 'A Service targetPort that the pods it selects do not declare.',
  why: 'Kubernetes resolves a named targetPort in each selected pod; a pod that lacks the name is left out of the endpoints for that port, so the Service (and any Ingress or load balancer in front of it) sends it no traffic, or has no endpoints at all.',
  fix: 'Set targetPort of Service {{service}} port {{port}} to a port the selected containers declare, or declare {{targetPort}} in their ports.',
  messages: {
    namedMissing:
      'Service {{service}} port {{port}} forwards to targetPort "{{targetPort}}", a port name not declared by {{templates}}; those pods get no traffic on this port.',
    numberUndeclared:
      'Service {{service}} port {{port}} forwards to targetPort {{targetPort}}, which is not among the container ports declared by {{templates}}. Declaring ports is optional, so this works if the process listens on {{targetPort}}; worth checking that it does.',
  },
  check(inventory, context) {
    const reportedByChain = new Set<ServicePortView>();
    for (const chain of ingressChains(inventory)) {
      if (chain.broken?.at === 'target-port') reportedByChain.add(chain.broken.servicePort);
    }
    for (const service of inventory.services) {
      const selection = selectWorkloads(inventory, service);
      if (selection.status !== 'matched') continue;
      for (const port of service.ports) {
        if (reportedByChain.has(port)) continue;
        const result = checkTargetPort(port, selection.workloads);
        if (result.status === 'ok') continue;
        const named = result.status === 'named-missing';
        context.report({
          messageId: named ? 'namedMissing' : 'numberUndeclared',
          data: {
            service: displayName(service.object),
            port: servicePortName(port),
            targetPort: result.targetPort,
            templates: describeDeclaredPorts(result.workloads, named ? 'name' : 'number', port.protocol),
          },
          object: service.object,
          // Falls back to the port itself when targetPort is left to default.
          path: ['spec', 'ports', port.index, 'targetPort'],
          ...(named ? {} : { severity: 'notice' as const }),
        });
      }
    }
  },
});
