import {
  ingressNginxAnnotations,
  ingressNginxBinding,
  isIngressNginxClass,
  resolveIngressClass,
} from '../inventory/ingress-class.js';
import { INGRESS_CLASSES, INGRESSES } from '../inventory/shapes.js';
import { INGRESS } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * Ingresses and IngressClasses bound to the community ingress-nginx controller, retired in March
 * 2026: the repository was archived on 2026-03-24 after the final releases v1.15.1, v1.14.5 and
 * v1.13.9, and no security fix will follow (kubernetes.io/blog/2025/11/11/ingress-nginx-retirement).
 *
 * An Ingress is bound to it when its class resolves to an IngressClass of the set whose controller
 * is `k8s.io/ingress-nginx` (by name, or as the default when it names none); when its class is
 * `nginx` and the set holds no IngressClass of that name; or when it carries
 * `nginx.ingress.kubernetes.io/*` annotations. An IngressClass of the set naming another controller
 * wins over the name and the annotations: F5's NGINX Ingress Controller also uses class `nginx`
 * (with `nginx.org/` and `nginx.com/` annotations), and is maintained.
 */
export default defineRule({
  id: 'ingress-nginx-retired',
  reads: [INGRESSES, INGRESS_CLASSES],
  severity: 'warning',
  summary: 'Ingresses and IngressClasses that depend on the retired community ingress-nginx controller.',
  why: 'The community ingress-nginx controller was retired in March 2026: its repository was archived on 2026-03-24, the final releases were v1.15.1, v1.14.5 and v1.13.9, and vulnerabilities found since get no fix. Existing installations keep running, unpatched, and were not tested on Kubernetes 1.36 or later.',
  fix: 'Plan the move off ingress-nginx. Gateway API is the recommended successor: `ingress2gateway` (v1.0 or later) translates the common ingress-nginx annotations, and `ingress-advisor migrate --to gateway` writes the Gateway and HTTPRoutes. To stay on the Ingress API, move to another maintained Ingress controller and translate the nginx.ingress.kubernetes.io annotations by hand.',
  messages: {
    ingress:
      'Ingress {{ingress}} is served by the retired community ingress-nginx controller ({{evidence}}); it has had no releases or security fixes since March 2026.',
    ingressAnnotations:
      'Ingress {{ingress}} is served by the retired community ingress-nginx controller ({{evidence}}); it has had no releases or security fixes since March 2026. nginx.ingress.kubernetes.io annotations to translate when it moves: {{annotationCount}} ({{annotations}}).',
    ingressClass:
      'IngressClass {{ingressClass}} selects the retired community ingress-nginx controller (k8s.io/ingress-nginx), which has had no releases or security fixes since March 2026. Ingresses of the set using this class: {{ingressCount}}.',
  },
  check(inventory, context) {
    // By class name: overlays often hold the same IngressClass more than once.
    const retiredClassUse = new Map<string, number>();
    for (const ingress of inventory.ingresses) {
      const resolved = resolveIngressClass(inventory, ingress);
      if (resolved && isIngressNginxClass(resolved)) {
        const name = resolved.object.name;
        retiredClassUse.set(name, (retiredClassUse.get(name) ?? 0) + 1);
      }
      const binding = ingressNginxBinding(inventory, ingress);
      if (binding === null) continue;
      const annotations = ingressNginxAnnotations(ingress);
      context.report({
        messageId: annotations.length > 0 ? 'ingressAnnotations' : 'ingress',
        data: {
          ingress: displayName(ingress.object),
          evidence: binding.evidence,
          annotationCount: annotations.length,
          annotations: listAnnotations(annotations),
        },
        object: ingress.object,
        path: binding.at,
      });
    }

    for (const view of inventory.ingressClasses) {
      if (!isIngressNginxClass(view)) continue;
      context.report({
        messageId: 'ingressClass',
        data: { ingressClass: view.object.name, ingressCount: retiredClassUse.get(view.object.name) ?? 0 },
        object: view.object,
        path: ['spec', 'controller'],
      });
    }
  },
});

/** The first few annotation names without their prefix, then a count of the rest. */
function listAnnotations(keys: readonly string[], shown = 5): string {
  const names = keys.map((key) => key.slice(INGRESS.ingressNginxPrefix.length));
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
