/**
 * The reference article's evaluation criteria and weights, and each option's standing on them
 * before any requirement is known. Base scores follow the article's comparison table, corrected by
 * current facts (facts.md): the Ingress API is frozen and Gateway API is its recommended successor.
 */
import type { CriterionId, OptionId, Weights } from './types.js';

export const CRITERIA: ReadonlyArray<{ id: CriterionId; title: string }> = [
  { id: 'routing', title: 'Routing & protocol flexibility' },
  { id: 'simplicity', title: 'Operational simplicity' },
  { id: 'performance', title: 'Performance & latency' },
  { id: 'security', title: 'Security & TLS management' },
  { id: 'portability', title: 'Portability & ecosystem' },
];

/** The article's weights in percentage points: routing 30, simplicity 20, performance 20, security 15, portability 15. */
const ARTICLE_POINTS: Weights = {
  routing: 30,
  simplicity: 20,
  performance: 20,
  security: 15,
  portability: 15,
};

/** The article's weights as fractions summing to 1. */
export const DEFAULT_WEIGHTS: Weights = pointsToWeights(ARTICLE_POINTS);

export const OPTION_TITLES: Readonly<Record<OptionId, string>> = {
  ingress: 'Ingress (with a controller)',
  loadbalancer: 'Service type LoadBalancer',
  'gateway-api': 'Gateway API',
  'edge-tunnel': 'Edge tunnel (e.g. Cloudflare Tunnel)',
};

/** Scores out of 10 per criterion, with no requirement known. */
export const BASE_SCORES: Readonly<Record<OptionId, Readonly<Record<CriterionId, number>>>> = {
  ingress: { routing: 7, simplicity: 6, performance: 7, security: 8, portability: 7 },
  loadbalancer: { routing: 3, simplicity: 9, performance: 9, security: 5, portability: 5 },
  'gateway-api': { routing: 9, simplicity: 5, performance: 7, security: 8, portability: 8 },
  'edge-tunnel': { routing: 5, simplicity: 7, performance: 5, security: 8, portability: 5 },
};

/**
 * What each option is good and bad at whatever the situation: the reasons an option is given when
 * nothing in the question moved its score, so no option is ranked without a why.
 */
export const GENERAL_REASONS: Readonly<Record<OptionId, readonly string[]>> = {
  ingress: [
    '+ many HTTP(S) Services behind one address, with TLS in one place',
    "− HTTP(S) only, and the API is frozen: features live in each controller's annotations",
  ],
  loadbalancer: [
    '+ any TCP or UDP port, with nothing to run in the cluster',
    '− one cloud load balancer, address and bill per Service, and no HTTP routing',
  ],
  'gateway-api': [
    '+ the successor of Ingress: HTTP, gRPC, TLS, TCP and UDP routes, with roles for platform and app teams',
    '− CRDs and an implementation to install and run',
  ],
  'edge-tunnel': [
    "+ no inbound port or public address: the cluster connects out to the provider's edge",
    '− traffic runs through a third party, and public UDP is not carried',
  ],
};

/** Ties are broken in this order: the newer standard first. */
export const OPTION_ORDER: readonly OptionId[] = ['gateway-api', 'ingress', 'loadbalancer', 'edge-tunnel'];

/**
 * Normalises user-supplied weights, given in percentage points (`{ routing: 40 }`): missing criteria
 * keep the article's points (30, 20, 20, 15, 15), negatives are ignored, and the result sums to 1.
 */
export function normaliseWeights(partial: Partial<Record<CriterionId, number>> = {}): Weights {
  const merged = { ...ARTICLE_POINTS };
  for (const { id } of CRITERIA) {
    const value = partial[id];
    if (value !== undefined && Number.isFinite(value) && value >= 0) merged[id] = value;
  }
  return pointsToWeights(merged);
}

function pointsToWeights(points: Weights): Weights {
  const total = CRITERIA.reduce((sum, { id }) => sum + points[id], 0);
  if (total === 0) return DEFAULT_WEIGHTS;
  const weights = { ...points };
  for (const { id } of CRITERIA) weights[id] = points[id] / total;
  return weights;
}
