import rule from './ingress-no-tls.js';
import { type InvalidCase, testRule, type ValidCase } from './test-support/rule-tester.js';

interface IngressOptions {
  hosts?: Array<string | null>;
  tls?: Array<string[] | null>;
  annotations?: Record<string, string>;
  className?: string;
}

/** An Ingress with one rule per host (null: a rule without a host) and the given TLS entries. */
const ingress = (name: string, options: IngressOptions = {}): string => {
  const { hosts = [`${name}.example.com`], tls = [], annotations = {}, className = 'traefik' } = options;
  const annotationLines = Object.entries(annotations)
    .map(([key, value]) => `\n    ${key}: '${value}'`)
    .join('');
  const rules = hosts
    .map(
      (host) => `  - ${host === null ? '' : `host: '${host}'\n    `}http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port:
              number: 80
`,
    )
    .join('');
  const tlsLines = tls
    .map((entry) =>
      entry === null
        ? '  - secretName: default-cert\n'
        : `  - secretName: ${name}-cert\n    hosts:\n${entry.map((host) => `    - '${host}'\n`).join('')}`,
    )
    .join('');
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop${annotationLines ? `\n  annotations:${annotationLines}` : ''}
spec:
  ingressClassName: ${className}
${tls.length > 0 ? `  tls:\n${tlsLines}` : ''}  rules:
${rules}`;
};

const valid: ValidCase[] = [
  {
    name: 'an Ingress whose TLS entry covers its host',
    files: ingress('web', { tls: [['web.example.com']] }),
  },
  {
    name: 'a wildcard TLS host covering rule hosts one label deep',
    files: ingress('web', { hosts: ['a.example.com', 'b.example.com'], tls: [['*.example.com']] }),
  },
  {
    name: 'a TLS entry without hosts (the controller default certificate for every host)',
    files: ingress('web', { hosts: ['a.example.com', 'b.example.com'], tls: [null] }),
  },
  { name: 'an Ingress with no host rules (a catch-all)', files: ingress('web', { hosts: [null] }) },
  {
    name: 'an ALB with an ACM certificate ARN',
    files: ingress('web', {
      className: 'alb',
      annotations: { 'alb.ingress.kubernetes.io/certificate-arn': 'arn:aws:acm:eu-west-1:1:certificate/x' },
    }),
  },
  {
    name: 'an ALB with an HTTPS listener and certificate discovery',
    files: ingress('web', {
      className: 'alb',
      annotations: { 'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP": 80}, {"HTTPS": 443}]' },
    }),
  },
  {
    name: 'a GKE Ingress with a pre-shared certificate',
    files: ingress('web', {
      className: 'gce',
      annotations: { 'ingress.gcp.kubernetes.io/pre-shared-cert': 'web' },
    }),
  },
  {
    name: 'a GKE Ingress with a pre-shared certificate under networking.gke.io',
    files: ingress('web', {
      className: 'gce',
      annotations: { 'networking.gke.io/pre-shared-cert': 'web' },
    }),
  },
  {
    name: 'a GKE Ingress with Google-managed certificates',
    files: ingress('web', {
      className: 'gce',
      annotations: { 'networking.gke.io/managed-certificates': 'web-cert' },
    }),
  },
  {
    name: 'an explicitly internal ALB',
    files: ingress('web', {
      className: 'alb',
      annotations: { 'alb.ingress.kubernetes.io/scheme': 'internal' },
    }),
  },
  {
    name: 'a GKE internal Ingress (class gce-internal)',
    files: ingress('web', { className: 'gce-internal' }),
  },
  {
    name: 'a TLS host used by a wildcard rule',
    files: ingress('web', { hosts: ['*.example.com'], tls: [['*.example.com', 'a.example.com']] }),
  },
  {
    name: 'TLS hosts next to a rule without a host, which serves every host',
    files: ingress('web', {
      hosts: ['web.example.com', null],
      tls: [['web.example.com', 'other.example.com']],
    }),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'host rules and no spec.tls, at the rules line',
    files: ingress('web', { hosts: ['web.example.com', 'www.example.com'] }),
    errors: [
      {
        messageId: 'plainHttp',
        line: 9,
        severity: 'warning',
        data: { ingress: 'shop/web', hosts: 'web.example.com, www.example.com', hostCount: 2 },
      },
    ],
  },
  {
    name: 'an ALB without a scheme (the controller default is not visible in the manifest)',
    files: ingress('web', { className: 'alb' }),
    errors: [{ messageId: 'plainHttp', data: { hosts: 'web.example.com' } }],
  },
  {
    name: 'an internet-facing ALB without a certificate',
    files: ingress('web', {
      className: 'alb',
      annotations: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' },
    }),
    errors: [{ messageId: 'plainHttp', line: 11 }],
  },
  {
    name: 'a rule host no TLS entry covers, and a TLS host no rule routes, as notices',
    files: ingress('web', {
      hosts: ['web.example.com', 'api.example.com', 'deep.api.example.com'],
      tls: [['web.example.com', 'wbe.example.com']],
    }),
    errors: [
      { messageId: 'tlsHostUnused', line: 13, severity: 'notice', data: { host: 'wbe.example.com' } },
      { messageId: 'hostWithoutTls', line: 25, severity: 'notice', data: { host: 'api.example.com' } },
      { messageId: 'hostWithoutTls', line: 35, severity: 'notice', data: { host: 'deep.api.example.com' } },
    ],
  },
  {
    name: 'a wildcard TLS host does not cover a host two labels deep',
    files: ingress('web', { hosts: ['a.b.example.com'], tls: [['*.example.com']] }),
    errors: [
      { messageId: 'tlsHostUnused', data: { host: '*.example.com' } },
      { messageId: 'hostWithoutTls', data: { host: 'a.b.example.com' } },
    ],
  },
];

testRule(rule, { valid, invalid });
