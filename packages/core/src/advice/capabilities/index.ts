/**
 * The capability facts as data: who can do what, each fact with its source and the version it was
 * checked against. Only facts a primary source or the vendor's docs confirm are here; where the
 * evidence is missing (GKE Gateway and TCPRoute, Azure and mixed-protocol Services), the fact says
 * so ("Partly") or is left out, never guessed as a yes or a no. Aliases are canonical question text
 * (see `canonicalise` in `understand.ts`): "load balancer" → "loadbalancer", "gateway api" →
 * "gatewayapi", "ingress-nginx" → "ingressnginx", "nginx gateway fabric" → "ngf".
 */
import type { Source } from '../topics/types.js';
import type { Capability, CapabilityFact, Implementation } from './types.js';

export const IMPLEMENTATIONS: Implementation[] = [
  {
    id: 'aws-load-balancer-controller',
    name: 'the AWS Load Balancer Controller',
    aliases: [
      'aws loadbalancer controller',
      'aws-loadbalancer-controller',
      'aws loadbalancer controller gateway',
      'aws lbc',
      'lbc',
      'alb controller',
      'alb ingress controller',
      'eks',
      'aws',
    ],
  },
  {
    id: 'aws-alb',
    name: 'an AWS Application Load Balancer (ALB)',
    aliases: ['alb', 'albs', 'aws alb', 'application loadbalancer', 'aws application loadbalancer'],
  },
  {
    id: 'aws-nlb',
    name: 'an AWS Network Load Balancer (NLB)',
    aliases: ['nlb', 'nlbs', 'aws nlb', 'network loadbalancer', 'aws network loadbalancer'],
  },
  {
    id: 'gke',
    name: 'GKE',
    aliases: [
      'gke',
      'google kubernetes engine',
      'gke gateway',
      'gke gatewayapi',
      'gke ingress',
      'gce ingress',
      'gcp',
    ],
  },
  {
    id: 'azure',
    name: 'Azure Load Balancer (AKS)',
    aliases: ['aks', 'azure', 'azure loadbalancer', 'azure kubernetes service'],
  },
  {
    id: 'ingress-nginx',
    name: 'the community ingress-nginx controller',
    aliases: ['ingressnginx'],
  },
  {
    id: 'gateway-api',
    name: 'Gateway API',
    aliases: ['gatewayapi', 'the gatewayapi spec', 'gatewayapi spec'],
  },
  {
    id: 'kubernetes-service',
    name: 'a Kubernetes `type: LoadBalancer` Service',
    aliases: [
      'loadbalancer service',
      'loadbalancer services',
      'service type loadbalancer',
      'type loadbalancer',
      'kubernetes service',
    ],
  },
  {
    id: 'cilium',
    name: 'Cilium',
    aliases: ['cilium', 'cilium gateway', 'cilium gatewayapi'],
  },
  {
    id: 'envoy-gateway',
    name: 'Envoy Gateway',
    aliases: ['envoy gateway', 'envoygateway', 'envoy gatewayapi'],
  },
  {
    id: 'nginx-gateway-fabric',
    name: 'NGINX Gateway Fabric',
    aliases: ['ngf', 'ngf gatewayapi', 'nginx gatewayapi'],
  },
  {
    id: 'traefik',
    name: 'Traefik',
    aliases: ['traefik', 'traefik gateway', 'traefik gatewayapi'],
  },
];

export const CAPABILITIES: Capability[] = [
  {
    id: 'tcp-route',
    name: 'TCPRoute',
    aliases: ['tcproute', 'tcp route', 'tcp routes', 'tcp routing'],
    topic: 'mixed-protocols',
  },
  {
    id: 'udp-route',
    name: 'UDPRoute',
    aliases: ['udproute', 'udp route', 'udp routes', 'udp routing'],
    topic: 'mixed-protocols',
  },
  {
    id: 'mixed-l4-l7-gateway',
    name: 'L4 and L7 routes (for example TCPRoute and HTTPRoute) on one Gateway',
    aliases: [
      'tcproute and httproute',
      'httproute and tcproute',
      'tcp and http on one gateway',
      'tcp and https on one gateway',
      'http and tcp on one gateway',
      'l4 and l7 on one gateway',
      'l4 and l7 on the same gateway',
      'mix l4 and l7',
      'mixing l4 and l7',
      'mixed l4 and l7',
    ],
    topic: 'mixed-protocols',
  },
  {
    id: 'mixed-protocol-service',
    name: 'TCP and UDP in one LoadBalancer Service (mixed protocols)',
    aliases: [
      'mixed protocol',
      'mixed protocols',
      'mixed-protocol',
      'mixed protocol services',
      'mixed protocol loadbalancer',
      'tcp_udp',
      'both tcp and udp',
      'tcp and udp on the same port',
      'tcp and udp on one port',
      'tcp and udp in one service',
      'tcp and udp in the same service',
      'tcp and udp on one loadbalancer',
    ],
    topic: 'mixed-protocols',
  },
  {
    id: 'grpc-route',
    name: 'GRPCRoute',
    aliases: ['grpcroute', 'grpc route', 'grpc routes'],
    topic: 'grpc',
  },
  {
    id: 'grpc',
    name: 'gRPC backends',
    aliases: ['grpc', 'grpc backends', 'grpc services'],
    topic: 'grpc',
  },
  {
    id: 'tls-passthrough',
    name: 'TLS passthrough (TLSRoute)',
    aliases: ['tlsroute', 'tlsroutes', 'tls route', 'tls passthrough', 'passthrough', 'ssl passthrough'],
    topic: 'tls',
  },
  {
    id: 'frontend-mtls',
    name: 'client-certificate validation (mTLS) at the entry point',
    aliases: [
      'mtls',
      'mutual tls',
      'client certificate',
      'client certificates',
      'client cert',
      'client certs',
      'client certificate validation',
      'client certificate authentication',
    ],
    topic: 'mtls',
  },
  {
    id: 'ingress-group',
    name: 'sharing one ALB between Ingresses (IngressGroup)',
    aliases: [
      'ingressgroup',
      'ingress group',
      'ingress groups',
      'group.name',
      'one alb for several ingresses',
      'ingresses on one alb',
      'ingresses on a single alb',
      'ingresses on the same alb',
      'ingresses share one alb',
      'ingresses share an alb',
      'land on one alb',
      'land on a single alb',
    ],
    topic: 'share-load-balancer',
  },
  {
    id: 'listener-set',
    name: 'ListenerSet',
    aliases: ['listenerset', 'listenersets', 'listener set', 'listener sets'],
    topic: 'share-load-balancer',
  },
  {
    id: 'websocket',
    name: 'WebSockets',
    aliases: ['websocket', 'websocket connections'],
    topic: 'timeouts-websockets',
  },
  {
    id: 'idle-timeout',
    name: 'a configurable idle timeout',
    aliases: ['idle timeout', 'idle timeouts', 'tcp idle timeout', 'connection timeout'],
    topic: 'timeouts-websockets',
  },
  {
    id: 'route-timeouts',
    name: 'HTTPRoute request timeouts',
    aliases: [
      'httproute timeouts',
      'request timeout',
      'request timeouts',
      'backendrequest',
      'route timeouts',
    ],
    topic: 'timeouts-websockets',
  },
  {
    id: 'internal-lb',
    name: 'an internal (private) load balancer',
    aliases: [
      'internal loadbalancer',
      'internal loadbalancers',
      'private loadbalancer',
      'internal',
      'internal only',
    ],
    topic: 'internal-lb',
  },
  {
    id: 'client-ip-preservation',
    name: 'keeping the client source IP',
    aliases: ['client ip', 'client ips', 'source ip', 'client source ip', 'real ip', 'real client ip'],
    topic: 'client-source-ip',
  },
  {
    id: 'proxy-protocol',
    name: 'PROXY protocol',
    aliases: ['proxy protocol', 'proxy protocol v2', 'proxyprotocol'],
    topic: 'client-source-ip',
  },
  {
    id: 'source-ranges',
    name: 'client allow-lists with `loadBalancerSourceRanges`',
    aliases: [
      'loadbalancersourceranges',
      'source ranges',
      'source ip ranges',
      'allowlist',
      'allow-list',
      'allow list',
      'ip allowlist',
      'whitelist',
      'ip whitelist',
    ],
    topic: 'client-source-ip',
  },
  {
    id: 'gateway-api',
    name: 'Gateway API',
    aliases: [
      'support gatewayapi',
      'supports gatewayapi',
      'implement gatewayapi',
      'implements gatewayapi',
      'gatewayapi support',
      'gatewayapi implementation',
    ],
    topic: 'gateway-vs-ingress',
  },
];

// ---------------------------------------------------------------------------------------------
// Sources, each used by several facts.

const LBC_DOCS = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/docs';
const LBC_CHECKED = 'AWS Load Balancer Controller v3.5.0 docs (2026-08-03)';
const GATEWAY_API = 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1';
const REPORTS = 'https://github.com/kubernetes-sigs/gateway-api/tree/main/conformance/reports/v1.6';
const INGRESS_NGINX = 'https://github.com/kubernetes/ingress-nginx/blob/main';
const INGRESS_NGINX_CHECKED =
  'ingress-nginx final state, controller-v1.15.1 (repository archived 2026-03-24)';

const SOURCES = {
  lbcL4Gateway: {
    title: 'AWS Load Balancer Controller: L4 Gateway (TCPRoute, UDPRoute, TLSRoute)',
    url: `${LBC_DOCS}/guide/gateway/l4gateway.md`,
  },
  lbcL7Gateway: {
    title: 'AWS Load Balancer Controller: L7 Gateway (HTTPRoute, GRPCRoute)',
    url: `${LBC_DOCS}/guide/gateway/l7gateway.md`,
  },
  lbcGateway: {
    title: 'AWS Load Balancer Controller: Gateway API',
    url: `${LBC_DOCS}/guide/gateway/gateway.md`,
  },
  lbcListenerSets: {
    title: 'AWS Load Balancer Controller: ListenerSets',
    url: `${LBC_DOCS}/guide/gateway/listenersets.md`,
  },
  lbcServiceAnnotations: {
    title: 'AWS Load Balancer Controller: Service annotations',
    url: `${LBC_DOCS}/guide/service/annotations.md`,
  },
  lbcIngressAnnotations: {
    title: 'AWS Load Balancer Controller: Ingress annotations',
    url: `${LBC_DOCS}/guide/ingress/annotations.md`,
  },
  albAttributes: {
    title: 'AWS: Edit attributes of an Application Load Balancer (idle timeout)',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html',
  },
  nlbIdleTimeout: {
    title: 'AWS: Update the TCP idle timeout of a Network Load Balancer',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html',
  },
  gkeMixedProtocol: {
    title: 'GKE: mixed-protocol LoadBalancer Services',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/mixed-protocol-lb',
  },
  gkeGatewayClasses: {
    title: 'GKE: GatewayClass capabilities',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/gatewayclass-capabilities',
  },
  gkeConformance: {
    title: 'Gateway API v1.6 conformance report: GKE',
    url: `${REPORTS}/gke-gateway`,
  },
  gkeServiceParameters: {
    title: 'GKE: LoadBalancer Service parameters',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters',
  },
  gkeIngressHttp2: {
    title: 'GKE: HTTP/2 for load balancing with Ingress',
    url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-http2',
  },
  gkeIngressXlb: {
    title: 'GKE: Ingress for external Application Load Balancers',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/ingress-xlb',
  },
  azureIdleTimeout: {
    title: 'Azure Load Balancer: TCP idle timeout',
    url: 'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-idle-timeout',
  },
  aksInternal: {
    title: 'AKS: Use an internal load balancer',
    url: 'https://learn.microsoft.com/en-us/azure/aks/internal-lb',
  },
  ingressNginxAnnotations: {
    title: 'ingress-nginx: annotations',
    url: `${INGRESS_NGINX}/docs/user-guide/nginx-configuration/annotations.md`,
  },
  ingressNginxConfigMap: {
    title: 'ingress-nginx: ConfigMap',
    url: `${INGRESS_NGINX}/docs/user-guide/nginx-configuration/configmap.md`,
  },
  ingressNginxRetirement: {
    title: 'Ingress NGINX Retirement: What You Need to Know (Kubernetes blog)',
    url: 'https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/',
  },
  gatewayApi11: {
    title: 'Gateway API v1.1.0 changelog',
    url: `${GATEWAY_API}/CHANGELOG/1.1-CHANGELOG.md`,
  },
  gatewayApi12: {
    title: 'Gateway API v1.2.0 changelog',
    url: `${GATEWAY_API}/CHANGELOG/1.2-CHANGELOG.md`,
  },
  gatewayApi15: {
    title: 'Gateway API v1.5.0 changelog',
    url: `${GATEWAY_API}/CHANGELOG/1.5-CHANGELOG.md`,
  },
  gatewayApi16: {
    title: 'Gateway API v1.6.0 changelog',
    url: `${GATEWAY_API}/CHANGELOG/1.6-CHANGELOG.md`,
  },
  gatewayTypes: {
    title: 'Gateway API v1.6.1: Gateway types (listeners)',
    url: `${GATEWAY_API}/apis/v1/gateway_types.go`,
  },
  k8sService: {
    title: 'Kubernetes docs: Service',
    url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
  },
  k8sExternalLoadBalancer: {
    title: 'Kubernetes docs: Create an External Load Balancer',
    url: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
  },
  ciliumConformance: {
    title: 'Gateway API v1.6 conformance reports: Cilium',
    url: `${REPORTS}/cilium`,
  },
  envoyGatewayConformance: {
    title: 'Gateway API v1.6 conformance reports: Envoy Gateway',
    url: `${REPORTS}/envoy-gateway`,
  },
  ngfConformance: {
    title: 'Gateway API v1.6 conformance reports: NGINX Gateway Fabric',
    url: `${REPORTS}/nginx-nginx-gateway-fabric`,
  },
  implementations: {
    title: 'Gateway API implementations',
    url: 'https://gateway-api.sigs.k8s.io/docs/implementations/list/',
  },
} satisfies Record<string, Source>;

const GATEWAY_API_CHECKED = 'Gateway API v1.6.1 (2026-07-16)';
const CILIUM_CHECKED = 'Cilium v1.20.0 conformance report for Gateway API v1.6.1 (2026-07-31)';
const ENVOY_GATEWAY_CHECKED = 'Envoy Gateway v1.9.0 conformance report for Gateway API v1.6.1 (2026-08-18)';
const GKE_REPORT_CHECKED = 'GKE 1.36.2-gke.2154000 conformance report for Gateway API v1.6.0 (2026-07-23)';

export const CAPABILITY_FACTS: CapabilityFact[] = [
  // AWS Load Balancer Controller -------------------------------------------------------------
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'tcp-route',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller serves TCPRoutes (from v2.13.3) on an NLB, through a GatewayClass whose controller is `gateway.k8s.aws/nlb`; TCPRoute `v1` needs the Gateway API 1.6 CRDs.',
    source: SOURCES.lbcL4Gateway,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'udp-route',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller serves UDPRoutes (from v2.13.3) on an NLB, through a GatewayClass whose controller is `gateway.k8s.aws/nlb`; UDPRoute `v1` needs the Gateway API 1.6 CRDs.',
    source: SOURCES.lbcL4Gateway,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'grpc-route',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller serves GRPCRoutes (from v2.14.0) on an ALB, through a GatewayClass whose controller is `gateway.k8s.aws/alb`.',
    source: SOURCES.lbcL7Gateway,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'mixed-l4-l7-gateway',
    answer: 'no',
    statement:
      'No: the AWS Load Balancer Controller puts TCP, UDP and TLS routes on an NLB and HTTP and gRPC routes on an ALB, each Gateway class its own load balancer, and its docs say mixing protocol layers (TCPRoute and HTTPRoute on the same Gateway) is not supported.',
    alternative:
      'Use two Gateways: one of a class with controller `gateway.k8s.aws/alb` for HTTPRoute and GRPCRoute, one of a class with `gateway.k8s.aws/nlb` for TCPRoute, UDPRoute and TLSRoute. They become two load balancers with two addresses.',
    source: SOURCES.lbcGateway,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'ingress-group',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller merges every Ingress with the same `alb.ingress.kubernetes.io/group.name` into one ALB (an IngressGroup); `alb.ingress.kubernetes.io/group.order` (−1000 to 1000, default 0, lower first) orders their rules.',
    source: SOURCES.lbcIngressAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'mixed-protocol-service',
    answer: 'yes',
    statement:
      'Yes: with `service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener: "true"`, the AWS Load Balancer Controller gives a Service whose TCP and UDP ports share a number one NLB listener of protocol `TCP_UDP`.',
    source: SOURCES.lbcServiceAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'listener-set',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller supports ListenerSets from v3.2.0; the Gateway must admit them with `spec.allowedListeners`, which admits none by default.',
    source: SOURCES.lbcListenerSets,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'internal-lb',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller makes internal load balancers by default (NLBs since v2.2.0, ALBs and Gateways too); `service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing` (or `alb.ingress.kubernetes.io/scheme`) makes them public.',
    source: SOURCES.lbcServiceAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'source-ranges',
    answer: 'partly',
    statement:
      'Partly: the AWS Load Balancer Controller applies `loadBalancerSourceRanges` to its NLBs, but they have no effect when the client IP is not preserved, as with `ip` targets by default.',
    alternative:
      'Use `instance` targets, or enable client IP preservation with `service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: preserve_client_ip.enabled=true`.',
    source: SOURCES.lbcServiceAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-load-balancer-controller',
    capability: 'proxy-protocol',
    answer: 'yes',
    statement:
      'Yes: the AWS Load Balancer Controller turns on PROXY protocol v2 for an NLB with `service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*"`; the proxy behind it must then expect it.',
    source: SOURCES.lbcServiceAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  // AWS load balancers ------------------------------------------------------------------------
  {
    implementation: 'aws-nlb',
    capability: 'client-ip-preservation',
    answer: 'partly',
    statement:
      'Partly: an AWS Network Load Balancer (NLB) created by the AWS Load Balancer Controller keeps the client IP by default for `instance` targets, not for `ip` targets.',
    alternative:
      'For `ip` targets, set `service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: preserve_client_ip.enabled=true`, or use PROXY protocol (`aws-load-balancer-proxy-protocol: "*"`).',
    source: SOURCES.lbcServiceAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-nlb',
    capability: 'idle-timeout',
    answer: 'partly',
    statement:
      'Partly: an AWS Network Load Balancer (NLB) closes idle TCP flows after 350 s by default, settable from 60 to 6000 s (`tcp.idle_timeout.seconds`; with the AWS Load Balancer Controller, `service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-<port>`); TLS listeners stay at 350 s.',
    alternative:
      'On a TLS listener, keep connections alive with pings more often than every 350 s, or use a TCP listener and terminate TLS in the cluster.',
    source: SOURCES.nlbIdleTimeout,
    checkedAgainst: 'AWS Elastic Load Balancing documentation, checked 2026-12',
  },
  {
    implementation: 'aws-alb',
    capability: 'websocket',
    answer: 'yes',
    statement:
      'Yes: an AWS Application Load Balancer (ALB) carries WebSockets, but closes connections idle for longer than its idle timeout, 60 s by default; raise it with `alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=<s>` or send pings.',
    source: SOURCES.albAttributes,
    checkedAgainst: 'AWS Elastic Load Balancing documentation, checked 2026-12',
  },
  {
    implementation: 'aws-alb',
    capability: 'idle-timeout',
    answer: 'yes',
    statement:
      'Yes: an AWS Application Load Balancer (ALB) has an idle timeout of 60 s by default, which the AWS Load Balancer Controller sets with `alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=<s>`.',
    source: SOURCES.lbcIngressAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  {
    implementation: 'aws-alb',
    capability: 'grpc',
    answer: 'yes',
    statement:
      'Yes: an AWS Application Load Balancer (ALB) speaks gRPC to the targets when the Ingress sets `alb.ingress.kubernetes.io/backend-protocol-version: GRPC` (the default is HTTP1).',
    source: SOURCES.lbcIngressAnnotations,
    checkedAgainst: LBC_CHECKED,
  },
  // GKE ----------------------------------------------------------------------------------------
  {
    implementation: 'gke',
    capability: 'mixed-protocol-service',
    answer: 'yes',
    statement:
      'Yes: GKE accepts TCP and UDP in one LoadBalancer Service on new clusters from 1.34.1-gke.2190000 (external IPv4) with `loadBalancerClass: networking.gke.io/l4-regional-external`, GA for internal and external, dual-stack included, from 1.36.2-gke.1498000; it is billed as two forwarding rules.',
    source: SOURCES.gkeMixedProtocol,
    checkedAgainst: 'GKE documentation, checked 2026-12',
  },
  {
    implementation: 'gke',
    capability: 'tcp-route',
    answer: 'partly',
    statement:
      "Partly at best: GKE's managed Gateway classes are L7 load balancers and GKE's Gateway API v1.6 conformance report covers the HTTP profile only, so TCPRoute support on GKE Gateway is not evidenced.",
    alternative:
      'Expose raw TCP on GKE with a `type: LoadBalancer` Service (a passthrough Network Load Balancer), and check the GatewayClass capabilities page before planning on TCPRoute.',
    source: SOURCES.gkeConformance,
    checkedAgainst: GKE_REPORT_CHECKED,
  },
  {
    implementation: 'gke',
    capability: 'udp-route',
    answer: 'partly',
    statement:
      "Partly at best: GKE's managed Gateway classes are L7 load balancers and GKE's Gateway API v1.6 conformance report covers the HTTP profile only, so UDPRoute support on GKE Gateway is not evidenced.",
    alternative:
      'Expose UDP on GKE with a `type: LoadBalancer` Service, and check the GatewayClass capabilities page before planning on UDPRoute.',
    source: SOURCES.gkeConformance,
    checkedAgainst: GKE_REPORT_CHECKED,
  },
  {
    implementation: 'gke',
    capability: 'frontend-mtls',
    answer: 'yes',
    statement:
      "Yes: GKE's Gateway API v1.6 conformance report (class `gke-l7-regional-external-managed`) claims and passes `GatewayFrontendClientCertificateValidation`, the Gateway's client-certificate validation; check the GatewayClass capabilities page for other classes.",
    source: SOURCES.gkeConformance,
    checkedAgainst: GKE_REPORT_CHECKED,
  },
  {
    implementation: 'gke',
    capability: 'internal-lb',
    answer: 'yes',
    statement:
      'Yes: GKE makes an internal passthrough load balancer for a Service annotated `networking.gke.io/load-balancer-type: "Internal"`, and its Gateway classes `gke-l7-rilb` and `gke-l7-rilb-mc` are internal Application Load Balancers.',
    source: SOURCES.gkeServiceParameters,
    checkedAgainst: 'GKE documentation, checked 2026-12',
  },
  {
    implementation: 'gke',
    capability: 'grpc',
    answer: 'partly',
    statement:
      "Partly: GKE Ingress talks HTTP/1.1 to the pods, so gRPC backends only work once the Service's port is declared `HTTP2` in the `cloud.google.com/app-protocols` annotation.",
    alternative:
      'Annotate the Service, e.g. `cloud.google.com/app-protocols: \'{"grpc":"HTTP2"}\'` for a port named `grpc`.',
    source: SOURCES.gkeIngressHttp2,
    checkedAgainst: 'GKE documentation, checked 2026-12',
  },
  {
    implementation: 'gke',
    capability: 'websocket',
    answer: 'partly',
    statement:
      'Partly: GKE Ingress (an external Application Load Balancer) carries WebSockets, but the backend service timeout, 30 s by default, is the longest a WebSocket may live, idle or not.',
    alternative: 'Raise `timeoutSec` in a BackendConfig referenced by the Service.',
    source: SOURCES.gkeIngressXlb,
    checkedAgainst: 'GKE documentation, checked 2026-12',
  },
  // Azure --------------------------------------------------------------------------------------
  {
    implementation: 'azure',
    capability: 'internal-lb',
    answer: 'yes',
    statement:
      'Yes: Azure Load Balancer (AKS) makes an internal load balancer for a Service annotated `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`; `azure-load-balancer-internal-subnet` picks the subnet.',
    source: SOURCES.aksInternal,
    checkedAgainst: 'Kubernetes docs (Service, rev 003e5b33) and AKS documentation, checked 2026-12',
  },
  {
    implementation: 'azure',
    capability: 'idle-timeout',
    answer: 'yes',
    statement:
      'Yes: Azure Load Balancer (AKS) has a TCP idle timeout of 4 minutes by default, settable from 4 to 100 minutes; idle flows are dropped silently unless TCP reset is enabled on the rule.',
    source: SOURCES.azureIdleTimeout,
    checkedAgainst: 'Azure Load Balancer documentation (2024-02-12)',
  },
  // ingress-nginx ------------------------------------------------------------------------------
  {
    implementation: 'ingress-nginx',
    capability: 'grpc',
    answer: 'yes',
    statement:
      'Yes: the community ingress-nginx controller proxies gRPC with `nginx.ingress.kubernetes.io/backend-protocol: "GRPC"` (or `"GRPCS"`), but the project was retired in March 2026 and gets no more fixes.',
    alternative: 'For new work, use a GRPCRoute on a Gateway API implementation.',
    source: SOURCES.ingressNginxAnnotations,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  {
    implementation: 'ingress-nginx',
    capability: 'frontend-mtls',
    answer: 'yes',
    statement:
      'Yes: the community ingress-nginx controller validates client certificates with `nginx.ingress.kubernetes.io/auth-tls-secret` (a Secret with `ca.crt`) and `auth-tls-verify-client`, but the project was retired in March 2026 and gets no more security fixes.',
    alternative:
      'Move to a Gateway that supports `spec.tls.frontend` client-certificate validation (Gateway API v1.5.0 and later).',
    source: SOURCES.ingressNginxAnnotations,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  {
    implementation: 'ingress-nginx',
    capability: 'tcp-route',
    answer: 'no',
    statement:
      'No: the community ingress-nginx controller implements the Ingress API only, not Gateway API, so it has no TCPRoute; it is also retired since March 2026.',
    alternative:
      'Use a LoadBalancer Service for the TCP port, or a Gateway API implementation that supports TCPRoute (Cilium, NGINX Gateway Fabric, Envoy Gateway, the AWS Load Balancer Controller).',
    source: SOURCES.ingressNginxRetirement,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  {
    implementation: 'ingress-nginx',
    capability: 'gateway-api',
    answer: 'no',
    statement:
      'No: the community ingress-nginx controller implements the Ingress API only; its maintainers recommend moving to a Gateway API implementation, and the project is retired since March 2026.',
    alternative: 'Pick a Gateway API implementation and translate the Ingresses with ingress2gateway.',
    source: SOURCES.ingressNginxRetirement,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  {
    implementation: 'ingress-nginx',
    capability: 'websocket',
    answer: 'yes',
    statement:
      'Yes: the community ingress-nginx controller proxies WebSockets, but closes them after its read and send timeouts (`proxy-read-timeout`, `proxy-send-timeout`, 60 s by default) unless data flows; the project is retired since March 2026.',
    alternative:
      'Raise `nginx.ingress.kubernetes.io/proxy-read-timeout` and `proxy-send-timeout` on the Ingress.',
    source: SOURCES.ingressNginxConfigMap,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  {
    implementation: 'ingress-nginx',
    capability: 'proxy-protocol',
    answer: 'yes',
    statement:
      'Yes: the community ingress-nginx controller reads PROXY protocol with `use-proxy-protocol: "true"` in its ConfigMap (off by default); the project is retired since March 2026.',
    source: SOURCES.ingressNginxConfigMap,
    checkedAgainst: INGRESS_NGINX_CHECKED,
  },
  // Gateway API, the specification -------------------------------------------------------------
  {
    implementation: 'gateway-api',
    capability: 'frontend-mtls',
    answer: 'yes',
    statement:
      'Yes: Gateway API validates client certificates on the Gateway since v1.5.0 (GEP-91, Standard): `spec.tls.frontend.default.validation.caCertificateRefs`, with `mode` AllowValidOnly (default) or AllowInsecureFallback; implementations support it as an Extended feature.',
    source: SOURCES.gatewayApi15,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'tls-passthrough',
    answer: 'yes',
    statement:
      'Yes: Gateway API routes TLS by SNI without decrypting it with a TLSRoute on a `protocol: TLS`, `tls.mode: Passthrough` listener; TLSRoute `v1` is Standard since v1.5.0, and Passthrough is Core.',
    source: SOURCES.gatewayApi15,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'tcp-route',
    answer: 'yes',
    statement:
      'Yes: Gateway API has TCPRoute, GA (`v1`, Standard) since v1.6.0 and `v1alpha2` in the experimental channel before; whether your implementation supports it varies.',
    source: SOURCES.gatewayApi16,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'udp-route',
    answer: 'yes',
    statement:
      'Yes: Gateway API has UDPRoute, GA (`v1`, Standard) since v1.6.0 and `v1alpha2` in the experimental channel before; whether your implementation supports it varies.',
    source: SOURCES.gatewayApi16,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'grpc-route',
    answer: 'yes',
    statement: 'Yes: Gateway API has GRPCRoute, GA (`v1`) since v1.1.0.',
    source: SOURCES.gatewayApi11,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'listener-set',
    answer: 'yes',
    statement:
      'Yes: Gateway API has ListenerSet, Standard since v1.5.0; a Gateway admits ListenerSets only when its `spec.allowedListeners` says so (none by default).',
    source: SOURCES.gatewayApi15,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'route-timeouts',
    answer: 'yes',
    statement:
      'Yes: Gateway API HTTPRoute rules take `timeouts.request` and `timeouts.backendRequest`, Standard since v1.2.0 (Extended support, so check your implementation).',
    source: SOURCES.gatewayApi12,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  {
    implementation: 'gateway-api',
    capability: 'mixed-l4-l7-gateway',
    answer: 'partly',
    statement:
      'Partly: Gateway API lets one Gateway have HTTP, HTTPS, TLS, TCP and UDP listeners, but implementations may refuse the mix: the AWS Load Balancer Controller does not support it, and GKE has no L4 Gateway classes.',
    alternative: 'Keep L4 routes on a Gateway of their own unless your implementation documents the mix.',
    source: SOURCES.gatewayTypes,
    checkedAgainst: GATEWAY_API_CHECKED,
  },
  // Kubernetes Services ------------------------------------------------------------------------
  {
    implementation: 'kubernetes-service',
    capability: 'mixed-protocol-service',
    answer: 'partly',
    statement:
      'Partly: a Kubernetes `type: LoadBalancer` Service may mix TCP and UDP ports since v1.26 (stable), but the protocols a load balancer accepts are up to the cloud provider.',
    alternative:
      'Check your provider (GKE from 1.34.1-gke.2190000 with a class, the AWS Load Balancer Controller with a TCP_UDP listener), or use two Services.',
    source: SOURCES.k8sService,
    checkedAgainst: 'Kubernetes docs, Service (rev 003e5b33), Kubernetes v1.36',
  },
  {
    implementation: 'kubernetes-service',
    capability: 'client-ip-preservation',
    answer: 'partly',
    statement:
      'Partly: a Kubernetes `type: LoadBalancer` Service keeps the client IP only with `externalTrafficPolicy: Local`, which avoids the second hop but can spread traffic unevenly; the default `Cluster` may replace it with a node address.',
    alternative:
      'Set `externalTrafficPolicy: Local`, or read `X-Forwarded-For` or PROXY protocol when a proxy sits in front.',
    source: SOURCES.k8sExternalLoadBalancer,
    checkedAgainst: 'Kubernetes docs, Create an External Load Balancer (rev 0189ae0f)',
  },
  {
    implementation: 'kubernetes-service',
    capability: 'source-ranges',
    answer: 'partly',
    statement:
      'Partly: a Kubernetes `type: LoadBalancer` Service takes a client CIDR allow-list in `loadBalancerSourceRanges`, but it is only honoured where the cloud provider supports it.',
    alternative: "Check your provider's docs, or filter in the proxy or with firewall rules.",
    source: SOURCES.k8sService,
    checkedAgainst: 'Kubernetes API v1.36 (core/v1 ServiceSpec)',
  },
  // Gateway API implementations ----------------------------------------------------------------
  {
    implementation: 'cilium',
    capability: 'tcp-route',
    answer: 'yes',
    statement:
      'Yes: Cilium v1.20.0 passes the GATEWAY-TCP conformance profile (TCPRoute) of Gateway API v1.6.1.',
    source: SOURCES.ciliumConformance,
    checkedAgainst: CILIUM_CHECKED,
  },
  {
    implementation: 'cilium',
    capability: 'udp-route',
    answer: 'yes',
    statement:
      'Yes: Cilium v1.20.0 passes the GATEWAY-UDP conformance profile (UDPRoute) of Gateway API v1.6.1.',
    source: SOURCES.ciliumConformance,
    checkedAgainst: CILIUM_CHECKED,
  },
  {
    implementation: 'cilium',
    capability: 'grpc-route',
    answer: 'yes',
    statement:
      'Yes: Cilium v1.20.0 passes the GATEWAY-GRPC conformance profile (GRPCRoute) of Gateway API v1.6.1.',
    source: SOURCES.ciliumConformance,
    checkedAgainst: CILIUM_CHECKED,
  },
  {
    implementation: 'cilium',
    capability: 'frontend-mtls',
    answer: 'no',
    statement:
      "No: Cilium v1.20.0's Gateway API v1.6.1 conformance report lists `GatewayFrontendClientCertificateValidation` among its unsupported features.",
    alternative:
      'Validate client certificates in the application behind a TLS passthrough listener, or use an implementation that supports it (Envoy Gateway v1.9.0 reports it).',
    source: SOURCES.ciliumConformance,
    checkedAgainst: CILIUM_CHECKED,
  },
  {
    implementation: 'envoy-gateway',
    capability: 'tcp-route',
    answer: 'yes',
    statement:
      'Yes: Envoy Gateway v1.9.0 passes the TCPRoute conformance tests of Gateway API v1.6.1 (listed as provisional tests in its report, which has no separate GATEWAY-TCP profile).',
    source: SOURCES.envoyGatewayConformance,
    checkedAgainst: ENVOY_GATEWAY_CHECKED,
  },
  {
    implementation: 'envoy-gateway',
    capability: 'udp-route',
    answer: 'yes',
    statement:
      'Yes: Envoy Gateway v1.9.0 passes the UDPRoute conformance tests of Gateway API v1.6.1 (listed as provisional tests in its report, which has no separate GATEWAY-UDP profile).',
    source: SOURCES.envoyGatewayConformance,
    checkedAgainst: ENVOY_GATEWAY_CHECKED,
  },
  {
    implementation: 'envoy-gateway',
    capability: 'grpc-route',
    answer: 'yes',
    statement:
      'Yes: Envoy Gateway v1.9.0 passes the GATEWAY-GRPC conformance profile (GRPCRoute) of Gateway API v1.6.1.',
    source: SOURCES.envoyGatewayConformance,
    checkedAgainst: ENVOY_GATEWAY_CHECKED,
  },
  {
    implementation: 'envoy-gateway',
    capability: 'frontend-mtls',
    answer: 'yes',
    statement:
      'Yes: Envoy Gateway v1.9.0 supports and passes `GatewayFrontendClientCertificateValidation` (client-certificate validation on the Gateway) in its Gateway API v1.6.1 conformance report.',
    source: SOURCES.envoyGatewayConformance,
    checkedAgainst: ENVOY_GATEWAY_CHECKED,
  },
  {
    implementation: 'nginx-gateway-fabric',
    capability: 'tcp-route',
    answer: 'yes',
    statement:
      'Yes: NGINX Gateway Fabric (2.7.0) passes the GATEWAY-TCP conformance profile (TCPRoute) in its Gateway API v1.6 report.',
    source: SOURCES.ngfConformance,
    checkedAgainst: 'NGINX Gateway Fabric 2.7.0 conformance report for Gateway API v1.6.1',
  },
  {
    implementation: 'nginx-gateway-fabric',
    capability: 'udp-route',
    answer: 'yes',
    statement:
      'Yes: NGINX Gateway Fabric (2.7.0) passes the GATEWAY-UDP conformance profile (UDPRoute) in its Gateway API v1.6 report.',
    source: SOURCES.ngfConformance,
    checkedAgainst: 'NGINX Gateway Fabric 2.7.0 conformance report for Gateway API v1.6.1',
  },
  {
    implementation: 'traefik',
    capability: 'tcp-route',
    answer: 'partly',
    statement:
      "Partly: Traefik's entry in the Gateway API implementations list says it supports TCPRoute from the Experimental channel, and its v1.6 conformance report (v3.7.10) has no TCP profile.",
    alternative:
      'Install the experimental-channel CRDs and check the Traefik version you run, or use a LoadBalancer Service for the TCP port.',
    source: SOURCES.implementations,
    checkedAgainst:
      'Gateway API implementations list (main, 2026-08-20) and Traefik v3.7.10 conformance report',
  },
];
