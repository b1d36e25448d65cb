import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';

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
