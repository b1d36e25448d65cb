import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, normaliseWeights } from './criteria.js';
import { rankOptions } from './decide.js';
import type { Requirements } from './requirements.js';

const first = (ranking: ReturnType<typeof rankOptions>) => ranking[0]?.option;

describe('rankOptions', () => {
  it('puts an HTTP entry point first for several HTTP services with host routing', () => {
    const ranking = rankOptions({
      protocols: ['http', 'https'],
      serviceCount: 3,
      hostRouting: true,
      tlsTermination: true,
    });
    expect(['ingress', 'gateway-api']).toContain(first(ranking));
    const lb = ranking.find((r) => r.option === 'loadbalancer');
    expect(lb?.reasons.some((reason) => reason.includes('one load balancer per Service'))).toBe(true);
  });

  it('excludes Ingress for UDP and prefers a LoadBalancer', () => {
    const ranking = rankOptions({ ports: [{ port: 53, transport: 'udp' }], serviceCount: 1 });
    expect(first(ranking)).toBe('loadbalancer');
    const ingress = ranking.find((r) => r.option === 'ingress');
    expect(ingress?.excludedBecause).toMatch(/HTTP\(S\) only/);
    expect(ranking.at(-1)?.excludedBecause).toBeDefined();
  });

  it('prefers Gateway API for multi-protocol routing with separate roles', () => {
    expect(
      first(
        rankOptions({
          protocols: ['http', 'grpc', 'tcp'],
          roleSeparation: true,
          multiProtocolStandard: true,
        }),
      ),
    ).toBe('gateway-api');
  });

  it('prefers an edge tunnel when no inbound port may be opened', () => {
    const ranking = rankOptions({ protocols: ['http'], noInboundPorts: true });
    expect(first(ranking)).toBe('edge-tunnel');
    expect(ranking.find((r) => r.option === 'loadbalancer')?.excludedBecause).toBeDefined();
  });

  it('scores are weighted sums between 0 and 100 and change with the weights', () => {
    const requirements = { protocols: ['http' as const], serviceCount: 1, latencySensitive: true };
    const byDefault = rankOptions(requirements);
    for (const option of byDefault) {
      expect(option.score).toBeGreaterThanOrEqual(0);
      expect(option.score).toBeLessThanOrEqual(100);
    }
    const routingOnly = rankOptions(
      requirements,
      normaliseWeights({ routing: 1, simplicity: 0, performance: 0, security: 0, portability: 0 }),
    );
    expect(first(routingOnly)).toBe('gateway-api');
    expect(first(byDefault)).toBe('loadbalancer');
  });

  it('reads weights as percentage points, keeping the article points for criteria not named', () => {
    const weights = normaliseWeights({ routing: 50 });
    expect(weights.routing).toBeCloseTo(50 / 120);
    expect(weights.simplicity).toBeCloseTo(20 / 120);
    expect(normaliseWeights({ routing: 30 })).toEqual(normaliseWeights());
  });

  it('normalises weights to a sum of one and ignores invalid values', () => {
    const weights = normaliseWeights({ routing: 3, performance: -1 });
    const total = Object.values(weights).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1);
    expect(weights.performance / weights.simplicity).toBeCloseTo(
      DEFAULT_WEIGHTS.performance / DEFAULT_WEIGHTS.simplicity,
    );
  });
});

describe('rankOptions: every option has its reasons', () => {
  const situations: Requirements[] = [
    {},
    { serviceCount: 1 },
    { manyServices: true, protocols: ['http'] },
    { protocols: ['udp'], ports: [{ port: 53, transport: 'udp' }] },
    { noInboundPorts: true },
    { internalOnly: true, protocols: ['tcp'] },
  ];
  it.each(situations.map((requirements) => [JSON.stringify(requirements), requirements] as const))(
    '%s',
    (_label, requirements) => {
      for (const option of rankOptions(requirements)) {
        if (option.excludedBecause === undefined)
          expect(option.reasons.length, option.option).toBeGreaterThan(0);
      }
    },
  );
});
