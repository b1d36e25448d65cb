/**
 * The advice of several deployment units read together: each unit is advised on its own (an
 * overlay's load balancers are never consolidated with another overlay's), and the plans are
 * listed unit by unit, with the counts and savings added up.
 */
import { formatMoney } from '../cost/cost.js';
import { OPTION_TITLES } from './criteria.js';
import type { SetAdvice } from './types.js';

/** Two or more units' advice as one; the ranking is that of the unit with the most load balancers. */
export function combineAdvice(units: ReadonlyArray<{ unit: string; advice: SetAdvice }>): SetAdvice {
  const lead = [...units].sort(
    (a, b) => b.advice.loadBalancers.before - a.advice.loadBalancers.before,
  )[0] as { unit: string; advice: SetAdvice };
  const before = units.reduce((sum, { advice }) => sum + advice.loadBalancers.before, 0);
  const after = units.reduce((sum, { advice }) => sum + advice.loadBalancers.after, 0);
  const monthlySaving =
    Math.round(units.reduce((sum, { advice }) => sum + advice.monthlySaving, 0) * 100) / 100;
  const { currency } = lead.advice;
  const recommended = lead.advice.recommended;
  const option = recommended === null ? 'no new entry point' : OPTION_TITLES[recommended];
  const saving = monthlySaving > 0 ? `, saving about ${formatMoney(monthlySaving, currency)} a month` : '';
  return {
    recommended,
    summary: `${units.length} deployment units, each advised on its own: ${before} load balancer(s) in all, ${after} after their plans${saving}. ${option} ranks first for ${lead.unit}, the unit with the most load balancers.`,
    ranking: lead.advice.ranking,
    weights: lead.advice.weights,
    plan: units.flatMap(({ unit, advice }) =>
      advice.plan.map((step) => ({ ...step, text: `${unit}: ${step.text}` })),
    ),
    loadBalancers: { before, after },
    monthlySaving,
    currency,
  };
}
