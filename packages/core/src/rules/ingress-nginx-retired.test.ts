import rule from './ingress-nginx-retired.js';
import { ingressClassManifest, ingressManifest } from './test-support/manifests.js';
import { type InvalidCase, testRule, type ValidCase } from './test-support/rule-tester.js';

const ingress = ingressManifest;

const ingressClass = ingressClassManifest;

const COMMUNITY = 'k8s.io/ingress-nginx';
const F5 = 'nginx.org/ingress-controller';

const valid: ValidCase[] = [
  { name: 'an Ingress of another controller', files: ingress('web', 'ingressClassName: traefik') },
  {
    name: 'class nginx when the set’s IngressClass nginx is F5’s controller',
    files: ingressClass('nginx', F5) + ingress('web', 'ingressClassName: nginx'),
  },
  {
    name: 'F5 annotations (nginx.org/ and nginx.com/)',
    files: ingress('web', 'ingressClassName: nginx-plus', {
      'nginx.org/rewrites': 'serviceName=web rewrite=/',
      'nginx.com/health-checks': 'true',
    }),
  },
  {
    name: 'nginx.ingress.kubernetes.io annotations on an Ingress whose IngressClass in the set is F5’s',
    files:
      ingressClass('nginx', F5) +
      ingress('web', 'ingressClassName: nginx', { 'nginx.ingress.kubernetes.io/rewrite-target': '/' }),
  },
  {
    name: 'an Ingress without a class whose default IngressClass is another controller',
    files: ingressClass('traefik', 'traefik.io/ingress-controller', true) + ingress('web'),
  },
  {
    name: 'ignored by annotation',
    files: ingress('web', 'ingressClassName: nginx', {
      'ingress-advisor.io/ignore': 'ingress-nginx-retired',
    }),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'class nginx with no IngressClass in the set, at the class line',
    files: ingress('web', 'ingressClassName: nginx'),
    errors: [
      {
        messageId: 'ingress',
        line: 8,
        severity: 'warning',
        data: {
          ingress: 'shop/web',
          annotationCount: 0,
          evidence: 'class nginx, the class ingress-nginx installs',
        },
      },
    ],
  },
  {
    name: 'class nginx given by the deprecated annotation, at the annotation line',
    files: ingress('web', '', { 'kubernetes.io/ingress.class': 'nginx' }),
    errors: [{ messageId: 'ingress', line: 8, data: { ingress: 'shop/web' } }],
  },
  {
    name: 'an IngressClass of the community controller and the Ingress using it under another name',
    files: ingressClass('public', COMMUNITY) + ingress('web', 'ingressClassName: public'),
    errors: [
      { messageId: 'ingressClass', line: 7, data: { ingressClass: 'public', ingressCount: 1 } },
      {
        messageId: 'ingress',
        line: 15,
        data: { evidence: 'IngressClass public names controller k8s.io/ingress-nginx' },
      },
    ],
  },
  {
    name: 'an Ingress without a class whose default IngressClass is the community controller',
    files: ingressClass('nginx', COMMUNITY, true) + ingress('web'),
    errors: [
      { messageId: 'ingressClass', line: 9, data: { ingressClass: 'nginx', ingressCount: 1 } },
      {
        messageId: 'ingress',
        line: 16,
        data: { evidence: 'the default IngressClass nginx names controller k8s.io/ingress-nginx' },
      },
    ],
  },
  {
    name: 'nginx.ingress.kubernetes.io annotations, listed with their count, at the first one',
    files: ingress('web', 'ingressClassName: nginx', {
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.org/ignored': 'x',
      'nginx.ingress.kubernetes.io/enable-cors': 'true',
      'nginx.ingress.kubernetes.io/cors-allow-origin': 'https://example.com',
      'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers X-Frame-Options:DENY;',
    }),
    errors: [
      {
        messageId: 'ingressAnnotations',
        line: 16,
        data: {
          annotationCount: 6,
          annotations:
            'rewrite-target, ssl-redirect, proxy-body-size, enable-cors, cors-allow-origin and 1 more',
        },
      },
    ],
  },
  {
    name: 'annotations alone, with a class the set does not resolve',
    files: ingress('web', 'ingressClassName: internal', {
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
    }),
    errors: [
      {
        messageId: 'ingressAnnotations',
        line: 8,
        data: {
          evidence: 'nginx.ingress.kubernetes.io/ annotations',
          annotationCount: 1,
          annotations: 'ssl-redirect',
        },
      },
    ],
  },
  {
    name: 'an unused IngressClass of the community controller',
    files: ingressClass('nginx', COMMUNITY),
    errors: [{ messageId: 'ingressClass', line: 7, data: { ingressClass: 'nginx', ingressCount: 0 } }],
  },
];

testRule(rule, { valid, invalid });
