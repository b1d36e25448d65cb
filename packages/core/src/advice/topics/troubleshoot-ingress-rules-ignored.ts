import type { Topic } from './types.js';

/** An Ingress exists but its rules have no effect. */
const topic: Topic = {
  id: 'troubleshoot-ingress-rules-ignored',
  title: 'My Ingress rules are ignored',
  short:
    "An Ingress does nothing until a controller claims it, so first check that `spec.ingressClassName` names an IngressClass that exists and belongs to a running controller, or that exactly one IngressClass is marked as default. Then read the events from `kubectl describe ingress` and the controller's logs, and check host, path and `pathType`, because a rule that never matches looks just like one that was ignored.",
  details: [
    '**1. Is any controller claiming it?**',
    '',
    '- `kubectl get ingressclass` lists the classes and their `CONTROLLER`; `spec.ingressClassName` must name one of them, and that controller must be running.',
    '- An Ingress without a class is only picked up if one IngressClass carries `ingressclass.kubernetes.io/is-default-class: "true"`. With more than one default, new Ingresses without a class are rejected.',
    '- The `kubernetes.io/ingress.class` annotation is deprecated; many controllers still honour it, but do not mix it with `ingressClassName`.',
    '- A controller may watch only some namespaces, or only Ingresses of its own class name, depending on its flags.',
    '- If the community ingress-nginx controller (retired in March 2026) was removed, Ingresses of its class are now orphaned.',
    '',
    "**2. What does the controller say?** A claimed Ingress usually gets an address in `kubectl get ingress` (`status.loadBalancer`). `kubectl describe ingress <name>` shows events such as a sync, a missing Secret or a missing Service; the controller's logs (`kubectl logs -n <ns> deploy/<controller>`) show rejected or conflicting rules, and an admission webhook may refuse the object outright.",
    '',
    '**3. Does the rule match the request?**',
    '',
    "- `host` must equal the request's Host header; a wildcard covers exactly one DNS label (`*.example.com` matches `a.example.com`, not `example.com` or `a.b.example.com`).",
    '- `pathType` is required. `Prefix` matches whole path segments (`/foo` matches `/foo/bar`, not `/foobar`), `Exact` matches only the path itself, and `ImplementationSpecific` means whatever the controller decides. The longest matching path wins.',
    '- Two Ingresses claiming the same host and path are merged or rejected in controller-specific ways.',
    '',
    "**4. Annotations and backends.** Annotations meant for another controller are silently ignored (for example `nginx.ingress.kubernetes.io/*` on Traefik, or on F5's NGINX Ingress Controller, which uses `nginx.org/`). The backend Service must exist in the same namespace, with the port named in the rule and ready endpoints. On AWS with the Load Balancer Controller, an ALB is internal unless `alb.ingress.kubernetes.io/scheme: internet-facing` is set, which from the internet looks like ignored rules.",
  ].join('\n'),
  example: {
    language: 'sh',
    caption: 'Check class binding, status, events and logs for an Ingress named shop.',
    code: `# Classes, their controllers, and which one is the default
kubectl get ingressclass -o custom-columns='NAME:.metadata.name,CONTROLLER:.spec.controller,DEFAULT:.metadata.annotations.ingressclass\\.kubernetes\\.io/is-default-class'

# The class this Ingress asks for, and whether anything published an address for it
kubectl -n shop get ingress shop -o jsonpath='{.spec.ingressClassName}{"\\n"}{.status.loadBalancer}{"\\n"}'

# Events and the resolved rules and backends
kubectl -n shop describe ingress shop

# The controller's view (adjust namespace and name to your controller)
kubectl -n traefik logs deploy/traefik --since=15m | grep -i shop
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Ingress',
      url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/',
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
    'ingress has no address and nothing routes',
    'my ingress returns 404 for every path',
    'ingressClassName is set but the controller ignores the ingress',
    'the rules in my ingress have no effect at all',
    'ingress-nginx annotations ignored by traefik',
    'two default ingress classes, new ingresses rejected',
    'ingress works for the root path but not for the api path',
    'ingres rules not aplied',
  ],
  terms: [
    'ingressClassName',
    'IngressClass',
    'is-default-class',
    'ingress.class annotation',
    '404',
    'default backend',
    'pathType',
    'ignored',
    'no address',
  ],
  troubleshooting: true,
};

export default topic;
