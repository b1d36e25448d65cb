import type { Topic } from './types.js';

/** Load balancers reachable only from the private network. */
const topic: Topic = {
  id: 'internal-lb',
  title: 'How do I make a load balancer internal (private) only?',
  short:
    'Ask the provider for an internal load balancer with its annotation or class: `service.beta.kubernetes.io/aws-load-balancer-scheme: internal` with the AWS Load Balancer Controller (already its default), `service.beta.kubernetes.io/azure-load-balancer-internal: "true"` on AKS, `networking.gke.io/load-balancer-type: "Internal"` on GKE. For HTTP, use an internal Ingress or Gateway class (the ALB scheme `internal`, GKE `gke-l7-rilb`); if the address has to stay public, restrict clients with `loadBalancerSourceRanges` or put a VPN in front.',
  details: [
    '**LoadBalancer Services, per provider:**',
    '',
    '| Platform | Internal | Without it |',
    '|---|---|---|',
    '| AWS Load Balancer Controller | `service.beta.kubernetes.io/aws-load-balancer-scheme: internal` | internal (the default since v2.2.0); `internet-facing` to publish |',
    '| AWS legacy in-tree provider | `service.beta.kubernetes.io/aws-load-balancer-internal: "true"` | a public Classic LB |',
    '| GKE | `networking.gke.io/load-balancer-type: "Internal"`, or `loadBalancerClass: networking.gke.io/l4-regional-internal` (1.33.1-gke.1779000 and later, with subsetting) | an external passthrough NLB |',
    '| AKS | `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, optionally `azure-load-balancer-internal-subnet: <subnet>` | a public Standard LB |',
    '| DigitalOcean | `service.beta.kubernetes.io/do-loadbalancer-network: "INTERNAL"` (cannot be switched after creation) | public |',
    '| MetalLB | a pool of private addresses, chosen with `metallb.io/address-pool` | whatever pool auto-assigns |',
    '',
    '**HTTP entry points.**',
    '',
    '- AWS ALB (Ingress): `alb.ingress.kubernetes.io/scheme: internal`, which is also the default; Gateways of the AWS Load Balancer Controller are internal by default too.',
    '- GKE Gateway: the internal classes `gke-l7-rilb` and, across clusters, `gke-l7-rilb-mc` (they need a proxy-only subnet in the region).',
    '- An in-cluster controller (Traefik, Envoy Gateway, ...) is exactly as private as its own LoadBalancer Service: give that Service the internal annotation, or run a second, internal instance of the controller for private apps.',
    '',
    '**Changing the scheme later** usually creates a new load balancer with a new address (and on AWS the LBC warns against editing the type annotation of an existing Service): create the internal one next to the old one, move DNS, then delete the old one.',
    '',
    "**Alternatives when the address must be public:** `loadBalancerSourceRanges` limits clients to CIDRs (your VPN's or office's egress), where the provider supports it and sees the client address; a VPN or private connectivity (peering, private endpoints) keeps the load balancer internal and brings the clients to it; an edge tunnel with an identity-aware access policy avoids inbound exposure. Internal does not mean authenticated: everyone on the network can still connect.",
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'An internal NLB on AWS, further limited to the VPN range, with the equivalent annotations for GKE and AKS in comments.',
    code: `apiVersion: v1
kind: Service
metadata:
  name: orders-api
  namespace: orders
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal          # AWS Load Balancer Controller
    # GKE: networking.gke.io/load-balancer-type: "Internal"
    # AKS: service.beta.kubernetes.io/azure-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  loadBalancerClass: service.k8s.aws/nlb
  loadBalancerSourceRanges:   # even inside the network, only the VPN clients
    - 10.20.0.0/16
  selector:
    app: orders-api
  ports:
    - name: https
      port: 443
      targetPort: 8443
      protocol: TCP
`,
  },
  providers: {
    aws: 'AWS Load Balancer Controller: NLBs (`service.beta.kubernetes.io/aws-load-balancer-scheme`), ALBs (`alb.ingress.kubernetes.io/scheme`) and Gateways are internal unless set to `internet-facing`; the `aws-load-balancer-internal` annotation is deprecated there and `-scheme` wins. Internal load balancers go to subnets tagged `kubernetes.io/role/internal-elb`. The legacy in-tree provider makes a public Classic LB unless `aws-load-balancer-internal: "true"` is set.',
    gke: 'Services: `networking.gke.io/load-balancer-type: "Internal"` (or `loadBalancerClass: networking.gke.io/l4-regional-internal` from 1.33.1-gke.1779000 with subsetting). HTTP: the internal Gateway classes `gke-l7-rilb` and `gke-l7-rilb-mc`.',
    aks: '`service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, plus `service.beta.kubernetes.io/azure-load-balancer-internal-subnet` to choose the subnet; without it the Service gets a public IP on the Standard load balancer.',
    'bare-metal':
      'Internal is a matter of which addresses you hand out: give private services a MetalLB pool of private addresses (`metallb.io/address-pool`) and keep that range off the internet-facing router.',
  },
  sources: [
    {
      title: 'Kubernetes docs: Service, internal load balancer',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/#internal-load-balancer',
    },
    {
      title: 'AWS Load Balancer Controller: Service annotations (scheme)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
    },
    {
      title: 'GKE: LoadBalancer Service parameters',
      url: 'https://docs.cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters',
    },
    {
      title: 'GKE: GatewayClass capabilities',
      url: 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/gatewayclass-capabilities',
    },
    {
      title: 'AKS: Use an internal load balancer',
      url: 'https://learn.microsoft.com/en-us/azure/aks/internal-lb',
    },
  ],
  examples: [
    'how do I make a LoadBalancer service internal only?',
    'private load balancer annotation for EKS',
    'GKE internal passthrough load balancer for a service',
    'AKS internal lb in a specific subnet',
    'an API that must only be reachable inside the VPC, ingress or lb?',
    'internal gateway class on gke for private http apps',
    'my ALB came out internal, how do I make a public one and a private one',
    'expose a service to our VPN users only, not the internet',
    'intenal load balancer on digitalocean kubernetes',
    'switch an existing LoadBalancer from public to internal without downtime',
  ],
  terms: [
    'internal load balancer',
    'private load balancer',
    'internal',
    'aws-load-balancer-scheme',
    'aws-load-balancer-internal',
    'azure-load-balancer-internal',
    'load-balancer-type Internal',
    'gke-l7-rilb',
    'alb scheme internal',
    'internet-facing',
    'VPC',
    'VNet',
    'VPN',
  ],
};

export default topic;
