/**
 * A LoadBalancer Service turned ClusterIP once its traffic arrives through the shared entry point:
 * the same object, without the fields and annotations only a load balancer reads (Kubernetes
 * rejects some of them on a ClusterIP Service, e.g. `externalTrafficPolicy` and `nodePort`).
 */

import type { LoadBalancerView } from '../../inventory/views.js';
import {
  AWS,
  AZURE,
  DIGITALOCEAN,
  EXTERNAL_DNS_HOSTNAME,
  GKE,
  LOAD_BALANCER_ADDRESS,
  LOAD_BALANCER_SOURCE_RANGES,
  METALLB,
  OTHER_INTERNAL,
} from '../../known/annotations.js';
import { dropServerMetadata } from './server-metadata.js';

/** Spec fields that only mean something on a LoadBalancer (or NodePort) Service. */
const LOAD_BALANCER_FIELDS = [
  'loadBalancerClass',
  'loadBalancerIP',
  'loadBalancerSourceRanges',
  'externalTrafficPolicy',
  'healthCheckNodePort',
  'allocateLoadBalancerNodePorts',
] as const;

const DROPPED_ANNOTATION_PREFIXES = [
  AWS.annotationPrefix,
  AZURE.annotationPrefix,
  DIGITALOCEAN.annotationPrefix,
  ...METALLB.prefixes,
  'external-dns.alpha.kubernetes.io/',
];

const DROPPED_ANNOTATIONS = new Set<string>([
  GKE.loadBalancerType,
  GKE.legacyLoadBalancerType,
  GKE.backendServiceBased,
  EXTERNAL_DNS_HOSTNAME,
  LOAD_BALANCER_SOURCE_RANGES,
  ...Object.values(LOAD_BALANCER_ADDRESS),
  ...OTHER_INTERNAL.map((entry) => entry.key),
]);

/** Whether an annotation configures the cloud load balancer (and so goes with it). */
export function isLoadBalancerAnnotation(key: string): boolean {
  return DROPPED_ANNOTATIONS.has(key) || DROPPED_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The changed Service, and the annotations dropped from it. */
export function toClusterIp(
  lb: LoadBalancerView,
  namespace: string | null,
): { object: Record<string, unknown>; droppedAnnotations: string[] } {
  const raw = structuredClone(lb.object.raw) as Record<string, unknown>;
  const metadata = isMapping(raw.metadata) ? raw.metadata : {};
  dropServerMetadata(metadata);
  if (namespace !== null) metadata.namespace = namespace;
  const droppedAnnotations: string[] = [];
  if (isMapping(metadata.annotations)) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(metadata.annotations)) {
      if (isLoadBalancerAnnotation(key)) droppedAnnotations.push(key);
      else kept[key] = value;
    }
    if (Object.keys(kept).length > 0) metadata.annotations = kept;
    else delete metadata.annotations;
  }
  const spec = isMapping(raw.spec) ? raw.spec : {};
  spec.type = 'ClusterIP';
  for (const field of LOAD_BALANCER_FIELDS) delete spec[field];
  if (Array.isArray(spec.ports)) {
    for (const port of spec.ports) if (isMapping(port)) delete port.nodePort;
  }
  const object: Record<string, unknown> = {
    apiVersion: raw.apiVersion,
    kind: raw.kind,
    metadata,
    spec,
  };
  return { object, droppedAnnotations };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
