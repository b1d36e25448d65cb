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
