import { describe, expect, it } from 'vitest';
import { type AdvisedUnit, combineAdvice } from './combine.js';
import { DEFAULT_WEIGHTS } from './criteria.js';
import type { PlanStep, SetAdvice } from './types.js';

const consolidate = (services: string[]): PlanStep => ({
  action: 'consolidate',
  option: 'gateway-api',
  services,
  text: `Route ${services.length} HTTP(S) Services through one Gateway API entry point.`,
  saves: { loadBalancers: services.length - 1, monthly: 18.25 * (services.length - 1) },
});
const keep = (service: string): PlanStep => ({
  action: 'keep-loadbalancer',
  option: 'loadbalancer',
  services: [service],
  text: `Keep ${service} a LoadBalancer.`,
});

const unit = (id: string, loadBalancers: string[], plan: PlanStep[]): AdvisedUnit => {
  const saved = plan.reduce((sum, step) => sum + (step.saves?.loadBalancers ?? 0), 0);
  const advice: SetAdvice = {
    recommended: plan.some((step) => step.action === 'consolidate') ? 'gateway-api' : 'loadbalancer',
    summary: '',
    ranking: [],
    weights: DEFAULT_WEIGHTS,
    plan,
    loadBalancers: { before: loadBalancers.length, after: loadBalancers.length - saved },
    monthlySaving: saved * 18.25,
    currency: 'USD',
  };
  return { unit: id, advice, loadBalancers };
};

describe('combineAdvice', () => {
  it('counts a consolidation planned by every copy of its Services once', () => {
    const combined = combineAdvice(
      [
        unit('files:k8s', ['shop/web', 'shop/api'], [consolidate(['shop/api', 'shop/web'])]),
        unit('files:release', ['shop/web', 'shop/api'], [consolidate(['shop/api', 'shop/web'])]),
      ],
      2,
    );
    expect(combined.loadBalancers).toEqual({ before: 2, after: 1 });
    expect(combined.monthlySaving).toBe(18.25);
  });

  it('saves nothing when another unit deploys the same Services and keeps their load balancers', () => {
    const combined = combineAdvice(
      [
        unit('files:release', ['shop/web', 'shop/api'], [consolidate(['shop/api', 'shop/web'])]),
        unit('helm:charts/shop', ['shop/web', 'shop/api'], [keep('shop/web'), keep('shop/api')]),
      ],
      2,
    );
    expect(combined.loadBalancers).toEqual({ before: 2, after: 2 });
    expect(combined.monthlySaving).toBe(0);
    expect(combined.summary).toContain(
      '2 deployment units with load balancers or Ingresses, each advised on its own: 2 different load balancers in all, 2 after their plans.',
    );
  });

  it('is not held back by a unit that deploys only some of the Services', () => {
    const combined = combineAdvice(
      [
        unit('kustomize:overlays/prod', ['shop/web', 'shop/api'], [consolidate(['shop/api', 'shop/web'])]),
        unit('kustomize:overlays/dev', ['shop/web'], [keep('shop/web')]),
      ],
      2,
    );
    expect(combined.loadBalancers).toEqual({ before: 2, after: 1 });
  });

  it('says "1 load balancer" when the units deploy one between them', () => {
    const combined = combineAdvice(
      [
        unit('helm:charts/web@values-prod.yaml', ['shop/web'], [keep('shop/web')]),
        unit('files:ingress', [], []),
      ],
      1,
    );
    expect(combined.summary).toMatch(
      /^2 deployment units with load balancers or Ingresses, each advised on its own: 1 load balancer in all, 1 after their plans\. /,
    );
  });
});
