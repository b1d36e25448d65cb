import { isAllowAllRange } from '../exposure/exposure.js';
import { SERVICES } from '../inventory/shapes.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { AWS, AZURE, DIGITALOCEAN, GKE } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * Databases, caches, queues, admin and remote-shell ports on an internet-facing load balancer that
 * lets every address in. These ports are scanned within minutes of getting a public address, and
 * most of them were never meant to face the internet (weak or no authentication, unpatched CVEs).
 */
export default defineRule({
  id: 'lb-sensitive-port-public',
  reads: [SERVICES],
  severity: 'error',
  summary: 'A public LoadBalancer exposes a database, cache, queue, admin or shell port to every address.',
  why: 'A public load balancer without source ranges is reachable from the whole internet. Database, cache, queue, admin and remote-shell ports are found by scanners within minutes and are a common way into a cluster.',
  fix: 'Make {{service}} internal ({{internal}}); or allow only known client CIDRs with `spec.loadBalancerSourceRanges`; or make it ClusterIP and reach port {{port}} through `kubectl port-forward` or a VPN.',
  messages: {
    exposed:
      'Service {{service}} exposes port {{port}} ({{what}}) to the internet with no source ranges. Why public: {{reason}}.',
    openToAll:
      'Service {{service}} exposes port {{port}} ({{what}}) to the internet: its source ranges include {{range}}, which lets every address in. Why public: {{reason}}.',
  },
  check(inventory, context) {
    for (const lb of inventory.loadBalancers) {
      if (lb.exposure !== 'public') continue;
      const sensitive = lb.ports.filter((port) => port.classification.sensitive);
      if (sensitive.length === 0) continue;
      const ranges = lb.sourceRanges;
      const openRange = ranges.find(isAllowAllRange);
      if (ranges.length > 0 && openRange === undefined) continue;
      for (const port of sensitive) {
        context.report({
          messageId: openRange === undefined ? 'exposed' : 'openToAll',
          data: {
            service: displayName(lb.object),
            port: port.port,
            what: port.classification.what,
            reason: lb.exposureReason,
            range: openRange ?? '',
            internal: internalSetting(lb),
          },
          object: lb.object,
          path: ['spec', 'ports', port.index],
        });
      }
    }
  },
});

/** How to make the load balancer internal on the provider its annotations point to. */
function internalSetting(lb: LoadBalancerView): string {
  switch (lb.provider) {
    case 'aws-nlb':
      return `annotation ${AWS.scheme}: internal`;
    case 'aws-clb':
      return `annotation ${AWS.internal}: "true"`;
    case 'gcp':
      return `annotation ${GKE.loadBalancerType}: "Internal"`;
    case 'azure':
      return `annotation ${AZURE.internal}: "true"`;
    case 'digitalocean':
      return `annotation ${DIGITALOCEAN.network}: "INTERNAL" (only at creation: recreate the Service)`;
    case 'bare-metal':
      return 'an address pool of private addresses';
    default:
      return "your cloud's internal load balancer annotation, e.g. AWS aws-load-balancer-scheme: internal, GKE load-balancer-type: Internal, Azure azure-load-balancer-internal: true";
  }
}
