/**
 * Resource identities as kustomize compares them (kyaml's resid): group/version/kind, name and
 * namespace, where a namespaced object without a namespace is in `default` and a cluster-scoped one
 * in none.
 */

/** A group, version and kind; an empty part of a selector matches anything. */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** What kustomize calls a ResId. */
export interface ResId extends Gvk {
  name: string;
  namespace: string;
  /** Known cluster-scoped kind (kustomize's compiled-in list); false for previous ids, as in kustomize. */
  clusterScoped: boolean;
}

/** The namespace kustomize gives cluster-scoped objects when comparing ids. */
export const NOT_NAMESPACEABLE = '_non_namespaceable_';

/**
 * The kinds kustomize knows to be cluster-scoped (kyaml/openapi's precomputed table, from the
 * Kubernetes v1.21.2 OpenAPI document): exact apiVersion and kind. Any other kind, CRDs' included
 * (GatewayClass, ClusterIssuer...), is treated as namespaced and gets the kustomization's namespace.
 */
const CLUSTER_SCOPED = new Set([
  'admissionregistration.k8s.io/v1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1beta1 ValidatingWebhookConfiguration',
  'apiextensions.k8s.io/v1 CustomResourceDefinition',
  'apiextensions.k8s.io/v1beta1 CustomResourceDefinition',
  'apiregistration.k8s.io/v1 APIService',
  'apiregistration.k8s.io/v1beta1 APIService',
  'certificates.k8s.io/v1 CertificateSigningRequest',
  'certificates.k8s.io/v1beta1 CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema',
  'flowcontrol.apiserver.k8s.io/v1beta1 PriorityLevelConfiguration',
  'networking.k8s.io/v1 IngressClass',
  'networking.k8s.io/v1beta1 IngressClass',
  'node.k8s.io/v1 RuntimeClass',
  'node.k8s.io/v1beta1 RuntimeClass',
  'policy/v1beta1 PodSecurityPolicy',
  'rbac.authorization.k8s.io/v1 ClusterRole',
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1beta1 ClusterRole',
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
  'scheduling.k8s.io/v1 PriorityClass',
  'scheduling.k8s.io/v1beta1 PriorityClass',
  'storage.k8s.io/v1 CSIDriver',
  'storage.k8s.io/v1 CSINode',
  'storage.k8s.io/v1 StorageClass',
  'storage.k8s.io/v1 VolumeAttachment',
  'storage.k8s.io/v1beta1 CSIDriver',
  'storage.k8s.io/v1beta1 CSINode',
  'storage.k8s.io/v1beta1 StorageClass',
  'storage.k8s.io/v1beta1 VolumeAttachment',
  'v1 ComponentStatus',
  'v1 Namespace',
  'v1 Node',
  'v1 NodeProxyOptions',
  'v1 PersistentVolume',
]);

/** kyaml's ParseGroupVersion: the group is what precedes the first slash. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function apiVersionOf(gvk: Gvk): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

export function isClusterScoped(gvk: Gvk): boolean {
  return CLUSTER_SCOPED.has(`${apiVersionOf(gvk)} ${gvk.kind}`);
}

export function effectiveNamespace(id: ResId): string {
  if (id.clusterScoped) return NOT_NAMESPACEABLE;
  return id.namespace === '' || id.namespace === 'default' ? 'default' : id.namespace;
}

export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

export function idEquals(a: ResId, b: ResId): boolean {
  return effectiveNamespace(a) === effectiveNamespace(b) && a.name === b.name && gvkEquals(a, b);
}

export function sameNamespace(a: ResId, b: ResId): boolean {
  return effectiveNamespace(a) === effectiveNamespace(b);
}

/** A key equal for ids that `idEquals` says are equal. */
export function idKey(id: ResId): string {
  return [effectiveNamespace(id), id.group, id.version, id.kind, id.name].join('\u0000');
}

/** kyaml's Gvk.IsSelected: each non-empty part of the selector must be equal. */
export function gvkSelected(gvk: Gvk, selector: Partial<Gvk>): boolean {
  if (selector.group && gvk.group !== selector.group) return false;
  if (selector.version && gvk.version !== selector.version) return false;
  if (selector.kind && gvk.kind !== selector.kind) return false;
  return true;
}

/** kustomize's rendering of an id in messages: `Kind.version.group/name.namespace`. */
export function idString(id: ResId): string {
  const gvk = [id.kind || '[noKind]', id.version || '[noVer]', id.group || '[noGrp]'].join('.');
  return `${gvk}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}
