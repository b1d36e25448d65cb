/**
 * Advice for a set of manifests as a whole: one entry point for the HTTP load balancers, keep the
 * L4 ones, look again at those we cannot classify, with the indicative saving.
 */
import { consolidationCost, formatMoney } from '../cost/cost.js';
import type { Inventory } from '../inventory/inventory.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { INGRESS } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import type { RuleSettings } from '../rules/define-rule.js';
import { OPTION_TITLES } from './criteria.js';
import { rankOptions } from './decide.js';
import type { Cloud, Requirements } from './requirements.js';
import type { PlanStep, SetAdvice } from './types.js';

/** Recommends for the set: what to do with each group of load balancers, and what it saves. */
export function adviseOnInventory(inventory: Inventory, settings: RuleSettings): SetAdvice {
  const lbs = inventory.loadBalancers;
  const http = lbs.filter((lb) => lb.traffic === 'http');
  const layer4 = lbs.filter((lb) => lb.traffic === 'l4' || lb.traffic === 'mixed');
  const unclear = lbs.filter((lb) => lb.traffic === 'unknown');
  const requirements = requirementsOfHttp(inventory, http);
  const ranking = rankOptions(requirements);
  const entryPointExists = inventory.ingresses.length > 0 || inventory.gateways.length > 0;
  const worthConsolidating = http.length >= 2 || (http.length === 1 && entryPointExists);
  const best = ranking[0]?.option ?? null;
  const recommended = http.length > 0 || inventory.ingresses.length > 0 ? best : null;
  const plan: PlanStep[] = [];
  const cost = consolidationCost(worthConsolidating ? http : [], entryPointExists, settings);

  if (worthConsolidating && recommended) {
    plan.push({
      action: 'consolidate',
      option: recommended,
      services: http.map((lb) => displayName(lb.object)),
      text: `Route ${http.length} HTTP(S) Service(s) through ${entryPointExists ? 'the existing entry point' : `one ${OPTION_TITLES[recommended]} entry point`} and make them ClusterIP.`,
    });
  }
  for (const lb of layer4) {
    const l4Ports = lb.ports
      .filter((port) => port.classification.traffic === 'l4')
      .map((p) => `${p.port}/${p.protocol}`);
    plan.push({
      action: 'keep-loadbalancer',
      option: 'loadbalancer',
      services: [displayName(lb.object)],
      text: `Keep ${displayName(lb.object)} as a LoadBalancer: it carries ${l4Ports.join(', ')} (${describePorts(lb)}), which an HTTP entry point cannot route. Teams standardising on Gateway API can use a TCPRoute/UDPRoute on an L4 Gateway (GA from v1.6).`,
    });
  }
  if (unclear.length > 0) {
    plan.push({
      action: 'review',
      option: 'loadbalancer',
      services: unclear.map((lb) => displayName(lb.object)),
      text: `Say what ${unclear.map((lb) => displayName(lb.object)).join(', ')} carry: name the ports (http, grpc, tcp...) or set appProtocol, so they can be placed.`,
    });
  }

  const after = lbs.length - cost.saved;
  return {
    recommended,
    summary: summarise(
      lbs.length,
      http.length,
      layer4.length,
      recommended,
      cost.savingMonthly,
      settings,
      worthConsolidating,
    ),
    ranking,
    plan,
    loadBalancers: { before: lbs.length, after },
    monthlySaving: cost.savingMonthly,
    currency: settings.currency,
  };
}

function requirementsOfHttp(inventory: Inventory, http: LoadBalancerView[]): Requirements {
  const protocols = new Set<NonNullable<Requirements['protocols']>[number]>();
  for (const lb of http) {
    for (const port of lb.ports) {
      const protocol = port.classification.protocol;
      if (protocol === 'http' || protocol === 'https' || protocol === 'grpc' || protocol === 'websocket') {
        protocols.add(protocol);
      } else if (protocol === 'http2') protocols.add('http');
    }
  }
  if (protocols.size === 0 && inventory.ingresses.length > 0) protocols.add('http');
  const requirements: Requirements = {
    protocols: [...protocols],
    serviceCount:
      http.length + new Set(inventory.ingresses.flatMap((i) => i.backends.map((b) => b.service))).size,
    tlsTermination: inventory.ingresses.some((i) => i.tls) || protocols.has('https') || undefined,
    existing: {
      manyLoadBalancers: http.length >= 2,
      ingress: inventory.ingresses.length > 0,
      gatewayApi: inventory.gateways.length > 0,
      ingressNginx: inventory.ingresses.some(
        (ingress) =>
          ingress.className === 'nginx' ||
          Object.keys(ingress.object.annotations).some((key) => key.startsWith(INGRESS.ingressNginxPrefix)),
      ),
    },
  };
  if (inventory.gateways.length > 0) requirements.multiProtocolStandard = true;
  const cloud = cloudOf(http);
  if (cloud) requirements.cloud = cloud;
  return requirements;
}

function cloudOf(lbs: LoadBalancerView[]): Cloud | undefined {
  for (const lb of lbs) {
    if (lb.provider.startsWith('aws')) return 'aws';
    if (lb.provider === 'gcp' || lb.provider === 'azure' || lb.provider === 'digitalocean')
      return lb.provider;
  }
  return undefined;
}

function describePorts(lb: LoadBalancerView): string {
  return [...new Set(lb.ports.map((port) => port.classification.what))].join(', ');
}

function summarise(
  total: number,
  http: number,
  layer4: number,
  recommended: SetAdvice['recommended'],
  saving: number,
  settings: RuleSettings,
  worthConsolidating: boolean,
): string {
  if (total === 0) {
    return recommended
      ? `No LoadBalancer Services. For the HTTP routing here, ${OPTION_TITLES[recommended]} ranks first.`
      : 'No LoadBalancer Services or Ingresses: nothing to consolidate.';
  }
  const parts: string[] = [];
  if (worthConsolidating && recommended) {
    parts.push(
      `Put the ${http} HTTP(S) load balancer(s) behind one ${OPTION_TITLES[recommended]} entry point, saving about ${formatMoney(saving, settings.currency)} a month.`,
    );
  } else if (http === 1) {
    parts.push(
      'One HTTP(S) LoadBalancer: fine on its own; add an Ingress or Gateway when a second HTTP service arrives.',
    );
  }
  if (layer4 > 0)
    parts.push(`Keep the ${layer4} L4 LoadBalancer(s): they carry traffic an HTTP entry point cannot route.`);
  if (parts.length === 0)
    parts.push('Classify the LoadBalancer ports (port names or appProtocol) to get a recommendation.');
  return parts.join(' ');
}
