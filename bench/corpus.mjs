/**
 * A synthetic but realistic manifest corpus: ~2,000 files and ~20,000 objects, in the mix a
 * microservices repository has (Deployments, Services, ConfigMaps, ServiceAccounts, HPAs,
 * Ingresses, some LoadBalancers and Gateway API routes). Deterministic: same seed, same text.
 */

function* random(seed) {
  let state = seed >>> 0;
  for (;;) {
    state = (state * 1664525 + 1013904223) >>> 0;
    yield state / 2 ** 32;
  }
}

const deployment = (name, ns, port) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${name}
      containers:
      - name: server
        image: registry.example.com/shop/${name}:v1.4.2
        ports:
        - name: http
          containerPort: ${port}
        env:
        - name: PORT
          value: "${port}"
        - name: LOG_LEVEL
          value: info
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 256Mi}
        readinessProbe:
          httpGet: {path: /healthz, port: http}
          initialDelaySeconds: 5
        livenessProbe:
          httpGet: {path: /healthz, port: http}
`;

const service = (name, ns, type, port, portName = 'http') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ${type}
  selector:
    app.kubernetes.io/name: ${name}
  ports:
  - name: ${portName}
    port: ${port}
    targetPort: http
`;

const configMap = (name, ns) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  application.yaml: |
    server:
      port: 8080
    features:
      checkout: true
      recommendations: false
`;

const serviceAccount = (name, ns) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${ns}
`;

const hpa = (name, ns) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
`;

const ingress = (name, ns, host) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  ingressClassName: traefik
  tls:
  - hosts: [${host}]
    secretName: ${name}-tls
  rules:
  - host: ${host}
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port:
              name: http
`;

const httpRoute = (name, ns, host) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  parentRefs:
  - name: public
    namespace: infra
  hostnames: [${host}]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /}
    backendRefs:
    - name: ${name}
      port: 80
`;

/** Returns `{ path, text, objects }[]`. */
export function generateCorpus({ files = 2000, seed = 42 } = {}) {
  const rand = random(seed);
  const next = () => rand.next().value;
  const corpus = [];
  for (let i = 0; i < files; i++) {
    const ns = `team-${i % 40}`;
    const name = `svc-${i}`;
    const port = [8080, 3000, 8000, 9090][i % 4];
    const roll = next();
    const docs = [deployment(name, ns, port), configMap(name, ns), serviceAccount(name, ns), hpa(name, ns)];
    // Most web services sit behind an Ingress or an HTTPRoute; a few have LoadBalancers of their own.
    if (roll < 0.04) docs.push(service(name, ns, 'LoadBalancer', 443, 'https'));
    else if (roll < 0.06) docs.push(service(name, ns, 'LoadBalancer', [1883, 5432, 6379][i % 3], 'tcp'));
    else {
      docs.push(service(name, ns, 'ClusterIP', 80));
      if (next() < 0.5) docs.push(ingress(name, ns, `${name}.example.com`));
      else docs.push(httpRoute(name, ns, `${name}.example.com`));
    }
    // A second Deployment + Service + ConfigMap + ServiceAccount: 10 objects per file.
    const worker = `${name}-worker`;
    docs.push(
      deployment(worker, ns, 8080),
      service(worker, ns, 'ClusterIP', 80),
      configMap(worker, ns),
      serviceAccount(worker, ns),
    );
    corpus.push({
      path: `apps/${ns}/${name}/manifests.yaml`,
      text: docs.join('---\n'),
      objects: docs.length,
    });
  }
  return corpus;
}
