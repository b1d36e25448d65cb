import type { Topic } from './types.js';

/** Which Ingress or Gateway controller to run, now that community ingress-nginx is retired. */
const topic: Topic = {
  id: 'controller-choice',
  title: 'Which Ingress or Gateway controller should I use?',
  short:
    'Do not start on the community ingress-nginx controller: it was retired in March 2026 (repository archived on 2026-03-24, final releases v1.15.1, v1.14.5 and v1.13.9) and gets no more fixes, security ones included. For new work pick a Gateway API implementation such as Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric, Traefik or Kong, and if you must stay on the Ingress API use a maintained controller such as Traefik, HAProxy or F5 NGINX Ingress Controller.',
  details: [
    '**Community ingress-nginx is retired.** SIG Network and the Security Response Committee announced the retirement on 2025-11-11, with best-effort maintenance until March 2026. The repository `kubernetes/ingress-nginx` was archived on 2026-03-24; the final releases are controller v1.15.1 (chart 4.15.1), v1.14.5 and v1.13.9, none tested on Kubernetes 1.36 or later. Existing installations keep running and the artifacts stay downloadable, but vulnerabilities found since then stay open. Its planned successor, InGate, was retired too, and the Steering and Security Response Committees stressed in January 2026 that no alternative is a drop-in replacement.',
    '',
    'Find it in a cluster with `kubectl get pods -A --selector app.kubernetes.io/name=ingress-nginx`, by IngressClasses whose controller is `k8s.io/ingress-nginx`, or by `nginx.ingress.kubernetes.io/` annotations.',
    '',
    "**Not the same project: F5 NGINX Ingress Controller** (`nginx/kubernetes-ingress`) is maintained by F5 and still released. It also uses the class name `nginx`, but its annotations (`nginx.org/`, `nginx.com/`) are not compatible with ingress-nginx's, it adds VirtualServer and TransportServer CRDs for TCP/UDP, and it does not implement Gateway API; F5's Gateway API implementation is the separate NGINX Gateway Fabric.",
    '',
    '**The recommended direction is Gateway API.** Implementations listed as conformant by the Gateway API project (August 2026) include Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric, Traefik, Kong Operator, kgateway, HAProxy Ingress and GKE; the AWS Load Balancer Controller is partially conformant. To stay on Ingress, Traefik, HAProxy, Kong and F5 NGINX Ingress Controller are maintained controllers.',
    '',
    '**How to choose:**',
    '',
    "- **Protocols.** If you need TCP or UDP routes, check the implementation's conformance report for the TCP/UDP profiles: NGINX Gateway Fabric, Cilium and Kong report them for v1.6; Envoy Gateway's v1.6 report covers HTTP, gRPC and TLS only; Traefik serves TCPRoute from the experimental channel; GKE's managed classes are L7 only.",
    '- **Where the data plane runs.** A cloud-managed class (GKE Gateway, AWS LBC with ALB/NLB) versus a proxy you run and scale in the cluster.',
    '- **What you rely on today.** List the annotations your Ingresses use; each one needs an equivalent in the new controller, as a standard field or a vendor policy.',
    '- **Support and cadence.** Release frequency, support windows, commercial support if you need it, and whether it tracks the current Gateway API release (v1.6.1).',
    '',
    'Stop-gaps exist while you migrate (a security-patched fork from Chainguard, paid extended support from HeroDevs, per third-party reports), but treat them as a bridge, not a destination.',
  ].join('\n'),
  example: {
    language: 'sh',
    caption: 'Find what still depends on the retired controller.',
    code: `# Running ingress-nginx controllers
kubectl get pods -A --selector app.kubernetes.io/name=ingress-nginx

# IngressClasses and the controller behind each
kubectl get ingressclass -o custom-columns=NAME:.metadata.name,CONTROLLER:.spec.controller

# Ingresses using ingress-nginx annotations
kubectl get ingress -A -o json \\
  | jq -r '.items[] | select(.metadata.annotations // {} | keys | any(startswith("nginx.ingress.kubernetes.io/"))) | "\\(.metadata.namespace)/\\(.metadata.name)"'
`,
  },
  sources: [
    {
      title: 'Ingress NGINX Retirement: What You Need to Know (Kubernetes blog, 2025-11-11)',
      url: 'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
    },
    {
      title: 'Ingress NGINX: Statement from the Steering and Security Response Committees (2026-01-29)',
      url: 'https://kubernetes.io/blog/2026/01/29/ingress-nginx-statement/',
    },
    {
      title: 'Kubernetes docs: Ingress controllers',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/',
    },
    {
      title: 'Gateway API implementations',
      url: 'https://gateway-api.sigs.k8s.io/docs/implementations/list/',
    },
    {
      title: 'Why we decided to start fresh with NGINX Gateway Fabric (NGINX blog)',
      url: 'https://blog.nginx.org/blog/why-we-decided-to-start-fresh-with-our-nginx-gateway-fabric',
    },
  ],
  examples: [
    'which ingress controller should we pick in 2026?',
    'ingress-nginx is retired, what do we replace it with',
    'Traefik vs HAProxy vs Envoy Gateway',
    'best gateway api implementation for a small team',
    'is F5 NGINX Ingress Controller the same project as ingress-nginx?',
    'envoy gateway or cilium as gateway implementation',
    'what happened to the ingress-nginx project, is it still safe?',
    'recommend a maintained ingress controler',
    'nginx gateway fabric vs kong vs istio',
  ],
  terms: [
    'ingress-nginx',
    'retired',
    'retirement',
    'ingress controller',
    'Gateway API implementation',
    'Traefik',
    'HAProxy',
    'Envoy Gateway',
    'Cilium',
    'Istio',
    'NGINX Gateway Fabric',
    'Kong',
    'F5 NGINX Ingress Controller',
    'InGate',
  ],
};

export default topic;
