import type { Topic } from './types.js';

/** Gateway API compared with Ingress, and whether it replaces it. */
const topic: Topic = {
  id: 'gateway-vs-ingress',
  title: 'Gateway API or Ingress?',
  short:
    "Gateway API is the Kubernetes project's recommended successor to Ingress: it splits the entry point (GatewayClass and Gateway, owned by the platform team) from the routing (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute, owned by app teams), and puts into the spec what Ingress left to controller annotations. The Ingress API is frozen but not being removed, so existing Ingresses keep working; new designs should start on Gateway API v1.",
  details: [
    "**The model.** A cluster-scoped **GatewayClass** names the controller. A **Gateway** declares listeners (port, protocol, hostname, TLS) and which namespaces may attach routes. **Routes** attach to a Gateway listener through `parentRefs` and send traffic to `backendRefs`. Cross-namespace references to Secrets or Services need a **ReferenceGrant** in the target namespace, so app teams can share one Gateway without being able to reach each other's objects.",
    '',
    '**What is in the spec instead of annotations:** header, query and method matching; weighted backends for canaries; redirects, URL rewrites and header changes as filters; timeouts; CORS (standard since v1.5); TLS to the backend with BackendTLSPolicy (standard since v1.4); client-certificate validation on the Gateway (since v1.5). Features are graded Core, Extended or implementation-specific, so check what your implementation supports.',
    '',
    '**Protocols beyond HTTP.** GRPCRoute is GA since v1.1 and TLSRoute `v1` since v1.5. TCPRoute and UDPRoute reached `v1` only in v1.6 (2026-06-29); on v1.5 or older clusters they exist only as `v1alpha2` in the experimental channel. Ingress carries HTTP and HTTPS only.',
    '',
    "**Versions and installation.** The latest release is v1.6.1 (2026-07-16). The CRDs do not ship with Kubernetes: install them (`standard-install.yaml`) unless your platform manages them (GKE installs its own, v1.5.0 on recent 1.35 versions). Check what a cluster serves with `kubectl get crd tcproutes.gateway.networking.k8s.io -o jsonpath='{.spec.versions[?(@.served==true)].name}'`.",
    '',
    '**Ingress status.** The Kubernetes docs say the Ingress API is frozen, will get no further changes, and has no plans for removal. A simple HTTP setup on a maintained Ingress controller is still fine; it just will not gain features. The community ingress-nginx controller, however, was retired in March 2026.',
    '',
    "**Caveats:** implementations differ in conformance and in Extended features, so read their conformance report for the Gateway API version you install. Some cloud classes are limited: GKE's managed classes are L7 only, and the AWS Load Balancer Controller does not allow TCPRoute and HTTPRoute on the same Gateway and makes its load balancers internal by default.",
  ].join('\n'),
  example: {
    language: 'yaml',
    caption: "A shared Gateway owned by the platform team, and an app team's HTTPRoute attached to it.",
    code: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
  namespace: infra
spec:
  gatewayClassName: eg            # your implementation's class: eg, istio, cilium, nginx, traefik...
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: "*.example.com"
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: wildcard-example-com
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs:
    - name: public
      namespace: infra
      sectionName: https
  hostnames:
    - shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /api
      backendRefs:
        - name: api
          port: 8080
          weight: 90
        - name: api-canary
          port: 8080
          weight: 10
    - backendRefs:
        - name: frontend
          port: 3000
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Gateway API',
      url: 'https://kubernetes.io/docs/concepts/services-networking/gateway/',
    },
    {
      title: 'Kubernetes docs: Ingress (API frozen)',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    },
    { title: 'Gateway API documentation', url: 'https://gateway-api.sigs.k8s.io/' },
    {
      title: 'Gateway API v1.6 release (Kubernetes blog)',
      url: 'https://kubernetes.io/blog/2026/08/03/gateway-api-v1-6-release/',
    },
  ],
  examples: [
    'should new clusters use Gateway API instead of Ingress?',
    'is the Ingress API deprecated now?',
    'gateway api vs ingress pros and cons',
    'why would I switch to HTTPRoute if my Ingress works fine',
    'Ingress is frozen, does that mean it will be removed?',
    "what does gateway api give me that ingress annotations don't",
    'gatway api or ingress for a new platform',
    'GatewayClass, Gateway, HTTPRoute: who owns what',
  ],
  terms: [
    'Ingress API removed',
    'Ingress deprecated',
    'frozen API',
    'stay on Ingress',
    'Gateway API',
    'HTTPRoute',
    'GatewayClass',
    'Gateway',
    'Ingress API frozen',
    'successor',
    'role-oriented',
    'ReferenceGrant',
    'annotations',
    'CRDs',
  ],
};

export default topic;
