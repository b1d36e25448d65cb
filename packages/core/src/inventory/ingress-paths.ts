/**
 * The walk over an Ingress's rules, one place for both API shapes: `networking.k8s.io/v1` and the
 * removed `v1beta1` (`extensions` too) nest their paths alike and differ in the default backend's
 * key (`defaultBackend` or `backend`) and the backend's fields, which each reader handles itself.
 */
import type { NodePath } from '../manifests/positions.js';

interface IngressSpecLike<Path> {
  rules?: ReadonlyArray<{ host?: string | undefined; http?: { paths?: readonly Path[] } | undefined }> | null;
}

/** Every path of every rule, with its rule's host and where the path entry is. */
export function ingressPaths<Path>(
  spec: IngressSpecLike<Path>,
): Array<{ path: Path; host: string | null; at: NodePath }> {
  const entries: Array<{ path: Path; host: string | null; at: NodePath }> = [];
  (spec.rules ?? []).forEach((rule, r) => {
    (rule.http?.paths ?? []).forEach((path, p) => {
      entries.push({ path, host: rule.host ?? null, at: ['spec', 'rules', r, 'http', 'paths', p] });
    });
  });
  return entries;
}

/** Where the default backend is: `spec.defaultBackend` in v1, `spec.backend` before. */
export function defaultBackendPath(legacyApi: boolean): NodePath {
  return legacyApi ? ['spec', 'backend'] : ['spec', 'defaultBackend'];
}
