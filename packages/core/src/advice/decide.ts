/**
 * Scores the four options against requirements on the article's weighted criteria. Each
 * consideration below reads the requirements and moves scores, with a reason a reader can check;
 * hard constraints (UDP through an Ingress, a LoadBalancer without inbound ports) exclude an option.
 */
import {
  BASE_SCORES,
  CRITERIA,
  DEFAULT_WEIGHTS,
  GENERAL_REASONS,
  OPTION_ORDER,
  OPTION_TITLES,
} from './criteria.js';
import { needsHttp, needsLayer4, type Requirements } from './requirements.js';
import type { CriterionId, OptionId, RankedOption, Weights } from './types.js';

type Effect =
  | { option: OptionId; criterion: CriterionId; delta: number; reason: string }
  | { option: OptionId; exclude: string };

type Consideration = (requirements: Requirements) => Effect[];

const move = (option: OptionId, criterion: CriterionId, delta: number, reason: string): Effect => ({
  option,
  criterion,
  delta,
  reason,
});

const CONSIDERATIONS: readonly Consideration[] = [
  // Many HTTP services, or host/path routing: the case Ingress and Gateway API exist for.
  (r) => {
    const many =
      (r.serviceCount ?? 0) >= 2 || r.manyServices === true || r.existing?.manyLoadBalancers === true;
    const routing = r.hostRouting === true || r.pathRouting === true;
    if (!(many || routing) || (!needsHttp(r) && r.protocols !== undefined)) return [];
    const why = routing
      ? 'host/path routing to several Services'
      : `${r.serviceCount ?? 'several'} HTTP services`;
    return [
      move('ingress', 'routing', 2, `routes ${why} behind one entry point`),
      move('gateway-api', 'routing', 2, `HTTPRoutes give ${why} behind one Gateway`),
      move('loadbalancer', 'routing', -3, 'no host or path routing: one load balancer per Service'),
      move(
        'loadbalancer',
        'simplicity',
        -2,
        'one cloud load balancer, address and certificate per Service to manage',
      ),
    ];
  },
  // A single service with nothing to route: a LoadBalancer is the least to run.
  (r) => {
    if (r.serviceCount !== 1 || r.hostRouting || r.pathRouting) return [];
    return [
      move('loadbalancer', 'routing', 3, 'one Service and nothing to route by host or path'),
      move('loadbalancer', 'simplicity', 1, 'one Service: `type: LoadBalancer` and the cloud does the rest'),
      move('ingress', 'simplicity', -1, 'a controller to install and run for a single Service'),
      move('gateway-api', 'simplicity', -1, 'CRDs and a controller to run for a single Service'),
      // Routing flexibility is worth little with one backend to route to.
      move('ingress', 'routing', -1, 'one backend: its routing features go unused'),
      move('gateway-api', 'routing', -1, 'one backend: its routing features go unused'),
    ];
  },
  // Said outright: nothing to route by host or path.
  (r) =>
    r.hostRouting === false && r.pathRouting === false
      ? [
          move('loadbalancer', 'routing', 1, 'nothing to route by host or path'),
          move('ingress', 'simplicity', -1, 'a routing layer with nothing to route'),
          move('gateway-api', 'simplicity', -1, 'a routing layer with nothing to route'),
        ]
      : [],
  // UDP and raw TCP: HTTP proxies cannot carry them.
  (r) => {
    const { udp, tcp } = needsLayer4(r);
    if (!udp && !tcp) return [];
    const what = udp && tcp ? 'TCP and UDP' : udp ? 'UDP' : 'raw TCP/TLS';
    const effects: Effect[] = [
      { option: 'ingress', exclude: `an Ingress routes HTTP(S) only; ${what} cannot go through it` },
      move('loadbalancer', 'routing', 3, `carries ${what} natively at layer 4`),
      move('loadbalancer', 'performance', 1, 'no proxy hop: packets go straight to the nodes or pods'),
      move(
        'gateway-api',
        'simplicity',
        -2,
        `${udp ? 'UDPRoute' : 'TCPRoute'} is GA only from Gateway API v1.6, needs a controller that supports it and its own L4 Gateway`,
      ),
    ];
    if (udp)
      effects.push({ option: 'edge-tunnel', exclude: 'edge tunnels publish HTTP and TCP, not public UDP' });
    else
      effects.push(
        move('edge-tunnel', 'routing', -3, 'raw TCP through a tunnel needs a client-side connector'),
      );
    return effects;
  },
  // Only L4 and nothing to route: the Gateway machinery buys little.
  (r) => {
    const { udp, tcp } = needsLayer4(r);
    if ((!udp && !tcp) || needsHttp(r) || r.roleSeparation || r.multiProtocolStandard) return [];
    return [
      move(
        'gateway-api',
        'routing',
        -3,
        'no HTTP to route: TCPRoute/UDPRoute add a layer over what a LoadBalancer does',
      ),
    ];
  },
  (r) =>
    r.protocols?.includes('grpc')
      ? [
          move('gateway-api', 'routing', 1, 'GRPCRoute routes gRPC by service and method (GA since v1.1)'),
          move('ingress', 'routing', -1, 'gRPC needs controller-specific annotations on an Ingress'),
        ]
      : [],
  (r) =>
    r.multiProtocolStandard
      ? [
          move('gateway-api', 'routing', 3, 'one API for HTTP, gRPC, TLS, TCP and UDP routes'),
          move('ingress', 'routing', -2, 'Ingress covers HTTP(S) only'),
        ]
      : [],
  (r) =>
    r.roleSeparation
      ? [
          move(
            'gateway-api',
            'routing',
            2,
            'role-oriented: platform owns GatewayClass/Gateway, app teams own their Routes',
          ),
          move(
            'gateway-api',
            'security',
            1,
            'ReferenceGrants and allowedRoutes limit what each namespace can attach',
          ),
          move('ingress', 'routing', -1, 'one Ingress object mixes platform and application concerns'),
        ]
      : [],
  (r) =>
    r.trafficSplitting
      ? [
          move(
            'gateway-api',
            'routing',
            2,
            'weighted backendRefs and header matches are core HTTPRoute features',
          ),
          move(
            'ingress',
            'routing',
            -1,
            'splitting and header routing only through controller annotations (canary)',
          ),
          move('loadbalancer', 'routing', -2, 'a load balancer cannot split by weight or header'),
        ]
      : [],
  (r) =>
    r.tlsTermination || r.certificateManagement
      ? [
          move(
            'ingress',
            'security',
            1,
            'TLS terminates in one place, certificates managed there (cert-manager)',
          ),
          move(
            'gateway-api',
            'security',
            1,
            'HTTPS listeners terminate TLS with certificateRefs in one place',
          ),
          move('loadbalancer', 'security', -2, 'TLS left to each app or to provider-specific annotations'),
          move('edge-tunnel', 'security', 1, 'the edge provider issues and renews certificates'),
        ]
      : [],
  (r) =>
    r.passthrough
      ? [
          move(
            'loadbalancer',
            'security',
            2,
            'traffic reaches the pods untouched (end-to-end TLS, client IP)',
          ),
          move(
            'ingress',
            'routing',
            -2,
            'an Ingress terminates HTTP; passthrough needs controller-specific flags',
          ),
        ]
      : [],
  (r) =>
    r.latencySensitive
      ? [
          move('loadbalancer', 'performance', 2, 'L4 forwarding adds the least latency'),
          move('ingress', 'performance', -1, 'an extra L7 proxy hop (usually around a millisecond)'),
          move('gateway-api', 'performance', -1, 'an extra L7 proxy hop (usually around a millisecond)'),
          move('edge-tunnel', 'performance', -2, 'traffic detours through the provider edge and the tunnel'),
        ]
      : [],
  (r) =>
    r.costSensitive
      ? [
          move(
            'loadbalancer',
            'simplicity',
            -2,
            'cost grows by one cloud load balancer (~$16-18/month) per Service',
          ),
          move('ingress', 'simplicity', 1, 'one load balancer for every HTTP Service'),
          move('gateway-api', 'simplicity', 1, 'one load balancer per Gateway, shared by its routes'),
        ]
      : [],
  (r) =>
    r.noInboundPorts
      ? [
          { option: 'loadbalancer', exclude: 'a LoadBalancer is an inbound address and port by definition' },
          move('edge-tunnel', 'security', 2, 'outbound-only connector: no inbound port opened'),
          move('edge-tunnel', 'routing', 2, 'publishes HTTP services by hostname through the edge'),
          move('edge-tunnel', 'portability', 3, 'works behind NAT, CGNAT and closed firewalls'),
          move('ingress', 'portability', -4, 'still needs an inbound port for its own load balancer'),
          move('gateway-api', 'portability', -4, 'still needs an inbound port for its own load balancer'),
          move(
            'ingress',
            'security',
            -1,
            'opens the inbound port the constraint forbids, unless a tunnel feeds it',
          ),
          move(
            'gateway-api',
            'security',
            -1,
            'opens the inbound port the constraint forbids, unless a tunnel feeds it',
          ),
        ]
      : [],
  (r) =>
    r.environment === 'bare-metal' || r.environment === 'home-lab'
      ? [
          move(
            'loadbalancer',
            'portability',
            -3,
            'needs MetalLB or a similar implementation outside the clouds',
          ),
          move('edge-tunnel', 'simplicity', 1, 'no public address or router configuration needed'),
        ]
      : [],
  (r) => {
    if (!r.internalOnly) return [];
    const internalLoadBalancer = move(
      'loadbalancer',
      'security',
      1,
      'internal load balancer annotations keep it inside the VPC',
    );
    // Internal tools with no inbound port: the zero-trust pattern, the edge checks who may come in.
    if (r.noInboundPorts)
      return [
        internalLoadBalancer,
        move('edge-tunnel', 'security', 1, 'identity-aware access at the edge for internal tools'),
      ];
    return [
      internalLoadBalancer,
      move('edge-tunnel', 'routing', -4, 'an edge tunnel is for publishing to the internet'),
    ];
  },
  (r) =>
    r.existing?.ingressNginx
      ? [
          move(
            'gateway-api',
            'portability',
            2,
            'ingress-nginx was retired in March 2026; Gateway API is the recommended successor',
          ),
          move('ingress', 'portability', -2, 'staying on Ingress means moving to another controller anyway'),
        ]
      : [],
];

/** Ranks the options for the requirements, best first. */
export function rankOptions(requirements: Requirements, weights: Weights = DEFAULT_WEIGHTS): RankedOption[] {
  const scores = new Map<OptionId, Record<CriterionId, number>>();
  const reasons = new Map<OptionId, Array<{ text: string; weight: number }>>();
  const excluded = new Map<OptionId, string>();
  for (const option of OPTION_ORDER) {
    scores.set(option, { ...BASE_SCORES[option] });
    reasons.set(option, []);
  }
  for (const consider of CONSIDERATIONS) {
    for (const effect of consider(requirements)) {
      if ('exclude' in effect) {
        if (!excluded.has(effect.option)) excluded.set(effect.option, effect.exclude);
        continue;
      }
      const optionScores = scores.get(effect.option) as Record<CriterionId, number>;
      optionScores[effect.criterion] += effect.delta;
      const sign = effect.delta > 0 ? '+' : '−';
      (reasons.get(effect.option) as Array<{ text: string; weight: number }>).push({
        text: `${sign} ${effect.reason}`,
        weight: Math.abs(effect.delta) * weights[effect.criterion],
      });
    }
  }
  const ranked = OPTION_ORDER.map((option): RankedOption => {
    const criteria = scores.get(option) as Record<CriterionId, number>;
    for (const { id } of CRITERIA) criteria[id] = Math.min(10, Math.max(0, criteria[id]));
    const score =
      Math.round(CRITERIA.reduce((sum, { id }) => sum + criteria[id] * weights[id], 0) * 100) / 10;
    const ranking: RankedOption = {
      option,
      title: OPTION_TITLES[option],
      score,
      criteria,
      reasons: (reasons.get(option) ?? []).sort((a, b) => b.weight - a.weight).map((reason) => reason.text),
    };
    // Nothing in the question moved it: what it is good and bad at in general.
    if (ranking.reasons.length === 0) ranking.reasons = [...GENERAL_REASONS[option]];
    const exclusion = excluded.get(option);
    if (exclusion !== undefined) ranking.excludedBecause = exclusion;
    return ranking;
  });
  // Excluded options go last; otherwise by score, ties in OPTION_ORDER (sort is stable).
  return ranked.sort(
    (a, b) =>
      Number(a.excludedBecause !== undefined) - Number(b.excludedBecause !== undefined) || b.score - a.score,
  );
}
