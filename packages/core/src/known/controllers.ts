/**
 * Ingress and Gateway controllers whose LoadBalancer Service is a cluster's entry point, and how
 * their official install manifests and Helm charts let us recognise them: the images their pods run,
 * the labels they put on their pods and Services, and the names of their standard Services. Read by
 * `inventory/entry-points.ts`. Each entry names what it was checked against.
 *
 * Images are matched on their repository path, whatever the registry, tag or digest, and also under
 * a mirror's prefix (`registry.example.com/mirror/ingress-nginx/controller`).
 */

/** What routing API a controller serves, so advice can say how an app joins it. */
export type ControllerServes = 'ingress' | 'gateway-api';

/** Labels that mark a controller's pods or Services; every key must match. */
export interface LabelSignal {
  /** Label key to value; `ANY_VALUE` accepts every value of the key. */
  readonly labels: Readonly<Record<string, string>>;
  /** `app.kubernetes.io/component` values that mean another part of the install (a webhook, a default backend). */
  readonly notComponents?: readonly string[];
}

/** A label value that matches any value: the key alone is the signal. */
export const ANY_VALUE = '*';

export interface KnownController {
  /** Stable id: `ingress-nginx`, `traefik`, `istio`... */
  readonly id: string;
  /** How messages name it. */
  readonly name: string;
  /** The routing APIs it serves, the one its users mostly write first. */
  readonly serves: readonly ControllerServes[];
  /** Repository paths of images that are the controller or its proxy: any one recognises it. */
  readonly images: readonly string[];
  /**
   * Images of a general-purpose proxy (Envoy, Istio's proxy): they recognise the controller only
   * when the pod runs nothing but known controller images, or carries one of `proxyPodLabelKeys`;
   * next to an application container they are a sidecar.
   */
  readonly proxyImages?: readonly string[];
  /** Pod label keys that, with a proxy image, mark a gateway (Istio's gateway charts set `istio`). */
  readonly proxyPodLabelKeys?: readonly string[];
  /** Labels on the Service, its selector or its pods. */
  readonly labels: readonly LabelSignal[];
  /** Labels that mean a part of the install that is not an entry point (an egress gateway): never one. */
  readonly notLabels?: readonly LabelSignal[];
  /**
   * Service names of the standard install, a weaker signal: with a namespace, only there; with
   * `null`, in any namespace (names distinctive enough on their own, or that a Helm release prefixes).
   */
  readonly services: ReadonlyArray<{ readonly namespace: string | null; readonly name: string }>;
  /** `spec.controller` of the IngressClass it installs, when it serves Ingresses. */
  readonly ingressClassControllers?: readonly string[];
  /** Said next to advice that routes more traffic through it. */
  readonly caveat?: string;
}

/** The standard label Gateway API implementations put on what they create for a Gateway (GEP-1762). */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/** What an entry point recognised only by `GATEWAY_NAME_LABEL` is called. */
export const GATEWAY_API_IMPLEMENTATION: KnownController = {
  id: 'gateway-api',
  name: 'Gateway API implementation',
  serves: ['gateway-api'],
  images: [],
  labels: [],
  services: [],
};

const NAME = 'app.kubernetes.io/name';

export const KNOWN_CONTROLLERS: readonly KnownController[] = [
  {
    // kubernetes/ingress-nginx deploy/static/provider/cloud/deploy.yaml (v1.15.1): Deployment and
    // LoadBalancer Service ingress-nginx-controller in namespace ingress-nginx, image
    // registry.k8s.io/ingress-nginx/controller, labels app.kubernetes.io/name: ingress-nginx and
    // app.kubernetes.io/component: controller; the chart's `controller.image.chroot` adds `-chroot`.
    // Before v0.34 the image was quay.io/kubernetes-ingress-controller/nginx-ingress-controller.
    id: 'ingress-nginx',
    name: 'ingress-nginx',
    serves: ['ingress'],
    images: [
      'ingress-nginx/controller',
      'ingress-nginx/controller-chroot',
      'kubernetes-ingress-controller/nginx-ingress-controller',
    ],
    labels: [
      { labels: { [NAME]: 'ingress-nginx' }, notComponents: ['default-backend', 'admission-webhook'] },
    ],
    services: [
      { namespace: null, name: 'ingress-nginx-controller' },
      { namespace: null, name: 'ingress-nginx-controller-internal' },
    ],
    ingressClassControllers: ['k8s.io/ingress-nginx'],
    caveat:
      'ingress-nginx itself was retired in March 2026 (see ingress-nginx-retired): whatever joins it moves again with it.',
  },
  {
    // nginx/kubernetes-ingress deployments/deployment/nginx-ingress.yaml and the nginx-ingress chart:
    // image nginx/nginx-ingress (NGINX Plus: nginx-ic/nginx-plus-ingress), pod labels
    // app: nginx-ingress and app.kubernetes.io/name: nginx-ingress, namespace nginx-ingress.
    id: 'nginx-ingress',
    name: 'NGINX Ingress Controller',
    serves: ['ingress'],
    images: ['nginx/nginx-ingress', 'nginx-ic/nginx-plus-ingress'],
    labels: [{ labels: { [NAME]: 'nginx-ingress' } }],
    services: [{ namespace: 'nginx-ingress', name: 'nginx-ingress' }],
    ingressClassControllers: ['nginx.org/ingress-controller'],
  },
  {
    // traefik/traefik-helm-chart: image docker.io/traefik (Traefik Hub: ghcr.io/traefik/traefik-hub),
    // selector labels app.kubernetes.io/name: traefik, IngressClass controller traefik.io/ingress-controller.
    id: 'traefik',
    name: 'Traefik',
    serves: ['ingress', 'gateway-api'],
    images: ['traefik', 'traefik/traefik-hub'],
    labels: [{ labels: { [NAME]: 'traefik' } }],
    services: [{ namespace: 'traefik', name: 'traefik' }],
    ingressClassControllers: ['traefik.io/ingress-controller'],
  },
  {
    // istio/istio manifests/charts/gateway: the gateway runs Istio's proxy (`image: auto`, injected
    // as docker.io/istio/proxyv2), selector labels app: istio-ingressgateway and istio: ingressgateway
    // by default (`istio: <release without istio->` otherwise). Services Istio creates for a Gateway
    // API Gateway carry gateway.istio.io/managed (istio-discovery files/kube-gateway.yaml). The egress
    // gateway and waypoints are no entry points.
    id: 'istio',
    name: 'Istio ingress gateway',
    serves: ['gateway-api', 'ingress'],
    images: [],
    proxyImages: ['istio/proxyv2'],
    proxyPodLabelKeys: ['istio'],
    labels: [
      { labels: { istio: 'ingressgateway' } },
      { labels: { app: 'istio-ingressgateway' } },
      { labels: { 'gateway.istio.io/managed': ANY_VALUE } },
    ],
    notLabels: [
      { labels: { istio: 'egressgateway' } },
      { labels: { app: 'istio-egressgateway' } },
      // Waypoints (istio-discovery files/waypoint.yaml, agentgateway-waypoint.yaml) carry mesh traffic.
      { labels: { 'gateway.istio.io/managed': 'istio.io-mesh-controller' } },
      { labels: { 'gateway.istio.io/managed': 'istio.io-agentgateway-waypoint-controller' } },
    ],
    services: [{ namespace: null, name: 'istio-ingressgateway' }],
  },
  {
    // envoyproxy/gateway: the proxies it creates run docker.io/envoyproxy/envoy with a
    // shutdown-manager of docker.io/envoyproxy/gateway, labelled app.kubernetes.io/name: envoy,
    // app.kubernetes.io/component: proxy, app.kubernetes.io/managed-by: envoy-gateway and
    // gateway.envoyproxy.io/owning-gateway-name (internal/infrastructure/kubernetes/proxy/resource.go,
    // internal/gatewayapi/translator.go).
    id: 'envoy-gateway',
    name: 'Envoy Gateway',
    serves: ['gateway-api'],
    images: ['envoyproxy/gateway'],
    labels: [
      { labels: { 'gateway.envoyproxy.io/owning-gateway-name': ANY_VALUE } },
      { labels: { 'app.kubernetes.io/managed-by': 'envoy-gateway' } },
    ],
    services: [],
  },
  {
    // projectcontour/contour examples/render/contour.yaml: LoadBalancer Service envoy in namespace
    // projectcontour selecting the envoy DaemonSet (docker.io/envoyproxy/envoy next to a
    // shutdown-manager of ghcr.io/projectcontour/contour); the Gateway provisioner labels
    // app.kubernetes.io/name: contour and projectcontour.io/owning-gateway-name.
    id: 'contour',
    name: 'Contour',
    serves: ['ingress', 'gateway-api'],
    images: ['projectcontour/contour'],
    labels: [
      { labels: { [NAME]: 'contour' } },
      { labels: { 'projectcontour.io/owning-gateway-name': ANY_VALUE } },
    ],
    services: [{ namespace: 'projectcontour', name: 'envoy' }],
    ingressClassControllers: ['projectcontour.io/ingress-controller'],
  },
  {
    // Kong/kubernetes-ingress-controller deploy/single/all-in-one-dbless.yaml (until 3.0): LoadBalancer
    // Service kong-proxy in namespace kong selecting app: proxy-kong, image kong; Kong/charts selector
    // labels app.kubernetes.io/name: kong; Enterprise image kong/kong-gateway.
    id: 'kong',
    name: 'Kong',
    serves: ['ingress', 'gateway-api'],
    images: ['kong', 'kong/kong-gateway', 'kong/kubernetes-ingress-controller'],
    labels: [{ labels: { [NAME]: 'kong' } }, { labels: { app: 'proxy-kong' } }],
    services: [{ namespace: 'kong', name: 'kong-proxy' }],
    ingressClassControllers: ['ingress-controllers.konghq.com/kong'],
  },
  {
    // haproxytech/kubernetes-ingress deploy/haproxy-ingress.yaml: image haproxytech/kubernetes-ingress,
    // label run: haproxy-ingress, Service haproxy-kubernetes-ingress in namespace haproxy-controller.
    id: 'haproxy-kubernetes-ingress',
    name: 'HAProxy Kubernetes Ingress Controller',
    serves: ['ingress'],
    images: ['haproxytech/kubernetes-ingress'],
    labels: [{ labels: { run: 'haproxy-ingress' } }],
    services: [{ namespace: null, name: 'haproxy-kubernetes-ingress' }],
  },
  {
    // jcmoraisjr/haproxy-ingress release notes: images quay.io/jcmoraisjr/haproxy-ingress and
    // docker.io/jcmoraisjr/haproxy-ingress; haproxy-ingress/charts selector labels
    // app.kubernetes.io/name: haproxy-ingress (the default backend's name has a suffix).
    id: 'haproxy-ingress',
    name: 'HAProxy Ingress',
    serves: ['ingress'],
    images: ['jcmoraisjr/haproxy-ingress'],
    labels: [{ labels: { [NAME]: 'haproxy-ingress' } }],
    services: [],
  },
  {
    // emissary-ingress/emissary charts/emissary-ingress: default image docker.io/datawire/ambassador
    // (releases: docker.io/emissaryingress/emissary; Edge Stack: docker.io/datawire/aes), Service
    // named after the release with app.kubernetes.io/component: ambassador-service.
    id: 'emissary',
    name: 'Emissary-ingress',
    serves: ['ingress'],
    images: ['emissaryingress/emissary', 'datawire/ambassador', 'datawire/aes'],
    labels: [
      { labels: { [NAME]: 'emissary-ingress' } },
      { labels: { 'app.kubernetes.io/component': 'ambassador-service' } },
    ],
    services: [{ namespace: null, name: 'emissary-ingress' }],
  },
  {
    // zalando/skipper docs (Kubernetes deployment): image registry.opensource.zalan.do/teapot/skipper,
    // labels application: skipper-ingress (app: skipper-ingress in the quick start).
    id: 'skipper',
    name: 'Skipper',
    serves: ['ingress'],
    images: ['teapot/skipper'],
    labels: [{ labels: { application: 'skipper-ingress' } }, { labels: { app: 'skipper-ingress' } }],
    services: [],
  },
  {
    // apache/apisix-helm-chart: gateway image apache/apisix (ingress controller:
    // apache/apisix-ingress-controller), Service apisix-gateway labelled app.kubernetes.io/name: apisix
    // and app.kubernetes.io/service: apisix-gateway (APISIX docs, Prometheus ServiceMonitor example).
    id: 'apisix',
    name: 'Apache APISIX',
    serves: ['ingress', 'gateway-api'],
    images: ['apache/apisix', 'apache/apisix-ingress-controller'],
    labels: [{ labels: { 'app.kubernetes.io/service': 'apisix-gateway' } }, { labels: { [NAME]: 'apisix' } }],
    services: [{ namespace: null, name: 'apisix-gateway' }],
  },
  {
    // solo-io/gloo: Service gateway-proxy in namespace gloo-system, label gloo: gateway-proxy,
    // image quay.io/solo-io/gloo-envoy-wrapper; kgateway: cr.kgateway.dev/kgateway-dev/envoy-wrapper.
    id: 'gloo',
    name: 'Gloo Gateway',
    serves: ['gateway-api'],
    images: ['solo-io/gloo-envoy-wrapper'],
    labels: [{ labels: { gloo: 'gateway-proxy' } }],
    services: [{ namespace: 'gloo-system', name: 'gateway-proxy' }],
  },
  {
    id: 'kgateway',
    name: 'kgateway',
    serves: ['gateway-api'],
    images: ['kgateway-dev/envoy-wrapper'],
    labels: [],
    services: [],
  },
  {
    // nginx/nginx-gateway-fabric deploy/default/deploy.yaml: control plane ghcr.io/nginx/nginx-gateway-fabric,
    // data plane ghcr.io/nginx/nginx-gateway-fabric/nginx (ghcr.io/nginxinc/... before 2.0, when one
    // LoadBalancer Service nginx-gateway in namespace nginx-gateway fronted both).
    id: 'nginx-gateway-fabric',
    name: 'NGINX Gateway Fabric',
    serves: ['gateway-api'],
    images: [
      'nginx/nginx-gateway-fabric',
      'nginx/nginx-gateway-fabric/nginx',
      'nginxinc/nginx-gateway-fabric',
      'nginxinc/nginx-gateway-fabric/nginx',
    ],
    labels: [{ labels: { [NAME]: 'nginx-gateway' } }],
    services: [{ namespace: 'nginx-gateway', name: 'nginx-gateway' }],
  },
  {
    // cilium/cilium templates/cilium-ingress-service.yaml and cilium-ingress-class.yaml: LoadBalancer
    // Service cilium-ingress in kube-system, no selector (Cilium's Envoy serves it), labelled
    // cilium.io/ingress: "true"; IngressClass cilium (cilium.io/ingress-controller); Services for
    // Gateways carry io.cilium.gateway/owning-gateway.
    id: 'cilium',
    name: 'Cilium',
    serves: ['ingress', 'gateway-api'],
    images: [],
    labels: [
      { labels: { 'cilium.io/ingress': 'true' } },
      { labels: { 'io.cilium.gateway/owning-gateway': ANY_VALUE } },
    ],
    services: [{ namespace: 'kube-system', name: 'cilium-ingress' }],
    ingressClassControllers: ['cilium.io/ingress-controller'],
  },
  {
    // A plain Envoy in front of several backends is an entry point too; next to an application
    // container it is a sidecar (`proxyImages`). Listed after Envoy Gateway and Contour, which run it.
    id: 'envoy',
    name: 'Envoy proxy',
    serves: [],
    images: [],
    proxyImages: ['envoyproxy/envoy'],
    labels: [],
    services: [],
  },
];

/** A known controller by id (the generic Gateway API implementation included). */
export function controllerById(id: string): KnownController | undefined {
  return id === GATEWAY_API_IMPLEMENTATION.id
    ? GATEWAY_API_IMPLEMENTATION
    : KNOWN_CONTROLLERS.find((controller) => controller.id === id);
}
