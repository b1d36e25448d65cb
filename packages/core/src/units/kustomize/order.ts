/**
 * The order `kustomize build` writes objects in: by default its legacy order (Namespaces, then
 * ServiceAccounts, RBAC, ConfigMaps, Secrets, Services... by kind, then by group, version, kind,
 * namespace and name; webhook configurations last), or as read with `sortOptions: {order: fifo}`.
 */

import type { ResId } from './ids.js';
import { byCodePoint } from './merge.js';
import { currentId, isMap, type Resource, scalarText } from './resource.js';

/** Sorts as the root kustomization's `sortOptions` say (the legacy order when it says nothing). */
export function sortResources(resources: Resource[], sortOptions: unknown): Resource[] {
  let orderFirst = LEGACY_ORDER_FIRST;
  let orderLast = LEGACY_ORDER_LAST;
  if (isMap(sortOptions)) {
    if (sortOptions.order === 'fifo') return resources;
    const legacy = sortOptions.legacySortOptions;
    if (isMap(legacy)) {
      orderFirst = Array.isArray(legacy.orderFirst) ? legacy.orderFirst.map(scalarText) : [];
      orderLast = Array.isArray(legacy.orderLast) ? legacy.orderLast.map(scalarText) : [];
    }
  }
  const order = new Map<string, number>();
  orderFirst.forEach((kind, i) => {
    order.set(kind, -orderFirst.length + i);
  });
  orderLast.forEach((kind, i) => {
    order.set(kind, 1 + i);
  });
  const keyed = resources.map((resource) => ({ resource, id: currentId(resource) }));
  keyed.sort((a, b) => legacyCompare(a.id, b.id, order));
  return keyed.map(({ resource }) => resource);
}

/** kustomize's default legacy order: these kinds first, in this order... */
const LEGACY_ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
/** ...and these last; the others between, by group, version and kind. */
const LEGACY_ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function legacyCompare(a: ResId, b: ResId, order: Map<string, number>): number {
  if (a.group !== b.group || a.version !== b.version || a.kind !== b.kind) {
    const first = order.get(a.kind) ?? 0;
    const second = order.get(b.kind) ?? 0;
    if (first !== second) return first - second;
    const x = gvkSortString(a);
    const y = gvkSortString(b);
    if (a.kind === 'Namespace' && b.kind === 'Namespace' && (a.group === '' || b.group === '')) {
      return byCodePoint(y, x);
    }
    return byCodePoint(x, y);
  }
  return byCodePoint(idSortString(a), idSortString(b));
}

function gvkSortString(id: ResId): string {
  return [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
}

function idSortString(id: ResId): string {
  const gvk = [id.kind || '[noKind]', id.version || '[noVer]', id.group || '[noGrp]'].join('.');
  return [gvk, id.namespace || '~X', id.name || '~N'].join('|');
}
