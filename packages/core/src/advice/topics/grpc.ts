import type { Topic } from './types.js';

/** Exposing gRPC services: HTTP/2 end to end, GRPCRoute, and controller settings. */
const topic: Topic = {
  id: 'grpc',
  title: 'gRPC services: HTTP/2 end to end and GRPCRoute',
  short:
    'gRPC needs HTTP/2 on every hop, so each proxy must accept HTTP/2 from the client (ALPN `h2` where TLS terminates) and speak HTTP/2 to the backend. With Gateway API use a GRPCRoute (GA since v1.1.0), which matches on gRPC service and method; on Ingress it takes a controller setting such as ingress-nginx `backend-protocol: "GRPC"`, the ALB `backend-protocol-version: GRPC`, or `cloud.google.com/app-protocols` on GKE. A LoadBalancer Service passes gRPC through untouched but balances connections, not calls, so long-lived channels stick to one pod.',
  details: [
    '**Why gRPC breaks behind a proxy.** A proxy that talks HTTP/1.1 to the backend, or a TLS terminator that does not offer `h2` in ALPN, turns gRPC calls into protocol errors (often `UNAVAILABLE`, or a 502 from the proxy). Cleartext backends need HTTP/2 with prior knowledge (h2c): mark the Service port with `appProtocol: kubernetes.io/h2c` (recognised by Gateway API implementations that support the Extended feature, Standard since v1.2.0), or use TLS to the backend.',
    '',
    '**Gateway API: GRPCRoute.** `gateway.networking.k8s.io/v1` since v1.1.0. Rules match `method.service` and `method.method` exactly (or by regular expression where supported) and on headers, and send calls to `backendRefs`; the implementation speaks HTTP/2 to the backend. Check the GATEWAY-GRPC profile in the conformance report of your implementation: Cilium, Envoy Gateway, NGINX Gateway Fabric, Kong, Traefik and kgateway report it for v1.6, while the GKE v1.6 report covers HTTP only. With the AWS Load Balancer Controller, GRPCRoutes become an ALB (from v2.14.0).',
    '',
    '**Ingress: controller annotations.**',
    '',
    '- **ingress-nginx:** `nginx.ingress.kubernetes.io/backend-protocol: "GRPC"` (or `"GRPCS"` for TLS to the pod); the other values are HTTP, HTTPS, AUTO_HTTP and FCGI. The project is retired, so prefer a GRPCRoute for new work.',
    '- **AWS ALB:** `alb.ingress.kubernetes.io/backend-protocol-version: GRPC` (default HTTP1), on an HTTPS listener; the health check then speaks gRPC too (default path `/AWS.ALB/healthcheck`), so set a health-check path and success codes your service answers.',
    '- **GKE Ingress:** the load balancer talks HTTP/1.1 to pods unless the Service carries `cloud.google.com/app-protocols` naming the port `HTTP2`.',
    '',
    '**LoadBalancer Service.** An L4 load balancer does not look inside the stream, so gRPC works as is, TLS included. But a gRPC channel is one long-lived connection carrying many calls, and connection-level balancing keeps all of them on one pod; new pods get no traffic until clients reconnect. Use an L7 proxy, client-side balancing over a headless Service, or a maximum connection age on the server.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'A GRPCRoute sending one gRPC service to its own backend and everything else to a default backend, over HTTPS on a shared Gateway.',
    code: `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: payments
  namespace: payments
spec:
  parentRefs:
    - name: web              # a Gateway with an HTTPS listener (ALPN h2)
      namespace: infra
      sectionName: https
  hostnames:
    - grpc.example.com
  rules:
    - matches:
        - method:
            type: Exact
            service: payments.v1.PaymentService
      backendRefs:
        - name: payment-service
          port: 50051
    - backendRefs:            # no matches: every other gRPC call
        - name: grpc-default
          port: 50051
---
apiVersion: v1
kind: Service
metadata:
  name: payment-service
  namespace: payments
spec:
  selector:
    app: payment-service
  ports:
    - name: grpc
      port: 50051
      targetPort: 50051
      appProtocol: kubernetes.io/h2c   # cleartext HTTP/2 to the pod
`,
  },
  providers: {
    aws: 'ALB via Ingress: `alb.ingress.kubernetes.io/backend-protocol-version: GRPC` on an HTTPS listener; via Gateway API, GRPCRoutes get an ALB from AWS Load Balancer Controller v2.14.0. An NLB passes gRPC at L4.',
    gke: 'GKE Ingress needs `cloud.google.com/app-protocols` on the Service to use HTTP/2 towards the pods. For GKE Gateway, check the GatewayClass capabilities page before planning on GRPCRoute or h2c backends: the GKE v1.6 conformance report covers the HTTP profile only and does not claim `HTTPRouteBackendProtocolH2C`.',
  },
  sources: [
    {
      title: 'Gateway API: gRPC routing',
      url: 'https://gateway-api.sigs.k8s.io/guides/grpc-routing/',
    },
    {
      title: 'Gateway API: backend protocol (h2c, WebSocket)',
      url: 'https://gateway-api.sigs.k8s.io/guides/backend-protocol',
    },
    {
      title: 'Gateway API v1.1.0 changelog (GRPCRoute GA)',
      url: 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/CHANGELOG/1.1-CHANGELOG.md',
    },
    {
      title: 'ingress-nginx annotations (backend-protocol)',
      url: 'https://github.com/kubernetes/ingress-nginx/blob/main/docs/user-guide/nginx-configuration/annotations.md',
    },
    {
      title: 'AWS Load Balancer Controller: Ingress annotations (backend-protocol-version)',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
    },
    {
      title: 'GKE: HTTP/2 for load balancing with Ingress',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-http2',
    },
  ],
  examples: [
    'how do I expose a gRPC service in kubernetes?',
    'grpc through ingress returns 502 or protocol errors',
    'GRPCRoute example with method matching',
    'ALB ingress with grpc backend, which annotation',
    'ingress-nginx backend-protocol GRPC not working',
    'gRPC load is not balanced, all calls hit one pod behind the NLB',
    'GKE ingress only sends http/1.1 to my grpc pods',
    'is GRPCRoute stable in gateway api?',
    'grcp over http2 end to end with tls termination at the gateway',
  ],
  terms: [
    'gRPC',
    'GRPCRoute',
    'HTTP/2',
    'h2c',
    'ALPN',
    'backend-protocol',
    'backend-protocol-version',
    'app-protocols annotation',
    'appProtocol',
    'protobuf',
  ],
};

export default topic;
