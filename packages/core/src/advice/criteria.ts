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

/** The article's weights: routing 30%, simplicity 20%, performance 20%, security 15%, portability 15%. */
export const DEFAULT_WEIGHTS: Weights = {
  routing: 0.3,
  simplicity: 0.2,
  performance: 0.2,
  security: 0.15,
  portability: 0.15,
};

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

/** Ties are broken in this order: the newer standard first. */
export const OPTION_ORDER: readonly OptionId[] = ['gateway-api', 'ingress', 'loadbalancer', 'edge-tunnel'];

/**
 * Normalises user-supplied weights: missing criteria keep their default, negatives are rejected,
 * and the result sums to 1.
 */
export function normaliseWeights(partial: Partial<Record<CriterionId, number>> = {}): Weights {
  const merged = { ...DEFAULT_WEIGHTS };
  for (const { id } of CRITERIA) {
    const value = partial[id];
    if (value !== undefined && Number.isFinite(value) && value >= 0) merged[id] = value;
  }
  const total = CRITERIA.reduce((sum, { id }) => sum + merged[id], 0);
  if (total === 0) return DEFAULT_WEIGHTS;
  const normalised = { ...merged };
  for (const { id } of CRITERIA) normalised[id] = merged[id] / total;
  return normalised;
}
