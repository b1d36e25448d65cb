import type { Topic } from './types.js';

/** Where TLS terminates with each option, and how certificates are wired. */
const topic: Topic = {
  id: 'tls',
  title: 'Where does TLS terminate, and how do I manage certificates?',
  short:
    'With an Ingress or a Gateway, TLS usually terminates at the controller: certificates live in Kubernetes Secrets named in `spec.tls` or on a Gateway listener, and SNI lets one address serve many hostnames. A `type: LoadBalancer` Service passes TCP straight through, so TLS is handled either by the application or by the cloud load balancer through provider annotations. Gateway API adds standard TLS passthrough (TLSRoute) and re-encryption to backends (BackendTLSPolicy).',
  details: [
    "**Ingress.** Each `spec.tls` entry lists `hosts` and a `secretName`: a `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`) in the Ingress's own namespace. Ingress supports one TLS port, 443, with SNI choosing the certificate. Redirecting HTTP to HTTPS, TLS versions, HTTPS to the backend and client certificates are all controller-specific annotations, so they do not carry over between controllers. A missing or wrong Secret usually makes the controller serve its default (self-signed) certificate rather than fail.",
    '',
    '**Gateway API.** TLS is configured per listener:',
    '',
    '- `protocol: HTTPS` with `tls.mode: Terminate` and `certificateRefs` (the mode must be Terminate for HTTPS);',
    '- `protocol: TLS` with `tls.mode: Passthrough` plus a TLSRoute (`v1`, standard since v1.5) routes by SNI without decrypting, so the backend keeps its own certificate;',
    '- a certificate in another namespace needs a ReferenceGrant there;',
    '- BackendTLSPolicy (standard since v1.4) re-encrypts from the Gateway to the backend, and the Gateway can validate client certificates (standard since v1.5);',
    '- `tls` must not be set on HTTP, TCP or UDP listeners.',
    '',
    '**LoadBalancer Service.** The load balancer forwards bytes, so the application terminates TLS and owns its certificates, or the cloud load balancer terminates it. On AWS with the Load Balancer Controller, an NLB TLS listener uses `service.beta.kubernetes.io/aws-load-balancer-ssl-cert` (an ACM certificate ARN) and `aws-load-balancer-ssl-ports`; an ALB from an Ingress uses `alb.ingress.kubernetes.io/certificate-arn`. TLS on an NLB is billed by a stricter unit (50 new connections/s or 3,000 active per NLCU).',
    '',
    '**What to check:**',
    '',
    '- renewal is automated (cert-manager or the cloud certificate service) and expiry is monitored;',
    '- HTTP is redirected to HTTPS, and HSTS is set where you want it;',
    '- where traffic is plaintext after termination (proxy → pod), and whether policy requires re-encryption or a mesh;',
    '- HTTP/2 and gRPC need ALPN `h2` at whatever terminates TLS;',
    '- the minimum TLS version and cipher policy on the terminating component.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption: 'HTTPS terminated on a Gateway, with plain HTTP redirected to HTTPS.',
    code: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: infra
spec:
  gatewayClassName: eg            # your implementation's GatewayClass
  listeners:
    - name: http
      protocol: HTTP
      port: 80
    - name: https
      protocol: HTTPS
      port: 443
      hostname: shop.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: shop-example-com   # kubernetes.io/tls Secret in the Gateway's namespace
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: redirect-to-https
  namespace: infra
spec:
  parentRefs:
    - name: web
      sectionName: http
  rules:
    - filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            statusCode: 301
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
      sectionName: https
  hostnames:
    - shop.example.com
  rules:
    - backendRefs:
        - name: frontend
          port: 3000
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Ingress, TLS',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
    },
    {
      title: 'Kubernetes docs: Gateway API',
      url: 'https://kubernetes.io/docs/concepts/services-networking/gateway/',
    },
    { title: 'Gateway API documentation', url: 'https://gateway-api.sigs.k8s.io/' },
    {
      title: 'AWS Load Balancer Controller: Service annotations',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
    },
  ],
  examples: [
    'where do I terminate TLS: load balancer, ingress or pod?',
    'cert-manager with Gateway API listeners',
    'how to use an ACM certificate on an NLB service',
    'lets encrypt wildcard cert for all my ingresses',
    'ingress serves the default fake certificate instead of mine',
    'https redirect on a gateway, how',
    'ssl certs for several hosts behind one ingress',
    'browser shows Kubernetes Ingress Controller Fake Certificate',
  ],
  terms: [
    'TLS',
    'SSL',
    'HTTPS',
    'certificate',
    'cert-manager',
    "Let's Encrypt",
    'ACM',
    'certificateRefs',
    'secretName',
    'SNI',
    'TLS termination',
    'BackendTLSPolicy',
    'Kubernetes Ingress Controller Fake Certificate',
  ],
};

export default topic;
