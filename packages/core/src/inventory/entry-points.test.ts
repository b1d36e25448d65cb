import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadManifests, type SourceFile } from '../manifests/load.js';
import { analyze } from '../report/analyze.js';
import { consolidationGroups } from './consolidation.js';
import { imageRepository, isImage } from './entry-points.js';
import { buildInventory } from './inventory.js';
import type { LoadBalancerView } from './views.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The YAML files of `test/fixtures/entry-points/<name>`. */
function fixture(name: string): SourceFile[] {
  const dir = join('test', 'fixtures', 'entry-points', name);
  return readdirSync(join(ROOT, dir))
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ path: `${dir}/${file}`, text: readFileSync(join(ROOT, dir, file), 'utf8') }));
}

const inventoryOf = (text: string) => buildInventory(loadManifests([{ path: 'set.yaml', text }]));

/** Each load balancer as `namespace/name role controller`. */
function roles(loadBalancers: readonly LoadBalancerView[]): string[] {
  return loadBalancers.map(
    (lb) =>
      `${lb.object.namespace ?? ''}/${lb.object.name} ${lb.role}${lb.controller ? ` ${lb.controller.id}` : ''}`,
  );
}

const service = (name: string, namespace: string, extra: { labels?: string; selector?: string } = {}) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}${extra.labels ? `\n  labels:\n${extra.labels}` : ''}
spec:
  type: LoadBalancer${extra.selector ? `\n  selector:\n${extra.selector}` : ''}
  ports:
  - {name: http, port: 80}
  - {name: https, port: 443}
`;

const deployment = (name: string, namespace: string, labels: string, containers: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
${labels.replace(/^/gm, '  ')}
  template:
    metadata:
      labels:
${labels.replace(/^/gm, '    ')}
    spec:
      containers:
${containers}
`;

/** A LoadBalancer selecting a Deployment whose one container runs `image`. */
const runs = (image: string, name = 'edge', namespace = 'edge') =>
  service(name, namespace, { selector: `    app: ${name}` }) +
  deployment(name, namespace, `    app: ${name}`, `      - {name: main, image: "${image}"}`);

describe('imageRepository', () => {
  it.each([
    ['registry.k8s.io/ingress-nginx/controller:v1.15.1', 'ingress-nginx/controller'],
    [
      'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1',
      'ingress-nginx/controller',
    ],
    [
      'registry.k8s.io/ingress-nginx/controller@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1',
      'ingress-nginx/controller',
    ],
    ['traefik:v3.5', 'traefik'],
    ['traefik', 'traefik'],
    ['docker.io/traefik:v3.5.3', 'traefik'],
    ['docker.io/library/traefik:v3.5.3', 'traefik'],
    ['localhost:5000/traefik:dev', 'traefik'],
    ['localhost/kong:3.9', 'kong'],
    ['harbor.example.com:8443/mirror/ingress-nginx/controller:v1.12.0', 'mirror/ingress-nginx/controller'],
    ['ghcr.io/nginx/nginx-gateway-fabric/nginx:2.1.0', 'nginx/nginx-gateway-fabric/nginx'],
    ['nginx/nginx-ingress:5.2.0-ubi', 'nginx/nginx-ingress'],
    ['Quay.io/JCMoraisJR/haproxy-ingress:v0.15.0', 'jcmoraisjr/haproxy-ingress'],
  ])('%s → %s', (image, repository) => {
    expect(imageRepository(image)).toBe(repository);
  });

  it('matches a known image under a mirror prefix, on whole path segments only', () => {
    expect(isImage('mirror/ingress-nginx/controller', 'ingress-nginx/controller')).toBe(true);
    expect(isImage('ingress-nginx/controller', 'ingress-nginx/controller')).toBe(true);
    expect(isImage('acme/my-ingress-nginx/controller', 'ingress-nginx/controller')).toBe(false);
    expect(isImage('acme/traefik-dashboard', 'traefik')).toBe(false);
  });
});

describe('entry points by image', () => {
  it.each([
    [
      'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1',
      'ingress-nginx',
    ],
    ['k8s.gcr.io/ingress-nginx/controller:v0.44.0', 'ingress-nginx'],
    ['registry.k8s.io/ingress-nginx/controller-chroot:v1.11.2', 'ingress-nginx'],
    ['quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.30.0', 'ingress-nginx'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/ingress-nginx/controller:v1.12.1', 'ingress-nginx'],
    ['traefik:v3.5', 'traefik'],
    ['docker.io/traefik:v3.5.3', 'traefik'],
    ['ghcr.io/traefik/traefik-hub:v3.18.0', 'traefik'],
    ['nginx/nginx-ingress:5.2.0', 'nginx-ingress'],
    ['private-registry.nginx.com/nginx-ic/nginx-plus-ingress:5.2.0', 'nginx-ingress'],
    ['kong:3.9', 'kong'],
    ['kong/kong-gateway:3.10.0.0', 'kong'],
    ['haproxytech/kubernetes-ingress:3.1.5', 'haproxy-kubernetes-ingress'],
    ['quay.io/jcmoraisjr/haproxy-ingress:v0.15.0', 'haproxy-ingress'],
    ['docker.io/emissaryingress/emissary:3.10.0', 'emissary'],
    ['docker.io/datawire/aes:3.12.7', 'emissary'],
    ['registry.opensource.zalan.do/teapot/skipper:v0.22.0', 'skipper'],
    ['apache/apisix:3.13.0-debian', 'apisix'],
    ['quay.io/solo-io/gloo-envoy-wrapper:1.19.0', 'gloo'],
    ['cr.kgateway.dev/kgateway-dev/envoy-wrapper:v2.1.1', 'kgateway'],
    ['ghcr.io/nginx/nginx-gateway-fabric/nginx:2.1.0', 'nginx-gateway-fabric'],
    ['ghcr.io/projectcontour/contour:v1.33.0', 'contour'],
    ['docker.io/envoyproxy/envoy:distroless-v1.35.3', 'envoy'],
  ])('%s is %s', (image, id) => {
    const [lb] = inventoryOf(runs(image)).loadBalancers;
    expect(lb?.role).toBe('entry-point');
    expect(lb?.controller?.id).toBe(id);
    expect(lb?.roleReason).toMatch(/^Deployment edge\/edge runs /);
  });

  it('shows the image without its digest in the reason', () => {
    const [lb] = inventoryOf(
      runs(
        'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1',
      ),
    ).loadBalancers;
    expect(lb?.controller).toEqual({ id: 'ingress-nginx', name: 'ingress-nginx' });
    expect(lb?.roleReason).toBe('Deployment edge/edge runs image registry.k8s.io/ingress-nginx/controller');
  });

  it('leaves apps alone, whatever their image is called', () => {
    for (const image of [
      'nginx:1.29',
      'ghcr.io/acme/traefik-dashboard:1.0',
      'haproxy:3.2',
      'acme/ingress:1',
    ]) {
      expect(roles(inventoryOf(runs(image)).loadBalancers)).toEqual(['edge/edge app']);
    }
  });

  it('takes an Envoy or Istio proxy next to an app container for a sidecar', () => {
    const text =
      service('api', 'shop', { selector: '    app: api' }) +
      deployment(
        'api',
        'shop',
        '    app: api',
        '      - {name: api, image: ghcr.io/acme/api:1}\n      - {name: envoy, image: envoyproxy/envoy:v1.35.3}\n      - {name: istio-proxy, image: docker.io/istio/proxyv2:1.27.1}',
      );
    expect(roles(inventoryOf(text).loadBalancers)).toEqual(['shop/api app']);
  });

  it("recognises Istio's gateway chart: image auto, injected, with the istio pod label of a custom release", () => {
    const text =
      service('istio-ingress', 'istio-ingress', { selector: '    app: istio-ingress\n    istio: ingress' }) +
      deployment(
        'istio-ingress',
        'istio-ingress',
        '    app: istio-ingress\n    istio: ingress',
        '      - {name: istio-proxy, image: auto}',
      );
    const [lb] = inventoryOf(text).loadBalancers;
    expect(lb?.controller?.id).toBe('istio');
    expect(lb?.roleReason).toBe(
      'Deployment istio-ingress/istio-ingress runs the Istio proxy (image: auto) with pod label istio=ingress',
    );
  });

  it('does not take an Istio waypoint, though Istio created it for a Gateway, for an entry point', () => {
    const text = service('waypoint', 'bookinfo', {
      labels:
        '    gateway.networking.k8s.io/gateway-name: waypoint\n    gateway.istio.io/managed: istio.io-mesh-controller',
    });
    expect(roles(inventoryOf(text).loadBalancers)).toEqual(['bookinfo/waypoint app']);
  });

  it("does not take Istio's egress gateway for an entry point", () => {
    const text =
      service('istio-egressgateway', 'istio-system', {
        selector: '    app: istio-egressgateway\n    istio: egressgateway',
      }) +
      deployment(
        'istio-egressgateway',
        'istio-system',
        '    app: istio-egressgateway\n    istio: egressgateway',
        '      - {name: istio-proxy, image: docker.io/istio/proxyv2:1.27.1}',
      );
    expect(roles(inventoryOf(text).loadBalancers)).toEqual(['istio-system/istio-egressgateway app']);
  });

  it('recognises Contour by its shutdown manager next to Envoy, and Envoy Gateway by its own', () => {
    const contour =
      service('envoy', 'projectcontour', { selector: '    app: envoy' }) +
      deployment(
        'envoy',
        'projectcontour',
        '    app: envoy',
        '      - {name: shutdown-manager, image: ghcr.io/projectcontour/contour:v1.33.0}\n      - {name: envoy, image: docker.io/envoyproxy/envoy:distroless-v1.35.3}',
      );
    const envoyGateway =
      service('envoy-default-eg-e41e7b31', 'envoy-gateway-system', { selector: '    app: envoy-eg' }) +
      deployment(
        'envoy-default-eg-e41e7b31',
        'envoy-gateway-system',
        '    app: envoy-eg',
        '      - {name: envoy, image: docker.io/envoyproxy/envoy:distroless-v1.35.3}\n      - {name: shutdown-manager, image: docker.io/envoyproxy/gateway:v1.5.1}',
      );
    expect(roles(inventoryOf(contour + envoyGateway).loadBalancers)).toEqual([
      'projectcontour/envoy entry-point contour',
      'envoy-gateway-system/envoy-default-eg-e41e7b31 entry-point envoy-gateway',
    ]);
  });
});

describe('entry points by label', () => {
  it.each([
    [
      '    app.kubernetes.io/name: ingress-nginx\n    app.kubernetes.io/component: controller',
      'ingress-nginx',
    ],
    ['    app.kubernetes.io/name: traefik\n    app.kubernetes.io/instance: traefik-traefik', 'traefik'],
    ['    istio: ingressgateway', 'istio'],
    ['    app: istio-ingressgateway', 'istio'],
    ['    app.kubernetes.io/name: nginx-ingress', 'nginx-ingress'],
    ['    app.kubernetes.io/name: kong\n    app.kubernetes.io/component: app', 'kong'],
    ['    app: proxy-kong', 'kong'],
    ['    app.kubernetes.io/name: contour', 'contour'],
    ['    run: haproxy-ingress', 'haproxy-kubernetes-ingress'],
    ['    gloo: gateway-proxy', 'gloo'],
    ['    application: skipper-ingress', 'skipper'],
  ])('the selector %s', (selector, id) => {
    // No workload in the set: the selector alone tells.
    const [lb] = inventoryOf(service('edge', 'edge', { selector })).loadBalancers;
    expect(lb?.controller?.id).toBe(id);
    expect(lb?.roleReason).toMatch(/in its selector$/);
  });

  it('reads the labels of the Service and of the pods it selects', () => {
    const onService = inventoryOf(
      service('edge', 'edge', { labels: '    app.kubernetes.io/name: traefik', selector: '    app: edge' }),
    );
    expect(onService.loadBalancers[0]?.roleReason).toBe(
      'label app.kubernetes.io/name=traefik on the Service',
    );
    const onPods = inventoryOf(
      service('edge', 'edge', { selector: '    app: edge' }) +
        deployment(
          'edge',
          'edge',
          '    app: edge\n    istio: ingressgateway',
          '      - {name: main, image: auto}',
        ),
    );
    expect(onPods.loadBalancers[0]?.roleReason).toBe(
      'label istio=ingressgateway on the pods of Deployment edge/edge',
    );
  });

  it("does not take ingress-nginx's default backend for the controller", () => {
    const text = service('ingress-nginx-defaultbackend', 'ingress-nginx', {
      selector: '    app.kubernetes.io/name: ingress-nginx\n    app.kubernetes.io/component: default-backend',
    });
    expect(roles(inventoryOf(text).loadBalancers)).toEqual([
      'ingress-nginx/ingress-nginx-defaultbackend app',
    ]);
  });

  it('recognises the Services Gateway API implementations create for a Gateway', () => {
    // As a cluster export holds them: no selector of the set's workloads (or none at all).
    const generic = service('eg-example', 'infra', {
      labels: '    gateway.networking.k8s.io/gateway-name: eg',
    });
    const envoyGateway = service('envoy-infra-public-3f2a1b9c', 'envoy-gateway-system', {
      labels:
        '    gateway.networking.k8s.io/gateway-name: public\n    gateway.envoyproxy.io/owning-gateway-name: public\n    gateway.envoyproxy.io/owning-gateway-namespace: infra',
      selector: '    app.kubernetes.io/name: envoy\n    app.kubernetes.io/component: proxy',
    });
    const istio = service('public-istio', 'infra', {
      labels:
        '    gateway.networking.k8s.io/gateway-name: public\n    gateway.istio.io/managed: istio.io-gateway-controller',
    });
    const cilium = service('cilium-gateway-public', 'infra', {
      labels:
        '    gateway.networking.k8s.io/gateway-name: public\n    io.cilium.gateway/owning-gateway: public',
    });
    const inventory = inventoryOf(generic + envoyGateway + istio + cilium);
    expect(roles(inventory.loadBalancers)).toEqual([
      'infra/eg-example entry-point gateway-api',
      'envoy-gateway-system/envoy-infra-public-3f2a1b9c entry-point envoy-gateway',
      'infra/public-istio entry-point istio',
      'infra/cilium-gateway-public entry-point cilium',
    ]);
    expect(inventory.loadBalancers[0]?.roleReason).toBe(
      'label gateway.networking.k8s.io/gateway-name=eg on the Service: created for Gateway eg',
    );
  });

  it("recognises Cilium's shared ingress Service, which has no selector", () => {
    const text = service('cilium-ingress', 'kube-system', {
      labels: '    cilium.io/ingress: "true"\n    app.kubernetes.io/part-of: cilium',
    });
    expect(roles(inventoryOf(text).loadBalancers)).toEqual(['kube-system/cilium-ingress entry-point cilium']);
  });
});

describe('entry points by name, the weakest signal', () => {
  it('takes the Service names of standard installs, in their namespace where the name is common', () => {
    const text =
      service('ingress-nginx-controller', 'ingress', { selector: '    app: nginx' }) +
      service('envoy', 'projectcontour', { selector: '    app: envoy' }) +
      service('envoy', 'shop', { selector: '    app: envoy' }) +
      service('kong-proxy', 'kong', { selector: '    app: gateway' });
    const inventory = inventoryOf(text);
    expect(roles(inventory.loadBalancers)).toEqual([
      'ingress/ingress-nginx-controller entry-point ingress-nginx',
      'projectcontour/envoy entry-point contour',
      'shop/envoy app',
      'kong/kong-proxy entry-point kong',
    ]);
    expect(inventory.loadBalancers[0]?.roleReason).toBe(
      'named like the Service of the standard ingress-nginx install (ingress/ingress-nginx-controller)',
    );
  });
});

describe('entry points with Kustomize', () => {
  it('recognises a controller Service that an overlay turns into a LoadBalancer, by the selector of its base', () => {
    const report = analyze([
      {
        path: 'base/controller.yaml',
        text:
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: edge\n  namespace: edge\nspec:\n  selector: {app: edge}\n  ports:\n  - {name: http, port: 80}\n' +
          deployment('edge', 'edge', '    app: edge', '      - {name: traefik, image: "traefik:v3.5"}'),
      },
      { path: 'base/kustomization.yaml', text: 'resources:\n- controller.yaml\n' },
      { path: 'prod/kustomization.yaml', text: 'resources:\n- ../base\npatches:\n- path: lb.yaml\n' },
      {
        path: 'prod/lb.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: edge\n  namespace: edge\nspec:\n  type: LoadBalancer\n',
      },
    ]);
    expect(
      report.loadBalancers.map((lb) => [lb.unit, `${lb.namespace}/${lb.name}`, lb.role, lb.controller?.id]),
    ).toEqual([['kustomize:prod', 'edge/edge', 'entry-point', 'traefik']]);
  });
});

describe('the entry-points fixture', () => {
  it('recognises ingress-nginx from its official deploy manifest, and leaves the apps (one with an Envoy sidecar) alone', () => {
    const inventory = buildInventory(loadManifests(fixture('cluster')));
    expect(roles(inventory.loadBalancers)).toEqual([
      'ingress-nginx/ingress-nginx-controller entry-point ingress-nginx',
      'shop/storefront app',
      'shop/checkout-api app',
    ]);
    const groups = consolidationGroups(inventory);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.loadBalancers.map((lb) => lb.object.name)).toEqual(['storefront', 'checkout-api']);
    expect(groups[0]?.entryPoint?.object.name).toBe('ingress-nginx-controller');
    expect(groups[0]?.existingEntryPoint).toBe(
      'the existing ingress-nginx controller (Service ingress-nginx/ingress-nginx-controller)',
    );
    expect(groups[0]?.existingKind).toBe('ingress');
  });

  it('recognises Traefik and the Istio ingress gateway, and not a meshed app', () => {
    expect(roles(buildInventory(loadManifests(fixture('traefik'))).loadBalancers)).toEqual([
      'traefik/traefik entry-point traefik',
      'traefik/whoami app',
    ]);
    const istio = buildInventory(loadManifests(fixture('istio')));
    expect(roles(istio.loadBalancers)).toEqual([
      'istio-system/istio-ingressgateway entry-point istio',
      'bookinfo/reviews app',
    ]);
    // Its status port is not classified: it is joined all the same, for its HTTP ports.
    expect(consolidationGroups(istio)[0]?.entryPoint?.object.name).toBe('istio-ingressgateway');
  });

  it('never groups an entry point, even when it is the only HTTP load balancer next to an Ingress', () => {
    const inventory = buildInventory(
      loadManifests([
        ...fixture('cluster').filter((file) => file.path.endsWith('ingress-nginx.yaml')),
        {
          path: 'ingress.yaml',
          text: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n',
        },
      ]),
    );
    expect(consolidationGroups(inventory)).toEqual([]);
  });
});
