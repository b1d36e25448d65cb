import type { Topic } from './types.js';

/** Client-certificate authentication (mutual TLS) at the edge or in the application. */
const topic: Topic = {
  id: 'mtls',
  title: 'How do I require client certificates (mTLS)?',
  short:
    'Either the entry point validates client certificates or the application does. With Gateway API, put a CA bundle in `spec.tls.frontend.default.validation.caCertificateRefs` on the Gateway (GEP-91, Standard since v1.5.0, where your implementation supports it); on Ingress it is a controller annotation such as ingress-nginx `auth-tls-secret`, on a controller that is now retired. If the application must see and check the certificate itself, pass TLS through untouched with a TLSRoute on a `Passthrough` listener or an L4 LoadBalancer Service.',
  details: [
    '**At the Gateway (GEP-91).** Since Gateway API v1.5.0 the Gateway carries frontend TLS settings for all its HTTPS listeners:',
    '',
    '- `spec.tls.frontend.default.validation.caCertificateRefs`: the trust anchors. Core support is a single ConfigMap with the PEM bundle under the key `ca.crt`; Secrets, several references or a reference in another namespace (with a ReferenceGrant) are implementation-specific.',
    '- `mode`: `AllowValidOnly` (the default) rejects clients without a valid certificate; `AllowInsecureFallback` lets them through and leaves the decision to the backend, meant for testing or migrations.',
    '- `spec.tls.frontend.perPort`: a different validation for the HTTPS listeners of one port.',
    '- Support is the conformance feature `GatewayFrontendClientCertificateValidation`: in the v1.6 reports Envoy Gateway v1.9.0 and GKE (`gke-l7-regional-external-managed`) claim it, Cilium v1.20.0 does not. How the verified identity reaches the backend (a header with the certificate or its subject) is not standardised.',
    '',
    '**At an Ingress controller.** Client certificates are controller-specific annotations. ingress-nginx uses `nginx.ingress.kubernetes.io/auth-tls-secret: <namespace>/<name>` (a Secret with `ca.crt`) and `auth-tls-verify-client` (`on`, the default, `off`, `optional`, `optional_no_ca`); a failed check returns 400. ingress-nginx is retired and gets no more security fixes, which matters for an authentication feature; migrate to a Gateway that supports frontend validation.',
    '',
    '**In the application (passthrough).** A Gateway listener with `protocol: TLS` and `tls.mode: Passthrough` routes by SNI to a TLSRoute (`v1`, Standard since v1.5.0; Passthrough is Core, Terminate Extended) without decrypting, so the application terminates TLS, validates the client certificate and sees it in full. A `type: LoadBalancer` Service does the same at L4. You give up L7 features at the entry point (path routing, header rules, WAF), and the application owns its server certificate.',
    '',
    '**What to check:** who issues and rotates client certificates and the CA bundle; revocation (CRLs or short-lived certificates); that health checks of the cloud load balancer can still pass; and, with termination at the edge, that traffic from the proxy to the backend is authenticated too (BackendTLSPolicy, a mesh) if policy requires it.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'A Gateway that accepts only clients with a certificate from the partner CA, and a passthrough listener for an app that checks certificates itself.',
    code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: partner-ca
  namespace: infra
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    ...the partner CA bundle (PEM)...
    -----END CERTIFICATE-----
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: b2b
  namespace: infra
spec:
  gatewayClassName: eg                # an implementation with GatewayFrontendClientCertificateValidation
  tls:
    frontend:
      default:
        validation:
          caCertificateRefs:
            - group: ""
              kind: ConfigMap
              name: partner-ca
          mode: AllowValidOnly        # the default: no valid certificate, no connection
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: api.partner.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: api-partner-example-com
      allowedRoutes:
        namespaces:
          from: All
    - name: passthrough
      protocol: TLS
      port: 8443
      hostname: legacy.partner.example.com
      tls:
        mode: Passthrough             # the app terminates TLS and validates clients itself
      allowedRoutes:
        kinds:
          - kind: TLSRoute
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: legacy
  namespace: infra
spec:
  parentRefs:
    - name: b2b
      sectionName: passthrough
  hostnames:
    - legacy.partner.example.com
  rules:
    - backendRefs:
        - name: legacy-api
          port: 8443
`,
  },
  providers: {
    aws: 'An ALB can verify client certificates itself (mutual authentication with a trust store); with the AWS Load Balancer Controller it is configured by an Ingress annotation, so check its annotation reference. Its Gateway API support puts TLSRoutes on an NLB, which cannot share a Gateway with HTTPRoutes.',
    gke: 'The GKE v1.6 conformance report for `gke-l7-regional-external-managed` claims `GatewayFrontendClientCertificateValidation`; check the GatewayClass capabilities page for other classes.',
  },
  sources: [
    {
      title: 'Gateway API GEP-91: client certificate validation for TLS terminating at the Gateway',
      url: 'https://gateway-api.sigs.k8s.io/geps/gep-91/',
    },
    {
      title: 'Gateway API v1.5.0 changelog (client certificate validation and TLSRoute in Standard)',
      url: 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/CHANGELOG/1.5-CHANGELOG.md',
    },
    { title: 'Gateway API: TLS', url: 'https://gateway-api.sigs.k8s.io/guides/tls/' },
    {
      title: 'ingress-nginx annotations (client certificate authentication)',
      url: 'https://github.com/kubernetes/ingress-nginx/blob/main/docs/user-guide/nginx-configuration/annotations.md',
    },
    {
      title: 'Ingress NGINX Retirement: What You Need to Know',
      url: 'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
    },
  ],
  examples: [
    'how do I require client certificates for an API in kubernetes',
    'mTLS at the gateway or in the app?',
    'mutual tls with gateway api, caCertificateRefs example',
    'ingress-nginx auth-tls-secret replacement after the retirement',
    'partner integration needs client cert auth on our public api',
    'tls passthrough so my service can check the client certificate',
    '400 No required SSL certificate was sent from the ingress',
    'does envoy gateway support frontend client certificate validation',
    'mtls on an AWS ALB ingress',
    'mutal tls for partners calling our api: where should it terminate?',
  ],
  terms: [
    'mTLS',
    'mutual TLS',
    'client certificate',
    'client cert',
    'caCertificateRefs',
    'frontend validation',
    'GEP-91',
    'AllowValidOnly',
    'AllowInsecureFallback',
    'auth-tls-secret',
    'auth-tls-verify-client',
    'TLSRoute',
    'Passthrough',
    'No required SSL certificate was sent',
  ],
};

export default topic;
