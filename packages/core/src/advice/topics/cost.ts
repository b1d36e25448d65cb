import type { Topic } from './types.js';

/** What each option costs, with indicative cloud load balancer prices. */
const topic: Topic = {
  id: 'cost',
  title: 'What does a LoadBalancer Service cost compared with an Ingress or Gateway?',
  short:
    'Each `type: LoadBalancer` Service is normally its own cloud load balancer with an hourly fee plus usage: indicatively an AWS NLB is $0.0225/h (about $16.43 a month before NLCUs), GCP and Azure about $18.25 a month, DigitalOcean $12 a month (prices as of September 2026). An Ingress or a shared Gateway puts many hostnames behind one load balancer, so the saving grows with each HTTP Service you consolidate, minus the cost of running the controller.',
  details: [
    "**Indicative prices** (US regions, on-demand, USD, 730 hours a month; transcribed 2026-09-20, Azure and DigitalOcean from third-party listings; check the provider's page before quoting):",
    '',
    '| Load balancer | Hourly | Usage on top | ≈ monthly base |',
    '|---|---|---|---|',
    '| AWS NLB | $0.0225 | $0.006 per NLCU-hour | $16.43 (+ at least $4.38 for 1 NLCU) |',
    '| AWS ALB | $0.0225 | $0.008 per LCU-hour | $16.43 (+ at least $5.84 for 1 LCU) |',
    '| AWS Classic LB (in-tree default) | $0.025 | $0.008 per GB | $18.25 |',
    '| GCP forwarding rules | $0.025 for the first 5 rules, then $0.01 per extra rule | $0.008 per GiB processed | ≈ $18.25 |',
    '| Azure Standard LB | $0.025, covering the first 5 rules | $0.01 per extra rule-hour, $0.005 per GB | ≈ $18.25 |',
    '| DigitalOcean regional LB | – | bandwidth neutral | $12 per node (HTTP), $15 (network LB) |',
    '',
    "**How usage is billed.** On AWS, an NLCU is the highest of several dimensions: for TCP, 800 new connections/s, 100,000 active connections or 1 GB/h; TLS listeners count 50 new connections/s or 3,000 active. An ALB LCU also counts rule evaluations (1,000/s). A GCP mixed-protocol Service (TCP and UDP on one IP) uses two forwarding rules. Azure's Basic SKU was retired on 2025-09-30, and a public IP is billed separately.",
    '',
    "**Worked example.** Ten HTTP apps, each with its own NLB: about 10 × $16.43 = $164.30 a month before usage. Behind one Ingress or Gateway: one NLB ($16.43) plus the controller's pods (two or three small replicas for availability). Usage charges move to the shared load balancer rather than disappear.",
    '',
    '**Where consolidation does not happen automatically.** With the AWS Load Balancer Controller, every Ingress is its own ALB unless Ingresses share a group (`alb.ingress.kubernetes.io/group.name`), and every Gateway is its own ALB or NLB. Non-HTTP Services (databases, MQTT, UDP) still need one L4 load balancer each, or a Gateway with TCP/UDP listeners on an implementation that supports them.',
    '',
    "**What to check:** count your LoadBalancer Services; mark which carry HTTP; look at the usage dimensions in your bill (LCUs, data processed, cross-zone transfer) rather than only the hourly fee; and include the controller's compute and the team's time to run it.",
  ].join('\n'),
  example: {
    language: 'sh',
    caption: 'List every LoadBalancer Service, the starting point for a consolidation estimate.',
    code: `kubectl get svc -A --no-headers | awk '$3 == "LoadBalancer" { print $1 "/" $2, $6 }'
`,
  },
  sources: [
    {
      title: 'Elastic Load Balancing pricing (AWS)',
      url: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    },
    {
      title: 'Cloud Load Balancing pricing (Google Cloud)',
      url: 'https://cloud.google.com/load-balancing/pricing',
    },
    {
      title: 'Configure DigitalOcean Load Balancers for Kubernetes',
      url: 'https://docs.digitalocean.com/products/kubernetes/how-to/configure-load-balancers/',
    },
    {
      title: 'AWS Load Balancer Controller: Ingress annotations (group.name)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
  ],
  examples: [
    'how much does each LoadBalancer service cost on AWS?',
    'is an NLB per service expensive compared with one ingress',
    'price of a GCP forwarding rule vs an Azure Standard LB',
    'we have 30 LoadBalancer services, how much would one ingress save',
    'monthly cost of an ALB plus LCUs',
    'digitalocean load balancer pricing for k8s',
    'loadbalancer costs are killing us, whats the bill per LB',
    'cost comparison: ingress controller pods vs one cloud lb per app',
  ],
  terms: [
    'pricier',
    'pricey',
    'billable',
    'billed',
    'charged',
    'monthly fee',
    'savings',
    'cost',
    'price',
    'pricing',
    'bill',
    'per month',
    'NLCU',
    'LCU',
    'forwarding rule',
    'expensive',
    'cheaper',
    'consolidate',
  ],
};

export default topic;
