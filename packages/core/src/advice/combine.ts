/**
 * The advice of several deployment units read together: each unit is advised on its own (an
 * overlay's load balancers are never consolidated with another overlay's), and the plans are
 * listed unit by unit. A load balancer several units deploy (the same Service in `release/` and in
 * `kubernetes-manifests/`, or in a chart and its Kustomize twin) is counted once, and so is a
 * consolidation of the same Services; a consolidation saves a load balancer only when every unit that
 * deploys those Services plans it, since a copy left as it is still creates its own.
 */
import { formatMoney } from '../cost/cost.js';
import { formatCount, plural } from '../render/internal/report-facts.js';
import { OPTION_TITLES } from './criteria.js';
import type { SetAdvice } from './types.js';

/** A unit's advice, with the load balancers it deploys named as plan steps name them (`namespace/name`). */
export interface AdvisedUnit {
  unit: string;
  advice: SetAdvice;
  loadBalancers: readonly string[];
}

/**
 * Two or more units' advice as one; the ranking is that of the unit with the most load balancers.
 * `distinctLoadBalancers` is how many different load balancers the units deploy in all.
 */
export function combineAdvice(units: readonly AdvisedUnit[], distinctLoadBalancers: number): SetAdvice {
  const lead = [...units].sort(
    (a, b) => b.advice.loadBalancers.before - a.advice.loadBalancers.before,
  )[0] as AdvisedUnit;
  const consolidations = new Map<
    string,
    { services: string[]; saves: { loadBalancers: number; monthly: number }; units: Set<string> }
  >();
  for (const { unit, advice } of units) {
    for (const step of advice.plan) {
      if (!step.saves) continue;
      const key = [...step.services].sort().join('\n');
      const known = consolidations.get(key) ?? {
        services: step.services,
        saves: step.saves,
        units: new Set(),
      };
      known.units.add(unit);
      consolidations.set(key, known);
    }
  }
  const saves = [...consolidations.values()]
    .filter(({ services, units: planning }) =>
      units.every(
        ({ unit, loadBalancers }) =>
          planning.has(unit) || !services.every((service) => loadBalancers.includes(service)),
      ),
    )
    .map(({ saves: saved }) => saved);
  const before = distinctLoadBalancers;
  const after = before - saves.reduce((sum, saved) => sum + saved.loadBalancers, 0);
  const monthlySaving = Math.round(saves.reduce((sum, saved) => sum + saved.monthly, 0) * 100) / 100;
  const { currency } = lead.advice;
  const { recommended } = lead.advice;
  const option = recommended === null ? 'No new entry point' : OPTION_TITLES[recommended];
  const saving = monthlySaving > 0 ? `, saving about ${formatMoney(monthlySaving, currency)} a month` : '';
  // Counted once however many units deploy them, hence "different" when there are several.
  const inAll = plural(before, 'load balancer', 'different load balancers');
  return {
    recommended,
    summary: `${plural(units.length, 'deployment unit')} with load balancers or Ingresses, each advised on its own: ${inAll} in all, ${formatCount(after)} after their plans${saving}. ${option} ranks first for ${lead.unit}, the unit with the most load balancers.`,
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
