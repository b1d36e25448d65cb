/** Indicative load balancer cost: what N load balancers cost a month, and what sharing one saves. */

import type { LoadBalancerView } from '../inventory/views.js';
import { LOAD_BALANCER_PRICES } from '../known/prices.js';
import type { RuleSettings } from '../rules/define-rule.js';

/** Monthly base price of one load balancer, from the configuration or the built-in table. */
export function monthlyPriceOf(
  loadBalancer: Pick<LoadBalancerView, 'provider'>,
  settings: RuleSettings,
): number {
  return settings.pricePerLoadBalancer ?? LOAD_BALANCER_PRICES[loadBalancer.provider].monthly;
}

export interface ConsolidationCost {
  /** Load balancers the group uses today. */
  before: number;
  /** Load balancers it needs once consolidated (0 when an entry point already exists). */
  after: number;
  saved: number;
  currentMonthly: number;
  savingMonthly: number;
}

/**
 * What moving a group of HTTP load balancers behind one entry point saves. With no Ingress or
 * Gateway in the set yet, the new entry point needs one load balancer of its own; with one already
 * there, every load balancer of the group can go.
 */
export function consolidationCost(
  group: ReadonlyArray<Pick<LoadBalancerView, 'provider'>>,
  entryPointExists: boolean,
  settings: RuleSettings,
): ConsolidationCost {
  const prices = group.map((loadBalancer) => monthlyPriceOf(loadBalancer, settings));
  const currentMonthly = sum(prices);
  const after = entryPointExists || group.length === 0 ? 0 : 1;
  const keptMonthly = after === 0 ? 0 : Math.max(...prices);
  return {
    before: group.length,
    after,
    saved: group.length - after,
    currentMonthly: round(currentMonthly),
    savingMonthly: round(currentMonthly - keptMonthly),
  };
}

/** `$49.29` for USD, `EUR 49.29` style for other currencies (locale-independent output). */
export function formatMoney(amount: number, currency: string): string {
  const fixed = amount.toFixed(2);
  return currency === 'USD' ? `$${fixed}` : `${currency} ${fixed}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
