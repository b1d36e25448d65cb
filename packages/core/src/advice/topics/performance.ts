import type { Topic } from './types.js';

/** Latency and throughput of L4 load balancing versus an L7 proxy, without invented numbers. */
const topic: Topic = {
  id: 'performance',
  title: 'Is an Ingress or Gateway slower than a LoadBalancer Service?',
  short:
    'A layer-4 load balancer forwards connections without parsing them, so it adds the least work per request, while an Ingress or Gateway proxy terminates TLS, parses HTTP and matches routes, which costs some latency and CPU. How much depends on the controller, its sizing, the cloud and your traffic, so there is no universal figure: measure p50 and p99 latency and throughput on your own workload.',
  details: [
    '**Where the time goes.**',
    '',
    '- **L4 path:** client → cloud load balancer → node (kube-proxy or an eBPF data plane) → pod. With `externalTrafficPolicy: Cluster` a connection may take a second hop to another node and lose its source IP; `Local`, or pod-IP targets (`nlb-target-type: ip` on AWS), avoid that hop.',
    '- **L7 path:** client → load balancer → proxy pod (TLS handshake, HTTP parsing, route lookup, any auth, WAF or compression) → backend pod. That is an extra network hop and proxy CPU on every request.',
    '',
    '**Why the proxy is not always slower.** It can keep pooled keep-alive connections to backends, multiplex HTTP/2, resume TLS sessions, cache or compress, and retry around a failed pod. It also balances **per request**, while an L4 load balancer balances **per connection**: long-lived gRPC or HTTP/2 connections behind an L4 load balancer stay pinned to one pod, which shows up as uneven load and high tail latency.',
    '',
    '**Why it can be slower.** The proxy is a shared resource: it needs enough CPU for TLS and enough replicas spread across zones, and some controllers reload a process when configuration changes, which can drop long-lived connections. Our reference article only says L7 adds "small overhead" and that exact numbers vary by controller and cloud; we do not quote benchmark figures, because they do not transfer between setups.',
    '',
    '**What to measure** (same client region, same payloads, before and after):',
    '',
    '- p50, p95 and p99 latency end to end, with an open-loop load generator (for example wrk2, k6 or fortio) so that queueing is not hidden;',
    '- new-connection cost separately from steady state: TLS handshakes per second and their CPU on the proxy;',
    '- requests per second per proxy replica at your target p99, and the CPU and memory it takes;',
    '- errors and latency during a rollout of the backends and during a configuration change of the proxy;',
    "- the cloud load balancer's own metrics (active and new connections or flows, target response time).",
    '',
    '**Settings that usually matter more than L4 vs L7:** proxy replicas and CPU limits, keep-alive and idle timeouts aligned along the chain (the backend should keep idle connections open longer than the proxy does), zone-aware routing (`trafficDistribution: PreferSameZone`), and pod-IP targets where the platform supports them.',
  ].join('\n'),
  example: {
    language: 'sh',
    caption:
      "Split one request's time into DNS, TCP connect, TLS handshake and first byte, to compare paths.",
    code: `curl -s -o /dev/null \\
  -w 'dns %{time_namelookup}s  connect %{time_connect}s  tls %{time_appconnect}s  ttfb %{time_starttransfer}s  total %{time_total}s\\n' \\
  https://app.example.com/healthz
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Service (externalTrafficPolicy, trafficDistribution)',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
    {
      title: 'AWS Load Balancer Controller: Network Load Balancer (target types)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/',
    },
    {
      title: 'Kubernetes docs: Ingress',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    },
  ],
  examples: [
    'does an ingress controller add noticeable latency compared with an NLB?',
    'L7 proxy overhead in kubernetes, any numbers?',
    'is Gateway API slower than a plain LoadBalancer service',
    'p99 latency went up after moving behind the ingress',
    'throughput of an ingress proxy vs a direct load balancer',
    'benchmark ingress vs loadbalancer',
    'how much latency does the extra node hop with externalTrafficPolicy Cluster add',
    'is an ingres slower than going direct',
  ],
  terms: [
    'double hop',
    'hop',
    'milliseconds',
    'ms added',
    'proxy layer',
    'slow down',
    'latency',
    'performance',
    'overhead',
    'throughput',
    'p99',
    'benchmark',
    'extra hop',
    'slower',
    'faster',
  ],
};

export default topic;
