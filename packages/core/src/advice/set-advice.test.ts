import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { fixtureCase } from '../rules/test-support/fixtures.js';

const lb = (name: string, port: number, protocol = 'TCP') => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: LoadBalancer
  selector: {app: ${name}}
  ports:
  - port: ${port}
    protocol: ${protocol}
`;

describe('advice for a set of manifests', () => {
  it('consolidates five HTTP load balancers and keeps the MQTT one', () => {
    const text = ['a', 'b', 'c', 'd', 'e'].map((name) => lb(name, 443)).join('') + lb('mqtt', 1883);
    const { advice } = analyze([{ path: 'all.yaml', text }]);
    expect(['gateway-api', 'ingress']).toContain(advice.recommended);
    expect(advice.plan.map((step) => step.action)).toEqual(['consolidate', 'keep-loadbalancer']);
    expect(advice.plan[0]?.services).toHaveLength(5);
    expect(advice.plan[1]?.services).toEqual(['mqtt']);
    expect(advice.loadBalancers).toEqual({ before: 6, after: 2 });
    expect(advice.monthlySaving).toBeCloseTo(4 * 18.25);
    expect(advice.summary).toMatch(/\$73\.00/);
  });

  it('asks for port names when traffic cannot be classified', () => {
    const { advice } = analyze([{ path: 'x.yaml', text: lb('mystery', 31337) }]);
    expect(advice.plan).toEqual([expect.objectContaining({ action: 'review', services: ['mystery'] })]);
    expect(advice.monthlySaving).toBe(0);
  });

  it('has nothing to say about an empty set', () => {
    const { advice } = analyze([]);
    expect(advice.recommended).toBeNull();
    expect(advice.loadBalancers).toEqual({ before: 0, after: 0 });
  });
});

describe('advice with an ingress controller in the set', () => {
  const sources = (files: Record<string, string>) =>
    Object.entries(files).map(([path, text]) => ({ path, text }));
  const cluster = fixtureCase('entry-points/cluster');

  it('keeps the controller as the entry point and routes the app load balancers through it', () => {
    const { advice } = analyze(sources(cluster));
    expect(advice.plan.map((step) => step.action)).toEqual(['keep-entry-point', 'consolidate']);
    const [keep, consolidate] = advice.plan;
    expect(keep).toMatchObject({ option: 'ingress', services: ['ingress-nginx/ingress-nginx-controller'] });
    expect(keep?.text).toMatch(
      /^Keep ingress-nginx\/ingress-nginx-controller as a LoadBalancer: it fronts the ingress-nginx controller \(Deployment ingress-nginx\/ingress-nginx-controller runs image registry\.k8s\.io\/ingress-nginx\/controller\)/,
    );
    expect(keep?.text).toMatch(
      /shop\/storefront, shop\/checkout-api should join it rather than keep load balancers of their own\.$/,
    );
    // Never among the Services to consolidate.
    expect(consolidate?.services).toEqual(['shop/storefront', 'shop/checkout-api']);
    expect(consolidate?.text).toMatch(
      /^Route 2 public HTTP\(S\) Services through the existing ingress-nginx controller \(Service ingress-nginx\/ingress-nginx-controller\)/,
    );
    // The controller stays: 3 load balancers become 1, and only the two apps' are saved.
    expect(advice.loadBalancers).toEqual({ before: 3, after: 1 });
    expect(advice.monthlySaving).toBeCloseTo(2 * 18.25);
    expect(advice.summary).toBe(
      'Keep ingress-nginx/ingress-nginx-controller (ingress-nginx controller), the entry point of the set: app HTTP(S) Services share it. Route the 2 HTTP(S) load balancers through the existing ingress-nginx controller (Service ingress-nginx/ingress-nginx-controller), saving about $36.50 a month.',
    );
  });

  it('ranks with the retired controller in mind, though no Ingress uses it yet', () => {
    const { advice } = analyze(sources(cluster));
    expect(advice.recommended).toBe('gateway-api');
    expect(advice.ranking[0]?.reasons.join(' ')).toMatch(/ingress-nginx was retired/);
  });

  it('says what a controller alone is, and asks for nothing', () => {
    const only = Object.fromEntries(
      Object.entries(cluster).filter(([path]) => path.endsWith('ingress-nginx.yaml')),
    );
    const { advice } = analyze(sources(only));
    expect(advice.plan.map((step) => step.action)).toEqual(['keep-entry-point']);
    expect(advice.plan[0]?.text).toMatch(
      /route HTTP services through it rather than giving them load balancers of their own/,
    );
    expect(advice.summary).toBe(
      'Keep ingress-nginx/ingress-nginx-controller (ingress-nginx controller), the entry point of the set: app HTTP(S) Services share it.',
    );
    expect(advice.loadBalancers).toEqual({ before: 1, after: 1 });
    expect(advice.monthlySaving).toBe(0);
  });

  it('keeps Traefik and joins its app to it, with the option it serves first', () => {
    const { advice } = analyze(sources(fixtureCase('entry-points/traefik')));
    expect(advice.plan.map((step) => [step.action, step.services])).toEqual([
      ['keep-entry-point', ['traefik/traefik']],
      ['consolidate', ['traefik/whoami']],
    ]);
    expect(advice.plan[1]?.text).toBe(
      'Route 1 public HTTP(S) Service through the existing Traefik controller (Service traefik/traefik) and make it ClusterIP.',
    );
    expect(advice.loadBalancers).toEqual({ before: 2, after: 1 });
  });

  it('keeps the Istio ingress gateway, whose status port is not classified, out of the review step', () => {
    const { advice } = analyze(sources(fixtureCase('entry-points/istio')));
    expect(advice.plan.map((step) => [step.action, step.option, step.services])).toEqual([
      ['keep-entry-point', 'gateway-api', ['istio-system/istio-ingressgateway']],
      ['consolidate', advice.recommended, ['bookinfo/reviews']],
    ]);
  });
});
