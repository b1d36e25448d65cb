import type { Topic } from './types.js';

/** Whether an Ingress is needed to expose an app publicly. */
const topic: Topic = {
  id: 'ingress-required',
  title: 'Do I need an Ingress to expose an app publicly?',
  short:
    'No. A `type: LoadBalancer` Service, a NodePort behind a load balancer you manage, or an outbound edge tunnel can each expose a Service without any Ingress. A shared HTTP entry point (an Ingress, or a Gateway for new setups) pays off once several HTTP apps should share one address, or you want TLS, redirects and host or path routing handled in one place.',
  details: [
    '**Ways to expose a Service without an Ingress:**',
    '',
    '- **`type: LoadBalancer`**: the provider creates an external load balancer for that Service. Simplest path for one app, and the only built-in one for non-HTTP protocols such as MQTT, databases or UDP.',
    '- **`type: NodePort`**: opens the same port (30000–32767 by default) on every node; you put your own load balancer or firewall rule in front. Useful on bare metal or when the load balancer is managed outside Kubernetes.',
    '- **Edge tunnel** (for example Cloudflare Tunnel): an agent in the cluster dials out to the provider, so no inbound port is opened. It can sit in front of a Service directly or in front of an Ingress or Gateway.',
    '',
    '**When a single LoadBalancer Service is enough:** one public app, or a protocol that is not HTTP; TLS handled by the app or by the cloud load balancer; no need for path routing, redirects or per-request policy.',
    '',
    '**When a shared HTTP entry point is worth it:**',
    '',
    '- Several HTTP Services: each LoadBalancer Service is its own cloud load balancer, at an indicative floor of about $16–18 a month on AWS, GCP and Azure (facts as of September 2026), plus one more address to secure and monitor.',
    '- Many hostnames and certificates managed in one place, HTTP→HTTPS redirects, authentication or WAF at the edge.',
    '- Teams adding routes without touching cloud load balancer settings.',
    '',
    'For a new shared entry point, prefer Gateway API: the Ingress API is frozen, and the community ingress-nginx controller was retired in March 2026. Whatever you choose, check that the load balancer is actually public: some controllers (the AWS Load Balancer Controller, for one) create internal load balancers unless told otherwise.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption: 'One app exposed directly, with a client allow-list and the client source IP preserved.',
    code: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local   # keep the client IP; only nodes running a pod receive traffic
  loadBalancerSourceRanges:      # honoured where the provider supports it
    - 203.0.113.0/24
  selector:
    app: web
  ports:
    - name: https
      port: 443
      targetPort: 8443
      protocol: TCP
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Service, type LoadBalancer',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
    {
      title: 'Kubernetes docs: Ingress',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    },
    {
      title: 'Kubernetes docs: Gateway API',
      url: 'https://kubernetes.io/docs/concepts/services-networking/gateway/',
    },
  ],
  examples: [
    'can I expose my app without an ingress at all?',
    'is a LoadBalancer service enough for a single public website',
    'do we really need an ingress controller for one app?',
    'public access for one container without ingress, what are the options',
    'is ingress mandatory in kubernetes to get traffic in',
    'nodeport or loadbalancer instead of ingress for a small api',
    'igress required for an internet facing service?',
  ],
  terms: [
    'ingress required',
    'without ingress',
    'need an ingress',
    'NodePort',
    'type: LoadBalancer',
    'expose',
    'public',
    'edge tunnel',
  ],
};

export default topic;
