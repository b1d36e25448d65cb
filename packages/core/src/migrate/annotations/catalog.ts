/**
 * Every controller annotation the Ingress → Gateway API migration recognises, and what becomes of it
 * under each emitter: the one place the readers take their reasons from, and the source of
 * docs/migrate-annotations.md (see ./table.ts), so the documentation cannot drift from the code.
 */

/** The controllers whose Ingress annotations are read. */
export type ProviderId = 'ingress-nginx' | 'nginx-inc' | 'traefik' | 'aws-alb';

/** What `--emit` writes besides standard Gateway API. */
export type EmitterId = 'standard' | 'envoy-gateway' | 'kgateway';

export const EMITTERS: readonly EmitterId[] = ['standard', 'envoy-gateway', 'kgateway'];

/** converted: the output does what the annotation did; not-converted: a warning says what to do. */
export type Outcome = 'converted' | 'not-converted';

export interface EmitterOutcome {
  outcome: Outcome;
  /** How it is converted, or why not and what to do instead. */
  note: string;
}

export interface AnnotationEntry {
  provider: ProviderId;
  /** The full key; a trailing `*` stands for any name (`alb.ingress.kubernetes.io/actions.*`). */
  key: string;
  outcomes: Record<EmitterId, EmitterOutcome>;
}

export const PROVIDERS: ReadonlyArray<{ id: ProviderId; name: string; prefixes: readonly string[] }> = [
  { id: 'ingress-nginx', name: 'ingress-nginx', prefixes: ['nginx.ingress.kubernetes.io/'] },
  { id: 'nginx-inc', name: 'NGINX Ingress Controller (F5 NGINX)', prefixes: ['nginx.org/', 'nginx.com/'] },
  { id: 'traefik', name: 'Traefik', prefixes: ['traefik.ingress.kubernetes.io/'] },
  { id: 'aws-alb', name: 'AWS Load Balancer Controller', prefixes: ['alb.ingress.kubernetes.io/'] },
];

type Entry = [key: string, outcomes: Record<EmitterId, EmitterOutcome>];

const same = (outcome: Outcome, note: string): Record<EmitterId, EmitterOutcome> => ({
  standard: { outcome, note },
  'envoy-gateway': { outcome, note },
  kgateway: { outcome, note },
});
const converted = (key: string, how: string): Entry => [key, same('converted', how)];
const notConverted = (key: string, why: string): Entry => [key, same('not-converted', why)];
/** Standard Gateway API cannot say it; an implementation's policy can (null: that one cannot either). */
const byPolicy = (
  key: string,
  why: string,
  envoyGateway: string | { not: string },
  kgateway: string | { not: string },
): Entry => {
  const outcome = (how: string | { not: string }): EmitterOutcome =>
    typeof how === 'string'
      ? { outcome: 'converted', note: how }
      : { outcome: 'not-converted', note: how.not };
  const writers = [
    ...(typeof envoyGateway === 'string' ? ['`--emit envoy-gateway`'] : []),
    ...(typeof kgateway === 'string' ? ['`--emit kgateway`'] : []),
  ];
  return [
    key,
    {
      standard: {
        outcome: 'not-converted',
        note: writers.length > 0 ? `${why}; ${writers.join(' or ')} writes it as a policy` : why,
      },
      'envoy-gateway': outcome(envoyGateway),
      kgateway: outcome(kgateway),
    },
  ];
};

const SNIPPET =
  'raw NGINX configuration has no Gateway API equivalent; re-create what it does with filters or your implementation';
const AUTH =
  'authentication is implementation-specific: configure it with your implementation (e.g. Envoy Gateway SecurityPolicy, kgateway TrafficPolicy extAuth)';
const RATE_LIMIT =
  "rate limits are implementation-specific: use your implementation's policy (e.g. Envoy Gateway BackendTrafficPolicy rateLimit)";
const BACKEND_TLS =
  'TLS to the backend needs a BackendTLSPolicy with the CA and the server name; write one by hand';
const BODY_SIZE_WHY = 'request size limits are not in Gateway API';
const TIMEOUT_WHY =
  'ingress-nginx times out between two reads or writes, HTTPRoute `timeouts` bound the whole request (a long download would be cut), so they are not guessed';
const IP_WHY = 'source address lists are not in Gateway API';
const AFFINITY_WHY = 'session persistence is only in the experimental channel of Gateway API';
const EG_IP =
  'SecurityPolicy `authorization` with `clientCIDRs` rules (check the client IP Envoy sees: behind another proxy set ClientTrafficPolicy `clientIPDetection`)';
const KGW_IP = {
  not: 'kgateway v2.1 `rbac` takes CEL expressions without address ranges; restrict sources on the load balancer (`loadBalancerSourceRanges`) instead',
};
const EG_AFFINITY =
  'BackendTrafficPolicy `loadBalancer` ConsistentHash by Cookie (name and ttl; the cookie is generated as ingress-nginx does)';
const KGW_AFFINITY =
  'BackendConfigPolicy on the Service, `loadBalancer.ringHash` hashed by cookie (it applies to every route to the Service)';

const NGINX = 'nginx.ingress.kubernetes.io/';
const INGRESS_NGINX: Entry[] = [
  converted('canary', "folded into the stable Ingress's rules: weighted backendRefs and header matches"),
  converted('canary-weight', 'backendRef `weight` of the canary (stable gets total minus it)'),
  converted('canary-weight-total', 'the sum of the two weights'),
  converted(
    'canary-by-header',
    'a rule matching the header `always` goes to the canary, `never` to the stable backend',
  ),
  converted('canary-by-header-value', 'a rule matching the header with this exact value goes to the canary'),
  notConverted(
    'canary-by-header-pattern',
    'regular-expression header canaries are not carried (write a RegularExpression header match by hand; Extended support)',
  ),
  notConverted(
    'canary-by-cookie',
    "Gateway API matches no cookies; use a header canary or your implementation's cookie match",
  ),
  converted(
    'rewrite-target',
    'URLRewrite: a fixed target replaces the whole path (ReplaceFullPath, as nginx rewrites the whole URI); `/$2` with paths written `/prefix(/|$)(.*)` strips the prefix (ReplacePrefixMatch); other capture-group targets are reported',
  ),
  converted('app-root', 'a rule for Exact `/` with a 302 RequestRedirect to the path'),
  converted(
    'permanent-redirect',
    'RequestRedirect (scheme, hostname, port, full path) with 301 on every rule',
  ),
  converted('permanent-redirect-code', 'the RequestRedirect `statusCode` (301, 302, 303, 307, 308)'),
  converted('temporal-redirect', 'RequestRedirect with 302 on every rule'),
  converted('temporal-redirect-code', 'the RequestRedirect `statusCode`'),
  converted(
    'ssl-redirect',
    'HTTP listener routes redirect to HTTPS (308) where the host has TLS; `false` keeps plain HTTP served',
  ),
  converted(
    'force-ssl-redirect',
    'HTTP listener routes redirect to HTTPS (308) even where the Ingress lists no TLS for the host, when the Gateway has an HTTPS listener for it; without one (TLS ended in front of the controller) a warning says the redirect is not carried over',
  ),
  notConverted(
    'from-to-www-redirect',
    'add an HTTPRoute for the other host (www. or not) with a RequestRedirect `hostname` filter',
  ),
  notConverted(
    'proxy-redirect-from',
    'Location header rewriting is not in Gateway API; use a ResponseHeaderModifier if the value is fixed',
  ),
  notConverted('proxy-redirect-to', 'Location header rewriting is not in Gateway API'),
  converted('upstream-vhost', 'URLRewrite `hostname` (the Host header the backend sees)'),
  converted('connection-proxy-header', 'RequestHeaderModifier setting `Connection`'),
  converted('x-forwarded-prefix', 'RequestHeaderModifier setting `X-Forwarded-Prefix`'),
  notConverted(
    'custom-headers',
    'it names a ConfigMap of response headers: copy them into a ResponseHeaderModifier filter',
  ),
  byPolicy(
    'proxy-connect-timeout',
    'connect timeouts are not in Gateway API',
    'BackendTrafficPolicy `timeout.tcp.connectTimeout`',
    'BackendConfigPolicy `connectTimeout` on the Service (applies to every route to it)',
  ),
  byPolicy(
    'proxy-read-timeout',
    TIMEOUT_WHY,
    'BackendTrafficPolicy `timeout.http.streamIdleTimeout` (the longer of read and send)',
    'TrafficPolicy `timeouts.streamIdle` (the longer of read and send)',
  ),
  byPolicy(
    'proxy-send-timeout',
    TIMEOUT_WHY,
    'BackendTrafficPolicy `timeout.http.streamIdleTimeout` (the longer of read and send)',
    'TrafficPolicy `timeouts.streamIdle` (the longer of read and send)',
  ),
  byPolicy(
    'proxy-body-size',
    BODY_SIZE_WHY,
    'BackendTrafficPolicy `requestBuffer.limit` (413 above it, as nginx)',
    'TrafficPolicy `buffer.maxRequestSize` (413 above it, as nginx)',
  ),
  converted(
    'client-body-buffer-size',
    "nothing to write: it sizes nginx's memory buffer before spilling to disk, which Envoy-based gateways do not do",
  ),
  converted(
    'use-regex',
    "RegularExpression path matches, `.*` appended as nginx matches from the start of the path (Extended support; syntax and case sensitivity are the implementation's)",
  ),
  converted(
    'backend-protocol',
    'GRPC: GRPCRoute; HTTP: nothing to write; HTTPS, GRPCS: a BackendTLSPolicy with `proxy-ssl-verify: on`, `proxy-ssl-secret` and `proxy-ssl-name` (without them nginx did not verify the backend, a BackendTLSPolicy always does: a warning asks for one); AJP, FCGI are reported',
  ),
  converted(
    'enable-cors',
    "HTTPRoute CORS filter (standard channel since Gateway API v1.5), with ingress-nginx's defaults",
  ),
  converted('cors-allow-origin', 'CORS filter `allowOrigins`'),
  converted('cors-allow-methods', 'CORS filter `allowMethods`'),
  converted('cors-allow-headers', 'CORS filter `allowHeaders`'),
  converted('cors-expose-headers', 'CORS filter `exposeHeaders`'),
  converted('cors-allow-credentials', 'CORS filter `allowCredentials`'),
  converted('cors-max-age', 'CORS filter `maxAge`'),
  byPolicy('whitelist-source-range', IP_WHY, EG_IP, KGW_IP),
  byPolicy('allowlist-source-range', IP_WHY, EG_IP, KGW_IP),
  byPolicy('denylist-source-range', IP_WHY, EG_IP, KGW_IP),
  byPolicy('affinity', AFFINITY_WHY, EG_AFFINITY, KGW_AFFINITY),
  byPolicy(
    'session-cookie-name',
    AFFINITY_WHY,
    'the cookie name of the ConsistentHash',
    'the cookie name of the hash policy',
  ),
  byPolicy('session-cookie-max-age', AFFINITY_WHY, 'the cookie `ttl`', 'the cookie `ttl`'),
  byPolicy(
    'session-cookie-expires',
    AFFINITY_WHY,
    'the cookie `ttl` (when max-age is not set)',
    'the cookie `ttl` (when max-age is not set)',
  ),
  byPolicy(
    'session-cookie-path',
    AFFINITY_WHY,
    { not: "Envoy Gateway's cookie has no path; the route's path scopes it" },
    'the cookie `path`',
  ),
  notConverted(
    'affinity-mode',
    'Envoy-based gateways rehash when endpoints change (`balanced`); `persistent` has no equivalent',
  ),
  notConverted('session-cookie-samesite', "set by your implementation's cookie attributes by hand"),
  notConverted('session-cookie-secure', "set by your implementation's cookie attributes by hand"),
  notConverted(
    'session-cookie-conditional-samesite-none',
    "set by your implementation's cookie attributes by hand",
  ),
  notConverted('session-cookie-change-on-failure', 'implementation-specific'),
  converted(
    'ssl-passthrough',
    'a TLS listener on 443 in Passthrough mode per host and a TLSRoute (v1) to the backend of the path `/`, as nginx does; plain HTTP keeps its path routing',
  ),
  converted(
    'proxy-ssl-verify',
    '`on` (with backend-protocol HTTPS or GRPCS, proxy-ssl-secret and proxy-ssl-name): a BackendTLSPolicy (v1) for each Service',
  ),
  converted(
    'proxy-ssl-secret',
    'BackendTLSPolicy `validation.caCertificateRefs` (the Secret, in the Service namespace; Core support is a ConfigMap with ca.crt)',
  ),
  converted('proxy-ssl-name', 'BackendTLSPolicy `validation.hostname`'),
  converted(
    'proxy-ssl-server-name',
    '`on`: the BackendTLSPolicy hostname is sent as SNI, as a BackendTLSPolicy always does (when it was off, a warning says SNI is now sent)',
  ),
  notConverted('proxy-ssl-verify-depth', 'BackendTLSPolicy has no verification depth'),
  notConverted(
    'proxy-ssl-protocols',
    'BackendTLSPolicy has no protocol versions; set them with your implementation',
  ),
  notConverted('proxy-ssl-ciphers', 'set backend TLS ciphers with your implementation'),
  notConverted('configuration-snippet', SNIPPET),
  notConverted('server-snippet', SNIPPET),
  notConverted('stream-snippet', SNIPPET),
  notConverted('auth-url', AUTH),
  notConverted('auth-signin', AUTH),
  notConverted('auth-method', AUTH),
  notConverted('auth-response-headers', AUTH),
  notConverted('auth-snippet', AUTH),
  notConverted('auth-type', AUTH),
  notConverted('auth-secret', AUTH),
  notConverted('auth-secret-type', AUTH),
  notConverted('auth-realm', AUTH),
  notConverted(
    'auth-tls-secret',
    'client certificates are validated per Gateway listener (`tls.frontendValidation`): add it to the HTTPS listener',
  ),
  notConverted(
    'auth-tls-verify-client',
    'client certificates are validated per Gateway listener (`tls.frontendValidation`)',
  ),
  notConverted('auth-tls-verify-depth', 'client certificate validation is per Gateway listener'),
  notConverted('auth-tls-pass-certificate-to-upstream', 'implementation-specific'),
  notConverted(
    'auth-tls-error-page',
    'a failed client certificate ends the TLS handshake at the Gateway; there is no page to redirect to',
  ),
  notConverted('limit-rps', RATE_LIMIT),
  notConverted('limit-rpm', RATE_LIMIT),
  notConverted('limit-connections', RATE_LIMIT),
  notConverted('limit-burst-multiplier', RATE_LIMIT),
  notConverted('limit-whitelist', RATE_LIMIT),
  notConverted(
    'custom-http-errors',
    'custom error pages are implementation-specific (e.g. Envoy Gateway BackendTrafficPolicy responseOverride)',
  ),
  notConverted('default-backend', 'a per-Ingress error backend is implementation-specific'),
  notConverted('service-upstream', 'implementations choose Service or endpoint routing themselves'),
  notConverted(
    'load-balance',
    'the load-balancing algorithm is implementation-specific (e.g. Envoy Gateway BackendTrafficPolicy loadBalancer)',
  ),
  notConverted('upstream-hash-by', 'hashing is implementation-specific (e.g. Envoy Gateway ConsistentHash)'),
  notConverted(
    'proxy-next-upstream',
    'retries are implementation-specific in the standard channel (HTTPRoute `retry` is experimental)',
  ),
  notConverted('proxy-next-upstream-tries', 'retries are experimental in Gateway API'),
  notConverted('proxy-next-upstream-timeout', 'retries are experimental in Gateway API'),
  notConverted('proxy-buffering', 'proxy buffering is implementation-specific'),
  notConverted('proxy-buffer-size', 'proxy buffering is implementation-specific'),
  notConverted('proxy-buffers-number', 'proxy buffering is implementation-specific'),
  notConverted('proxy-request-buffering', 'request buffering is implementation-specific'),
  notConverted('proxy-http-version', 'the upstream HTTP version follows the Service `appProtocol`'),
  notConverted('proxy-max-temp-file-size', 'nginx-specific'),
  notConverted('proxy-cookie-domain', 'cookie rewriting is not in Gateway API'),
  notConverted('proxy-cookie-path', 'cookie rewriting is not in Gateway API'),
  notConverted('enable-access-log', 'access logging is implementation-specific'),
  notConverted('enable-rewrite-log', 'nginx-specific'),
  notConverted('enable-opentelemetry', 'tracing is implementation-specific'),
  notConverted('enable-modsecurity', 'a web application firewall is implementation-specific'),
  notConverted('modsecurity-snippet', SNIPPET),
  notConverted(
    'server-alias',
    'add the aliases to the HTTPRoute `hostnames` (and the listener certificates) by hand',
  ),
  notConverted('ssl-ciphers', 'TLS settings are per Gateway listener and implementation-specific'),
  notConverted('ssl-prefer-server-ciphers', 'TLS settings are implementation-specific'),
  notConverted(
    'preserve-trailing-slash',
    'applies to ssl redirects only; Gateway API redirects keep the path',
  ),
  notConverted(
    'mirror-target',
    'write a RequestMirror filter to a Service by hand (mirror targets are URLs)',
  ),
  notConverted('mirror-uri', 'write a RequestMirror filter by hand'),
  notConverted('satisfy', 'authentication is implementation-specific'),
  notConverted('http2-push-preload', 'HTTP/2 push is obsolete'),
  notConverted('denylist-source-range-mode', 'source address lists are implementation-specific'),
  notConverted('global-rate-limit', RATE_LIMIT),
  notConverted('global-rate-limit-window', RATE_LIMIT),
];

const NGINX_INC: Entry[] = [
  converted(
    'nginx.org/rewrites',
    'URLRewrite ReplacePrefixMatch on the rules of each named Service (`serviceName=svc rewrite=/path`)',
  ),
  converted('nginx.org/redirect-to-https', 'HTTP listener routes redirect to HTTPS (301, as NGINX Inc does)'),
  converted(
    'ingress.kubernetes.io/ssl-redirect',
    'HTTP listener routes redirect to HTTPS where the host has TLS; `false` keeps plain HTTP',
  ),
  converted('nginx.org/grpc-services', 'the paths to the named Services become GRPCRoute rules'),
  converted(
    'nginx.org/websocket-services',
    'nothing to write: Gateway API implementations proxy WebSocket upgrades',
  ),
  converted(
    'nginx.org/path-regex',
    'RegularExpression path matches (`case_sensitive`, `case_insensitive`; `exact` makes Exact matches)',
  ),
  byPolicy(
    'nginx.org/client-max-body-size',
    BODY_SIZE_WHY,
    'BackendTrafficPolicy `requestBuffer.limit`',
    'TrafficPolicy `buffer.maxRequestSize`',
  ),
  byPolicy(
    'nginx.org/proxy-connect-timeout',
    'connect timeouts are not in Gateway API',
    'BackendTrafficPolicy `timeout.tcp.connectTimeout`',
    'BackendConfigPolicy `connectTimeout` on the Service',
  ),
  byPolicy(
    'nginx.org/proxy-read-timeout',
    TIMEOUT_WHY,
    'BackendTrafficPolicy `timeout.http.streamIdleTimeout`',
    'TrafficPolicy `timeouts.streamIdle`',
  ),
  byPolicy(
    'nginx.org/proxy-send-timeout',
    TIMEOUT_WHY,
    'BackendTrafficPolicy `timeout.http.streamIdleTimeout`',
    'TrafficPolicy `timeouts.streamIdle`',
  ),
  notConverted(
    'nginx.org/sticky-cookie-services',
    'NGINX Plus sticky cookies: set session affinity with your implementation (see the ingress-nginx `affinity` row for the policies)',
  ),
  notConverted('nginx.org/ssl-services', BACKEND_TLS),
  notConverted('nginx.org/server-snippets', SNIPPET),
  notConverted('nginx.org/location-snippets', SNIPPET),
  notConverted('nginx.org/server-tokens', 'nginx-specific'),
  notConverted('nginx.org/lb-method', 'the load-balancing algorithm is implementation-specific'),
  notConverted(
    'nginx.org/max-fails',
    'passive health checks are implementation-specific (e.g. Envoy Gateway outlier detection)',
  ),
  notConverted('nginx.org/max-conns', 'connection limits are implementation-specific'),
  notConverted('nginx.org/fail-timeout', 'passive health checks are implementation-specific'),
  notConverted('nginx.org/keepalive', 'upstream keepalive is implementation-specific'),
  notConverted('nginx.org/proxy-buffering', 'proxy buffering is implementation-specific'),
  notConverted('nginx.org/proxy-buffers', 'proxy buffering is implementation-specific'),
  notConverted('nginx.org/proxy-buffer-size', 'proxy buffering is implementation-specific'),
  notConverted('nginx.org/proxy-max-temp-file-size', 'nginx-specific'),
  notConverted(
    'nginx.org/proxy-hide-headers',
    'remove the headers with a ResponseHeaderModifier filter by hand',
  ),
  notConverted('nginx.org/proxy-pass-headers', 'implementations pass headers through by default'),
  notConverted(
    'nginx.org/hsts',
    'add `Strict-Transport-Security` with a ResponseHeaderModifier filter by hand',
  ),
  notConverted('nginx.org/hsts-max-age', 'part of the Strict-Transport-Security header'),
  notConverted('nginx.org/hsts-include-subdomains', 'part of the Strict-Transport-Security header'),
  notConverted('nginx.org/hsts-behind-proxy', 'part of the Strict-Transport-Security header'),
  notConverted('nginx.org/listen-ports', 'add HTTP listeners on these ports to the Gateway by hand'),
  notConverted('nginx.org/listen-ports-ssl', 'add HTTPS listeners on these ports to the Gateway by hand'),
  converted(
    'nginx.org/mergeable-ingress-type',
    'nothing to write: master and minion Ingresses of a host become one HTTPRoute for the host',
  ),
  notConverted('nginx.org/use-cluster-ip', 'implementations choose Service or endpoint routing themselves'),
  notConverted('nginx.org/basic-auth-secret', AUTH),
  notConverted('nginx.org/basic-auth-realm', AUTH),
  notConverted('nginx.com/jwt-key', AUTH),
  notConverted('nginx.com/jwt-realm', AUTH),
  notConverted('nginx.com/jwt-token', AUTH),
  notConverted('nginx.com/jwt-login-url', AUTH),
  notConverted(
    'nginx.com/health-checks',
    'active health checks are implementation-specific (e.g. Envoy Gateway BackendTrafficPolicy healthCheck)',
  ),
  notConverted('nginx.com/health-checks-mandatory', 'active health checks are implementation-specific'),
  notConverted('nginx.com/slow-start', 'slow start is implementation-specific'),
  notConverted('nginx.com/sticky-cookie-services', 'session affinity is implementation-specific'),
];

const TRAEFIK_PREFIX = 'traefik.ingress.kubernetes.io/';
const TRAEFIK: Entry[] = [
  converted(
    'router.entrypoints',
    '`web` attaches the routes to the HTTP listener, `websecure` to the HTTPS listeners; other entry points are reported (add a listener)',
  ),
  converted('router.tls', '`true`: the routes attach to the HTTPS listeners only'),
  converted('router.pathmatcher', '`Path`: Exact, `PathPrefix`: PathPrefix, `PathRegexp`: RegularExpression'),
  notConverted(
    'router.middlewares',
    'Middlewares are Traefik CRDs: redirectScheme becomes a RequestRedirect, stripPrefix a URLRewrite, headers a RequestHeaderModifier; add those filters by hand',
  ),
  notConverted('router.priority', 'Gateway API orders rules by match specificity, not by priority'),
  notConverted(
    'router.tls.certresolver',
    "Traefik's ACME resolver: issue the listener certificates with cert-manager (`--cert-manager-issuer`)",
  ),
  notConverted('router.tls.options', 'TLS options are per Gateway listener and implementation-specific'),
  notConverted(
    'router.tls.domains.*',
    'list the hosts in the Ingress TLS section so that HTTPS listeners are written',
  ),
  notConverted('router.observability.accesslogs', 'observability is implementation-specific'),
  notConverted('router.observability.metrics', 'observability is implementation-specific'),
  notConverted('router.observability.tracing', 'observability is implementation-specific'),
  notConverted('router.rulesyntax', 'Traefik rule syntax has no Gateway API counterpart'),
  notConverted(
    'service.serversscheme',
    'Traefik reads it on the Service: TLS to the backend needs a BackendTLSPolicy',
  ),
  notConverted(
    'service.serverstransport',
    'Traefik ServersTransport: TLS to the backend needs a BackendTLSPolicy',
  ),
  notConverted(
    'service.passhostheader',
    'implementations pass the Host header through; set it with a URLRewrite hostname filter if needed',
  ),
  notConverted(
    'service.sticky.cookie',
    'session affinity is implementation-specific (see the ingress-nginx `affinity` row for the policies)',
  ),
  notConverted('service.sticky.cookie.name', 'session affinity is implementation-specific'),
  notConverted('service.sticky.cookie.secure', 'session affinity is implementation-specific'),
  notConverted('service.sticky.cookie.httponly', 'session affinity is implementation-specific'),
  notConverted('service.nativelb', 'implementations choose Service or endpoint routing themselves'),
];

const ALB_PREFIX = 'alb.ingress.kubernetes.io/';
const HEALTH =
  'health checks of the target group: set them in an AWS Load Balancer Controller TargetGroupConfiguration (`healthCheckConfig`) for the Service';
const ALB: Entry[] = [
  converted(
    'group.name',
    'Ingresses of one group share one load balancer: they go on one Gateway named after the group',
  ),
  notConverted(
    'group.order',
    'Gateway API orders rules by match specificity; check that the routes of the group do not rely on the order',
  ),
  converted(
    'scheme',
    '`internal` puts the routes on an internal Gateway (give its class or LoadBalancerConfiguration `scheme: internal`)',
  ),
  notConverted(
    'target-type',
    'set `targetType` in a TargetGroupConfiguration for the Service (AWS Load Balancer Controller Gateway API support)',
  ),
  converted(
    'listen-ports',
    "HTTP 80 and HTTPS 443 are the Gateway's listeners; other ports are reported (add listeners by hand)",
  ),
  converted('ssl-redirect', 'HTTP listener routes redirect to HTTPS (301, as the ALB does)'),
  notConverted(
    'certificate-arn',
    'ACM certificates are not Secrets: reference them in a LoadBalancerConfiguration listener (`defaultCertificate`), or pass --tls-secret',
  ),
  notConverted('ssl-policy', 'set the TLS policy in a LoadBalancerConfiguration listener'),
  notConverted('backend-protocol', BACKEND_TLS),
  notConverted(
    'backend-protocol-version',
    'the protocol version follows the Service `appProtocol` (GRPC: use a GRPCRoute)',
  ),
  notConverted('healthcheck-path', HEALTH),
  notConverted('healthcheck-port', HEALTH),
  notConverted('healthcheck-protocol', HEALTH),
  notConverted('healthcheck-interval-seconds', HEALTH),
  notConverted('healthcheck-timeout-seconds', HEALTH),
  notConverted('healthy-threshold-count', HEALTH),
  notConverted('unhealthy-threshold-count', HEALTH),
  notConverted('success-codes', HEALTH),
  converted(
    'actions.*',
    '`forward` with target groups: weighted backendRefs; `redirect`: RequestRedirect; `fixed-response` is reported (no direct responses in Gateway API)',
  ),
  converted(
    'conditions.*',
    "`http-header`, `query-string` and `http-request-method` with one value: route matches; `host-header`: the rule's hosts; `source-ip` and several values are reported",
  ),
  byPolicy('inbound-cidrs', IP_WHY, EG_IP, KGW_IP),
  notConverted('load-balancer-name', 'name the load balancer in a LoadBalancerConfiguration'),
  notConverted('load-balancer-attributes', 'set them in a LoadBalancerConfiguration'),
  notConverted('target-group-attributes', 'set them in a TargetGroupConfiguration (stickiness there too)'),
  notConverted('tags', 'set them in a LoadBalancerConfiguration'),
  notConverted('security-groups', 'set them in a LoadBalancerConfiguration'),
  notConverted('manage-backend-security-group-rules', 'set it in a LoadBalancerConfiguration'),
  notConverted('subnets', 'set them in a LoadBalancerConfiguration'),
  notConverted('ip-address-type', 'set it in a LoadBalancerConfiguration'),
  notConverted('wafv2-acl-arn', 'associate the WAF with the new load balancer (LoadBalancerConfiguration)'),
  notConverted('waf-acl-id', 'associate the WAF with the new load balancer'),
  notConverted('shield-advanced-protection', 'enable it on the new load balancer'),
  notConverted('auth-type', AUTH),
  notConverted('auth-idp-cognito', AUTH),
  notConverted('auth-idp-oidc', AUTH),
  notConverted('auth-on-unauthenticated-request', AUTH),
  notConverted('auth-scope', AUTH),
  notConverted('auth-session-cookie', AUTH),
  notConverted('auth-session-timeout', AUTH),
  notConverted('customer-owned-ipv4-pool', 'set it in a LoadBalancerConfiguration'),
  notConverted(
    'mutual-authentication',
    'client certificate validation is per Gateway listener (`tls.frontendValidation`)',
  ),
];

export const ANNOTATIONS: readonly AnnotationEntry[] = [
  ...INGRESS_NGINX.map(([key, outcomes]) => ({
    provider: 'ingress-nginx' as const,
    key: `${NGINX}${key}`,
    outcomes,
  })),
  ...NGINX_INC.map(([key, outcomes]) => ({ provider: 'nginx-inc' as const, key, outcomes })),
  ...TRAEFIK.map(([key, outcomes]) => ({
    provider: 'traefik' as const,
    key: `${TRAEFIK_PREFIX}${key}`,
    outcomes,
  })),
  ...ALB.map(([key, outcomes]) => ({ provider: 'aws-alb' as const, key: `${ALB_PREFIX}${key}`, outcomes })),
];

const BY_KEY = new Map(
  ANNOTATIONS.filter((entry) => !entry.key.endsWith('*')).map((entry) => [entry.key, entry]),
);
const PATTERNS = ANNOTATIONS.filter((entry) => entry.key.endsWith('*'));

/** The catalogue entry of an annotation key, or undefined when it is not recognised. */
export function annotationEntry(key: string): AnnotationEntry | undefined {
  return BY_KEY.get(key) ?? PATTERNS.find((entry) => key.startsWith(entry.key.slice(0, -1)));
}

/** The provider whose prefix the key has, or undefined for annotations of no known controller. */
export function providerOf(key: string): ProviderId | undefined {
  return (
    annotationEntry(key)?.provider ??
    PROVIDERS.find((provider) => provider.prefixes.some((prefix) => key.startsWith(prefix)))?.id
  );
}
