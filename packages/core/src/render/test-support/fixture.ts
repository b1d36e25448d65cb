/**
 * A realistic Report for renderer tests: two HTTP LoadBalancers, an MQTT and a PostgreSQL one, an
 * Ingress with ingress-nginx annotations, a broken YAML file and a Helm template.
 */
import type { SourceFile } from '../../manifests/load.js';
import { analyze } from '../../report/analyze.js';
import type { Report } from '../../report/model.js';
import type { Finding } from '../../rules/define-rule.js';

export const FIXTURE_FILES: readonly SourceFile[] = [
  {
    path: 'apps/shop/services.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: nlb
spec:
  type: LoadBalancer
  selector:
    app: api
  ports:
    - name: https
      port: 443
      targetPort: 8443
`,
  },
  {
    path: 'apps/iot/mqtt.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: mqtt
  namespace: iot
spec:
  type: LoadBalancer
  selector:
    app: mosquitto
  ports:
    - name: mqtt
      port: 1883
      targetPort: 1883
`,
  },
  {
    path: 'apps/data/postgres.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: data
spec:
  type: LoadBalancer
  selector:
    app: postgres
  ports:
    - port: 5432
      targetPort: 5432
`,
  },
  {
    path: 'apps/shop/ingress.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: storefront
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: storefront
                port:
                  number: 80
`,
  },
  {
    path: 'apps/broken.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: broken
  labels: [unclosed
spec:
  type: ClusterIP
`,
  },
  {
    path: 'charts/app/templates/service.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - port: {{ .Values.service.port }}
`,
  },
  { path: 'README.md', text: '# Shop\n\nNot a manifest.\n' },
];

/** The fixture analysed with the default configuration. */
export function fixtureReport(): Report {
  return analyze(FIXTURE_FILES);
}

/** Strings a hostile pull request could put in a manifest, aimed at each medium. */
export const HOSTILE = {
  name: '@org/team <img src=x onerror=alert(1)> | pipes | `tick` #123 *bold*',
  namespace: '](javascript:alert(1)) <!-- ingress-advisor --> <details>',
  terminalName: 'web\u001b[31mRED\u001b]0;pwned\u0007\u001b[2J',
  path: 'hostile/<script>alert(1)</script>|@org/team.yaml',
};

/** Two HTTP LoadBalancers whose names, namespace and file path carry the hostile strings. */
export const HOSTILE_FILES: readonly SourceFile[] = [
  {
    path: HOSTILE.path,
    text: `apiVersion: v1
kind: Service
metadata:
  name: ${JSON.stringify(HOSTILE.name)}
  namespace: ${JSON.stringify(HOSTILE.namespace)}
spec:
  type: LoadBalancer
  ports:
    - name: http
      port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${JSON.stringify(HOSTILE.terminalName)}
  namespace: "line\\nbreak"
spec:
  type: LoadBalancer
  ports:
    - name: http
      port: 8080
`,
  },
  { path: 'charts/x/templates/svc.yaml', text: 'name: {{ .Values.name }}\n  bad: [\n' },
];

/** The hostile files analysed. */
export function hostileReport(): Report {
  return analyze(HOSTILE_FILES);
}

/**
 * The report with `count` synthetic consolidation findings in as many files, one in ten an error,
 * for tests of size limits.
 */
export function withManyFindings(report: Report, count: number): Report {
  const findings: Finding[] = Array.from({ length: count }, (_, index) => {
    const service = `shop/web-${String(index).padStart(5, '0')}`;
    const data = {
      service,
      count,
      exposure: 'public',
      services: `${service}, shop/api`,
      saved: 1,
      saving: '$18.25',
      entryPoint: 'one Gateway or Ingress',
    };
    return {
      ruleId: 'lb-http-consolidate',
      severity: index % 10 === 0 ? 'error' : 'warning',
      messageId: 'group',
      data,
      message: `Service ${service} is one of ${count} public HTTP(S) LoadBalancer Services.`,
      fix: `Route ${service} through one Gateway or Ingress.`,
      file: `apps/service-${String(index).padStart(5, '0')}.yaml`,
      line: 7,
      resource: { apiVersion: 'v1', kind: 'Service', name: service.slice(5), namespace: 'shop' },
    };
  });
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    ...report,
    findings,
    summary: { ...report.summary, findings: { error: errors, warning: count - errors, notice: 0 } },
  };
}
