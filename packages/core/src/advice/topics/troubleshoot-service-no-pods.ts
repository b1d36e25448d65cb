import type { Topic } from './types.js';

/** Traffic reaches a Service (or its load balancer) but no pod answers. */
const topic: Topic = {
  id: 'troubleshoot-service-no-pods',
  title: 'Traffic reaches the Service but not the pods',
  short:
    'A Service only sends traffic to ready pods whose labels match its selector, on the port its `targetPort` resolves to, so start with its EndpointSlices: no endpoints points to the selector or readiness, while endpoints that refuse connections point to the port or the app. Compare the selector with the pod template labels, make a named `targetPort` match a container port name, and check readiness probes and the load balancer health checks.',
  details: [
    '**1. Look at the endpoints.** `kubectl get endpointslices -l kubernetes.io/service-name=<svc> -o wide`:',
    '',
    '- no slice, or no endpoints in it: the selector matches no pod in that namespace, or the Service has no selector at all;',
    '- endpoints present but not ready: readiness (step 3);',
    '- ready endpoints, still no answer: the port, the process or the network (steps 2 and 4).',
    '',
    '**2. Selector and ports.**',
    '',
    "- The selector must match the **pod template** labels (`spec.template.metadata.labels` of the Deployment), not the Deployment's own labels, and every key in it must match. Pods in another namespace never match.",
    '- `targetPort` defaults to `port`. A **numeric** `targetPort` works whenever the process listens on that port, declared as `containerPort` or not. A **named** `targetPort` must equal a `ports[].name` in the container spec; pods without a port of that name get no usable endpoint for it.',
    '- The process must listen on all interfaces (`0.0.0.0`), not only `127.0.0.1`, and on the protocol the Service declares (TCP or UDP).',
    '',
    '**3. Readiness.** Pods that are not Ready are left out of the endpoints (unless `publishNotReadyAddresses` is set). `kubectl describe pod` shows failing readiness probes; EndpointSlice conditions show `ready`, `serving` and `terminating` per endpoint.',
    '',
    '**4. The load balancer in front.**',
    '',
    '- With `externalTrafficPolicy: Local`, only nodes running a ready pod pass the load balancer health check (on `healthCheckNodePort`); that is by design.',
    '- On AWS, check the target group health in the console or CLI: with the Load Balancer Controller and `nlb-target-type: ip` the NLB checks pods directly, with `instance` it checks node ports.',
    '- Security groups or firewall rules must let the load balancer reach the node ports or pod IPs, and a NetworkPolicy must allow the traffic into the pods.',
    '',
    '**5. Narrow it down.** Call the Service from inside the cluster, then a pod directly with `kubectl port-forward`: if the pod answers but the Service does not, it is the selector or ports; if neither does, it is the app.',
  ].join('\n'),
  example: {
    language: 'sh',
    caption: 'Check endpoints, selector, labels and ports of a Service named web in namespace shop.',
    code: `# Endpoints behind the Service, with readiness
kubectl -n shop get endpointslices -l kubernetes.io/service-name=web -o wide

# The selector and target ports, then the pods it should match
kubectl -n shop get svc web -o jsonpath='{.spec.selector}{"\\n"}{.spec.ports}{"\\n"}'
kubectl -n shop get pods --show-labels

# Container port names of a matching pod (a named targetPort must be one of them)
kubectl -n shop get pod <pod> -o jsonpath='{.spec.containers[*].ports}{"\\n"}'

# From inside the cluster, through the Service, then straight to a pod
kubectl -n shop run curl --rm -it --restart=Never --image=curlimages/curl -- curl -sv http://web/
kubectl -n shop port-forward pod/<pod> 8080:8080
`,
  },
  sources: [
    {
      title: 'Kubernetes docs: Service',
      url: 'https://kubernetes.io/docs/concepts/services-networking/service/',
    },
    {
      title: 'Kubernetes docs: EndpointSlices',
      url: 'https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/',
    },
    {
      title: 'Kubernetes docs: Debug Services',
      url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/',
    },
  ],
  examples: [
    'service has no endpoints even though pods are running',
    'curl to the ClusterIP times out but the pods are fine',
    'endpointslice empty for my service',
    "selector doesn't match my deployment labels?",
    'connection refused through the service, works with port-forward to the pod',
    'named targetPort not resolving to the container port',
    'load balancer is up but requests never reach my pods',
    'servcie not routing to pods',
  ],
  terms: [
    'no endpoints',
    'EndpointSlice',
    'selector',
    'labels',
    'targetPort',
    'readiness probe',
    'connection refused',
    'port-forward',
  ],
  troubleshooting: true,
};

export default topic;
