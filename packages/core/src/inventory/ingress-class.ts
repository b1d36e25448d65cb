/**
 * Which IngressClass, and so which controller, an Ingress is served by: by `spec.ingressClassName`
 * (or the deprecated annotation), else the set's single default IngressClass. Also whether that is
 * the retired community ingress-nginx controller, which the rules and the advice both need.
 */
import { INGRESS } from '../known/annotations.js';
import type { NodePath } from '../manifests/positions.js';
import type { Inventory } from './inventory.js';
import type { IngressClassView, IngressView } from './views.js';

/** The class name ingress-nginx installs and claims by default. */
export const INGRESS_NGINX_DEFAULT_CLASS = 'nginx';

interface ClassIndex {
  byName: ReadonlyMap<string, IngressClassView>;
  /** Distinct names of default IngressClasses (overlays often repeat the same one). */
  defaultNames: readonly string[];
}

const indexes = new WeakMap<Inventory, ClassIndex>();

/** The set's IngressClasses by name, and the names of its defaults. */
export function ingressClassIndex(inventory: Inventory): ClassIndex {
  const cached = indexes.get(inventory);
  if (cached) return cached;
  const byName = new Map<string, IngressClassView>();
  for (const view of inventory.ingressClasses) byName.set(view.object.name, view);
  const defaultNames = [
    ...new Set(inventory.ingressClasses.filter((view) => view.isDefault).map((view) => view.object.name)),
  ];
  const index = { byName, defaultNames };
  indexes.set(inventory, index);
  return index;
}

/** The IngressClass of the set an Ingress resolves to: by name, or the single default; else null. */
export function resolveIngressClass(inventory: Inventory, ingress: IngressView): IngressClassView | null {
  const { byName, defaultNames } = ingressClassIndex(inventory);
  if (ingress.className !== null) return byName.get(ingress.className) ?? null;
  return defaultNames.length === 1 ? (byName.get(defaultNames[0] as string) ?? null) : null;
}

/** Whether an IngressClass selects the community ingress-nginx controller. */
export function isIngressNginxClass(view: IngressClassView): boolean {
  return view.controller === INGRESS.ingressNginxController;
}

/** The Ingress's `nginx.ingress.kubernetes.io/*` annotation keys, in the order written. */
export function ingressNginxAnnotations(ingress: IngressView): string[] {
  return Object.keys(ingress.object.annotations).filter((key) => key.startsWith(INGRESS.ingressNginxPrefix));
}

/**
 * Why an Ingress is bound to the retired ingress-nginx controller, and where that is written; null
 * if it is not. An IngressClass of the set naming another controller wins over the class name and
 * the annotations: F5's maintained NGINX Ingress Controller also uses class `nginx`.
 */
export function ingressNginxBinding(
  inventory: Inventory,
  ingress: IngressView,
): { evidence: string; at: NodePath } | null {
  const resolved = resolveIngressClass(inventory, ingress);
  const classAt: NodePath =
    ingress.classSource === 'annotation'
      ? ['metadata', 'annotations', INGRESS.classAnnotation]
      : ingress.classSource === 'field'
        ? ['spec', 'ingressClassName']
        : ['spec'];
  if (resolved?.controller) {
    if (!isIngressNginxClass(resolved)) return null;
    const which = ingress.className === null ? 'the default IngressClass' : 'IngressClass';
    return {
      evidence: `${which} ${resolved.object.name} names controller ${INGRESS.ingressNginxController}`,
      at: classAt,
    };
  }
  if (ingress.className === INGRESS_NGINX_DEFAULT_CLASS) {
    return {
      evidence: `class ${INGRESS_NGINX_DEFAULT_CLASS}, the class ingress-nginx installs`,
      at: classAt,
    };
  }
  const first = ingressNginxAnnotations(ingress)[0];
  if (first === undefined) return null;
  return { evidence: `${INGRESS.ingressNginxPrefix} annotations`, at: ['metadata', 'annotations', first] };
}
