/**
 * The kinds the inventory reads, with their API groups and the zod schemas that validate them: one
 * place. Rules declare the shapes they read (`Rule.reads`); the loader keeps of each object its
 * identity plus what the schemas of the shapes read from its kind name (`readPlan`), and the
 * inventory validates and types the same objects with the same schemas.
 */
import type { z } from 'zod';
import { apiGroupOf, GATEWAY_API_GROUP } from '../known/api-versions.js';
import { IDENTITY, type Keep, keepOfSchema, unionKeep } from '../manifests/keep.js';
import {
  backendTlsPolicySchema,
  cronJobSchema,
  gatewayClassSchema,
  gatewaySchema,
  ingressClassSchema,
  ingressV1beta1Schema,
  ingressV1Schema,
  listenerSetSchema,
  podSchema,
  referenceGrantSchema,
  routeSchema,
  serviceSchema,
  templatedWorkloadSchema,
} from '../manifests/schemas.js';

/** Objects of some kinds, and the schemas they are read with. */
export interface ObjectShape {
  /** API groups of the kinds ('' is the core group). The same kind name in another group is another thing. */
  readonly groups: readonly string[];
  readonly kinds: readonly string[];
  readonly schemas: readonly z.ZodType[];
  /** Keep the objects whole, not only what the schemas read (migrations rewrite them). */
  readonly whole?: boolean;
}

export const SERVICES: ObjectShape = { groups: [''], kinds: ['Service'], schemas: [serviceSchema] };
export const INGRESSES: ObjectShape = {
  groups: ['networking.k8s.io', 'extensions'],
  kinds: ['Ingress'],
  schemas: [ingressV1Schema, ingressV1beta1Schema],
};
export const INGRESS_CLASSES: ObjectShape = {
  groups: ['networking.k8s.io'],
  kinds: ['IngressClass'],
  schemas: [ingressClassSchema],
};
/** Every kind with pods a Service can select. */
export const WORKLOADS: readonly ObjectShape[] = [
  {
    groups: ['apps', 'extensions'],
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    schemas: [templatedWorkloadSchema],
  },
  { groups: ['apps'], kinds: ['StatefulSet'], schemas: [templatedWorkloadSchema] },
  { groups: [''], kinds: ['ReplicationController'], schemas: [templatedWorkloadSchema] },
  { groups: ['batch'], kinds: ['Job'], schemas: [templatedWorkloadSchema] },
  { groups: ['batch'], kinds: ['CronJob'], schemas: [cronJobSchema] },
  { groups: [''], kinds: ['Pod'], schemas: [podSchema] },
];
const gatewayApi = (kinds: readonly string[], schema: z.ZodType): ObjectShape => ({
  groups: [GATEWAY_API_GROUP],
  kinds,
  schemas: [schema],
});
export const GATEWAYS = gatewayApi(['Gateway'], gatewaySchema);
export const GATEWAY_CLASSES = gatewayApi(['GatewayClass'], gatewayClassSchema);
export const ROUTES = gatewayApi(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'], routeSchema);
export const REFERENCE_GRANTS = gatewayApi(['ReferenceGrant'], referenceGrantSchema);
export const LISTENER_SETS = gatewayApi(['ListenerSet'], listenerSetSchema);
export const BACKEND_TLS_POLICIES = gatewayApi(['BackendTLSPolicy'], backendTlsPolicySchema);
/** Every Gateway API kind the inventory reads. */
export const GATEWAY_API: readonly ObjectShape[] = [
  GATEWAYS,
  GATEWAY_CLASSES,
  ROUTES,
  REFERENCE_GRANTS,
  LISTENER_SETS,
  BACKEND_TLS_POLICIES,
];

/** Every shape the inventory knows. */
export const ALL_SHAPES: readonly ObjectShape[] = [
  SERVICES,
  INGRESSES,
  INGRESS_CLASSES,
  ...WORKLOADS,
  ...GATEWAY_API,
];

/** The same shapes, kept whole. */
export function whole(shapes: readonly ObjectShape[]): ObjectShape[] {
  return shapes.map((shape) => ({ ...shape, whole: true }));
}

/** API groups of each kind some shape names. */
export const GROUPS_OF_KIND: ReadonlyMap<string, readonly string[]> = new Map(
  ALL_SHAPES.flatMap((shape) => shape.kinds.map((kind) => [kind, shape.groups] as const)),
);

/** What the loader keeps of an object of a kind. */
export type ReadPlan = (apiVersion: string, kind: string) => Keep;

/**
 * What to keep of each kind so that every reader sees what its shapes read: the identity of every
 * object, and the union of what the schemas of the matching shapes read.
 */
export function readPlan(readers: ReadonlyArray<{ reads: readonly ObjectShape[] }>): ReadPlan {
  const byKind = new Map<string, ObjectShape[]>();
  for (const { reads } of readers) {
    for (const shape of reads) {
      for (const kind of shape.kinds) {
        const list = byKind.get(kind);
        if (list === undefined) byKind.set(kind, [shape]);
        else if (!list.includes(shape)) list.push(shape);
      }
    }
  }
  // Asked for every object, about a handful of kinds and versions: answers are remembered, with a
  // bound, as both come from the input.
  const decided = new Map<string, Keep>();
  return (apiVersion, kind) => {
    const key = `${kind}\n${apiVersion}`;
    let keep = decided.get(key);
    if (keep === undefined) {
      keep = decide(byKind.get(kind) ?? [], apiGroupOf(apiVersion));
      if (decided.size < 4096) decided.set(key, keep);
    }
    return keep;
  };
}

function decide(shapes: readonly ObjectShape[], group: string): Keep {
  let keep: Keep = IDENTITY;
  for (const shape of shapes) {
    if (!shape.groups.includes(group)) continue;
    if (shape.whole) return 'all';
    for (const schema of shape.schemas) keep = unionKeep(keep, keepOfSchema(schema));
  }
  return keep;
}
