/**
 * Whether a LoadBalancer Service faces the internet, and who provisions it, from its cloud
 * annotations and `spec.loadBalancerClass` (facts.md section 4).
 */
import {
  AWS,
  AZURE,
  DIGITALOCEAN,
  GKE,
  LOAD_BALANCER_SOURCE_RANGES,
  METALLB,
  OTHER_INTERNAL,
} from '../known/annotations.js';
import type { LoadBalancerProvider } from '../known/prices.js';

export type Exposure = 'public' | 'internal' | 'unknown';

export interface ExposureVerdict {
  exposure: Exposure;
  provider: LoadBalancerProvider;
  /** One sentence on what decided it, for the report. */
  reason: string;
}

/** The parts of a Service the verdict reads. */
export interface ExposureInput {
  annotations: Readonly<Record<string, string>>;
  loadBalancerClass?: string | undefined;
  loadBalancerIP?: string | undefined;
}

/** Decides exposure and provider; unknown is an honest answer where the manifest cannot tell. */
export function exposureOf(service: ExposureInput): ExposureVerdict {
  const annotations = service.annotations;
  const lbClass = service.loadBalancerClass;
  const get = (key: string): string | undefined => annotations[key];
  const has = (prefix: string): boolean => Object.keys(annotations).some((key) => key.startsWith(prefix));

  // AWS Load Balancer Controller: chosen by class or by `aws-load-balancer-type: external|nlb-ip`.
  const awsType = get(AWS.type)?.toLowerCase();
  const awsScheme = get(AWS.scheme)?.toLowerCase();
  const awsLegacyInternal = get(AWS.internal)?.toLowerCase();
  const byLbc = lbClass === AWS.nlbClass || awsType === 'external' || awsType === 'nlb-ip';
  if (byLbc || awsScheme !== undefined) {
    if (awsScheme === 'internet-facing')
      return verdict('public', 'aws-nlb', `${AWS.scheme}: internet-facing`);
    if (awsScheme === 'internal') return verdict('internal', 'aws-nlb', `${AWS.scheme}: internal`);
    if (awsLegacyInternal === 'true') return verdict('internal', 'aws-nlb', `${AWS.internal}: "true"`);
    return verdict(
      'internal',
      'aws-nlb',
      'the AWS Load Balancer Controller makes NLBs internal unless aws-load-balancer-scheme is internet-facing',
    );
  }
  if (awsLegacyInternal !== undefined) {
    const provider = awsType === 'nlb' ? 'aws-nlb' : 'aws-clb';
    return awsLegacyInternal === 'true' || awsLegacyInternal === '0.0.0.0/0'
      ? verdict('internal', provider, `${AWS.internal}: "${awsLegacyInternal}"`)
      : verdict('public', provider, `${AWS.internal}: "${awsLegacyInternal}"`);
  }
  if (has(AWS.annotationPrefix)) {
    const provider = awsType === 'nlb' ? 'aws-nlb' : 'aws-clb';
    return verdict(
      'public',
      provider,
      "AWS annotations without an internal scheme: the in-tree provider creates an internet-facing load balancer (EKS with the Load Balancer Controller's webhook makes it internal)",
    );
  }

  // GKE
  const gkeType = (get(GKE.loadBalancerType) ?? get(GKE.legacyLoadBalancerType))?.toLowerCase();
  if (lbClass === GKE.internalClass)
    return verdict('internal', 'gcp', `loadBalancerClass ${GKE.internalClass}`);
  if (lbClass === GKE.externalClass)
    return verdict('public', 'gcp', `loadBalancerClass ${GKE.externalClass}`);
  if (gkeType === 'internal') return verdict('internal', 'gcp', `${GKE.loadBalancerType}: Internal`);
  if (gkeType === 'external' || get(GKE.backendServiceBased)?.toLowerCase() === 'enabled') {
    return verdict('public', 'gcp', 'GKE external passthrough load balancer');
  }

  // Azure
  const azureInternal = get(AZURE.internal)?.toLowerCase();
  if (azureInternal === 'true') return verdict('internal', 'azure', `${AZURE.internal}: "true"`);
  if (azureInternal !== undefined || has(AZURE.annotationPrefix)) {
    return verdict(
      'public',
      'azure',
      'Azure load balancers are public unless azure-load-balancer-internal is "true"',
    );
  }

  // DigitalOcean
  const doNetwork = get(DIGITALOCEAN.network)?.toUpperCase();
  if (doNetwork === 'INTERNAL')
    return verdict('internal', 'digitalocean', `${DIGITALOCEAN.network}: INTERNAL`);
  if (doNetwork !== undefined || has(DIGITALOCEAN.annotationPrefix)) {
    return verdict(
      'public',
      'digitalocean',
      'DigitalOcean load balancers are public unless the network is INTERNAL',
    );
  }

  // Other providers named in the Kubernetes docs.
  for (const other of OTHER_INTERNAL) {
    const value = get(other.key);
    if (value === undefined) continue;
    return other.internalWhen(value)
      ? verdict('internal', 'other-cloud', `${other.provider}: ${other.key}: "${value}"`)
      : verdict('public', 'other-cloud', `${other.provider}: ${other.key}: "${value}"`);
  }

  // MetalLB and other bare-metal implementations: exposure depends on the addresses of the pool.
  const metallbAddresses = METALLB.addresses.map((key) => get(key)).find((value) => value !== undefined);
  const addresses = metallbAddresses ?? service.loadBalancerIP;
  if (
    METALLB.prefixes.some((prefix) => has(prefix)) ||
    (addresses !== undefined && metallbAddresses !== undefined)
  ) {
    if (addresses !== undefined) {
      const ips = addresses.split(',').map((ip) => ip.trim());
      if (ips.every(isPrivateAddress))
        return verdict('internal', 'bare-metal', `MetalLB private address ${addresses}`);
      if (ips.every((ip) => !isPrivateAddress(ip))) {
        return verdict('public', 'bare-metal', `MetalLB public address ${addresses}`);
      }
    }
    return verdict('unknown', 'bare-metal', 'MetalLB: exposure depends on the addresses in the pool');
  }
  if (lbClass !== undefined) {
    return verdict(
      'unknown',
      'unknown',
      `loadBalancerClass ${lbClass}: exposure depends on that implementation`,
    );
  }
  if (service.loadBalancerIP !== undefined && isPrivateAddress(service.loadBalancerIP)) {
    return verdict('internal', 'unknown', `loadBalancerIP ${service.loadBalancerIP} is a private address`);
  }
  return verdict(
    'public',
    'unknown',
    'no internal-load-balancer annotation: clouds create a public load balancer by default (EKS with the AWS Load Balancer Controller webhook makes it internal)',
  );
}

function verdict(exposure: Exposure, provider: LoadBalancerProvider, reason: string): ExposureVerdict {
  return { exposure, provider, reason };
}

/** RFC 1918, RFC 6598 (CGNAT), loopback, link-local and IPv6 unique-local addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254)
    );
  }
  const lower = ip.toLowerCase();
  return lower.startsWith('fc') || lower.startsWith('fd') || lower === '::1' || lower.startsWith('fe80:');
}

/**
 * The client CIDRs the provider enforces: `spec.loadBalancerSourceRanges`, else the annotation, which
 * cloud providers read only when the field is empty (`GetLoadBalancerSourceRanges` in k8s.io/cloud-provider).
 */
export function sourceRangesOf(
  field: readonly string[] | null | undefined,
  annotations: Readonly<Record<string, string>>,
): string[] {
  const split = (ranges: readonly string[]): string[] =>
    ranges.map((range) => range.trim()).filter((range) => range !== '');
  const fromField = split(field ?? []);
  if (fromField.length > 0) return fromField;
  return split((annotations[LOAD_BALANCER_SOURCE_RANGES] ?? '').split(','));
}

/** A prefix of length zero (`0.0.0.0/0`, `::/0`) matches every address of its family. */
export function isAllowAllRange(range: string): boolean {
  return /\/0+$/.test(range);
}
