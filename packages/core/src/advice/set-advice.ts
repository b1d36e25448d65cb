/**
 * Advice for a set of manifests as a whole: one entry point for the HTTP load balancers, keep the
 * L4 ones, look again at those we cannot classify, with the indicative saving. A load balancer that
 * fronts an ingress or gateway controller (inventory/entry-points.ts) is the shared entry point the
 * app load balancers join: it is kept, and it is in none of the counts or savings.
 */
import { consolidationCost, formatMoney } from '../cost/cost.js';
import { isAllowAllRange } from '../exposure/exposure.js';
import { consolidationGroups } from '../inventory/consolidation.js';
import { controllerNoun, knownControllerOf } from '../inventory/entry-points.js';
import { ingressNginxBinding } from '../inventory/ingress-class.js';
import type { Inventory } from '../inventory/inventory.js';
import { GATEWAY_API, INGRESSES, type ObjectShape, SERVICES, WORKLOADS } from '../inventory/shapes.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { displayName } from '../manifests/objects.js';
import { plural } from '../render/internal/report-facts.js';
import type { RuleSettings } from '../rules/define-rule.js';
import { DEFAULT_WEIGHTS, OPTION_TITLES } from './criteria.js';
import { rankOptions } from './decide.js';
import type { Cloud, Requirements } from './requirements.js';
import type { OptionId, PlanStep, SetAdvice, Weights } from './types.js';

/** Recommends for the set: what to do with each group of load balancers, and what it saves. */
/**
 * What the advice reads of the set, beyond identities: the loader keeps it (see Rule.reads). Workloads
 * for their images and pod labels, which tell the load balancers of ingress and gateway controllers.
 */
export const ADVICE_READS: readonly ObjectShape[] = [SERVICES, INGRESSES, ...GATEWAY_API, ...WORKLOADS];

export function adviseOnInventory(
  inventory: Inventory,
  settings: RuleSettings,
  weights: Weights = DEFAULT_WEIGHTS,
): SetAdvice {
  const lbs = [...inventory.loadBalancers].sort(byLocation);
  const entryPoints = lbs.filter((lb) => lb.role === 'entry-point');
  const apps = lbs.filter((lb) => lb.role === 'app');
  const http = apps.filter((lb) => lb.traffic === 'http');
  const layer4 = apps.filter((lb) => lb.traffic === 'l4' || lb.traffic === 'mixed');
  const unclear = apps.filter((lb) => lb.traffic === 'unknown');
  const ranking = rankOptions(requirementsOfHttp(inventory, http, entryPoints), weights);
  const recommended = http.length > 0 || inventory.ingresses.length > 0 ? (ranking[0]?.option ?? null) : null;
  const groups = recommended ? consolidationGroups(inventory) : [];
  const plan: PlanStep[] = entryPoints.map((lb) =>
    keepEntryPoint(
      lb,
      groups.filter((group) => group.entryPoint === lb).flatMap((group) => group.loadBalancers),
    ),
  );
  let saved = 0;
  let saving = 0;
  /** The entry point of a controller the HTTP load balancers join, for the summary. */
  let joined: string | null = null;
  for (const group of groups) {
    if (group.entryPoint !== null) joined ??= group.existingEntryPoint;
    const cost = consolidationCost(group.loadBalancers, group.existingEntryPoint !== null, settings);
    saved += cost.saved;
    saving += cost.savingMonthly;
    const services = [...group.loadBalancers].sort(byLocation).map((lb) => displayName(lb.object));
    const count = plural(services.length, `${group.exposure} HTTP(S) Service`);
    const them = services.length === 1 ? 'it' : 'them';
    const title = OPTION_TITLES[recommended as OptionId];
    let text = `Route ${count} through one ${group.exposure === 'internal' ? 'internal ' : ''}${title} entry point and make ${them} ClusterIP.`;
    if (group.existingEntryPoint !== null) {
      // Only a move the tool can write is worth planning: Ingress to Gateway API.
      text =
        group.existingKind === 'ingress' && recommended === 'gateway-api'
          ? `Route ${count} through ${group.existingEntryPoint} now and make ${them} ClusterIP; ${title} ranks first for the set, so plan the move (\`ingress-advisor migrate --to gateway\`).`
          : `Route ${count} through ${group.existingEntryPoint} and make ${them} ClusterIP.`;
    }
    plan.push({
      action: 'consolidate',
      option: recommended as OptionId,
      services,
      text,
      saves: { loadBalancers: cost.saved, monthly: cost.savingMonthly },
    });
  }
  const consolidated = plan.some((step) => step.action === 'consolidate');
  for (const lb of layer4) {
    const name = displayName(lb.object);
    const l4Ports = lb.ports
      .filter((port) => port.classification.traffic === 'l4')
      .map((p) => `${p.port}/${p.protocol}`);
    const exposed = lb.ports
      .filter((port) => port.classification.sensitive)
      .map((port) => port.classification.what);
    const guard =
      lb.exposure === 'public' &&
      exposed.length > 0 &&
      (lb.sourceRanges.length === 0 || lb.sourceRanges.some(isAllowAllRange))
        ? ` Make it internal or restrict loadBalancerSourceRanges: it exposes ${[...new Set(exposed)].join(', ')} to the internet.`
        : '';
    plan.push({
      action: 'keep-loadbalancer',
      option: 'loadbalancer',
      services: [name],
      text: `Keep ${name} as a LoadBalancer: it carries ${l4Ports.join(', ')} (${describePorts(lb)}), which an HTTP entry point cannot route.${guard} Teams standardising on Gateway API can use a TCPRoute/UDPRoute on an L4 Gateway (GA from v1.6).`,
    });
  }
  if (unclear.length > 0) {
    const names = unclear.map((lb) => displayName(lb.object));
    plan.push({
      action: 'review',
      option: 'loadbalancer',
      services: names,
      text: `Say what ${names.join(', ')} carry: name the ports (http, grpc, tcp...) or set appProtocol, so they can be placed.`,
    });
  }

  const monthlySaving = Math.round(saving * 100) / 100;
  return {
    recommended,
    summary: summarise(
      lbs.length,
      http.length,
      layer4.length,
      recommended,
      monthlySaving,
      settings,
      consolidated,
      entryPoints,
      joined,
    ),
    ranking,
    weights,
    plan,
    loadBalancers: { before: lbs.length, after: lbs.length - saved },
    monthlySaving,
    currency: settings.currency,
  };
}

function byLocation(a: LoadBalancerView, b: LoadBalancerView): number {
  return a.object.file < b.object.file ? -1 : a.object.file > b.object.file ? 1 : a.typeLine - b.typeLine;
}

/** The plan step of an entry point: kept, as the entry point the app load balancers join. */
function keepEntryPoint(lb: LoadBalancerView, joining: readonly LoadBalancerView[]): PlanStep {
  const name = displayName(lb.object);
  const serves = knownControllerOf(lb)?.serves ?? [];
  const join =
    joining.length > 0
      ? ` It is the shared entry point: ${joining.map((app) => displayName(app.object)).join(', ')} should join it rather than keep load balancers of their own.`
      : ' It is the shared entry point: route HTTP services through it rather than giving them load balancers of their own.';
  return {
    action: 'keep-entry-point',
    option: serves[0] ?? 'loadbalancer',
    services: [name],
    text: `Keep ${name} as a LoadBalancer: it fronts the ${controllerNoun(lb)} (${lb.roleReason ?? 'recognised'}), the cluster's way in, so it is never consolidated or made ClusterIP.${join}`,
  };
}

function requirementsOfHttp(
  inventory: Inventory,
  http: LoadBalancerView[],
  entryPoints: readonly LoadBalancerView[],
): Requirements {
  const serving = (kind: 'ingress' | 'gateway-api'): boolean =>
    entryPoints.some((lb) => knownControllerOf(lb)?.serves.includes(kind) === true);
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
      ingress: inventory.ingresses.length > 0 || serving('ingress'),
      gatewayApi: inventory.gateways.length > 0 || serving('gateway-api'),
      ingressNginx:
        inventory.ingresses.some((ingress) => ingressNginxBinding(inventory, ingress) !== null) ||
        entryPoints.some((lb) => lb.controller?.id === 'ingress-nginx'),
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
  entryPoints: readonly LoadBalancerView[],
  joined: string | null,
): string {
  if (total === 0) {
    return recommended
      ? `No LoadBalancer Services. For the HTTP routing here, ${OPTION_TITLES[recommended]} ranks first.`
      : 'No LoadBalancer Services or Ingresses: nothing to consolidate.';
  }
  const parts: string[] = [];
  if (entryPoints.length > 0) {
    const names = entryPoints.map((lb) => `${displayName(lb.object)} (${controllerNoun(lb)})`).join(', ');
    parts.push(
      entryPoints.length === 1
        ? `Keep ${names}, the entry point of the set: app HTTP(S) Services share it.`
        : `Keep the ${entryPoints.length} entry points of the set, ${names}: app HTTP(S) Services share them.`,
    );
  }
  const kept = parts.length;
  if (worthConsolidating && joined !== null) {
    parts.push(
      `Route the ${plural(http, 'HTTP(S) load balancer')} through ${joined}, saving about ${formatMoney(saving, settings.currency)} a month.`,
    );
  } else if (worthConsolidating && recommended) {
    parts.push(
      `Put the ${plural(http, 'HTTP(S) load balancer')} behind a shared entry point (${OPTION_TITLES[recommended]} ranks first), saving about ${formatMoney(saving, settings.currency)} a month.`,
    );
  } else if (http === 1) {
    parts.push(
      'One HTTP(S) LoadBalancer: fine on its own; add an Ingress or Gateway when a second HTTP service arrives.',
    );
  }
  if (layer4 === 1)
    parts.push('Keep the L4 LoadBalancer: it carries traffic an HTTP entry point cannot route.');
  else if (layer4 > 1)
    parts.push(`Keep the ${layer4} L4 LoadBalancers: they carry traffic an HTTP entry point cannot route.`);
  // Load balancers that are neither entry points, HTTP nor L4: their ports say too little.
  if (parts.length === kept && total > entryPoints.length)
    parts.push('Classify the LoadBalancer ports (port names or appProtocol) to get a recommendation.');
  return parts.join(' ');
}
