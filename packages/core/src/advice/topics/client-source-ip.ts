import type { Topic } from './types.js';

/** Seeing the real client address in the pods, and allowing only some clients in. */
const topic: Topic = {
  id: 'client-source-ip',
  title: 'Keeping the real client IP, and allow-listing source ranges',
  short:
    'With the default `externalTrafficPolicy: Cluster` a connection may hop to another node and arrive with a node address as its source; `externalTrafficPolicy: Local` keeps the client address and saves the hop, but only nodes with a ready pod get traffic, so load can spread unevenly. Behind an L7 proxy or a load balancer that replaces the address, read `X-Forwarded-For` or turn on PROXY protocol at both ends. To let only some clients in, list their CIDRs in `loadBalancerSourceRanges`, which works only where the provider supports it and sees the real address.',
  details: [
    '**`externalTrafficPolicy` on the Service.**',
    '',
    '- `Cluster` (default): any node accepts the connection and may forward it to a pod on another node, replacing the source address with its own. Even spreading, lost client IP.',
    '- `Local`: a node only sends traffic to pods on itself, so no second hop and the client address stays. Nodes without a ready pod fail the load balancer health check on `healthCheckNodePort` (allocated only for `type: LoadBalancer` with `Local`) and get no traffic, which the Kubernetes docs warn can spread traffic unevenly: a node with one pod gets as much as a node with five. Spread the pods with topology spread constraints.',
    '',
    '**When the load balancer itself replaces the address.** A proxying load balancer opens its own connection to the backend, so the pod sees the load balancer; the client address then travels in a header (HTTP) or in a PROXY protocol preamble (any TCP):',
    '',
    '- **`X-Forwarded-For`**: set by L7 load balancers and Ingress or Gateway proxies. An AWS ALB appends the client address by default. The app or proxy must trust the header only from its own load balancer, or clients can forge it (ingress-nginx only honours incoming headers with `use-forwarded-headers: "true"`, default off).',
    '- **PROXY protocol**: the load balancer prepends the client address to the TCP stream. Both ends must agree: enabled on the load balancer and not expected by the proxy (or the reverse) breaks every connection. With the AWS Load Balancer Controller, `service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"` sends PROXY v2; ingress-nginx reads it with `use-proxy-protocol: "true"` (default off).',
    '',
    "**Allowing only some clients: `loadBalancerSourceRanges`.** A list of client CIDRs the provider turns into firewall or security-group rules on the load balancer; providers that do not support it ignore it. It filters on the source address the load balancer sees, so it cannot work where that address is already lost. For an L7 entry point, use the controller's IP allow-list on `X-Forwarded-For` instead, or put the allow-list on the proxy's own LoadBalancer Service for everything behind it.",
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'Keep the client address and allow only the office and VPN ranges (an NLB with instance targets on AWS).',
    code: `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  annotations:
    # AWS Load Balancer Controller; other clouds ignore these two
    service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance   # keeps the client IP by default
spec:
  type: LoadBalancer
  loadBalancerClass: service.k8s.aws/nlb
  externalTrafficPolicy: Local   # no second hop; only nodes with a ready pod get traffic
  loadBalancerSourceRanges:      # the allow-list: everyone else is refused at the load balancer
    - 198.51.100.0/24            # office
    - 203.0.113.0/24             # VPN egress
  selector:
    app: api
  ports:
    - name: https
      port: 443
      targetPort: 8443
      protocol: TCP
`,
  },
  providers: {
    aws: 'AWS Load Balancer Controller NLBs keep the client IP by default for `instance` targets but not for `ip` targets; with `ip` targets enable it with `service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: preserve_client_ip.enabled=true` or use PROXY protocol, because source ranges do not apply when the client IP is not preserved. With `Local`, the NLB health check becomes an HTTP check on `healthCheckNodePort`. ALBs pass the client address in `X-Forwarded-For`.',
    gke: 'A GKE external passthrough Network Load Balancer delivers packets with the client address, so `Local` is enough to keep it; GKE Ingress and Gateway load balancers are proxies and pass it in `X-Forwarded-For`.',
    aks: 'Azure Load Balancer passes client addresses through, so `externalTrafficPolicy: Local` keeps them; `loadBalancerSourceRanges` becomes network security group rules.',
    'bare-metal':
      'MetalLB honours `externalTrafficPolicy: Local`: only nodes with a ready pod announce the address (BGP) or can be elected to answer for it (layer 2, still one node per address).',
  },
  sources: [
    {
      title: 'Kubernetes docs: Create an External Load Balancer (preserving the client source IP)',
      url: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
    },
    {
      title: 'Kubernetes docs: Service (externalTrafficPolicy, loadBalancerSourceRanges)',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
    {
      title: 'AWS Load Balancer Controller: Service annotations',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/',
    },
    {
      title: 'AWS: HTTP headers and Application Load Balancers (X-Forwarded-For)',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html',
    },
    {
      title: 'ingress-nginx ConfigMap (use-forwarded-headers, use-proxy-protocol)',
      url: 'https://github.com/kubernetes/ingress-nginx/blob/main/docs/user-guide/nginx-configuration/configmap.md',
    },
  ],
  examples: [
    'my pods only see node IPs, not the real client IP',
    'how to preserve client source ip with a LoadBalancer service',
    'externalTrafficPolicy Local vs Cluster, what is the catch',
    'restrict a public load balancer to our office IP range',
    'nginx access log shows 10.0.x.x instead of the visitors address behind the NLB',
    'whitelist ips on aws nlb created by kubernetes',
    'does loadBalancerSourceRanges work on GKE and AKS?',
    'enable proxy protocol v2 on an NLB and the ingress controller',
    'X-Forwarded-For is missing or wrong behind our ALB',
    'clinet ip lost with nlb ip targets',
  ],
  terms: [
    'client IP',
    'source IP',
    'real IP',
    'externalTrafficPolicy',
    'healthCheckNodePort',
    'loadBalancerSourceRanges',
    'allow-list',
    'whitelist',
    'X-Forwarded-For',
    'PROXY protocol',
    'aws-load-balancer-proxy-protocol',
    'use-forwarded-headers',
  ],
};

export default topic;
