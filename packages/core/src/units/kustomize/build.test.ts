import { describe, expect, it } from 'vitest';
import type { PlacedObject, RenderResult } from '../placed.js';
import { buildKustomization } from './build.js';
import { encodedForHash, nameHash } from './hash.js';

/** A files map from `path: text` pairs; texts are dedented so tests can indent them. */
function tree(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, text]) => [path, dedent(text)]));
}

function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0),
  );
  return lines.map((line) => line.slice(indent)).join('\n');
}

function find(result: RenderResult, kind: string, name: string): PlacedObject {
  const found = result.objects.find(
    (object) => object.value.kind === kind && (object.value.metadata as { name?: string }).name === name,
  );
  if (found === undefined) {
    throw new Error(
      `no ${kind} ${name} in ${result.objects.map((object) => `${object.value.kind}/${nameOf(object)}`)}`,
    );
  }
  return found;
}

function nameOf(object: PlacedObject): string {
  return (object.value.metadata as { name: string }).name;
}

function names(result: RenderResult): string[] {
  return result.objects.map((object) => `${object.value.kind}/${nameOf(object)}`);
}

const BASE = {
  'base/kustomization.yaml': `
    resources:
      - deployment.yaml
      - service.yaml
      - ingress.yaml
  `,
  'base/deployment.yaml': `
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.25
              ports:
                - containerPort: 8080
  `,
  'base/service.yaml': `
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      type: ClusterIP
      selector:
        app: web
      ports:
        - port: 80
          targetPort: 8080
  `,
  'base/ingress.yaml': `
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: web
    spec:
      rules:
        - http:
            paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      number: 80
  `,
};

describe('buildKustomization', () => {
  it('places each object at its file, document and line', () => {
    const result = buildKustomization('base', tree(BASE));
    expect(result.status).toBe('rendered');
    expect(result.messages).toEqual([]);
    // kustomize's legacy order: Services before Deployments, the rest after.
    expect(names(result)).toEqual(['Service/web', 'Deployment/web', 'Ingress/web']);
    const service = find(result, 'Service', 'web');
    expect(service).toMatchObject({ file: 'base/service.yaml', doc: 0, line: 1 });
    expect(service.position).not.toBeNull();
    expect(service.setBy).toBeUndefined();
  });

  it('points the LoadBalancer a JSON 6902 patch file makes at the line of its value', () => {
    const files = tree({
      ...BASE,
      'overlays/prod/kustomization.yaml': `
        resources:
          - ../../base
        patches:
          - path: service-lb.yaml
            target:
              kind: Service
              name: web
      `,
      'overlays/prod/service-lb.yaml': `
        - op: replace
          path: /spec/type
          value: LoadBalancer
        - op: add
          path: /metadata/annotations
          value:
            service.beta.kubernetes.io/aws-load-balancer-type: nlb
      `,
    });
    const service = find(buildKustomization('overlays/prod', files), 'Service', 'web');
    expect((service.value.spec as { type: string }).type).toBe('LoadBalancer');
    expect(service.file).toBe('base/service.yaml');
    expect(service.setBy).toContainEqual({
      path: ['spec', 'type'],
      file: 'overlays/prod/service-lb.yaml',
      line: 3,
    });
    expect(service.setBy).toContainEqual({
      path: ['metadata', 'annotations', 'service.beta.kubernetes.io/aws-load-balancer-type'],
      file: 'overlays/prod/service-lb.yaml',
      line: 7,
    });
  });

  it('points the LoadBalancer a strategic-merge patch makes at the field in the patch', () => {
    const files = tree({
      ...BASE,
      'overlays/prod/kustomization.yaml': `
        resources: [../../base]
        patchesStrategicMerge:
          - lb.yaml
      `,
      'overlays/prod/lb.yaml': `
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: LoadBalancer
      `,
    });
    const service = find(buildKustomization('overlays/prod', files), 'Service', 'web');
    expect(service.setBy).toEqual([{ path: ['spec', 'type'], file: 'overlays/prod/lb.yaml', line: 6 }]);
  });

  it('maps the lines of an inline patch to the kustomization, else points at the entry', () => {
    const files = tree({
      ...BASE,
      'a/kustomization.yaml': `
        resources: [../base]
        patches:
          - target:
              kind: Service
            patch: |-
              - op: replace
                path: /spec/type
                value: LoadBalancer
      `,
      'b/kustomization.yaml': `
        resources: [../base]
        patches:
          - patch: "{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {type: LoadBalancer}}"
      `,
    });
    const a = find(buildKustomization('a', files), 'Service', 'web');
    expect(a.setBy).toEqual([{ path: ['spec', 'type'], file: 'a/kustomization.yaml', line: 8 }]);
    const b = find(buildKustomization('b', files), 'Service', 'web');
    expect(b.setBy).toEqual([{ path: ['spec', 'type'], file: 'b/kustomization.yaml', line: 3 }]);
  });

  it('merges lists by their keys and records only what the patch set', () => {
    const files = tree({
      ...BASE,
      'o/kustomization.yaml': `
        resources: [../base]
        patches:
          - path: containers.yaml
      `,
      'o/containers.yaml': `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: sidecar
                  image: envoy:1
                - name: web
                  image: nginx:1.27
      `,
    });
    const deployment = find(buildKustomization('o', files), 'Deployment', 'web');
    const containers = (deployment.value.spec as { template: { spec: { containers: unknown[] } } }).template
      .spec.containers;
    // Patched items first, as kustomize orders them; the existing container keeps its ports.
    expect(containers).toEqual([
      { name: 'sidecar', image: 'envoy:1' },
      { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] },
    ]);
    expect(deployment.setBy).toEqual([
      { path: ['spec', 'template', 'spec', 'containers', 0, 'name'], file: 'o/containers.yaml', line: 9 },
      { path: ['spec', 'template', 'spec', 'containers', 0, 'image'], file: 'o/containers.yaml', line: 10 },
      { path: ['spec', 'template', 'spec', 'containers', 1, 'image'], file: 'o/containers.yaml', line: 12 },
    ]);
  });

  it('keeps setBy pointing at the right item when a later patch reorders a list', () => {
    const files = tree({
      ...BASE,
      'mid/kustomization.yaml': `
        resources: [../base]
        patches:
          - target: {kind: Deployment}
            path: image.yaml
      `,
      'mid/image.yaml': `
        - op: replace
          path: /spec/template/spec/containers/0/image
          value: nginx:1.27
      `,
      'top/kustomization.yaml': `
        resources: [../mid]
        patches:
          - path: sidecar.yaml
      `,
      'top/sidecar.yaml': `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: proxy
                  image: envoy:1
      `,
    });
    const deployment = find(buildKustomization('top', files), 'Deployment', 'web');
    // kustomize puts the patched item first: the image set by mid/ is now the second container's.
    expect(deployment.setBy).toContainEqual({
      path: ['spec', 'template', 'spec', 'containers', 1, 'image'],
      file: 'mid/image.yaml',
      line: 3,
    });
    expect(deployment.setBy).toContainEqual({
      path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
      file: 'top/sidecar.yaml',
      line: 10,
    });
  });

  it("runs kustomize's built-in transformer configurations and reads `configurations`", () => {
    const files = tree({
      ...BASE,
      'o/kustomization.yaml': `
        resources: [../base, rollout.yaml]
        namePrefix: p-
        configurations: [rollout-config.yaml]
        transformers:
          - lb.yaml
          - other.yaml
      `,
      'o/lb.yaml': `
        apiVersion: builtin
        kind: PatchTransformer
        metadata: {name: lb}
        target: {kind: Service}
        patch: '[{op: replace, path: /spec/type, value: LoadBalancer}]'
      `,
      'o/other.yaml': `
        apiVersion: example.com/v1
        kind: SopsSecretGenerator
        metadata: {name: secrets}
      `,
      'o/rollout.yaml': `
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          strategy: {canary: {stableService: web}}
      `,
      'o/rollout-config.yaml': `
        nameReference:
          - kind: Service
            version: v1
            fieldSpecs:
              - path: spec/strategy/canary/stableService
                kind: Rollout
      `,
    });
    const result = buildKustomization('o', files);
    expect(result.status).toBe('approximated');
    expect(result.messages).toEqual([
      expect.stringMatching(/example\.com\/v1\/SopsSecretGenerator is not run/),
    ]);
    const service = find(result, 'Service', 'p-web');
    expect(service.value.spec).toMatchObject({ type: 'LoadBalancer' });
    expect(service.setBy).toEqual([{ path: ['spec', 'type'], file: 'o/lb.yaml', line: 5 }]);
    expect(find(result, 'Rollout', 'p-web').value.spec).toEqual({
      strategy: { canary: { stableService: 'p-web' } },
    });
  });

  it('deletes an object with `$patch: delete`, from a patch file or a component', () => {
    const files = tree({
      ...BASE,
      'dev/kustomization.yaml': `
        resources: [../base]
        patches:
          - path: no-service.yaml
      `,
      'dev/no-service.yaml': `
        $patch: delete
        apiVersion: v1
        kind: Service
        metadata:
          name: web
      `,
      'components/lb/kustomization.yaml': `
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        resources: [external.yaml]
      `,
      'components/lb/external.yaml': `
        apiVersion: v1
        kind: Service
        metadata:
          name: web-external
        spec:
          type: LoadBalancer
          ports: [{port: 80}]
      `,
      'components/private/kustomization.yaml': `
        apiVersion: kustomize.config.k8s.io/v1alpha1
        kind: Component
        patches:
        - patch: |-
            apiVersion: v1
            kind: Service
            metadata:
              name: web-external
            $patch: delete
      `,
      'public/kustomization.yaml': `
        resources: [../base]
        components: [../components/lb]
      `,
      'private/kustomization.yaml': `
        resources: [../base]
        components: [../components/lb, ../components/private]
      `,
    });
    expect(names(buildKustomization('dev', files))).toEqual(['Deployment/web', 'Ingress/web']);
    const external = find(buildKustomization('public', files), 'Service', 'web-external');
    expect(external.file).toBe('components/lb/external.yaml');
    expect(names(buildKustomization('private', files))).toEqual([
      'Service/web',
      'Deployment/web',
      'Ingress/web',
    ]);
  });

  it('selects targets by whole-name regular expressions, kind alone, and label selectors', () => {
    const files = tree({
      'app/kustomization.yaml': `
        resources: [services.yaml]
        patches:
          - target: {kind: Service, name: .*-api}
            patch: '[{op: add, path: /metadata/labels/api, value: "yes"}]'
          - target: {kind: Service}
            patch: '[{op: add, path: /spec/sessionAffinity, value: ClientIP}]'
          - target: {labelSelector: "exposure=public,tier notin (db)"}
            patch: '[{op: replace, path: /spec/type, value: LoadBalancer}]'
      `,
      'app/services.yaml': `
        apiVersion: v1
        kind: Service
        metadata: {name: cart-api, labels: {exposure: public, tier: web}}
        spec: {type: ClusterIP}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: cart-api-v2}
        spec: {type: ClusterIP}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, labels: {exposure: public, tier: db}}
        spec: {type: ClusterIP}
      `,
    });
    const result = buildKustomization('app', files);
    expect(result.status).toBe('rendered');
    const spec = (name: string) => find(result, 'Service', name).value.spec as Record<string, unknown>;
    const labels = (name: string) =>
      (find(result, 'Service', name).value.metadata as { labels?: unknown }).labels;
    expect(labels('cart-api')).toEqual({ exposure: 'public', tier: 'web', api: 'yes' });
    expect(labels('cart-api-v2')).toBeUndefined(); // `.*-api` must match the whole name
    expect(['cart-api', 'cart-api-v2', 'db'].map((name) => spec(name).sessionAffinity)).toEqual([
      'ClientIP',
      'ClientIP',
      'ClientIP',
    ]);
    expect(['cart-api', 'cart-api-v2', 'db'].map((name) => spec(name).type)).toEqual([
      'LoadBalancer',
      'ClusterIP',
      'ClusterIP',
    ]);
  });

  it('applies namespace, prefix, suffix and labels, and fixes the references to renamed objects', () => {
    const files = tree({
      ...BASE,
      'base/legacy.yaml': `
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: legacy
        spec:
          backend:
            serviceName: web
            servicePort: 80
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: web
        spec:
          rules:
            - backendRefs:
                - name: web
                  port: 80
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: placeholder
      `,
      'prod/kustomization.yaml': `
        namespace: prod
        namePrefix: prod-
        nameSuffix: -v1
        commonLabels:
          env: prod
        resources: [../base, ../base/legacy.yaml]
      `,
    });
    const result = buildKustomization('prod', files);
    // The legacy file is outside prod/: kustomize refuses files not in or below the kustomization.
    expect(result.status).toBe('error');
    expect(result.messages[0]).toMatch(/security; file 'base\/legacy\.yaml' is not in or below 'prod'/);

    files.set(
      'base/kustomization.yaml',
      dedent(`
      resources:
        - deployment.yaml
        - service.yaml
        - ingress.yaml
        - legacy.yaml
    `),
    );
    files.set(
      'prod/kustomization.yaml',
      dedent(`
      namespace: prod
      namePrefix: prod-
      nameSuffix: -v1
      commonLabels:
        env: prod
      resources: [../base]
    `),
    );
    const built = buildKustomization('prod', files);
    expect(built.status).toBe('rendered');
    const service = find(built, 'Service', 'prod-web-v1');
    expect((service.value.metadata as { namespace?: string }).namespace).toBe('prod');
    expect((service.value.spec as { selector: unknown }).selector).toEqual({ app: 'web', env: 'prod' });
    const ingress = find(built, 'Ingress', 'prod-web-v1');
    const rule = (ingress.value.spec as { rules: Array<{ http: { paths: Array<{ backend: unknown }> } }> })
      .rules[0];
    expect(rule?.http.paths[0]?.backend).toEqual({ service: { name: 'prod-web-v1', port: { number: 80 } } });
    const legacy = find(built, 'Ingress', 'prod-legacy-v1');
    expect((legacy.value.spec as { backend: unknown }).backend).toEqual({
      serviceName: 'prod-web-v1',
      servicePort: 80,
    });
    // kustomize does not follow Gateway API backendRefs: the route still names `web`.
    const route = find(built, 'HTTPRoute', 'prod-web-v1');
    expect(route.value.spec).toEqual({ rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] });
    // Cluster-scoped kinds get no namespace; a Namespace takes the kustomization's name.
    expect(find(built, 'ClusterRole', 'prod-reader-v1').value.metadata as object).not.toHaveProperty(
      'namespace',
    );
    expect(find(built, 'Namespace', 'prod').value.metadata).toEqual({
      name: 'prod',
      labels: { env: 'prod' },
    });
  });

  it("generates ConfigMaps and Secrets with kustomize's content hash, and follows it in references", () => {
    const files = tree({
      'app/kustomization.yaml': `
        resources: [deployment.yaml]
        configMapGenerator:
          - name: settings
            literals: [LOG_LEVEL=info, "GREETING=\\"hello world\\""]
            files: [app.properties]
          - name: fixed
            literals: [a=b]
            options:
              disableNameSuffixHash: true
        secretGenerator:
          - name: creds
            literals: [token=example]
      `,
      'app/app.properties': 'server.port=8080\n',
      'app/deployment.yaml': `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1
                  envFrom:
                    - configMapRef: {name: settings}
                    - secretRef: {name: creds}
      `,
    });
    const result = buildKustomization('app', files);
    expect(result.status).toBe('rendered');
    expect(names(result)).toEqual([
      'ConfigMap/fixed',
      expect.stringMatching(/^ConfigMap\/settings-[0-9a-z]{10}$/),
      expect.stringMatching(/^Secret\/creds-[0-9a-z]{10}$/),
      'Deployment/app',
    ]);
    for (const object of result.objects.slice(1, 3)) {
      expect(nameOf(object).endsWith(`-${nameHash(object.value)}`)).toBe(true);
    }
    expect(find(result, 'Secret', nameOf(result.objects[2] as PlacedObject)).value).toMatchObject({
      type: 'Opaque',
      data: { token: 'ZXhhbXBsZQ==' },
    });
    const settings = result.objects[1] as PlacedObject;
    expect(settings.value.data).toEqual({
      GREETING: 'hello world',
      LOG_LEVEL: 'info',
      'app.properties': 'server.port=8080\n',
    });
    expect(settings).toMatchObject({ file: 'app/kustomization.yaml', line: 3, position: null });
    const deployment = find(result, 'Deployment', 'app');
    const envFrom = (
      deployment.value.spec as { template: { spec: { containers: Array<{ envFrom: unknown }> } } }
    ).template.spec.containers[0]?.envFrom;
    expect(envFrom).toEqual([
      { configMapRef: { name: nameOf(settings) } },
      { secretRef: { name: nameOf(result.objects[2] as PlacedObject) } },
    ]);
  });

  it('hashes as kustomize v5.6 does (values checked against the real binary)', () => {
    const data = {
      GREETING: 'hello world',
      LOG_LEVEL: 'info',
      'app.properties': 'server.port=8080\nfeature.flags=a,b,c\n',
      'nginx.conf': 'server {\n  listen 8080;\n  location / { proxy_pass http://127.0.0.1:9000; }\n}\n',
    };
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data };
    expect(nameHash(configMap)).toBe('dftmmc9thk');
    // The name is not part of what is hashed (kustomize looks it up under a key no object has).
    expect(nameHash({ ...configMap, metadata: { name: 'other' } })).toBe('dftmmc9thk');
    expect(encodedForHash({ kind: 'ConfigMap', data: { a: '<&>' } })).toBe(
      '{"data":{"a":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap","name":""}',
    );
  });

  it('says what it cannot do: remote resources, Helm charts, replacements, unknown fields', () => {
    const files = tree({
      ...BASE,
      'o/kustomization.yaml': `
        resources:
          - ../base
          - github.com/example/platform//deploy?ref=v1.2.0
          - https://example.com/manifests/ingress-nginx.yaml
        helmCharts:
          - name: redis
            repo: https://charts.example.com
        replacements:
          - source: {kind: Service, name: web}
            targets: []
        frobnicate: true
      `,
    });
    const result = buildKustomization('o', files);
    expect(result.status).toBe('approximated');
    expect(names(result)).toEqual(['Service/web', 'Deployment/web', 'Ingress/web']);
    expect(result.messages).toHaveLength(5);
    expect(result.messages.join('\n')).toMatch(/remote resource github\.com\/example\/platform/);
    expect(result.messages.join('\n')).toMatch(/remote resource https:\/\/example\.com/);
    expect(result.messages.join('\n')).toMatch(/`helmCharts`.*install kustomize or kubectl/);
    expect(result.messages.join('\n')).toMatch(/`replacements`/);
    expect(result.messages.join('\n')).toMatch(/`frobnicate`/);
  });

  it('fails, with the reason, on a missing file, a cycle, broken YAML and a patch without target', () => {
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ 'a/kustomization.yaml': 'resources: [missing.yaml]' }, 'a', /missing\.yaml.*no such file/],
      [
        { 'a/kustomization.yaml': 'resources: [../b]', 'b/kustomization.yaml': 'resources: [../a]' },
        'a',
        /cycle detected: candidate root 'a' contains visited root 'a'/,
      ],
      [{ 'a/kustomization.yaml': 'resources: [..]' }, 'a', /cycle detected/],
      [
        { 'a/kustomization.yaml': 'resources: [x.yaml]', 'a/x.yaml': 'kind: [' },
        'a',
        /a\/x\.yaml:\d+: the YAML does not parse/,
      ],
      [
        { 'a/kustomization.yaml': 'resources: [x.yaml\n' },
        'a',
        /invalid Kustomization a\/kustomization\.yaml/,
      ],
      [{ 'a/other.yaml': 'x: 1' }, 'a', /unable to find one of 'kustomization\.yaml'/],
      [
        { 'a/kustomization.yaml': 'resources: [x.yaml]', 'a/x.yaml': 'apiVersion: v1\nkind: Service\n' },
        'a',
        /missing metadata\.name/,
      ],
      [
        {
          'a/kustomization.yaml': 'resources: [x.yaml]\npatches:\n- patch: "[{op: remove, path: /spec}]"',
          'a/x.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
        },
        'a',
        /must specify a target for JSON patch/,
      ],
      [
        {
          'a/kustomization.yaml': 'resources: [x.yaml]\npatches:\n- path: p.yaml',
          'a/x.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
          'a/p.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: other}\n',
        },
        'a',
        /no resource matches strategic merge patch/,
      ],
      [
        {
          'a/kustomization.yaml':
            'resources: [x.yaml]\npatches:\n- target: {kind: Service}\n  patch: "[{op: replace, path: /spec/type, value: LoadBalancer}]"',
          'a/x.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
        },
        'a',
        /replace operation does not apply/,
      ],
      [
        {
          'a/kustomization.yaml': 'resources: [x.yaml, y.yaml]',
          'a/x.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
          'a/y.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n',
        },
        'a',
        /may not add resource with an already registered id: Service\.v1\.\[noGrp\]\/s\.\[noNs\]/,
      ],
      [
        {
          'a/kustomization.yaml':
            'resources: [x.yaml]\npatches:\n- target: {name: "(a+)+"}\n  patch: "[{op: add, path: /x, value: 1}]"',
          'a/x.yaml':
            'apiVersion: v1\nkind: Service\nmetadata: {name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab}\n',
        },
        'a',
        /repeats a repeated group/,
      ],
      [
        {
          'a/kustomization.yaml': 'components: [../c]',
          'c/kustomization.yaml': 'resources: []\nnamePrefix: x-',
        },
        'a',
        /expected kind 'Component'/,
      ],
    ];
    for (const [files, root, message] of cases) {
      const result = buildKustomization(root, new Map(Object.entries(files)));
      expect(result.status, JSON.stringify(files)).toBe('error');
      expect(result.objects).toEqual([]);
      expect(result.messages[0]).toMatch(message);
    }
  });

  it('bounds the depth it follows', () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 60; i++) files.set(`k${i}/kustomization.yaml`, `resources: [../k${i + 1}]`);
    files.set('k60/kustomization.yaml', 'namePrefix: x-');
    const result = buildKustomization('k0', files, { maxDepth: 20 });
    expect(result.status).toBe('error');
    expect(result.messages[0]).toMatch(/deeper than 20 levels/);
  });

  it('never throws, whatever the input', () => {
    const inputs: Array<Record<string, string>> = [
      { 'kustomization.yaml': '- a\n- b\n' },
      { 'kustomization.yaml': 'resources: 3' },
      { 'kustomization.yaml': 'patches: [3]' },
      { 'kustomization.yaml': 'kind: Deployment' },
      { 'kustomization.yaml': 'resources: [x.yaml]', 'x.yaml': '- 1\n- 2\n' },
      {
        'kustomization.yaml':
          'resources: [x.yaml]\npatches: [{target: {name: "("}, patch: "[{op: add, path: /a, value: 1}]"}]',
        'x.yaml': 'kind: A\nmetadata: {name: a}\n',
      },
    ];
    for (const input of inputs) {
      const result = buildKustomization('.', new Map(Object.entries(input)));
      expect(result.status).toBe('error');
      expect(result.messages.length).toBeGreaterThan(0);
    }
  });
});
