/**
 * API versions the rules care about: which are served today and which were removed
 * (facts.md sections 2 and 3).
 */

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** The group of an apiVersion: `apps` for `apps/v1`, `` for `v1`. */
export function apiGroupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

const GATEWAY_API_PREFIX = `${GATEWAY_API_GROUP}/`;

/** Whether an apiVersion is Gateway API's: Istio, for one, has a `Gateway` kind of its own. */
export function isGatewayApiVersion(apiVersion: string): boolean {
  return apiVersion.startsWith(GATEWAY_API_PREFIX);
}

/** Gateway API kinds we read. */
export const GATEWAY_API_KINDS = [
  'Gateway',
  'GatewayClass',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
  'ReferenceGrant',
  'ListenerSet',
  'BackendTLSPolicy',
] as const;
export type GatewayApiKind = (typeof GATEWAY_API_KINDS)[number];

/** Route kinds, which attach to Gateways through `parentRefs`. */
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** Versions the standard channel of Gateway API v1.6.1 serves, per kind. */
export const GATEWAY_API_SERVED: Record<GatewayApiKind, readonly string[]> = {
  GatewayClass: ['v1', 'v1beta1'],
  Gateway: ['v1', 'v1beta1'],
  HTTPRoute: ['v1', 'v1beta1'],
  GRPCRoute: ['v1'],
  ReferenceGrant: ['v1', 'v1beta1'],
  BackendTLSPolicy: ['v1'],
  TLSRoute: ['v1'],
  ListenerSet: ['v1'],
  TCPRoute: ['v1'],
  UDPRoute: ['v1'],
};

/** Versions still served only by the experimental channel (deprecated there). */
export const GATEWAY_API_EXPERIMENTAL_ONLY: Partial<Record<GatewayApiKind, readonly string[]>> = {
  TLSRoute: ['v1alpha2', 'v1alpha3'],
  TCPRoute: ['v1alpha2'],
  UDPRoute: ['v1alpha2'],
};

/** Kubernetes API versions removed from the API server, with the release that removed them. */
export const REMOVED_KUBERNETES_APIS: ReadonlyArray<{
  apiVersion: string;
  kind: string;
  removedIn: string;
  use: string;
}> = [
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', removedIn: '1.22', use: 'networking.k8s.io/v1' },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kind: 'Ingress',
    removedIn: '1.22',
    use: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kind: 'IngressClass',
    removedIn: '1.22',
    use: 'networking.k8s.io/v1',
  },
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'Deployment', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'Deployment', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'DaemonSet', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'StatefulSet', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'StatefulSet', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', removedIn: '1.16', use: 'apps/v1' },
  { apiVersion: 'batch/v1beta1', kind: 'CronJob', removedIn: '1.25', use: 'batch/v1' },
];

/** Workload kinds whose pods a Service can select, and where their pod template lives. */
export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
