import type { Topic } from './types.js';

/** Moving Ingresses to Gateway API, with ingress2gateway and a DNS cutover. */
const topic: Topic = {
  id: 'migration-ingress-to-gateway',
  title: 'How do I migrate from Ingress to Gateway API?',
  short:
    'Install the Gateway API CRDs (v1.6.1) and an implementation, then translate each Ingress into a Gateway and HTTPRoutes, by hand or with ingress2gateway v1.0 or later, which also converts the common ingress-nginx annotations. Run the Gateway next to the old controller, test it on its own address, and switch DNS host by host before deleting the Ingresses.',
  details: [
    '**How the objects map:**',
    '',
    '| Ingress | Gateway API |',
    '|---|---|',
    '| IngressClass | GatewayClass |',
    "| the controller's load balancer and ports | Gateway with one listener per port, protocol and hostname |",
    '| `spec.tls[]` | HTTPS listener, `tls.mode: Terminate`, `certificateRefs` (ReferenceGrant if the Secret is in another namespace) |',
    '| `rules[].host` | HTTPRoute `hostnames` |',
    '| `paths[]` with `pathType: Prefix` / `Exact` | `matches[].path` with `type: PathPrefix` / `Exact` |',
    '| `pathType: ImplementationSpecific` | depends on the controller: often `RegularExpression` or `PathPrefix`; check each one |',
    '| `backend.service` | `backendRefs` with `name` and a numeric `port` (required for Services; a named Ingress port must become its number) |',
    '| `defaultBackend` | a catch-all rule or route on a listener without hostname |',
    '| annotations (redirects, rewrites, headers, canaries, timeouts) | filters (`RequestRedirect`, `URLRewrite`, `RequestHeaderModifier`), backend weights, `timeouts`, or implementation policies |',
    '',
    '**ingress2gateway.** v1.0.0 (2026-03-20) reads Ingresses from the cluster or from files and translates more than 30 common ingress-nginx annotations (v1.1.0, 2026-04-29, is reported to map about 34 and refuse a few). It prints a notification for everything it cannot translate: treat that list as the migration backlog. Snippet annotations and controller-wide ConfigMap settings have no direct equivalent.',
    '',
    '**Behaviour that changes silently:** ingress-nginx redirects HTTP to HTTPS by default when an Ingress has TLS; on a Gateway you add a redirect route yourself. Regex and rewrite semantics, body-size limits, timeouts and default headers differ between implementations. cert-manager and ExternalDNS each need their Gateway API support enabled.',
    '',
    '**Cutover, side by side:**',
    '',
    '1. Install the CRDs (GKE manages its own) and the implementation; keep the old controller running.',
    "2. Apply the generated Gateway and HTTPRoutes; wait for the Gateway to be `Programmed` and each route's parents to be `Accepted` with `ResolvedRefs` true.",
    "3. Test the Gateway's address with the real hostnames (`curl --resolve`).",
    '4. Lower DNS TTLs, move one hostname at a time, and watch errors and latency.',
    '5. Delete the Ingresses, then the old controller: if it is the retired community ingress-nginx, that removes an unpatched component from the cluster.',
  ].join('\n'),
  example: {
    language: 'sh',
    caption:
      'Install the CRDs, generate Gateway API objects from the ingress-nginx Ingresses, and check they were accepted.',
    code: `# Gateway API CRDs, standard channel (the CRDs do not ship with Kubernetes)
kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml

# Translate every ingress-nginx Ingress; review the warnings it prints
ingress2gateway print --providers=ingress-nginx --all-namespaces > gateway-api.yaml

# Set gatewayClassName to your implementation's class, then apply and check status
kubectl apply -f gateway-api.yaml
kubectl get gateway -A
kubectl get httproute -A -o wide
`,
  },
  sources: [
    {
      title: 'Gateway API: Migrating from Ingress',
      url: 'https://gateway-api.sigs.k8s.io/guides/getting-started/migrating-from-ingress',
    },
    {
      title: 'Gateway API: A welcome guide for Ingress-NGINX users',
      url: 'https://gateway-api.sigs.k8s.io/guides/getting-started/migrating-from-ingress-nginx',
    },
    {
      title: 'Ingress2Gateway 1.0 release (Kubernetes blog, 2026-03-20)',
      url: 'https://kubernetes.io/blog/2026/03/20/ingress2gateway-1-0-release/',
    },
    { title: 'ingress2gateway repository', url: 'https://github.com/kubernetes-sigs/ingress2gateway' },
    {
      title: 'Ingress NGINX Retirement: What You Need to Know',
      url: 'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
    },
  ],
  examples: [
    'how do I migrate our ingresses to Gateway API?',
    'ingress2gateway usage for ingress-nginx annotations',
    'moving off ingress-nginx to HTTPRoutes, what changes silently',
    'translate Ingress pathType Prefix to HTTPRoute matches',
    'plan a cutover from nginx ingress to envoy gateway',
    'convert ingres yaml to httproute',
    'which ingress-nginx annotations does ingress2gateway not convert?',
  ],
  terms: [
    'ingress2gateway',
    'migrate',
    'migration',
    'HTTPRoute',
    'convert',
    'translate',
    'ingress-nginx annotations',
    'cutover',
    'Gateway API CRDs',
  ],
};

export default topic;
