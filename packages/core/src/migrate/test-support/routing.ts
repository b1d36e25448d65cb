/**
 * Two small routers for the routing-equivalence tests: where a request for (host, path) goes
 * through a set of Ingresses (ingress-nginx semantics: the host's rules, longest path first, Exact
 * before Prefix, canaries by weight, else the default backend), and through the routes attached
 * to a Gateway listener (Gateway API semantics: the most specific hostname, then Exact, then the
 * longest PathPrefix, then the most header matches). Each answers the backends with their share.
 */

type Json = Record<string, unknown>;

/** Where a request goes: weighted backends, a redirect, or nothing. */
export type Destination = { backends: Record<string, number> } | { redirect: true } | { none: true };

interface Candidate {
  type: 'Exact' | 'Prefix' | 'ImplementationSpecific' | 'RegularExpression';
  value: string;
  headers: number;
  destination: Destination;
}

export function pathMatches(type: Candidate['type'], value: string, path: string): boolean {
  if (type === 'Exact') return path === value;
  if (type === 'RegularExpression') return new RegExp(`^${value}`, 'i').test(path);
  if (type === 'ImplementationSpecific') return path.startsWith(value);
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

function best(candidates: Candidate[], path: string): Destination {
  const matching = candidates.filter((candidate) => pathMatches(candidate.type, candidate.value, path));
  matching.sort(
    (a, b) =>
      Number(b.type === 'Exact') - Number(a.type === 'Exact') ||
      b.value.length - a.value.length ||
      b.headers - a.headers,
  );
  return matching[0]?.destination ?? { none: true };
}

function share(entries: Array<{ key: string; weight: number }>): Destination {
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const backends: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.weight > 0) backends[entry.key] = (backends[entry.key] ?? 0) + entry.weight / total;
  }
  return { backends };
}

const NGINX = 'nginx.ingress.kubernetes.io/';

/** Resolves a Service port name to its number with the Services of the set. */
export type PortOf = (namespace: string, service: string, port: number | string) => number;

/** Where ingress-nginx sends (host, path), given every Ingress of the set. */
export function routeThroughIngresses(
  ingresses: Json[],
  host: string,
  path: string,
  portOf: PortOf,
): Destination {
  const metaOf = (ingress: Json) =>
    ingress.metadata as { namespace?: string; annotations?: Record<string, string> };
  const annotation = (ingress: Json, key: string) => metaOf(ingress).annotations?.[`${NGINX}${key}`];
  const backendKey = (ingress: Json, backend: Json): string => {
    const service = backend.service as { name: string; port: { number?: number; name?: string } };
    const namespace = metaOf(ingress).namespace ?? 'default';
    return `${service.name}:${portOf(namespace, service.name, service.port.number ?? (service.port.name as string))}`;
  };
  const rulesOf = (ingress: Json) =>
    ((ingress.spec as Json).rules ?? []) as Array<{ host?: string; http?: { paths: Json[] } }>;
  const primaries = ingresses.filter((ingress) => annotation(ingress, 'canary') !== 'true');
  const canaries = ingresses.filter((ingress) => annotation(ingress, 'canary') === 'true');
  const forHost = (target: string | undefined) =>
    primaries.filter((ingress) => rulesOf(ingress).some((rule) => rule.host === target));
  const hostIngresses = forHost(host).length > 0 ? forHost(host) : forHost(undefined);
  const hostKey = forHost(host).length > 0 ? host : undefined;
  const candidates: Candidate[] = [];
  for (const ingress of hostIngresses) {
    const regex = annotation(ingress, 'use-regex') === 'true';
    for (const rule of rulesOf(ingress).filter((entry) => entry.host === hostKey)) {
      for (const entry of rule.http?.paths ?? []) {
        const value = String(entry.path ?? '/');
        const type = (regex ? 'RegularExpression' : entry.pathType) as Candidate['type'];
        let destination: Destination;
        if (annotation(ingress, 'permanent-redirect') || annotation(ingress, 'temporal-redirect'))
          destination = { redirect: true };
        else {
          const stable = backendKey(ingress, entry.backend as Json);
          const canary = canaries.find((other) =>
            rulesOf(other).some(
              (otherRule) =>
                otherRule.host === rule.host && otherRule.http?.paths.some((p) => p.path === entry.path),
            ),
          );
          const weight = canary ? Number(annotation(canary, 'canary-weight') ?? 0) : 0;
          const total = canary ? Number(annotation(canary, 'canary-weight-total') ?? 100) : 100;
          const canaryPath = canary
            ? rulesOf(canary)
                .flatMap((otherRule) => otherRule.http?.paths ?? [])
                .find((p) => p.path === entry.path)
            : undefined;
          destination =
            canary && canaryPath && weight > 0
              ? share([
                  { key: stable, weight: total - weight },
                  { key: backendKey(canary, canaryPath.backend as Json), weight },
                ])
              : share([{ key: stable, weight: 1 }]);
        }
        candidates.push({ type, value, headers: 0, destination });
      }
    }
    const appRoot = annotation(ingress, 'app-root');
    if (appRoot !== undefined)
      candidates.push({ type: 'Exact', value: '/', headers: 1, destination: { redirect: true } });
  }
  const found = best(candidates, path);
  if (!('none' in found)) return found;
  const withDefault = primaries.find((ingress) => (ingress.spec as Json).defaultBackend !== undefined);
  return withDefault
    ? share([{ key: backendKey(withDefault, (withDefault.spec as Json).defaultBackend as Json), weight: 1 }])
    : found;
}

/**
 * Where a Gateway sends (host, path): routes attached to `sectionName` of the Gateway `gateway`,
 * those with the most specific matching hostname first. gRPC routes read the path as
 * `/service/method`.
 */
export function routeThroughGateway(
  routes: Json[],
  gateway: string,
  sectionName: string,
  host: string,
  path: string,
): Destination {
  const attached = routes.filter((route) =>
    (((route.spec as Json).parentRefs ?? []) as Json[]).some(
      (ref) => ref.name === gateway && ref.sectionName === sectionName,
    ),
  );
  const hostnamesOf = (route: Json) => ((route.spec as Json).hostnames ?? []) as string[];
  const exact = attached.filter((route) => hostnamesOf(route).includes(host));
  const wildcard = attached.filter((route) =>
    hostnamesOf(route).some((name) => name.startsWith('*.') && host.endsWith(name.slice(1))),
  );
  const any = attached.filter((route) => hostnamesOf(route).length === 0);
  const chosen = exact.length > 0 ? exact : wildcard.length > 0 ? wildcard : any;
  const candidates: Candidate[] = [];
  for (const route of chosen) {
    for (const rule of ((route.spec as Json).rules ?? []) as Json[]) {
      const backends = (rule.backendRefs ?? []) as Array<{ name: string; port: number; weight?: number }>;
      const redirect = ((rule.filters ?? []) as Json[]).some((filter) => filter.type === 'RequestRedirect');
      const destination: Destination = redirect
        ? { redirect: true }
        : share(
            backends.map((backend) => ({
              key: `${backend.name}:${backend.port}`,
              weight: backend.weight ?? 1,
            })),
          );
      const matches = (rule.matches ?? [{}]) as Json[];
      for (const match of matches.length > 0 ? matches : [{}]) {
        const headers = ((match.headers ?? []) as Json[]).length;
        if (route.kind === 'GRPCRoute') {
          const method = match.method as { service?: string; method?: string } | undefined;
          const value = method?.service
            ? `/${method.service}${method.method ? `/${method.method}` : ''}`
            : '/';
          candidates.push({ type: method?.method ? 'Exact' : 'Prefix', value, headers, destination });
          continue;
        }
        const pathMatch = (match.path ?? { type: 'PathPrefix', value: '/' }) as {
          type: string;
          value: string;
        };
        const type = pathMatch.type === 'PathPrefix' ? 'Prefix' : (pathMatch.type as Candidate['type']);
        candidates.push({ type, value: pathMatch.value, headers, destination });
      }
    }
  }
  // A request without headers cannot match rules that need them.
  return best(
    candidates.filter((candidate) => candidate.headers === 0),
    path,
  );
}

/* ------------------------------------------------------------------------------------------------
 * Requests, answered in full: which backend (Service:port, with the canary share), or which
 * redirect (status and Location), the path and Host the backend sees, the request headers added,
 * the CORS answer, TLS passthrough. One router per Ingress controller, each with the semantics its
 * documentation gives (cited at each rule), and one for the generated Gateway API objects
 * (Gateway API semantics; where the spec leaves it to the implementation, Envoy Gateway's).
 * ---------------------------------------------------------------------------------------------- */

/** A request as a client sends it to the load balancer. */
export interface Probe {
  method?: string;
  scheme: 'http' | 'https';
  host: string;
  path: string;
  /** Request headers (any case). */
  headers?: Record<string, string>;
}

/** What happens to a request (paths without their query string). */
export interface Outcome {
  /** 200 forwarded, 3xx redirected, 2xx CORS preflight answered by the proxy, 404 not routed. */
  status: number;
  backends?: Record<string, number>;
  /** The path and Host header the backend sees, and the request headers the proxy set. */
  path?: string;
  host?: string;
  setHeaders?: Record<string, string>;
  /** The redirect target, normalised (`new URL().href`). */
  location?: string;
  /** CORS response headers the proxy adds (lowercase names). */
  cors?: Record<string, string>;
  /** TLS went to the backend undecrypted. */
  passthrough?: true;
  /** How the proxy connects to the backend with TLS: the CA Secret and name it verifies, and SNI. */
  backendTls?: { caSecret: string; hostname: string; sni: boolean } | 'unverified';
}

export type Provider = 'ingress-nginx' | 'nginx-inc' | 'traefik' | 'aws-alb';

interface IngressRule {
  host?: string;
  http?: { paths: Array<{ path?: string; pathType?: string; backend: Json }> };
}

const lower = (headers: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
const annotationsOf = (ingress: Json): Record<string, string> =>
  ((ingress.metadata as Json).annotations ?? {}) as Record<string, string>;
const namespaceOf = (ingress: Json): string => ((ingress.metadata as Json).namespace as string) ?? 'default';
const rulesOfIngress = (ingress: Json): IngressRule[] =>
  ((ingress.spec as Json).rules ?? []) as IngressRule[];
const tlsOf = (ingress: Json): Array<{ hosts?: string[] }> =>
  ((ingress.spec as Json).tls ?? []) as Array<{ hosts?: string[] }>;
const href = (url: string): string => new URL(url).href;
const DEFAULT_PORT = { http: 80, https: 443 } as const;

/** `*.example.com` matches one label. */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  return (
    pattern.startsWith('*.') &&
    host.endsWith(pattern.slice(1)) &&
    !host.slice(0, -pattern.length + 1).includes('.')
  );
}

/** The rules of the Ingresses that serve `host`: exact host first, then a wildcard, then no host. */
function rulesForHost(ingresses: Json[], host: string): Array<{ ingress: Json; rule: IngressRule }> {
  const all = ingresses.flatMap((ingress) => rulesOfIngress(ingress).map((rule) => ({ ingress, rule })));
  for (const test of [
    (rule: IngressRule) => rule.host === host,
    (rule: IngressRule) => rule.host !== undefined && hostMatches(rule.host, host) && rule.host !== host,
    (rule: IngressRule) => rule.host === undefined || rule.host === '',
  ]) {
    const found = all.filter(({ rule }) => test(rule));
    if (found.length > 0) return found;
  }
  return [];
}

function backendKeyOf(ingress: Json, backend: Json, portOf: PortOf): string {
  const service = backend.service as { name: string; port: { number?: number; name?: string } };
  const port = service.port.number ?? (service.port.name as string);
  return `${service.name}:${portOf(namespaceOf(ingress), service.name, port)}`;
}

/** Shares of whole numbers, as a Destination's backends. */
function shares(entries: Array<{ key: string; weight: number }>): Record<string, number> {
  const found = share(entries);
  return 'backends' in found ? found.backends : {};
}

/** A location of nginx: `= path`, a prefix string, or a regular expression (`~`, `~*` with `^`). */
interface NginxLocation {
  ingress: Json;
  kind: 'exact' | 'prefix' | 'regex';
  value: string;
  caseInsensitive: boolean;
  /** The path as the Ingress wrote it (canaries find their location by it). */
  sourcePath: string;
  backend: Json;
}

/** nginx's choice: `=` first, then the first matching regex (in order), then the longest prefix. */
function nginxSelect(locations: NginxLocation[], path: string): NginxLocation | undefined {
  const exact = locations.find((location) => location.kind === 'exact' && location.value === path);
  if (exact) return exact;
  const regex = locations.find(
    (location) =>
      location.kind === 'regex' &&
      new RegExp(`^${location.value}`, location.caseInsensitive ? 'i' : '').test(path),
  );
  if (regex) return regex;
  return locations
    .filter((location) => location.kind === 'prefix' && path.startsWith(location.value))
    .sort((a, b) => b.value.length - a.value.length)[0];
}

/** The CORS answer of ingress-nginx (annotations.md#enable-cors; nginx.tmpl `cors`). */
function nginxCors(
  annotations: Record<string, string>,
  probe: Probe,
): Outcome | Record<string, string> | null {
  if (annotations[`${NGINX}enable-cors`] !== 'true') return null;
  const origin = lower(probe.headers).origin;
  if (origin === undefined) return null;
  const list = (name: string, fallback: string) =>
    (annotations[`${NGINX}${name}`] ?? fallback)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const origins = list('cors-allow-origin', '*');
  const allowed = origins.some(
    (entry) =>
      entry === '*' ||
      entry === origin ||
      (entry.includes('://*.') && origin.endsWith(entry.slice(entry.indexOf('*') + 1))),
  );
  if (!allowed) return null;
  const credentials = (annotations[`${NGINX}cors-allow-credentials`] ?? 'true') === 'true';
  const expose = list('cors-expose-headers', '');
  const simple: Record<string, string> = {
    'access-control-allow-origin': origins.includes('*') && !credentials ? '*' : origin,
    ...(credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    ...(expose.length > 0 ? { 'access-control-expose-headers': expose.join(', ') } : {}),
  };
  // nginx answers every OPTIONS request of an allowed origin itself, with 204.
  if ((probe.method ?? 'GET') !== 'OPTIONS') return simple;
  return {
    status: 204,
    cors: {
      ...simple,
      'access-control-allow-methods': list('cors-allow-methods', 'GET, PUT, POST, DELETE, PATCH, OPTIONS')
        .map((method) => method.toUpperCase())
        .join(', '),
      'access-control-allow-headers': list(
        'cors-allow-headers',
        'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization',
      ).join(', '),
      'access-control-max-age': annotations[`${NGINX}cors-max-age`] ?? '1728000',
    },
  };
}

/** The default backend: an Ingress's `spec.defaultBackend`, else the controller's, which answers 404. */
function defaultBackendOf(primaries: Json[], probe: Probe, portOf: PortOf): Outcome {
  const withDefault = primaries.find((ingress) => (ingress.spec as Json).defaultBackend !== undefined);
  if (withDefault === undefined) return { status: 404 };
  const key = backendKeyOf(withDefault, (withDefault.spec as Json).defaultBackend as Json, portOf);
  return { status: 200, backends: { [key]: 1 }, path: probe.path, host: probe.host, setHeaders: {} };
}

/**
 * ingress-nginx (kubernetes.github.io/ingress-nginx: user-guide/ingress-path-matching,
 * nginx-configuration/annotations, examples/rewrite, canary):
 * - Prefix `/a` is the locations `= /a` and `/a/`; Exact is `= /a`; ImplementationSpecific a prefix string.
 * - `use-regex` or `rewrite-target` on any Ingress of a host makes every location of the host but
 *   the exact ones a case-insensitive regular expression `~* "^path"`, tried longest path first.
 * - A canary Ingress of the same host and path: `canary-by-header` (`always`, `never`, else by
 *   `canary-by-header-value`, else by `canary-by-header-pattern`), then `canary-weight` of
 *   `canary-weight-total` (default 100); its other annotations are the stable Ingress's.
 * - `rewrite-target` rewrites the whole URI: `rewrite "(?i)<location>" <target> break;`.
 * - `ssl-redirect` (default on for TLS hosts) and `force-ssl-redirect` redirect HTTP with 308 first;
 *   `app-root` redirects `/` with 302; `temporal-redirect` (302) wins over `permanent-redirect` (301).
 * - `ssl-passthrough` sends TLS connections of the host to the backend of its `/` location.
 */
function routeIngressNginx(ingresses: Json[], probe: Probe, portOf: PortOf): Outcome {
  const isCanary = (ingress: Json) => annotationsOf(ingress)[`${NGINX}canary`] === 'true';
  const primaries = ingresses.filter((ingress) => !isCanary(ingress));
  const canaries = ingresses.filter(isCanary);
  const rules = rulesForHost(primaries, probe.host);
  const hostIngresses = [...new Set(rules.map(({ ingress }) => ingress))];
  const enforceRegex = hostIngresses.some((ingress) => {
    const annotations = annotationsOf(ingress);
    return annotations[`${NGINX}use-regex`] === 'true' || annotations[`${NGINX}rewrite-target`] !== undefined;
  });
  const locations: NginxLocation[] = [];
  for (const { ingress, rule } of rules) {
    for (const entry of rule.http?.paths ?? []) {
      const path = entry.path || '/';
      const base = { ingress, sourcePath: path, backend: entry.backend, caseInsensitive: true };
      const prefix = (value: string): NginxLocation =>
        enforceRegex ? { ...base, kind: 'regex', value } : { ...base, kind: 'prefix', value };
      if (entry.pathType === 'Exact') locations.push({ ...base, kind: 'exact', value: path });
      else if (entry.pathType === 'Prefix' && path !== '/' && !path.endsWith('/'))
        locations.push({ ...base, kind: 'exact', value: path }, prefix(`${path}/`));
      else locations.push(prefix(path));
    }
  }
  // ingress-nginx sorts locations longest path first: the regex tried first is the longest.
  locations.sort((a, b) => b.value.length - a.value.length);
  const hostTls = hostIngresses.some((ingress) =>
    tlsOf(ingress).some((entry) => (entry.hosts ?? []).length === 0 || entry.hosts?.includes(probe.host)),
  );
  const passthrough = hostIngresses.find(
    (ingress) => annotationsOf(ingress)[`${NGINX}ssl-passthrough`] === 'true',
  );
  if (passthrough && probe.scheme === 'https') {
    const root = locations.find((location) => location.sourcePath === '/' && location.kind !== 'exact');
    return root
      ? {
          status: 200,
          passthrough: true,
          backends: { [backendKeyOf(root.ingress, root.backend, portOf)]: 1 },
        }
      : { status: 404 };
  }
  const found = nginxSelect(locations, probe.path);
  // Every server has a root location for the default backend, with the annotations of the first
  // Ingress of the host (createServers: locationApplyAnnotations): its redirects still apply.
  const location = found ?? (hostIngresses[0] === undefined ? undefined : { ingress: hostIngresses[0] });
  if (location === undefined) return defaultBackendOf(primaries, probe, portOf);
  const annotations = annotationsOf(location.ingress);
  const value = (name: string) => annotations[`${NGINX}${name}`];
  if (
    probe.scheme === 'http' &&
    (value('force-ssl-redirect') === 'true' || (hostTls && value('ssl-redirect') !== 'false'))
  )
    return { status: 308, location: href(`https://${probe.host}${probe.path}`) };
  if (value('app-root') !== undefined && probe.path === '/')
    return { status: 302, location: href(`${probe.scheme}://${probe.host}${value('app-root')}`) };
  for (const [name, code] of [
    ['temporal-redirect', 302],
    ['permanent-redirect', 301],
  ] as const) {
    if (value(name) !== undefined)
      return { status: Number(value(`${name}-code`) ?? code), location: href(value(name) as string) };
  }
  const cors = nginxCors(annotations, probe);
  if (cors !== null && 'status' in cors) return cors as Outcome;
  if (!('backend' in location)) return defaultBackendOf(primaries, probe, portOf);

  const stable = backendKeyOf(location.ingress, location.backend, portOf);
  let backends: Record<string, number> = { [stable]: 1 };
  const canary = canaries.find((other) =>
    rulesOfIngress(other).some(
      (rule) =>
        (rule.host ?? '') === (rules[0]?.rule.host ?? '') &&
        rule.http?.paths.some((entry) => (entry.path || '/') === location.sourcePath),
    ),
  );
  if (canary !== undefined) {
    const own = annotationsOf(canary);
    const canaryEntry = rulesOfIngress(canary)
      .flatMap((rule) => rule.http?.paths ?? [])
      .find((entry) => (entry.path || '/') === location.sourcePath) as { backend: Json };
    const canaryKey = backendKeyOf(canary, canaryEntry.backend, portOf);
    const header = own[`${NGINX}canary-by-header`];
    const sent = header === undefined ? undefined : lower(probe.headers)[header.toLowerCase()];
    const headerValue = own[`${NGINX}canary-by-header-value`];
    const pattern = own[`${NGINX}canary-by-header-pattern`];
    const weight = Number(own[`${NGINX}canary-weight`] ?? 0);
    const total = Number(own[`${NGINX}canary-weight-total`] ?? 100);
    let decided: 'canary' | 'stable' | null = null;
    if (sent !== undefined) {
      if (headerValue !== undefined) decided = sent === headerValue ? 'canary' : null;
      else if (pattern !== undefined) decided = new RegExp(pattern).test(sent) ? 'canary' : null;
      else decided = sent === 'always' ? 'canary' : sent === 'never' ? 'stable' : null;
    }
    if (decided === 'canary') backends = { [canaryKey]: 1 };
    else if (decided === null && weight > 0)
      backends = shares([
        { key: stable, weight: total - weight },
        { key: canaryKey, weight },
      ]);
  }
  let path = probe.path;
  const target = value('rewrite-target');
  if (target !== undefined) {
    const match = new RegExp(location.value, 'i').exec(probe.path);
    if (match) path = target.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '');
  }
  const protocol = (value('backend-protocol') ?? 'HTTP').toUpperCase();
  const backendTls: Outcome['backendTls'] =
    protocol === 'HTTPS' || protocol === 'GRPCS'
      ? value('proxy-ssl-verify') === 'on'
        ? {
            caSecret: (value('proxy-ssl-secret') ?? '').split('/').pop() as string,
            hostname: value('proxy-ssl-name') ?? '',
            sni: value('proxy-ssl-server-name') === 'on',
          }
        : 'unverified'
      : undefined;
  const setHeaders: Record<string, string> = {};
  if (value('x-forwarded-prefix') !== undefined)
    setHeaders['x-forwarded-prefix'] = value('x-forwarded-prefix') as string;
  if (value('connection-proxy-header')) setHeaders.connection = value('connection-proxy-header') as string;
  return {
    status: 200,
    backends,
    path,
    host: value('upstream-vhost') ?? probe.host,
    setHeaders,
    ...(cors !== null ? { cors: cors as Record<string, string> } : {}),
    ...(backendTls === undefined ? {} : { backendTls }),
  };
}

/**
 * F5 NGINX Ingress Controller (docs.nginx.com/nginx-ingress-controller: advanced configuration
 * with annotations, path-regex, rewrites, mergeable Ingresses):
 * - paths are nginx prefix strings (`location /tea` also matches `/teapot`), Exact is `= /tea`;
 *   `path-regex` makes them `~ "^path"` (`~*` for case_insensitive), `exact` makes them `=`.
 * - `rewrites` is `proxy_pass http://svc<rewrite>`: the location prefix is replaced as written.
 * - `redirect-to-https` redirects HTTP (as the load balancer in front reports it) with 301;
 *   `ingress.kubernetes.io/ssl-redirect` redirects HTTP with 301 on TLS hosts.
 * - a mergeable master's host gathers its minions' paths; server annotations are the master's.
 */
function routeNginxInc(ingresses: Json[], probe: Probe, portOf: PortOf): Outcome {
  const rules = rulesForHost(ingresses, probe.host);
  const hostIngresses = [...new Set(rules.map(({ ingress }) => ingress))];
  const server =
    hostIngresses.find(
      (ingress) => annotationsOf(ingress)['nginx.org/mergeable-ingress-type'] === 'master',
    ) ?? hostIngresses[0];
  if (server === undefined) return { status: 404 };
  const serverAnnotations = annotationsOf(server);
  const hostTls = hostIngresses.some((ingress) =>
    tlsOf(ingress).some((entry) => (entry.hosts ?? []).length === 0 || entry.hosts?.includes(probe.host)),
  );
  if (probe.scheme === 'http') {
    if (serverAnnotations['nginx.org/redirect-to-https'] === 'true')
      return { status: 301, location: href(`https://${probe.host}${probe.path}`) };
    const sslRedirect = serverAnnotations['ingress.kubernetes.io/ssl-redirect'];
    if (hostTls && sslRedirect !== undefined && sslRedirect !== 'false')
      return { status: 301, location: href(`https://${probe.host}${probe.path}`) };
  }
  const locations: NginxLocation[] = [];
  for (const { ingress, rule } of rules) {
    const regex = annotationsOf(ingress)['nginx.org/path-regex'];
    for (const entry of rule.http?.paths ?? []) {
      const path = entry.path || '/';
      const base = {
        ingress,
        sourcePath: path,
        backend: entry.backend,
        caseInsensitive: regex === 'case_insensitive',
      };
      if (entry.pathType === 'Exact' || regex === 'exact')
        locations.push({ ...base, kind: 'exact', value: path });
      else if (regex === 'case_sensitive' || regex === 'case_insensitive')
        locations.push({ ...base, kind: 'regex', value: path });
      else locations.push({ ...base, kind: 'prefix', value: path });
    }
  }
  const location = nginxSelect(locations, probe.path);
  if (location === undefined) return { status: 404 };
  const service = (location.backend.service as { name: string }).name;
  const rewrite = (annotationsOf(location.ingress)['nginx.org/rewrites'] ?? '')
    .split(';')
    .map((entry) => /^\s*serviceName=(\S+)\s+rewrite=(\S+)\s*$/.exec(entry))
    .find((match) => match?.[1] === service)?.[2];
  const path =
    rewrite !== undefined && location.kind === 'prefix'
      ? `${rewrite}${probe.path.slice(location.value.length)}`
      : probe.path;
  return {
    status: 200,
    backends: { [backendKeyOf(location.ingress, location.backend, portOf)]: 1 },
    path,
    host: probe.host,
    setHeaders: {},
  };
}

/**
 * Traefik's Kubernetes Ingress provider (doc.traefik.io: routing/providers/kubernetes-ingress,
 * routing/routers): `router.entrypoints` (web: HTTP, websecure: HTTPS, default both),
 * `router.tls: true` HTTPS only; paths by `router.pathmatcher` (Path: exact, PathPrefix: a prefix
 * string, PathRegexp: a Go regular expression found anywhere in the path, case-sensitive), else
 * Exact exact, Prefix whole segments, ImplementationSpecific PathPrefix; the longest rule wins.
 */
function routeTraefik(ingresses: Json[], probe: Probe, portOf: PortOf): Outcome {
  const candidates = rulesForHost(ingresses, probe.host).flatMap(({ ingress, rule }) => {
    const annotations = annotationsOf(ingress);
    const entryPoints = (annotations['traefik.ingress.kubernetes.io/router.entrypoints'] ?? 'web,websecure')
      .split(',')
      .map((name) => name.trim());
    const tlsOnly = annotations['traefik.ingress.kubernetes.io/router.tls'] === 'true';
    const served =
      probe.scheme === 'http' ? entryPoints.includes('web') && !tlsOnly : entryPoints.includes('websecure');
    if (!served) return [];
    const matcher = annotations['traefik.ingress.kubernetes.io/router.pathmatcher'];
    return (rule.http?.paths ?? []).map((entry) => {
      const path = entry.path || '/';
      const kind =
        matcher ??
        (entry.pathType === 'Exact' ? 'Path' : entry.pathType === 'Prefix' ? 'Segments' : 'PathPrefix');
      const matches =
        kind === 'Path'
          ? probe.path === path
          : kind === 'PathRegexp'
            ? new RegExp(path).test(probe.path)
            : kind === 'PathPrefix'
              ? probe.path.startsWith(path)
              : pathMatches('Prefix', path, probe.path);
      const ruleText = `Host(\`${rule.host ?? ''}\`) && ${kind}(\`${path}\`)`;
      return matches ? [{ ingress, entry, length: ruleText.length }] : [];
    });
  });
  const best = candidates.flat().sort((a, b) => b.length - a.length)[0];
  if (best === undefined) return { status: 404 };
  return {
    status: 200,
    backends: { [backendKeyOf(best.ingress, best.entry.backend, portOf)]: 1 },
    path: probe.path,
    host: probe.host,
    setHeaders: {},
  };
}

/** An ALB path pattern (`*` any characters, `?` one), case-sensitive. */
function albPattern(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The AWS Load Balancer Controller (kubernetes-sigs.github.io/aws-load-balancer-controller:
 * guide/ingress/annotations, spec): the Ingresses of one load balancer (a `group.name`, else one
 * Ingress) become listener rules in order (group.order, then path order); Prefix `/a` is the
 * patterns `/a` and `/a/*`; conditions match header and query values case-insensitively;
 * `actions.*` forward by weight or redirect (`#{...}` keeps the request's part); `ssl-redirect`
 * redirects HTTP with 301; listeners are `listen-ports` (default HTTPS with a certificate, else HTTP).
 * The caller passes the Ingresses of one load balancer.
 */
function routeAwsAlb(ingresses: Json[], probe: Probe, portOf: PortOf): Outcome {
  const key = (name: string) => `alb.ingress.kubernetes.io/${name}`;
  const ordered = [...ingresses].sort(
    (a, b) =>
      Number(annotationsOf(a)[key('group.order')] ?? 0) - Number(annotationsOf(b)[key('group.order')] ?? 0),
  );
  const listensOn = (ingress: Json): string[] => {
    const written = annotationsOf(ingress)[key('listen-ports')];
    if (written !== undefined)
      return (JSON.parse(written) as Array<Record<string, number>>).flatMap((entry) => Object.keys(entry));
    return tlsOf(ingress).length > 0 || annotationsOf(ingress)[key('certificate-arn')] ? ['HTTPS'] : ['HTTP'];
  };
  const protocol = probe.scheme === 'http' ? 'HTTP' : 'HTTPS';
  const serving = ordered.filter((ingress) => listensOn(ingress).includes(protocol));
  if (serving.length === 0) return { status: 404 };
  if (
    probe.scheme === 'http' &&
    ordered.some((ingress) => annotationsOf(ingress)[key('ssl-redirect')] !== undefined)
  )
    return { status: 301, location: href(`https://${probe.host}${probe.path}`) };
  const headers = lower(probe.headers);
  const [pathOnly = '/', query = ''] = probe.path.split('?');
  const params = new URLSearchParams(query);
  for (const ingress of serving) {
    const annotations = annotationsOf(ingress);
    for (const rule of rulesOfIngress(ingress)) {
      for (const entry of rule.http?.paths ?? []) {
        const service = (entry.backend.service as { name: string }).name;
        const conditions = JSON.parse(annotations[key(`conditions.${service}`)] ?? '[]') as Json[];
        const extraHosts = conditions
          .filter((condition) => condition.field === 'host-header')
          .flatMap((condition) => (condition.hostHeaderConfig as { values?: string[] }).values ?? []);
        const hosts = extraHosts.length > 0 ? extraHosts : rule.host ? [rule.host] : [];
        if (hosts.length > 0 && !hosts.some((host) => hostMatches(host.toLowerCase(), probe.host))) continue;
        const path = entry.path || '/';
        const patterns =
          entry.pathType === 'Exact'
            ? [path]
            : entry.pathType === 'Prefix'
              ? path === '/'
                ? ['/*']
                : [path.replace(/\/$/, ''), `${path.replace(/\/$/, '')}/*`]
              : [path];
        if (!patterns.some((pattern) => albPattern(pattern, pathOnly))) continue;
        const fits = conditions.every((condition) => {
          if (condition.field === 'http-header') {
            const config = condition.httpHeaderConfig as { httpHeaderName: string; values: string[] };
            const sent = headers[config.httpHeaderName.toLowerCase()];
            return sent !== undefined && config.values.some((v) => v.toLowerCase() === sent.toLowerCase());
          }
          if (condition.field === 'query-string') {
            const values =
              (condition.queryStringConfig as { Values?: Json[]; values?: Json[] }).Values ??
              (condition.queryStringConfig as { values: Json[] }).values;
            return values.some(
              (pair) => params.get(String(pair.key))?.toLowerCase() === String(pair.value).toLowerCase(),
            );
          }
          if (condition.field === 'http-request-method') {
            const config = condition.httpRequestMethodConfig as { Values?: string[]; values?: string[] };
            return (config.Values ?? config.values ?? []).includes(probe.method ?? 'GET');
          }
          return true;
        });
        if (!fits) continue;
        const port = (entry.backend.service as { port: { name?: string } }).port;
        if (port.name === 'use-annotation') {
          const action = JSON.parse(annotations[key(`actions.${service}`)] as string) as Json;
          if (action.type === 'redirect') {
            const config = action.redirectConfig as Record<string, string>;
            const scheme =
              (config.protocol ?? '#{protocol}') === '#{protocol}'
                ? probe.scheme
                : config.protocol!.toLowerCase();
            const host = (config.host ?? '#{host}') === '#{host}' ? probe.host : config.host;
            const redirectPath = (config.path ?? '/#{path}') === '/#{path}' ? pathOnly : config.path;
            const code = Number(String(config.statusCode ?? 'HTTP_301').replace('HTTP_', ''));
            return { status: code, location: href(`${scheme}://${host}${redirectPath}`) };
          }
          const groups = (action.forwardConfig as { targetGroups: Json[] }).targetGroups;
          return {
            status: 200,
            backends: shares(
              groups.map((group) => ({
                key: `${group.serviceName}:${portOf(namespaceOf(ingress), String(group.serviceName), /^\d+$/.test(String(group.servicePort)) ? Number(group.servicePort) : String(group.servicePort))}`,
                weight: Number(group.weight ?? 1),
              })),
            ),
            path: pathOnly,
            host: probe.host,
            setHeaders: {},
          };
        }
        return {
          status: 200,
          backends: { [backendKeyOf(ingress, entry.backend, portOf)]: 1 },
          path: pathOnly,
          host: probe.host,
          setHeaders: {},
        };
      }
    }
  }
  return { status: 404 };
}

/** How the controller of `provider` answers `probe`, given the Ingresses it serves. */
export function routeThroughController(
  provider: Provider,
  ingresses: Json[],
  probe: Probe,
  portOf: PortOf,
): Outcome {
  if (provider === 'ingress-nginx') return routeIngressNginx(ingresses, probe, portOf);
  if (provider === 'nginx-inc') return routeNginxInc(ingresses, probe, portOf);
  if (provider === 'traefik') return routeTraefik(ingresses, probe, portOf);
  return routeAwsAlb(ingresses, probe, portOf);
}

/** Gateway API ReplacePrefixMatch: the matched prefix replaced at a segment boundary. */
function replacePrefix(prefix: string, replacement: string, path: string): string {
  const rest = path.slice(prefix.replace(/\/$/, '').length);
  const joined = `${replacement.replace(/\/$/, '')}${rest}`;
  return joined === '' ? '/' : joined;
}

/** The HTTPRoute CORS filter (GEP-1767), as Envoy answers it: preflights with 200. */
function gatewayCors(cors: Json, probe: Probe): Outcome | Record<string, string> | null {
  const headers = lower(probe.headers);
  const origin = headers.origin;
  if (origin === undefined) return null;
  const origins = (cors.allowOrigins ?? []) as string[];
  const allowed = origins.some(
    (entry) =>
      entry === '*' ||
      entry === origin ||
      (entry.includes('://*.') && origin.endsWith(entry.slice(entry.indexOf('*') + 1))),
  );
  if (!allowed) return null;
  const credentials = cors.allowCredentials === true;
  const expose = (cors.exposeHeaders ?? []) as string[];
  const simple: Record<string, string> = {
    'access-control-allow-origin': origins.includes('*') && !credentials ? '*' : origin,
    ...(credentials ? { 'access-control-allow-credentials': 'true' } : {}),
    ...(expose.length > 0 ? { 'access-control-expose-headers': expose.join(', ') } : {}),
  };
  const preflight = probe.method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
  if (!preflight) return simple;
  return {
    status: 200,
    cors: {
      ...simple,
      'access-control-allow-methods': ((cors.allowMethods ?? []) as string[]).join(', '),
      'access-control-allow-headers': ((cors.allowHeaders ?? []) as string[]).join(', '),
      ...(cors.maxAge === undefined ? {} : { 'access-control-max-age': String(cors.maxAge) }),
    },
  };
}

interface GatewayCandidate {
  rule: Json;
  rank: number[];
}

/**
 * How the Gateway `gateway` answers `probe` with the generated objects: the listener by scheme and
 * the most specific hostname (a TLS Passthrough listener hands the connection to its TLSRoute);
 * the routes attached to it with the most specific matching hostname; then the rule by Gateway API
 * precedence (Exact path, then RegularExpression as Envoy Gateway orders it, then the longest
 * PathPrefix, then method, header and query matches; ties by order). RegularExpression matches the
 * whole path, case-sensitively (RE2 in Envoy). Filters: RequestRedirect, URLRewrite,
 * RequestHeaderModifier, CORS; backendRefs by weight.
 */
export function routeThroughGatewayApi(objects: Json[], gateway: string, probe: Probe): Outcome {
  const found = objects.find(
    (object) => object.kind === 'Gateway' && (object.metadata as Json).name === gateway,
  );
  if (found === undefined) return { status: 404 };
  const listeners = ((found.spec as Json).listeners ?? []) as Array<{
    name: string;
    protocol: string;
    port: number;
    hostname?: string;
  }>;
  const specificity = (hostname: string | undefined) =>
    hostname === undefined ? 0 : hostname === probe.host ? 2 : hostMatches(hostname, probe.host) ? 1 : -1;
  const listener = listeners
    .filter((entry) =>
      probe.scheme === 'http'
        ? entry.protocol === 'HTTP'
        : (entry.protocol === 'HTTPS' || entry.protocol === 'TLS') && entry.port === 443,
    )
    .filter((entry) => specificity(entry.hostname) >= 0)
    .sort((a, b) => specificity(b.hostname) - specificity(a.hostname))[0];
  if (listener === undefined) return { status: 404 };
  const attachedTo = (route: Json) =>
    (((route.spec as Json).parentRefs ?? []) as Json[]).some(
      (ref) => ref.name === gateway && (ref.sectionName === undefined || ref.sectionName === listener.name),
    );
  const hostnameRank = (route: Json) => {
    const names = ((route.spec as Json).hostnames ?? []) as string[];
    return names.length === 0 ? 0 : Math.max(...names.map((name) => specificity(name)));
  };
  const routesOf = (kinds: string[]) => {
    const attached = objects.filter(
      (object) => kinds.includes(String(object.kind)) && attachedTo(object) && hostnameRank(object) >= 0,
    );
    const top = Math.max(-1, ...attached.map(hostnameRank));
    return attached.filter((route) => hostnameRank(route) === top);
  };
  if (listener.protocol === 'TLS') {
    const route = routesOf(['TLSRoute'])[0];
    if (route === undefined) return { status: 404 };
    const backends = ((((route.spec as Json).rules as Json[])[0]?.backendRefs ?? []) as Json[]).map(
      (ref) => ({
        key: `${ref.name}:${ref.port}`,
        weight: Number(ref.weight ?? 1),
      }),
    );
    return { status: 200, passthrough: true, backends: shares(backends) };
  }
  const headers = lower(probe.headers);
  const grpc = (headers['content-type'] ?? '').startsWith('application/grpc');
  const grpcRoutes = grpc ? routesOf(['GRPCRoute']) : [];
  const routes = grpcRoutes.length > 0 ? grpcRoutes : routesOf(['HTTPRoute']);
  const [pathOnly = '/', query = ''] = probe.path.split('?');
  const params = new URLSearchParams(query);
  const candidates: GatewayCandidate[] = [];
  let order = 0;
  for (const route of routes) {
    for (const rule of ((route.spec as Json).rules ?? []) as Json[]) {
      const matches = ((rule.matches ?? []) as Json[]).length > 0 ? (rule.matches as Json[]) : [{}];
      for (const match of matches) {
        order += 1;
        const headerMatches = (match.headers ?? []) as Array<{ name: string; value: string }>;
        if (!headerMatches.every((header) => headers[header.name.toLowerCase()] === header.value)) continue;
        const queryMatches = (match.queryParams ?? []) as Array<{ name: string; value: string }>;
        if (!queryMatches.every((param) => params.get(param.name) === param.value)) continue;
        if (
          match.method !== undefined &&
          route.kind === 'HTTPRoute' &&
          match.method !== (probe.method ?? 'GET')
        )
          continue;
        let type = 'PathPrefix';
        let value = '/';
        if (route.kind === 'GRPCRoute') {
          const method = match.method as { service?: string; method?: string } | undefined;
          if (method?.service) {
            value = `/${method.service}/${method.method ?? ''}`;
            type = method.method ? 'Exact' : 'PathPrefix';
          }
        } else if (match.path !== undefined) {
          ({ type, value } = match.path as { type: string; value: string });
        }
        const fits =
          type === 'Exact'
            ? pathOnly === value
            : type === 'RegularExpression'
              ? new RegExp(`^(?:${value})$`).test(pathOnly)
              : route.kind === 'GRPCRoute'
                ? pathOnly.startsWith(value)
                : pathMatches('Prefix', value, pathOnly);
        if (!fits) continue;
        candidates.push({
          rule: { ...rule, match, routeKind: route.kind },
          rank: [
            type === 'Exact' ? 2 : type === 'RegularExpression' ? 1 : 0,
            type === 'PathPrefix' ? value.length : 0,
            match.method === undefined ? 0 : 1,
            headerMatches.length,
            queryMatches.length,
            -order,
          ],
        });
      }
    }
  }
  candidates.sort((a, b) => {
    for (let index = 0; index < a.rank.length; index++) {
      const difference = (b.rank[index] as number) - (a.rank[index] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const chosen = candidates[0]?.rule;
  if (chosen === undefined) return { status: 404 };
  const match = chosen.match as Json;
  const filters = (chosen.filters ?? []) as Json[];
  const redirect = filters.find((filter) => filter.type === 'RequestRedirect')?.requestRedirect as
    | { scheme?: 'http' | 'https'; hostname?: string; port?: number; path?: Json; statusCode?: number }
    | undefined;
  const matchedPrefix = ((match.path as Json | undefined)?.value as string | undefined) ?? '/';
  const rewritePath = (rewrite: Json | undefined): string => {
    if (rewrite === undefined) return pathOnly;
    if (rewrite.type === 'ReplaceFullPath') return rewrite.replaceFullPath as string;
    return replacePrefix(matchedPrefix, rewrite.replacePrefixMatch as string, pathOnly);
  };
  if (redirect !== undefined) {
    const scheme = redirect.scheme ?? probe.scheme;
    const port = redirect.port ?? (redirect.scheme ? DEFAULT_PORT[redirect.scheme] : listener.port);
    const hostname = redirect.hostname ?? probe.host;
    const shown = port === DEFAULT_PORT[scheme] ? '' : `:${port}`;
    return {
      status: redirect.statusCode ?? 302,
      location: href(`${scheme}://${hostname}${shown}${rewritePath(redirect.path)}`),
    };
  }
  const corsFilter = filters.find((filter) => filter.type === 'CORS')?.cors as Json | undefined;
  const cors = corsFilter === undefined ? null : gatewayCors(corsFilter, probe);
  if (cors !== null && 'status' in cors) return cors as Outcome;
  const backendRefs = (chosen.backendRefs ?? []) as Json[];
  if (backendRefs.length === 0) return { status: 500 };
  const rewrite = filters.find((filter) => filter.type === 'URLRewrite')?.urlRewrite as Json | undefined;
  const modifier = filters.find((filter) => filter.type === 'RequestHeaderModifier')?.requestHeaderModifier as
    | { set?: Array<{ name: string; value: string }>; add?: Array<{ name: string; value: string }> }
    | undefined;
  const setHeaders = Object.fromEntries(
    [...(modifier?.set ?? []), ...(modifier?.add ?? [])].map((header) => [
      header.name.toLowerCase(),
      header.value,
    ]),
  );
  // A BackendTLSPolicy on the Service: the gateway connects with TLS, verifies, and always sends SNI.
  const policy = objects.find(
    (object) =>
      object.kind === 'BackendTLSPolicy' &&
      (((object.spec as Json).targetRefs ?? []) as Json[]).some((ref) =>
        backendRefs.some((backend) => ref.kind === 'Service' && ref.name === backend.name),
      ),
  );
  const validation = policy === undefined ? undefined : ((policy.spec as Json).validation as Json);
  return {
    status: 200,
    backends: shares(
      backendRefs.map((ref) => ({ key: `${ref.name}:${ref.port}`, weight: Number(ref.weight ?? 1) })),
    ),
    path: rewritePath(rewrite?.path as Json | undefined),
    host: (rewrite?.hostname as string | undefined) ?? probe.host,
    setHeaders,
    ...(cors !== null ? { cors: cors as Record<string, string> } : {}),
    ...(validation === undefined
      ? {}
      : {
          backendTls: {
            caSecret: ((validation.caCertificateRefs as Json[])[0]?.name as string) ?? '',
            hostname: validation.hostname as string,
            sni: true,
          },
        }),
  };
}
