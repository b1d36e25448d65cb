/** The vocabulary of advice: the options, the criteria they are scored on, and a ranking. */

/** The four ways to expose a workload we compare. */
export type OptionId = 'ingress' | 'loadbalancer' | 'gateway-api' | 'edge-tunnel';

/** The reference article's five evaluation criteria. */
export type CriterionId = 'routing' | 'simplicity' | 'performance' | 'security' | 'portability';

/** Criterion weights, summing to 1. */
export type Weights = Readonly<Record<CriterionId, number>>;

/** One option's place in a ranking. */
export interface RankedOption {
  option: OptionId;
  title: string;
  /** Weighted score, 0 to 100. */
  score: number;
  /** Score per criterion, 0 to 10, before weighting. */
  criteria: Record<CriterionId, number>;
  /** What moved the score, in order of effect. */
  reasons: string[];
  /** Set when a hard constraint rules the option out (e.g. UDP cannot go through an Ingress). */
  excludedBecause?: string;
}

/** One step of the plan for a set of manifests. */
export interface PlanStep {
  /**
   * `keep-entry-point`: a LoadBalancer that fronts an ingress or gateway controller, kept as the
   * entry point the app load balancers join (its `option` is what the controller serves).
   */
  action: 'consolidate' | 'keep-loadbalancer' | 'keep-entry-point' | 'review';
  option: OptionId;
  /** Services the step applies to, as `namespace/name`. */
  services: string[];
  text: string;
  /** A consolidation: the load balancers it saves and their monthly price. */
  saves?: { loadBalancers: number; monthly: number };
}

/** The recommendation for a set of manifests as a whole. */
export interface SetAdvice {
  /** The entry point recommended for the set's HTTP traffic; null when there is nothing to expose. */
  recommended: OptionId | null;
  /** One or two sentences a reader can act on. */
  summary: string;
  ranking: RankedOption[];
  /** The criterion weights the ranking used. */
  weights: Weights;
  plan: PlanStep[];
  loadBalancers: { before: number; after: number };
  /** Indicative monthly saving of the plan. */
  monthlySaving: number;
  currency: string;
}
