import type { Topic } from './types.js';

/** TCP and UDP on one address, and HTTP next to raw TCP/UDP. */
const topic: Topic = {
  id: 'mixed-protocols',
  title: 'TCP and UDP on one address, or HTTP next to raw TCP?',
  short:
    'One LoadBalancer Service may list TCP and UDP ports (DNS on 53, SIP, game servers): mixed-protocol Services are stable since Kubernetes v1.26, but whether the cloud accepts them is up to the provider (GKE on recent versions, the AWS Load Balancer Controller via a TCP_UDP listener; check Azure first). For HTTP next to raw TCP or UDP, put the HTTP apps on an Ingress or Gateway and the rest on L4: TCPRoute and UDPRoute are GA since Gateway API v1.6.0 but only some implementations support them, and the AWS Load Balancer Controller cannot mix L4 and L7 routes on one Gateway.',
  details: [
    '**TCP and UDP in one LoadBalancer Service.** Mixed protocols in one `type: LoadBalancer` Service are stable since Kubernetes v1.26, but the Kubernetes docs leave the allowed protocols to the cloud provider:',
    '',
    '- **GKE:** supported on new clusters from 1.34.1-gke.2190000 (external IPv4) with `loadBalancerClass: networking.gke.io/l4-regional-external`, GA for internal and external, dual-stack included, from 1.36.2-gke.1498000. One address, billed as two forwarding rules.',
    '- **AWS Load Balancer Controller:** when a TCP and a UDP port share a number, `service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener: "true"` makes one NLB `TCP_UDP` listener for both.',
    '- **Azure (AKS):** we found no Azure documentation for it; test it on your cluster version before relying on it, or use two Services.',
    '- **Bare metal:** MetalLB can also give two Services the same address when they use different ports (`metallb.io/allow-shared-ip` with the same key on both).',
    '',
    '**HTTP next to TCP or UDP.** An Ingress carries HTTP and HTTPS only. Split the traffic: the HTTP apps share one Ingress or Gateway, and each TCP or UDP service gets an L4 path of its own (a LoadBalancer Service, or an L4 Gateway listener).',
    '',
    '**Gateway API L4 routes.** TCPRoute and UDPRoute reached `v1` (Standard) in Gateway API v1.6.0; before that they were `v1alpha2` in the experimental channel only. Listeners of `protocol: TCP` or `UDP` take no hostname and no `tls`, so each backend needs its own port. Implementations differ:',
    '',
    '| Implementation | TCPRoute / UDPRoute |',
    '|---|---|',
    '| Cilium v1.20.0 | GATEWAY-TCP and GATEWAY-UDP profiles passed (v1.6 report) |',
    '| NGINX Gateway Fabric 2.7.0 | TCP and UDP profiles in its v1.6 report |',
    '| Envoy Gateway v1.9.0 | TCPRoute and UDPRoute conformance tests passed (provisional, v1.6 report) |',
    '| AWS Load Balancer Controller | from v2.13.3, on an NLB (needs Gateway API 1.6 CRDs for `v1`) |',
    '| GKE Gateway | not evidenced: managed classes are L7 and the v1.6 report covers HTTP only; use a LoadBalancer Service |',
    '',
    '**One Gateway for both layers?** The spec allows HTTP and TCP listeners on one Gateway, but not every implementation does: the AWS Load Balancer Controller puts HTTPRoutes and GRPCRoutes on an ALB (class controller `gateway.k8s.aws/alb`) and TCP, UDP and TLS routes on an NLB (`gateway.k8s.aws/nlb`), and mixing them on one Gateway is not supported. Plan two Gateways, and two addresses.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'DNS on TCP and UDP 53 behind one address: a mixed-protocol Service (where the provider supports it).',
    code: `apiVersion: v1
kind: Service
metadata:
  name: dns
  namespace: dns
  annotations:
    # AWS Load Balancer Controller: one TCP_UDP listener for both ports
    service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener: "true"
spec:
  type: LoadBalancer
  # GKE: loadBalancerClass: networking.gke.io/l4-regional-external
  # AWS: loadBalancerClass: service.k8s.aws/nlb
  selector:
    app: coredns-public
  ports:
    - name: dns-udp
      port: 53
      targetPort: 53
      protocol: UDP
    - name: dns-tcp
      port: 53
      targetPort: 53
      protocol: TCP
`,
  },
  providers: {
    aws: 'Services: one NLB can carry TCP and UDP on the same port with `service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener: "true"`. Gateway API: TCPRoute, UDPRoute and TLSRoute go to an NLB (from v2.13.3), HTTPRoute and GRPCRoute to an ALB (from v2.14.0), never both on one Gateway.',
    gke: 'Mixed-protocol Services from 1.34.1-gke.2190000 on new clusters with `loadBalancerClass: networking.gke.io/l4-regional-external` (GA from 1.36.2-gke.1498000), billed as two forwarding rules. GKE Gateway classes are L7 only: raw TCP and UDP go through LoadBalancer Services.',
    aks: 'We found no Azure documentation for mixed-protocol LoadBalancer Services; try it on a test cluster first, or use two Services.',
    'bare-metal':
      'MetalLB serves mixed-protocol Services, and can share one address between two Services with `metallb.io/allow-shared-ip`.',
  },
  sources: [
    {
      title: 'Kubernetes docs: Service (load balancers with mixed protocol types)',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/#load-balancers-with-mixed-protocol-types',
    },
    {
      title: 'GKE: mixed-protocol LoadBalancer Services',
      url: 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/mixed-protocol-lb',
    },
    {
      title: 'AWS Load Balancer Controller: Service annotations (TCP_UDP listener)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
    },
    {
      title: 'AWS Load Balancer Controller: L4 Gateway (v3.5.0)',
      url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs/guide/gateway/l4gateway.md',
    },
    {
      title: 'Gateway API v1.6 release (TCPRoute and UDPRoute GA)',
      url: 'https://kubernetes.io/blog/2026/08/03/gateway-api-v1-6-release/',
    },
    { title: 'Gateway API: TCP routing', url: 'https://gateway-api.sigs.k8s.io/guides/tcp/' },
  ],
  examples: [
    'DNS server needs tcp and udp 53 on a single public ip',
    'can one LoadBalancer service have TCP and UDP ports?',
    'mixed protocol loadbalancer on GKE',
    'can the aws lbc do UDPRoute on an NLB?',
    'HTTPRoute and TCPRoute on the same Gateway on EKS',
    'which gateway api implementations support TCPRoute and UDPRoute?',
    'our game server needs udp 7777 and tcp 7777 on one address',
    'web app plus an mqtt broker, one entry point or two?',
    'is TCPRoute GA now',
    'AKS service with both TCP and UDP on port 53, is that allowed',
    'mixed protocl service stuck, cloud provider rejects it',
  ],
  terms: [
    'mixed protocol',
    'mixed-protocol LoadBalancer',
    'MixedProtocolLBService',
    'TCP and UDP',
    'TCP_UDP',
    'aws-load-balancer-enable-tcp-udp-listener',
    'TCPRoute',
    'UDPRoute',
    'L4 and L7',
    'l4-regional-external',
    'allow-shared-ip',
  ],
};

export default topic;
