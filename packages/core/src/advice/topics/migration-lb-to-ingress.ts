import type { Topic } from './types.js';

/** Moving from one LoadBalancer Service per app to one shared HTTP entry point. */
const topic: Topic = {
  id: 'migration-lb-to-ingress',
  title: 'How do I move from many LoadBalancer Services to one Ingress?',
  short:
    'Install one HTTP entry point (a maintained Ingress controller or, better for new work, a Gateway API implementation) behind a single load balancer, route each hostname to its Service, and test it on its own address. Then move DNS one hostname at a time and only afterwards turn the old Services into `type: ClusterIP`; keep non-HTTP Services such as databases, MQTT or UDP on their own L4 load balancers.',
  details: [
    '1. **Inventory.** List every LoadBalancer Service with its ports, hostname, where TLS terminates, any `loadBalancerSourceRanges`, and whether the app needs the client IP. Mark the HTTP ones (ports 80/443/8080, `appProtocol: http`) and keep the rest out of scope.',
    '2. **Deploy the controller.** Not the community ingress-nginx controller, retired in March 2026. Run at least two replicas across zones with a PodDisruptionBudget, exposed by one LoadBalancer Service. On AWS with the Load Balancer Controller, an Ingress becomes an ALB itself; give the Ingresses a shared `alb.ingress.kubernetes.io/group.name` so they share one ALB, and set `alb.ingress.kubernetes.io/scheme: internet-facing` (the default is internal).',
    "3. **Write the rules.** One Ingress per app or team, `ingressClassName` set, hosts and paths with an explicit `pathType` (`Prefix` matches whole path segments). Backends must be in the Ingress's namespace.",
    "4. **Move TLS.** Put certificates in `kubernetes.io/tls` Secrets (or let cert-manager issue them) and list them under `spec.tls`; if the cloud load balancer terminated TLS before, use the controller's equivalent (ACM on an ALB via `alb.ingress.kubernetes.io/certificate-arn`).",
    "5. **Health checks.** The cloud load balancer now checks the controller, not your apps. Make sure each app has a readiness probe, so only ready pods receive traffic, and configure the controller's backend health check path where it has one.",
    "6. **Redirect HTTP to HTTPS** with the controller's setting, and carry over client-IP handling (`X-Forwarded-For` instead of the L4 source address) and allow-lists: an allow-list that applied to every app can move to the controller's own LoadBalancer Service as `loadBalancerSourceRanges` (it then covers every host behind it), while a per-app one needs the controller's IP allow-list feature.",
    '7. **Test side by side.** Call the new address with the real hostname, for example `curl --resolve shop.example.com:443:<new-ip> https://shop.example.com/`.',
    '8. **Cut over DNS.** Lower the TTL a day ahead, switch one hostname at a time, watch errors and latency, and keep the old load balancer until the old TTL has expired.',
    '9. **Convert the Service.** Change `type: LoadBalancer` to `ClusterIP` and remove the load balancer annotations and `loadBalancerClass`. This deletes the cloud load balancer and its address, so do it last.',
    '10. **Keep L4 where it belongs.** UDP, raw TCP and TLS you do not want to terminate stay on LoadBalancer Services, or move to TCPRoute/UDPRoute on a Gateway API implementation that supports them.',
    '',
    'Since the Ingress API is frozen, consider doing this migration straight to Gateway API (Gateway plus HTTPRoutes): the steps are the same and you avoid a second migration later.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      "An app Service turned into ClusterIP, reached through a shared Ingress with TLS, and the controller's own Service carrying the allow-list.",
    code: `apiVersion: v1
kind: Service
metadata:
  name: shop
  namespace: shop
spec:
  type: ClusterIP            # was LoadBalancer; change it only after DNS has moved
  selector:
    app: shop
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  ingressClassName: traefik  # the IngressClass of your controller (kubectl get ingressclass)
  tls:
    - hosts:
        - shop.example.com
      secretName: shop-example-com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port:
                  number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: traefik              # the controller's own Service (usually set through its Helm values)
  namespace: traefik
spec:
  type: LoadBalancer         # the one load balancer left, shared by every host
  loadBalancerSourceRanges:  # an allow-list the old per-app Services had, now for all hosts
    - 203.0.113.0/24
  selector:
    app.kubernetes.io/name: traefik
  ports:
    - name: websecure
      port: 443
      targetPort: websecure
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Ingress',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
    },
    {
      title: 'Kubernetes docs: Service',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
    {
      title: 'Kubernetes docs: Ingress controllers',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/',
    },
    {
      title: 'AWS Load Balancer Controller: Ingress annotations',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
  ],
  examples: [
    'we have one NLB per microservice, how do we consolidate onto one ingress?',
    'steps to move 12 LoadBalancer services behind a shared entry point',
    'migrate from service type LoadBalancer to ingress without downtime',
    'cutover plan: per-app load balancers to one gateway',
    'do I convert my loadbalancer svc to clusterip after adding an ingress?',
    'how to merge multiple LBs into a single ingress controller',
    'consolidate load balancers on gke into one ingress',
  ],
  terms: [
    'consolidate',
    'migrate',
    'one load balancer per service',
    'ClusterIP',
    'DNS cutover',
    'shared entry point',
    'many LoadBalancer Services',
  ],
};

export default topic;
