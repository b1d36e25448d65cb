import type { Topic } from './types.js';

/** Many apps, Ingresses or teams behind one load balancer. */
const topic: Topic = {
  id: 'share-load-balancer',
  title: 'How do several apps or teams share one load balancer?',
  short:
    'With one Ingress controller or one Gateway behind a single load balancer, every Ingress of that class or route attached to that Gateway shares its address. Where each object becomes a cloud load balancer of its own, group them: with the AWS Load Balancer Controller each Ingress is a separate ALB unless the Ingresses share `alb.ingress.kubernetes.io/group.name`, and on AWS and GKE each Gateway is its own load balancer, so let teams attach routes from their namespaces to one shared Gateway (`allowedRoutes.namespaces.from`).',
  details: [
    '**In-cluster controllers** (Traefik, HAProxy, Envoy Gateway, Cilium, Istio, ...) run a proxy behind one LoadBalancer Service: all Ingresses of its class, or all routes of a Gateway, share that load balancer automatically. Some Gateway implementations create one proxy and one LoadBalancer Service per Gateway, so the number of Gateways is what counts.',
    '',
    '**AWS ALB: IngressGroup.** The AWS Load Balancer Controller makes one ALB per Ingress, unless Ingresses carry the same `alb.ingress.kubernetes.io/group.name`: then the whole group is one ALB, across namespaces. `alb.ingress.kubernetes.io/group.order` (−1000 to 1000, default 0, lower first) orders their rules. Every member can change the shared ALB (listeners, rules, certificates), so limit who may join, for instance by fixing the group in the IngressClassParams of a dedicated IngressClass.',
    '',
    '**Gateway API: one Gateway, many teams.**',
    '',
    '- The platform team owns the Gateway and its listeners; app teams own HTTPRoutes in their namespaces.',
    "- `allowedRoutes.namespaces.from` on each listener decides who may attach: `Same` (the default, the Gateway's namespace only), `All`, or `Selector` with a label selector on namespaces.",
    '- A certificate or backend in another namespace needs a ReferenceGrant in that namespace.',
    '- **ListenerSet** (Standard since v1.5.0) lets teams add their own listeners (hostnames, certificates) to a shared Gateway, which has to allow it with `spec.allowedListeners` (none by default); the AWS Load Balancer Controller supports it from v3.2.0.',
    '',
    '**One Gateway = one cloud load balancer** on the AWS Load Balancer Controller (an ALB or an NLB) and on GKE. Creating a Gateway per team or per app multiplies load balancers and their cost; share Gateways per environment or per exposure (public, internal) instead.',
    '',
    '**Limits of sharing:** one load balancer is one failure and blast-radius domain, and cloud load balancers have per-load-balancer quotas (rules, certificates, target groups); TCP and UDP services still need their own L4 listeners or load balancers.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'One shared Gateway that admits routes from labelled team namespaces, and a team route attached to it.',
    code: `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared-public
  namespace: infra
spec:
  gatewayClassName: eg                 # one Gateway = one load balancer on AWS LBC and GKE
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: "*.apps.example.com"
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: wildcard-apps-example-com
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              shared-gateway: "true"   # namespaces the platform team admits
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: billing
  namespace: team-billing              # labelled shared-gateway=true
spec:
  parentRefs:
    - name: shared-public
      namespace: infra
      sectionName: https
  hostnames:
    - billing.apps.example.com
  rules:
    - backendRefs:
        - name: billing-web
          port: 8080
`,
  },
  providers: {
    aws: 'ALB Ingress: one ALB per Ingress unless Ingresses share `alb.ingress.kubernetes.io/group.name` (ordered by `group.order`). Gateway API: each Gateway is one ALB or NLB; ListenerSets are supported from v3.2.0.',
    gke: 'Each Gateway is its own load balancer (and GKE Ingress creates one per Ingress); attach many HTTPRoutes to one Gateway instead of creating one per app.',
    'bare-metal':
      'Addresses, not money, are the scarce resource: one Ingress controller or Gateway proxy on one MetalLB address can serve every HTTP app, and `metallb.io/allow-shared-ip` lets L4 Services with different ports share an address.',
  },
  sources: [
    {
      title: 'AWS Load Balancer Controller: Ingress annotations (group.name, group.order)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
    {
      title: 'AWS Load Balancer Controller: Gateway API (v3.5.0)',
      url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs/guide/gateway/gateway.md',
    },
    {
      title: 'Gateway API: cross-namespace routing',
      url: 'https://gateway-api.sigs.k8s.io/guides/multiple-ns/',
    },
    {
      title: 'Gateway API v1.5.0 changelog (ListenerSet in Standard)',
      url: 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/CHANGELOG/1.5-CHANGELOG.md',
    },
    {
      title: 'GKE: Configure Gateway resources',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources',
    },
  ],
  examples: [
    'each of our Ingresses on EKS creates its own ALB, how do we merge them?',
    'how does the alb group.name annotation work',
    'can several teams attach HTTPRoutes to one Gateway from their own namespaces?',
    'one gateway per team or one shared gateway?',
    'share a single load balancer between many services',
    'allowedRoutes namespaces from Selector example',
    'does every Gateway on GKE create a new load balancer',
    'ListenerSet: let teams bring their own hostnames and certs',
    'too many ALBs, one per ingress, costs are adding up',
    'ingres group order of rules across namespaces',
  ],
  terms: [
    'IngressGroup',
    'group.name',
    'alb group name',
    'group.order',
    'shared load balancer',
    'shared Gateway',
    'allowedRoutes',
    'namespaces.from',
    'ListenerSet',
    'allowedListeners',
    'ReferenceGrant',
    'one ALB per Ingress',
  ],
};

export default topic;
