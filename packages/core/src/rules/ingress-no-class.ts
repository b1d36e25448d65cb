import { ingressClassIndex } from '../inventory/ingress-class.js';
import { INGRESS_CLASSES, INGRESSES } from '../inventory/shapes.js';
import { INGRESS } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import { defineRule } from './define-rule.js';

/**
 * Ingresses whose class is missing, given only by the deprecated annotation, contradictory, or not
 * among the set's IngressClasses; and sets that mark more than one IngressClass as the default. An
 * Ingress no controller claims is accepted by the API server and then silently not served.
 *
 * Classes resolve against the IngressClass objects of the whole set. An Ingress without a class
 * stays quiet when the set marks a default IngressClass: the admission controller assigns it at
 * creation, so the set itself decides the controller (several defaults are reported on the
 * IngressClasses instead). A class name the set lacks is only a notice, and only when the set holds
 * IngressClasses at all: classes are cluster-scoped and usually installed with the controller.
 */
export default defineRule({
  id: 'ingress-no-class',
  reads: [INGRESSES, INGRESS_CLASSES],
  severity: 'warning',
  summary:
    'Ingresses with no IngressClass, a class given only by the deprecated annotation, or a class the set lacks.',
  why: 'Only the controller an Ingress class names serves the Ingress. Without a class it depends on a default IngressClass that many clusters lack, and then nothing routes its traffic while the API server reports no error. The `kubernetes.io/ingress.class` annotation has been deprecated since Kubernetes 1.18 in favour of `spec.ingressClassName`.',
  fix: 'Set `spec.ingressClassName` to the IngressClass of the controller that should serve the Ingress and remove the `kubernetes.io/ingress.class` annotation; mark at most one IngressClass with `ingressclass.kubernetes.io/is-default-class: "true"`.',
  messages: {
    noClass:
      'Ingress {{ingress}} names no IngressClass (no spec.ingressClassName, no annotation) and relies on a cluster default IngressClass; if the cluster has none, no controller serves it.',
    deprecatedAnnotation:
      'Ingress {{ingress}} names its class {{className}} only with the deprecated kubernetes.io/ingress.class annotation; spec.ingressClassName replaces it.',
    classConflict:
      'Ingress {{ingress}} sets spec.ingressClassName {{className}} but the kubernetes.io/ingress.class annotation says {{annotationClass}}; the API server refuses to create an Ingress whose two classes differ.',
    unknownClass:
      'Ingress {{ingress}} names IngressClass {{className}}, which is not in the analysed files (they hold {{classes}}).',
    multipleDefaults:
      'IngressClass {{ingressClass}} is one of {{count}} IngressClasses marked as the default ({{classes}}); Kubernetes expects at most one, and Ingresses without a class may be refused or bound to an unexpected controller.',
  },
  check(inventory, context) {
    const { byName: classesByName, defaultNames } = ingressClassIndex(inventory);

    for (const ingress of inventory.ingresses) {
      const object = ingress.object;
      const data = { ingress: displayName(object) };
      // An empty annotation counts as none, as controllers read it.
      const annotationClass = object.annotations[INGRESS.classAnnotation] || undefined;
      const fieldClass = ingress.classSource === 'field' ? ingress.className : null;

      if (fieldClass === null && annotationClass === undefined) {
        if (defaultNames.length === 0) {
          context.report({ messageId: 'noClass', data, object, path: ['spec'] });
        }
        continue;
      }
      if (fieldClass === null) {
        context.report({
          messageId: 'deprecatedAnnotation',
          data: { ...data, className: annotationClass ?? '' },
          object,
          path: annotationPath(INGRESS.classAnnotation),
        });
        continue;
      }
      if (annotationClass !== undefined && annotationClass !== fieldClass) {
        // ValidateIngressCreate: "must match `ingressClassName` when both are specified".
        context.report({
          messageId: 'classConflict',
          data: { ...data, className: fieldClass, annotationClass },
          object,
          path: annotationPath(INGRESS.classAnnotation),
          severity: 'error',
        });
        continue;
      }
      if (classesByName.size > 0 && !classesByName.has(fieldClass)) {
        context.report({
          messageId: 'unknownClass',
          data: { ...data, className: fieldClass, classes: listNames([...classesByName.keys()]) },
          object,
          path: ['spec', 'ingressClassName'],
          severity: 'notice',
        });
      }
    }

    if (defaultNames.length > 1) {
      for (const view of inventory.ingressClasses.filter((candidate) => candidate.isDefault)) {
        context.report({
          messageId: 'multipleDefaults',
          data: {
            ingressClass: view.object.name,
            count: defaultNames.length,
            classes: defaultNames.join(', '),
          },
          object: view.object,
          path: annotationPath(INGRESS.defaultClassAnnotation),
        });
      }
    }
  },
});

function annotationPath(key: string): string[] {
  return ['metadata', 'annotations', key];
}

/** Names for a message: the first few, then a count of the rest. */
function listNames(names: readonly string[], shown = 5): string {
  const sorted = [...names].sort();
  if (sorted.length <= shown) return sorted.join(', ');
  return `${sorted.slice(0, shown).join(', ')} and ${sorted.length - shown} more`;
}
