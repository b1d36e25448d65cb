import { describe, expect, it } from 'vitest';
import { exposureOf, isPrivateAddress } from './exposure.js';

const of = (annotations: Record<string, string>, loadBalancerClass?: string, loadBalancerIP?: string) =>
  exposureOf({ annotations, loadBalancerClass, loadBalancerIP });

describe('exposureOf', () => {
  it('reads the AWS Load Balancer Controller scheme, internal by default', () => {
    expect(of({}, 'service.k8s.aws/nlb')).toMatchObject({ exposure: 'internal', provider: 'aws-nlb' });
    expect(of({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' })).toMatchObject({
      exposure: 'internal',
    });
    expect(
      of({
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      }),
    ).toMatchObject({ exposure: 'public', provider: 'aws-nlb' });
  });

  it('reads the legacy in-tree AWS annotations', () => {
    expect(of({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' }).exposure).toBe('internal');
    expect(of({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' })).toMatchObject({
      exposure: 'public',
      provider: 'aws-nlb',
    });
  });

  it('reads GKE, Azure and DigitalOcean', () => {
    expect(of({ 'networking.gke.io/load-balancer-type': 'Internal' })).toMatchObject({
      exposure: 'internal',
      provider: 'gcp',
    });
    expect(of({}, 'networking.gke.io/l4-regional-internal').exposure).toBe('internal');
    expect(of({ 'cloud.google.com/l4-rbs': 'enabled' }).exposure).toBe('public');
    expect(of({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' })).toMatchObject({
      exposure: 'internal',
      provider: 'azure',
    });
    expect(of({ 'service.beta.kubernetes.io/do-loadbalancer-network': 'INTERNAL' }).exposure).toBe(
      'internal',
    );
  });

  it('reads the other providers of the Kubernetes docs', () => {
    expect(of({ 'service.beta.kubernetes.io/oci-load-balancer-internal': 'true' }).exposure).toBe('internal');
    expect(
      of({ 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type': 'intranet' }).exposure,
    ).toBe('internal');
    expect(of({ 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type': 'public' }).exposure).toBe(
      'public',
    );
  });

  it('is honest about MetalLB and unknown classes', () => {
    expect(of({ 'metallb.io/address-pool': 'lan' })).toMatchObject({
      exposure: 'unknown',
      provider: 'bare-metal',
    });
    expect(of({ 'metallb.io/loadBalancerIPs': '192.168.1.240' }).exposure).toBe('internal');
    expect(of({ 'metallb.io/loadBalancerIPs': '203.0.113.10' }).exposure).toBe('public');
    expect(of({}, 'example.com/internal-vip').exposure).toBe('unknown');
  });

  it('treats a Service with no hints as public, as clouds do by default', () => {
    expect(of({})).toMatchObject({ exposure: 'public', provider: 'unknown' });
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['10.0.0.1', true],
    ['172.16.5.4', true],
    ['172.32.0.1', false],
    ['192.168.0.1', true],
    ['100.64.0.1', true],
    ['8.8.8.8', false],
    ['fd00::1', true],
    ['2001:db8::1', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});
