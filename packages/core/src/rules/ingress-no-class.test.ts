import rule from './ingress-no-class.js';
import { ingressClassManifest, ingressManifest } from './test-support/manifests.js';
import { type InvalidCase, testRule, type ValidCase } from './test-support/rule-tester.js';

const ingress = ingressManifest;

const ingressClass = (name: string, isDefault = false, controller = 'example.com/controller'): string =>
  ingressClassManifest(name, controller, isDefault);

const LEGACY_CLASS = 'kubernetes.io/ingress.class';

const valid: ValidCase[] = [
  {
    name: 'an Ingress with spec.ingressClassName and no IngressClass in the set',
    files: ingress('web', 'ingressClassName: traefik'),
  },
  {
    name: 'an Ingress whose class is among the IngressClasses of the set',
    files: ingressClass('traefik') + ingress('web', 'ingressClassName: traefik'),
  },
  {
    name: 'an Ingress without a class when the set marks a default IngressClass (it resolves to that one)',
    files: ingressClass('traefik', true) + ingress('web'),
  },
  {
    name: 'the field and the annotation naming the same class',
    files: ingress('web', 'ingressClassName: nginx', { [LEGACY_CLASS]: 'nginx' }),
  },
  {
    name: 'an IngressClass marked default whose twin is the same class in another overlay',
    files: {
      'overlays/dev/class.yaml': ingressClass('traefik', true),
      'overlays/prod/class.yaml': ingressClass('traefik', true),
    },
  },
  {
    name: 'ignored by annotation',
    files: ingress('web', '', { 'ingress-advisor.io/ignore': 'ingress-no-class' }),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'no class, no annotation and no default IngressClass in the set, at the spec line',
    files: ingress('web'),
    errors: [{ messageId: 'noClass', line: 7, data: { ingress: 'shop/web' }, severity: 'warning' }],
  },
  {
    name: 'no class while the set has IngressClasses but none is the default',
    files: ingressClass('traefik') + ingress('web'),
    errors: [{ messageId: 'noClass', line: 14, data: { ingress: 'shop/web' } }],
  },
  {
    name: 'a class given only by the deprecated annotation, at the annotation line',
    files: ingress('web', '', { [LEGACY_CLASS]: 'nginx' }),
    errors: [
      { messageId: 'deprecatedAnnotation', line: 8, data: { ingress: 'shop/web', className: 'nginx' } },
    ],
  },
  {
    name: 'the field and the annotation naming different classes',
    files: ingress('web', 'ingressClassName: traefik', { [LEGACY_CLASS]: 'nginx' }),
    errors: [
      {
        messageId: 'classConflict',
        line: 8,
        severity: 'error',
        data: { className: 'traefik', annotationClass: 'nginx' },
      },
    ],
  },
  {
    name: 'a class name the set lacks while it holds other IngressClasses, as a notice',
    files: ingressClass('traefik') + ingressClass('nginx') + ingress('web', 'ingressClassName: haproxy'),
    errors: [
      {
        messageId: 'unknownClass',
        line: 22,
        severity: 'notice',
        data: { ingress: 'shop/web', className: 'haproxy', classes: 'nginx, traefik' },
      },
    ],
  },
  {
    name: 'two IngressClasses marked as the default, each at its annotation line',
    files: ingressClass('traefik', true) + ingressClass('nginx', true) + ingress('web'),
    errors: [
      {
        messageId: 'multipleDefaults',
        line: 7,
        data: { ingressClass: 'traefik', count: 2, classes: 'traefik, nginx' },
      },
      { messageId: 'multipleDefaults', line: 16, data: { ingressClass: 'nginx', count: 2 } },
    ],
  },
];

testRule(rule, { valid, invalid });
