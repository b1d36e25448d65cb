import type { Topic } from './types.js';

/** What an Ingress is, what a LoadBalancer Service is, and where Gateway API fits. */
const topic: Topic = {
  id: 'difference',
  title: 'Ingress vs LoadBalancer Service: what is the difference?',
  short:
    'A `type: LoadBalancer` Service asks the platform for one layer-4 load balancer that forwards TCP or UDP connections to a single Service. An Ingress is a set of HTTP(S) host and path rules that an Ingress controller, itself usually reached through one such load balancer, applies to send requests to many Services. Gateway API is the newer, role-oriented successor to Ingress and also covers gRPC, TLS, TCP and UDP routes.',
  details: [
    '**LoadBalancer Service (L4).** `type: LoadBalancer` builds on NodePort: the cloud controller (or the AWS Load Balancer Controller, MetalLB, and so on) provisions an external load balancer and points it at node ports, or straight at pod IPs where the implementation supports it. It forwards connections without reading them, so any TCP, UDP or SCTP protocol the provider allows works, and you get one address (and one bill) per Service.',
    '',
    '**Ingress (L7).** A `networking.k8s.io/v1` Ingress is only configuration: host and path rules, TLS secrets, a default backend. Nothing happens until an Ingress controller claims it through its IngressClass. The controller is a reverse proxy running in the cluster (exposed by one LoadBalancer Service) or a cloud L7 load balancer it provisions, such as an AWS ALB per Ingress or Ingress group. So an Ingress does not remove the load balancer; it lets many HTTP Services share one.',
    '',
    '**Gateway API.** GatewayClass, Gateway and Routes (`HTTPRoute`, `GRPCRoute`, `TLSRoute`, `TCPRoute`, `UDPRoute`) separate the entry point, owned by the platform team, from the routing, owned by app teams. The Kubernetes docs now recommend Gateway over Ingress: the Ingress API is frozen (no new features) but is not being removed.',
    '',
    '| | LoadBalancer Service | Ingress | Gateway API |',
    '|---|---|---|---|',
    '| Layer | L4 (TCP/UDP) | L7 (HTTP/HTTPS only) | L7 and L4 |',
    '| Services per load balancer | one | many | many |',
    '| Host/path routing, redirects | no | yes (extras via annotations) | yes, in the spec |',
    '| TLS | passthrough, or on the cloud LB | terminated by the controller, SNI on 443 | terminate or passthrough per listener |',
    '| Needs a controller | the cloud provider does it | yes | yes, plus CRDs |',
    '',
    'What to check: which protocols you expose (anything not HTTP needs L4 or a Gateway L4 route), how many hostnames share an entry point, whether you need per-request features (path routing, header matching, retries, auth), and who should own the configuration.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption: 'The same cluster exposing an MQTT broker at L4 and two web apps through one Ingress.',
    code: `apiVersion: v1
kind: Service
metadata:
  name: mqtt
spec:
  type: LoadBalancer          # one cloud L4 load balancer for this Service alone
  selector:
    app: mqtt
  ports:
    - name: mqtt
      port: 1883
      targetPort: 1883
      protocol: TCP
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: traefik   # the IngressClass of your controller (kubectl get ingressclass)
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 8080
          - path: /
            pathType: Prefix
            backend:
              service:
                name: frontend
                port:
                  number: 3000
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Service',
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
    "ingress vs loadbalancer service, what's the actual difference?",
    'explain Service type LoadBalancer vs Ingress vs Gateway API to someone new to k8s',
    'is an ingress just another load balancer?',
    'L4 vs L7 in kubernetes networking: which object is which',
    'whats the diffrence between nodeport, loadbalancer and ingress',
    'when would I pick a LoadBalancer Service over an Ingress resource',
    'do ingress and an LB service do the same job?',
    'compare ingress, gateway and service loadbalancer in a table',
  ],
  terms: [
    'difference',
    'vs',
    'L4',
    'L7',
    'layer 4',
    'layer 7',
    'type: LoadBalancer',
    'Ingress',
    'Gateway API',
    'NodePort',
    'compare',
  ],
};

export default topic;
