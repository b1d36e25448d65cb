/**
 * Indicative monthly base prices of one load balancer, in USD, on-demand, US regions, 730 hours
 * (facts.md section 5, transcribed 2026-09-20). Usage charges (LCU, data) come on top; these are the
 * floor each extra load balancer adds.
 */

/** Who provisions a Service's load balancer, as far as its manifest tells. */
export type LoadBalancerProvider =
  | 'aws-nlb'
  | 'aws-clb'
  | 'gcp'
  | 'azure'
  | 'digitalocean'
  | 'bare-metal'
  | 'other-cloud'
  | 'unknown';

export interface ProviderPrice {
  /** Monthly base price in USD. */
  monthly: number;
  /** What the figure is, for the report's footnote. */
  basis: string;
}

export const LOAD_BALANCER_PRICES: Record<LoadBalancerProvider, ProviderPrice> = {
  'aws-nlb': { monthly: 16.43, basis: 'AWS NLB, $0.0225/h' },
  'aws-clb': { monthly: 18.25, basis: 'AWS Classic LB (in-tree default), $0.025/h' },
  gcp: { monthly: 18.25, basis: 'GCP forwarding rule, $0.025/h' },
  azure: { monthly: 18.25, basis: 'Azure Standard LB, $0.025/h' },
  digitalocean: { monthly: 12, basis: 'DigitalOcean regional LB, $12/node/month' },
  'bare-metal': { monthly: 0, basis: 'bare metal (MetalLB): no per-LB fee, but one address each' },
  'other-cloud': { monthly: 18.25, basis: 'typical cloud LB, $0.025/h' },
  unknown: { monthly: 18.25, basis: 'typical cloud LB, $0.025/h' },
};

/** The currency of the built-in price table. */
export const DEFAULT_CURRENCY = 'USD';
