import type { Topic } from './types.js';

/** LoadBalancer Services and ingress on bare metal, on-prem VMs and home labs. */
const topic: Topic = {
  id: 'bare-metal',
  title: 'How do I get LoadBalancer Services on bare metal or on-prem?',
  short:
    'Without a cloud, a `type: LoadBalancer` Service only gets an address once you install an implementation that hands out IPs from a pool you own and announces them: MetalLB, Cilium LB IPAM with L2 announcements or BGP, or kube-vip. Layer 2 mode needs no router changes but sends all traffic for an address through one node and fails over slowly, while BGP spreads connections over several nodes through your routers at the cost of configuring peering. One Ingress controller or Gateway on a single such address then serves every HTTP app; NodePort or hostNetwork remain for setups without spare IPs.',
  details: [
    '**MetalLB.** You give it address ranges (`IPAddressPool`) and say how to announce them:',
    '',
    '- **Layer 2** (`L2Advertisement`): one node, the elected leader for an address, answers ARP (IPv4) or NDP (IPv6) for it, so all traffic to that address enters through that node and kube-proxy spreads it from there. No router configuration, works on any flat network; but one node carries the whole load of an address, and when it fails, clients keep sending to it until a new leader announces the address, so failover is noticeably slow.',
    '- **BGP** (`BGPAdvertisement` plus `BGPPeer`): every node peers with your routers and advertises the address; routers that support ECMP spread connections across the nodes, per connection. Better for load and failover, but it needs routers you can configure, and a change in the set of nodes can move existing connections to another node.',
    '- Pin an address with the `metallb.io/loadBalancerIPs` annotation and choose a pool with `metallb.io/address-pool` (the older `metallb.universe.tf/` prefix is deprecated; so is `spec.loadBalancerIP`).',
    '',
    '**Cilium.** If Cilium is already the CNI, its LB IPAM assigns addresses from `CiliumLoadBalancerIPPool` objects, and either L2 Announcements (beta) or the BGP control plane makes them reachable: the same layer 2 versus BGP trade-offs as MetalLB, without another component.',
    '',
    '**kube-vip.** Announces virtual IPs by ARP or BGP, often used for the control-plane address as well; with kube-vip-cloud-provider doing the IP address management, it also serves LoadBalancer Services.',
    '',
    '**Without a load balancer implementation:**',
    '',
    '- **NodePort** (30000–32767 by default) behind a load balancer you already run (HAProxy, an F5, keepalived pair) that points at every node.',
    '- **hostNetwork or hostPort** for the Ingress or Gateway proxy, as a DaemonSet on a few edge nodes listening on 80 and 443 directly, with DNS or a virtual IP in front. Simple, but it ties ports to nodes and only one pod per node can bind them.',
    '',
    '**What to check:** the pool must be addresses no DHCP server or other host uses; layer 2 only works when clients are on the same L2 segment (or routed to it); and the Ingress or Gateway proxy should run on several nodes, so losing one does not take every app down.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'MetalLB in layer 2 mode: a pool of LAN addresses, its announcement, and a Service that takes a fixed address from it.',
    code: `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: lan
  namespace: metallb-system
spec:
  addresses:
    - 192.168.10.240-192.168.10.250   # free addresses outside the DHCP range
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: lan
  namespace: metallb-system
spec:
  ipAddressPools:
    - lan
---
apiVersion: v1
kind: Service
metadata:
  name: gateway-proxy
  namespace: infra
  annotations:
    metallb.io/address-pool: lan
    metallb.io/loadBalancerIPs: 192.168.10.240   # optional: a fixed address for DNS
spec:
  type: LoadBalancer
  selector:
    app: gateway-proxy
  ports:
    - name: https
      port: 443
      targetPort: 8443
      protocol: TCP
`,
  },
  providers: {
    'bare-metal':
      'Pick MetalLB or kube-vip if you want a component independent of the CNI, Cilium LB IPAM if Cilium is the CNI already; start in layer 2 mode and move to BGP when one node per address becomes the bottleneck or failover is too slow.',
  },
  sources: [
    { title: 'MetalLB: layer 2 mode', url: 'https://metallb.universe.tf/concepts/layer2/' },
    { title: 'MetalLB: BGP mode', url: 'https://metallb.universe.tf/concepts/bgp/' },
    { title: 'MetalLB: configuration', url: 'https://metallb.universe.tf/configuration/' },
    {
      title: 'Cilium: LoadBalancer IP Address Management',
      url: 'https://docs.cilium.io/en/stable/network/lb-ipam/',
    },
    {
      title: 'Cilium: L2 Announcements / L2 Aware LB (beta)',
      url: 'https://docs.cilium.io/en/latest/network/l2-announcements/',
    },
    { title: 'kube-vip', url: 'https://kube-vip.io/' },
  ],
  examples: [
    'how do I get LoadBalancer services working on bare metal?',
    'MetalLB layer 2 or BGP, what are the trade-offs',
    'our k8s runs on-prem on VMware, what gives services an external IP',
    'homelab cluster on three mini PCs, how do I expose things on my LAN',
    'metallb vs cilium lb ipam vs kube-vip',
    'no cloud provider, should i use nodeport or hostNetwork for the ingress controller',
    'failover with metallb l2 takes ages when a node dies, why',
    'can Cilium replace MetalLB for LoadBalancer IPs',
    'baremetal kubeadm cluster: how to assign static IPs to services',
    'metalb ipaddresspool config example',
    'vSphere VMs in our datacenter and no cloud provider: how do apps get LAN addresses',
  ],
  terms: [
    'MetalLB',
    'IPAddressPool',
    'L2Advertisement',
    'BGPAdvertisement',
    'BGP',
    'layer 2',
    'ARP',
    'Cilium LB IPAM',
    'CiliumLoadBalancerIPPool',
    'L2 announcements',
    'kube-vip',
    'bare metal',
    'on-prem',
    'homelab',
    'hostNetwork',
  ],
};

export default topic;
