import type { Topic } from './types.js';

/** Idle and request timeouts along the path, and what they do to WebSockets and streams. */
const topic: Topic = {
  id: 'timeouts-websockets',
  title: 'Why are WebSockets and long requests cut off, and which timeouts apply?',
  short:
    'A WebSocket, server-sent events stream or long request dies at the shortest timeout on its path: AWS Classic and Application Load Balancers close idle connections after 60 s, an NLB after 350 s of TCP idle, Azure Load Balancer after 4 minutes, and a GKE external Application Load Balancer ends a WebSocket after its 30 s backend timeout, idle or not. Raise the timeout at every hop (cloud load balancer, Ingress or Gateway proxy, app), or send pings or heartbeats more often than the shortest idle timeout.',
  details: [
    '**Defaults of the cloud load balancers:**',
    '',
    '| Load balancer | Default | How to change it |',
    '|---|---|---|',
    '| AWS Classic LB | 60 s idle | connection settings of the load balancer |',
    '| AWS ALB | 60 s idle | `alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=600` |',
    '| AWS NLB, TCP listener | 350 s idle | 60–6000 s with `tcp.idle_timeout.seconds`; via the AWS Load Balancer Controller, `service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=400` |',
    '| AWS NLB, TLS listener | 350 s idle | fixed |',
    '| Azure Load Balancer | 4 min idle | 4–100 min per rule; idle flows are dropped silently unless TCP reset is enabled |',
    '| GKE Ingress (external Application LB) | 30 s backend timeout, which is also the longest a WebSocket may live | `timeoutSec` in a BackendConfig attached to the Service |',
    '',
    "The idle timeout of a Google Cloud passthrough Network Load Balancer is not stated here: check Google's documentation before relying on a value.",
    '',
    '**The proxy in the cluster.** ingress-nginx waits 60 s for reads and sends (`proxy-read-timeout`, `proxy-send-timeout` in the ConfigMap, or `nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"` per Ingress); the project is retired, so plan its replacement. Other controllers have their own settings.',
    '',
    '**Gateway API.** An HTTPRoute rule can set `timeouts.request` (the whole request, as seen from the client) and `timeouts.backendRequest` (one attempt to the backend), Standard since v1.2.0 and Extended features, so check that your implementation supports them. `"0s"` should disable a timeout. Idle timeouts of long-lived upgraded connections are not part of the standard: they are set through implementation policies. Mark WebSocket backends with `appProtocol: kubernetes.io/ws` on the Service port.',
    '',
    '**Checklist:**',
    '',
    '- list every hop (client, CDN, cloud load balancer, proxy, app) and its idle timeout; the smallest wins;',
    '- send WebSocket pings or an SSE comment line well inside that value, so the connection is never idle that long;',
    '- keep the keep-alive timeout of the app longer than that of the load balancer, or it may close a connection the load balancer is about to reuse (a classic source of sporadic 502s);',
    '- clients must reconnect anyway: rollouts and node drains end connections regardless of timeouts.',
  ].join('\n'),
  example: {
    language: 'yaml',
    caption:
      'A WebSocket backend marked with appProtocol and an HTTPRoute that allows requests up to an hour (if the implementation supports route timeouts).',
    code: `apiVersion: v1
kind: Service
metadata:
  name: chat
  namespace: chat
spec:
  selector:
    app: chat
  ports:
    - name: ws
      port: 8080
      targetPort: 8080
      appProtocol: kubernetes.io/ws   # WebSocket over cleartext to the backend
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: chat
  namespace: chat
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - chat.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /ws
      timeouts:
        request: 1h          # must be at least backendRequest
        backendRequest: 1h
      backendRefs:
        - name: chat
          port: 8080
`,
  },
  providers: {
    aws: 'ALB (Ingress, or HTTPRoute with the AWS Load Balancer Controller): 60 s idle by default, raise it with `alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=<s>`. NLB (Service): 350 s TCP idle, 60–6000 s through `service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-<port>`; TLS listeners stay at 350 s. A Classic LB from the in-tree provider: 60 s.',
    gke: 'GKE Ingress: the backend service timeout (30 s by default) caps the whole life of a WebSocket; raise `timeoutSec` in a BackendConfig referenced from the Service with `cloud.google.com/backend-config`.',
    aks: 'Azure Load Balancer: 4 minutes idle by default, up to 100 minutes; set `service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout` (minutes) on the Service, and check that TCP reset is enabled on the rules, so idle connections are closed visibly rather than dropped silently.',
  },
  sources: [
    {
      title: 'AWS: Edit attributes of an Application Load Balancer (idle timeout)',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html',
    },
    {
      title: 'AWS: Update the TCP idle timeout of a Network Load Balancer',
      url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html',
    },
    {
      title: 'Azure Load Balancer: TCP idle timeout',
      url: 'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-idle-timeout',
    },
    {
      title: 'Azure Load Balancer: TCP reset on idle',
      url: 'https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-tcp-reset',
    },
    {
      title: 'GKE: Ingress for external Application Load Balancers (WebSocket and backend timeout)',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/ingress-xlb',
    },
    {
      title: 'ingress-nginx annotations (proxy timeouts)',
      url: 'https://github.com/kubernetes/ingress-nginx/blob/main/docs/user-guide/nginx-configuration/annotations.md',
    },
    {
      title: 'Gateway API v1.2.0 changelog (HTTPRoute timeouts in Standard)',
      url: 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/CHANGELOG/1.2-CHANGELOG.md',
    },
  ],
  examples: [
    'websocket connections drop after exactly 60 seconds behind the ALB',
    'SSE stream is closed after one minute, how do I keep it open?',
    'how to raise the idle timeout on an aws nlb for long lived tcp connections',
    'ingress-nginx proxy-read-timeout for websockets',
    'GKE ingress kills my websocket after 30s',
    'azure load balancer silently drops idle connections after 4 minutes',
    'HTTPRoute timeouts: request vs backendRequest',
    'long running uploads get 504 gateway timeout through the ingress',
    'websokets disconnect every few minutes in kubernetes',
    'what idle timeout does each cloud load balancer have?',
  ],
  terms: [
    'idle timeout',
    'timeout',
    'WebSocket',
    'server-sent events',
    'SSE',
    'long polling',
    'idle_timeout.timeout_seconds',
    'tcp.idle_timeout.seconds',
    'proxy-read-timeout',
    'proxy-send-timeout',
    'backendRequest',
    'BackendConfig timeoutSec',
    '504 Gateway Timeout',
  ],
};

export default topic;
