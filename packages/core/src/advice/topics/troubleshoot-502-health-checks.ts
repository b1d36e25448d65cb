import type { Topic } from './types.js';

/** 502/503 errors and failing load balancer health checks although the pods run. */
const topic: Topic = {
  id: 'troubleshoot-502-health-checks',
  title: 'The load balancer or Ingress answers 502/503, or its health checks fail',
  short:
    'A 502 or 503 from a load balancer or Ingress usually means it has no healthy target for the request: the health check fails (wrong path, port or target type), or pods come and go faster than the load balancer registers and deregisters them. Look at target health in the cloud first, make the health-check path answer 200 from the pod, and cover rollouts with readiness probes, readiness gates and a `preStop` delay longer than the deregistration. Behind ingress-nginx, a 503 means the Service is missing or has no ready endpoints.',
  details: [
    '**1. What the load balancer thinks.** Cloud load balancers keep their own view of the targets: check it (`aws elbv2 describe-target-health`, the backend service health on GKE, the health probe status on Azure) before looking at the pods. No registered target usually gives 503 (nothing to send to); a target that refuses, resets or drops the connection gives 502, one that is too slow 504.',
    '',
    '**2. Target type (AWS Load Balancer Controller).**',
    '',
    '- `instance`: the load balancer sends to the NodePort of every node; security groups must allow the node ports from the load balancer, and with `externalTrafficPolicy: Local` only nodes with a pod pass.',
    '- `ip`: the load balancer sends to pod IPs directly (needs the Amazon VPC CNI); security groups must allow the container port.',
    '',
    'Choose with `alb.ingress.kubernetes.io/target-type` on Ingresses, `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type` on Services.',
    '',
    '**3. The health check itself.** The default ALB health-check path is `/` (`/AWS.ALB/healthcheck` for gRPC), and the check expects success codes: an app that answers `/` with a redirect or 401, or only listens on another port, fails. Set `alb.ingress.kubernetes.io/healthcheck-path` (and `success-codes`) to an endpoint that answers 200 without authentication. On GKE, the health check can come from the readiness probe or a BackendConfig, and Google health-check ranges must be allowed by firewall rules and NetworkPolicies.',
    '',
    '**4. Rollouts.** Errors only during deployments mean timing:',
    '',
    '- **Readiness gates** (ip targets): label the namespace `elbv2.k8s.aws/pod-readiness-gate-inject=enabled` and the controller adds a gate to pods created afterwards, so a new pod only counts as Ready once its target is healthy, and a rolling update waits for it.',
    '- **Deregistration delay:** the load balancer keeps sending to a terminating target until it is deregistered and drained; ELB waits 300 s by default, changeable with `alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30` (0–3600).',
    '- **`preStop` sleep:** delay SIGTERM until the load balancer has stopped sending, and keep `terminationGracePeriodSeconds` above the sleep plus the time the app needs to shut down.',
    '',
    "**5. The app's connections.** If the app closes idle keep-alive connections sooner than the load balancer (60 s on an ALB), the load balancer can reuse a closed connection and return 502: keep the app's keep-alive timeout longer.",
    '',
    '**6. Ingress controllers.** ingress-nginx answers 503 when the Service does not exist or has no ready endpoints, and 502 when the pod refuses or breaks the connection; see the topic on traffic reaching the Service but not the pods.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'ALB Ingress with pod targets, an explicit health check and a short deregistration delay, and a Deployment that outlasts it.',
    code: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    elbv2.k8s.aws/pod-readiness-gate-inject: enabled   # pods wait for a healthy target before Ready
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/scheme: internet-facing
    alb.ingress.kubernetes.io/target-type: ip
    alb.ingress.kubernetes.io/healthcheck-path: /healthz
    alb.ingress.kubernetes.io/success-codes: "200"
    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30
spec:
  ingressClassName: alb
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
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      terminationGracePeriodSeconds: 60      # longer than preStop plus shutdown
      containers:
        - name: shop
          image: registry.example.com/shop:1.4.2
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          lifecycle:
            preStop:
              sleep:
                seconds: 35                  # longer than the deregistration delay (sleep action: Kubernetes 1.30+)
`,
  },
  providers: {
    aws: 'Check target health in the target group; match the target type to the setup (`ip` needs the VPC CNI, `instance` needs node ports open to the load balancer); use readiness gates (namespace label `elbv2.k8s.aws/pod-readiness-gate-inject=enabled`, ip targets only, pods created after the label) and a deregistration delay shorter than the `preStop` sleep.',
    gke: 'GKE Ingress derives the health check from the readiness probe when it can, otherwise checks `/`; set it explicitly in a BackendConfig, and allow the Google health-check ranges in firewall rules and NetworkPolicies.',
    aks: 'Azure Load Balancer probes the node ports (or `healthCheckNodePort` with `externalTrafficPolicy: Local`); the probe protocol and path can be set with `service.beta.kubernetes.io/azure-load-balancer-health-probe-*` annotations.',
  },
  sources: [
    {
      title:
        'AWS Load Balancer Controller: Ingress annotations (target-type, health checks, target group attributes)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
    {
      title: 'AWS Load Balancer Controller: Pod readiness gate (v3.5.0)',
      url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs/deploy/pod_readiness_gate.md',
    },
    {
      title: 'Kubernetes docs: Container lifecycle hooks (preStop)',
      url: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
    },
    {
      title: 'Kubernetes docs: Debug Services',
      url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/',
    },
    {
      title: 'GKE: Configuring Ingress features (BackendConfig health checks)',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration',
    },
  ],
  examples: [
    '502 Bad Gateway from the ALB but the pods are running',
    'target group shows all targets unhealthy, app answers fine with curl',
    'ingress returns 503 Service Temporarily Unavailable',
    'we get a few 502s on every deployment rollout on EKS',
    'GKE ingress backend unhealthy although the readiness probe passes',
    'health check fails because the app redirects the root path to a login page',
    'alb target-type ip or instance, which one avoids 502s?',
    'pod readiness gate aws load balancer controller not injected',
    'sporadic 502 errors behind the load balancer under load',
    'healthcheck failng on nlb for my service',
  ],
  terms: [
    '502 Bad Gateway',
    '503 Service Unavailable',
    '503 Service Temporarily Unavailable',
    'health check',
    'unhealthy targets',
    'target group',
    'target-type',
    'healthcheck-path',
    'readiness gate',
    'pod-readiness-gate-inject',
    'deregistration_delay.timeout_seconds',
    'preStop',
    'terminationGracePeriodSeconds',
    'no healthy upstream',
  ],
  troubleshooting: true,
};

export default topic;
