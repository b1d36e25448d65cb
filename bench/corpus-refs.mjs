/**
 * A second bench corpus, the hard case for the analyser: only kinds that rules read (Services,
 * Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods, Ingresses, IngressClasses, Gateways,
 * HTTPRoutes, GRPCRoutes, TCPRoutes, ReferenceGrants), pod templates written in flow style
 * (`containers: [{name: app, image: x, ports: [{containerPort: 80}]}]`, `{}` maps) as generators and
 * `kubectl get -o yaml | yq` round trips leave them, many references between files (Ingress backends
 * to Services, routes to Gateways and Services, some dangling), and thousands of findings
 * (HTTP LoadBalancers, selectors that match nothing, undeclared target ports, missing or retired
 * ingress classes, unresolved routes, removed apiVersions). About 7 objects per file.
 * Deterministic: same seed and file count, same text.
 *
 * Layout: every 100th file is platform wiring in namespace `infra` (Gateways `edge-K`, IngressClasses,
 * ReferenceGrants); the others are one app each, `app-I` in namespace `team-(I mod 40)`, whose
 * Ingresses and routes also point at apps 40 and 80 files back (same namespace, other files).
 */

const GW = 'gateway.networking.k8s.io';
const NAMESPACES = 40;
const INFRA_EVERY = 100;

function* random(seed) {
  let state = seed >>> 0;
  for (;;) {
    state = (state * 1664525 + 1013904223) >>> 0;
    yield state / 2 ** 32;
  }
}

/** Containers in flow style: the app, declaring `ports` ([name, number] pairs), with a proxy sidecar but in batch pods. */
const containers = (name, ports, sidecar) =>
  `[{name: app, image: "reg.example.com/${name}:1.4", ports: [${ports
    .map(([portName, port]) => `{name: ${portName}, containerPort: ${port}}`)
    .join(
      ', ',
    )}], resources: {}}${sidecar ? ', {name: proxy, image: envoy:v1.34, ports: [{containerPort: 9901}]}' : ''}]`;

/**
 * A workload of `kind` whose pods carry `labels` (an object): `compact` writes the whole spec on one
 * flow-style line, `legacy` gives a CronJob the removed batch/v1beta1. Batch pods have no sidecar.
 */
function workload(kind, name, ns, labels, ports, compact = false, legacy = false) {
  const labelText = `{${Object.entries(labels)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')}}`;
  const batch = kind === 'Job' || kind === 'CronJob';
  const list = containers(name, ports, !batch);
  const podSpec = batch
    ? `{restartPolicy: ${kind === 'Job' ? 'Never' : 'OnFailure'}, containers: ${list}}`
    : `{serviceAccountName: ${name}, containers: ${list}, volumes: [{name: tmp, emptyDir: {}}]}`;
  const template = `{metadata: {labels: ${labelText}, annotations: {}}, spec: ${podSpec}}`;
  const head = (apiVersion) =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labelText}}\n`;
  switch (kind) {
    case 'Pod':
      return `${head('v1')}spec:\n  containers: ${list}\n  volumes: []\n`;
    case 'CronJob':
      return `${head(legacy ? 'batch/v1beta1' : 'batch/v1')}spec: {schedule: "*/15 * * * *", jobTemplate: {spec: {template: ${template}}}}\n`;
    case 'Job':
      return `${head('batch/v1')}spec:\n  backoffLimit: 2\n  template: ${template}\n`;
    default: {
      const replicas = kind === 'DaemonSet' ? '' : 'replicas: 2, ';
      const selector = `{matchLabels: {app: ${labels.app}}}`;
      if (compact)
        return `${head('apps/v1')}spec: {${replicas}selector: ${selector}, template: ${template}}\n`;
      return `${head('apps/v1')}spec:\n  ${replicas.replace(', ', '\n  ')}selector: ${selector}\n  template:\n    metadata: {labels: ${labelText}}\n    spec:\n      containers: ${list}\n      securityContext: {}\n`;
    }
  }
}

const service = (name, ns, selector, ports, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}${extra ? `, ${extra}` : ''}}\nspec:\n  selector: {${Object.entries(
    selector,
  )
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')}}\n  ports: [${ports.join(', ')}]\n`;

const loadBalancer = (name, ns, app, ports, { annotations = '{}', ip = null } = {}) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}, annotations: ${annotations}}\nspec:\n  type: LoadBalancer\n${ip ? `  loadBalancerIP: ${ip}\n` : ''}  selector: {app: ${app}}\n  ports: [${ports.join(', ')}]\n`;

function ingress(name, ns, host, paths, { className, annotation, tls, legacy }) {
  const annotations = annotation ? `{kubernetes.io/ingress.class: ${annotation}}` : '{}';
  const classLine = className ? `  ingressClassName: ${className}\n` : '';
  const tlsLine = tls ? `  tls: [{hosts: [${host}], secretName: ${name}-tls}]\n` : '';
  if (legacy) {
    // networking.k8s.io/v1beta1, removed in 1.22, with its own backend shape.
    const legacyPaths = paths.map(
      ([path, svc, port]) => `{path: ${path}, backend: {serviceName: ${svc}, servicePort: ${port}}}`,
    );
    return `apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${ns}, annotations: ${annotations}}\nspec:\n${classLine}${tlsLine}  rules: [{host: ${host}, http: {paths: [${legacyPaths.join(', ')}]}}]\n`;
  }
  const v1Paths = paths.map(
    ([path, svc, port]) =>
      `{path: ${path}, pathType: Prefix, backend: {service: {name: ${svc}, port: {${typeof port === 'number' ? 'number' : 'name'}: ${port}}}}}`,
  );
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${ns}, annotations: ${annotations}}\nspec:\n${classLine}${tlsLine}  rules:\n  - host: ${host}\n    http:\n      paths: [${v1Paths.join(', ')}]\n`;
}

const route = (kind, apiVersion, name, ns, parentRefs, hostnames, backendRefs) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  parentRefs: [${parentRefs.join(', ')}]\n${
    hostnames.length > 0 ? `  hostnames: [${hostnames.join(', ')}]\n` : ''
  }  rules: [{backendRefs: [${backendRefs.join(', ')}]}]\n`;

const referenceGrant = (ns, fromNamespace) =>
  `apiVersion: ${GW}/v1beta1\nkind: ReferenceGrant\nmetadata: {name: from-${fromNamespace}, namespace: ${ns}}\nspec:\n  from: [{group: ${GW}, kind: HTTPRoute, namespace: ${fromNamespace}}]\n  to: [{group: "", kind: Service}]\n`;

/** Platform wiring: three Gateways, IngressClasses (the first file only) and ReferenceGrants. */
function infraFile(k) {
  const docs = [
    `apiVersion: ${GW}/v1\nkind: Gateway\nmetadata: {name: edge-${k}, namespace: infra}\nspec:\n  gatewayClassName: envoy\n  listeners:\n  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}\n  - {name: https, protocol: HTTPS, port: 443, hostname: "*.example.com", tls: {mode: Terminate, certificateRefs: [{name: wildcard}]}, allowedRoutes: {namespaces: {from: All}}}\n  - {name: grpc, protocol: HTTP, port: 9000, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: GRPCRoute}]}}\n`,
    `apiVersion: ${GW}/v1\nkind: Gateway\nmetadata: {name: internal-${k}, namespace: infra}\nspec:\n  gatewayClassName: envoy-internal\n  listeners: [{name: http, protocol: HTTP, port: 8080}]\n`,
    `apiVersion: ${GW}/v1\nkind: Gateway\nmetadata: {name: l4-${k}, namespace: infra}\nspec:\n  gatewayClassName: envoy\n  listeners: [{name: mqtt, protocol: TCP, port: 1883, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: TCPRoute}]}}]\n`,
    loadBalancer(`edge-${k}-envoy`, 'infra', `edge-${k}`, ['{name: https, port: 443, targetPort: 8443}'], {
      annotations: '{service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing}',
    }),
    workload('Deployment', `edge-${k}`, 'infra', { app: `edge-${k}` }, [['https', 8443]], true),
  ];
  if (k === 0) {
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n`,
      `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: traefik}\nspec: {controller: traefik.io/ingress-controller}\n`,
    );
  } else {
    docs.push(referenceGrant(`team-${k % NAMESPACES}`, `team-${(k + 1) % NAMESPACES}`));
  }
  return docs;
}

/** One app: its workloads, Services, maybe a LoadBalancer, an Ingress and Gateway API routes. */
function appFile(i, next) {
  const ns = `team-${i % NAMESPACES}`;
  const name = `app-${i}`;
  const edge = Math.floor(i / INFRA_EVERY);
  // An app 40 and 80 files back, same namespace, in another file (it may be an infra index: dangling).
  const peer = i >= NAMESPACES ? `app-${i - NAMESPACES}` : `app-${i + 3 * NAMESPACES}`;
  const farPeer = `app-${Math.max(0, i - 2 * NAMESPACES)}`;
  const docs = [];

  const kindRoll = next();
  const kind =
    kindRoll < 0.45
      ? 'Deployment'
      : kindRoll < 0.6
        ? 'StatefulSet'
        : kindRoll < 0.65
          ? 'DaemonSet'
          : kindRoll < 0.7
            ? 'Job'
            : kindRoll < 0.8
              ? 'CronJob'
              : 'Pod';
  // A third on one line; a few CronJobs keep batch/v1beta1 (removed in Kubernetes 1.25).
  const compact = next() < 0.35;
  const legacy = next() < 0.1;
  docs.push(
    workload(
      kind,
      name,
      ns,
      { app: name, tier: 'web' },
      [
        ['http', 8080],
        ['metrics', 9090],
      ],
      compact,
      legacy,
    ),
  );

  // The app's Service: mostly right; some selectors miss (near or far), some targetPorts are wrong.
  const selectorRoll = next();
  const selector =
    selectorRoll < 0.1
      ? { app: name, track: 'canary' }
      : selectorRoll < 0.15
        ? { app: `${name}-v2` }
        : { app: name };
  const targetRoll = next();
  const targetPort = targetRoll < 0.15 ? 'web' : targetRoll < 0.25 ? 8081 : 'http';
  docs.push(
    service(name, ns, selector, [
      `{name: http, port: 80, targetPort: ${targetPort}}`,
      `{name: metrics, port: 9090, targetPort: metrics}`,
    ]),
  );
  if (kind === 'StatefulSet') {
    // Its headless governing Service, selecting the same pods.
    docs.push(
      service(
        `${name}-headless`,
        ns,
        { app: name },
        ['{name: http, port: 8080}'],
        'labels: {headless: "true"}',
      ),
    );
  }

  if (next() < 0.8) {
    const worker = `${name}-worker`;
    docs.push(
      workload('Deployment', worker, ns, { app: worker }, [['http', 8080]], next() < 0.5),
      service(worker, ns, { app: worker }, ['{name: http, port: 80, targetPort: 8080}']),
    );
  }

  // LoadBalancers: mostly HTTP(S), some databases and brokers exposed to the internet.
  const lbRoll = next();
  if (lbRoll < 0.35) {
    const lbKind = next();
    const ports =
      lbKind < 0.7
        ? ['{name: http, port: 80, targetPort: http}', '{name: https, port: 443, targetPort: 8443}']
        : lbKind < 0.85
          ? [`{name: db, port: ${[5432, 6379, 3306, 27017][i % 4]}}`]
          : ['{name: mqtt, port: 1883}', '{name: mqtts, port: 8883}'];
    const internal = next() < 0.25;
    docs.push(
      loadBalancer(`${name}-lb`, ns, name, ports, {
        annotations: internal ? '{service.beta.kubernetes.io/aws-load-balancer-scheme: internal}' : '{}',
        ip: next() < 0.15 ? `203.0.113.${i % 250}` : null,
      }),
    );
  }

  if (next() < 0.65) {
    const classRoll = next();
    const options =
      classRoll < 0.35
        ? { className: 'traefik' }
        : classRoll < 0.55
          ? { className: 'nginx' }
          : classRoll < 0.7
            ? { annotation: 'nginx' }
            : classRoll < 0.8
              ? { className: 'contour' }
              : {};
    const paths = [
      ['/', name, 'http'],
      ['/api', peer, 80],
    ];
    if (next() < 0.2) paths.push(['/legacy', `gone-${i}`, 80]);
    if (next() < 0.15) paths.push(['/metrics', name, 9091]);
    docs.push(
      ingress(name, ns, `${name}.example.com`, paths, {
        ...options,
        tls: next() < 0.6,
        legacy: next() < 0.04,
      }),
    );
  }

  if (next() < 0.65) {
    const parentRoll = next();
    const parent =
      parentRoll < 0.8
        ? `{name: edge-${edge}, namespace: infra, sectionName: https}`
        : parentRoll < 0.85
          ? `{name: edge-${edge}, namespace: infra, sectionName: admin}`
          : parentRoll < 0.9
            ? `{name: edge-missing-${edge}, namespace: infra}`
            : `{name: internal-${edge}, namespace: infra}`;
    const host = next() < 0.93 ? `${name}.example.com` : `${name}.example.org`;
    const backends = [`{name: ${name}, port: 80, weight: 90}`, `{name: ${farPeer}, port: 80, weight: 10}`];
    const backendRoll = next();
    if (backendRoll < 0.1) backends.push(`{name: ghost-${i}, port: 80}`);
    else if (backendRoll < 0.18)
      backends.push(`{name: app-${i + 1}, namespace: team-${(i + 1) % NAMESPACES}, port: 80}`);
    else if (backendRoll < 0.23) backends.push(`{name: ${name}}`);
    else if (backendRoll < 0.3) backends.push(`{name: ${name}, port: 81}`);
    docs.push(route('HTTPRoute', `${GW}/v1`, name, ns, [parent], [host], backends));
  }

  if (next() < 0.12) {
    docs.push(
      route(
        'GRPCRoute',
        `${GW}/v1`,
        `${name}-grpc`,
        ns,
        [`{name: edge-${edge}, namespace: infra, sectionName: grpc}`],
        [`grpc.${name}.example.com`],
        [`{name: ${name}, port: 9090}`],
      ),
    );
  }
  if (next() < 0.08) {
    docs.push(
      route(
        'TCPRoute',
        next() < 0.4 ? `${GW}/v1alpha2` : `${GW}/v1`,
        `${name}-mqtt`,
        ns,
        [`{name: l4-${edge}, namespace: infra, sectionName: mqtt}`],
        [],
        [`{name: ${name}, port: 1883}`],
      ),
    );
  }
  // Batch work beside the app: a migration Job or a report CronJob, pods no Service selects.
  if (next() < 0.75) {
    docs.push(
      workload(
        next() < 0.5 ? 'Job' : 'CronJob',
        `${name}-migrate`,
        ns,
        { app: `${name}-migrate` },
        [['admin', 8081]],
        next() < 0.5,
      ),
    );
  }
  if (next() < 0.55) {
    // A canary beside the main workload, selected by the main Service too (same `app` label).
    docs.push(
      workload(
        'Deployment',
        `${name}-canary`,
        ns,
        { app: name, track: 'canary' },
        [
          ['http', 8080],
          ['metrics', 9090],
        ],
        next() < 0.5,
      ),
    );
  }
  return docs;
}

/** Returns `{ path, text, objects }[]`, like `generateCorpus` of corpus.mjs. */
export function generateRefsCorpus({ files = 3000, seed = 7 } = {}) {
  const rand = random(seed);
  const next = () => rand.next().value;
  const corpus = [];
  for (let i = 0; i < files; i++) {
    const infra = i % INFRA_EVERY === 0;
    const docs = infra ? infraFile(i / INFRA_EVERY) : appFile(i, next);
    const path = infra
      ? `platform/edge-${i / INFRA_EVERY}.yaml`
      : `apps/team-${i % NAMESPACES}/app-${i}/${i % 10 === 0 ? 'manifests.yml' : 'manifests.yaml'}`;
    corpus.push({ path, text: docs.join('---\n'), objects: docs.length });
  }
  return corpus;
}
