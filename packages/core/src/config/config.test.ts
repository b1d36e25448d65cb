import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { configuredSeverity, DEFAULT_CONFIG, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('reads rules, globs, price and currency', () => {
    const result = parseConfig(`rules:
  lb-http-consolidate: error
  ingress-no-tls: off
  lb-l4-appropriate: { severity: warning }
include: ["deploy/**"]
exclude: ["**/testdata/**"]
pricePerLoadBalancer: 20
currency: EUR
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(configuredSeverity(result.config, 'lb-http-consolidate', 'warning')).toBe('error');
    expect(configuredSeverity(result.config, 'ingress-no-tls', 'warning')).toBeNull();
    expect(configuredSeverity(result.config, 'lb-l4-appropriate', 'notice')).toBe('warning');
    expect(configuredSeverity(result.config, 'api-removed', 'error')).toBe('error');
    expect(result.config).toMatchObject({
      include: ['deploy/**'],
      pricePerLoadBalancer: 20,
      currency: 'EUR',
    });
  });

  it('accepts an empty file as the defaults', () => {
    expect(parseConfig('')).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  it('reports an unknown top-level key with the allowed keys', () => {
    expect(parseConfig('rule:\n  x: off\n')).toEqual({
      ok: false,
      problems: [
        {
          path: '',
          message:
            'unknown key(s) "rule"; allowed: rules, include, exclude, weights, pricePerLoadBalancer, currency',
        },
      ],
    });
  });

  it('reports an unknown rule id and a bad severity with their paths', () => {
    const result = parseConfig('rules:\n  lb-http-consolidat: off\n  ingress-no-tls: loud\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path)).toEqual([
      'rules.lb-http-consolidat',
      'rules.ingress-no-tls',
    ]);
    expect(result.problems[0]?.message).toMatch(/^unknown rule id; allowed: api-removed, /);
    expect(result.problems[1]?.message).toBe(
      'expected a severity (error, warning, notice) or off, or { severity: ... }',
    );
  });

  it('reads advice weights in percentage points, and they change the set advice', () => {
    const result = parseConfig('weights:\n  simplicity: 90\n  routing: 5\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.weights).toEqual({ simplicity: 90, routing: 5 });
    const services = [1, 2, 3]
      .map(
        (n) =>
          `apiVersion: v1\nkind: Service\nmetadata:\n  name: web-${n}\nspec:\n  type: LoadBalancer\n  ports:\n    - name: http\n      port: 80\n`,
      )
      .join('---\n');
    const byDefault = analyze([{ path: 'lbs.yaml', text: services }]);
    const simple = analyze([{ path: 'lbs.yaml', text: services }], { config: result.config });
    expect(byDefault.advice.weights.routing).toBeCloseTo(0.3);
    expect(simple.advice.weights.simplicity).toBeCloseTo(90 / (90 + 5 + 20 + 15 + 15));
    const scoreOf = (report: typeof simple, option: string) =>
      report.advice.ranking.find((entry) => entry.option === option)?.score;
    expect(scoreOf(simple, 'loadbalancer')).toBeGreaterThan(scoreOf(byDefault, 'loadbalancer') ?? 0);
  });

  it('rejects unknown criteria and weights that are all 0', () => {
    expect(parseConfig('weights:\n  speed: 10\n')).toEqual({
      ok: false,
      problems: [
        {
          path: 'weights',
          message: 'unknown key(s) "speed"; allowed: routing, simplicity, performance, security, portability',
        },
      ],
    });
    const zero = parseConfig(
      'weights: { routing: 0, simplicity: 0, performance: 0, security: 0, portability: 0 }\n',
    );
    expect(zero.ok === false && zero.problems).toEqual([
      { path: 'weights', message: 'the weights cannot all be 0' },
    ]);
    expect(parseConfig('weights:\n  routing: -1\n').ok).toBe(false);
  });

  it('asks for a price when the currency is not USD', () => {
    const result = parseConfig('currency: EUR\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'pricePerLoadBalancer',
          message: 'set pricePerLoadBalancer when currency is EUR: the built-in prices are in USD',
        },
      ],
    });
  });

  it('reports broken YAML with its line and wrong types with their path', () => {
    const broken = parseConfig('rules: [\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]?.message).toMatch(/line \d+, column \d+/);
    const wrongType = parseConfig('pricePerLoadBalancer: cheap\n');
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.problems[0]?.path).toBe('pricePerLoadBalancer');
  });
});

describe('include and exclude', () => {
  it('leave excluded files out, reported as skipped by the configuration', () => {
    const result = parseConfig('exclude: ["legacy/**"]\n');
    if (!result.ok) throw new Error('config should parse');
    const service =
      'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n';
    const report = analyze(
      [
        { path: 'legacy/svc.yaml', text: service },
        { path: 'deploy/svc.yaml', text: service },
      ],
      { config: result.config },
    );
    expect(report.files).toEqual([
      { path: 'deploy/svc.yaml', status: 'analyzed', documents: 1 },
      expect.objectContaining({ path: 'legacy/svc.yaml', status: 'skipped', role: 'excluded' }),
    ]);
    expect(report.loadBalancers.map((lb) => lb.file)).toEqual(['deploy/svc.yaml']);
  });
});
