/**
 * Ingress → Gateway API, in the spirit of kubernetes-sigs/ingress2gateway: an HTTPRoute per
 * namespace and host (GRPCRoute for gRPC backends), one rule per Ingress path, TLS as HTTPS
 * listeners, `defaultBackend` as a catch-all, each IngressClass as its own Gateway, and the
 * ingress-nginx annotations of ./ingress-nginx.ts. Routing is preserved: the same (host, path,
 * path type) reaches the same (Service, port). Whatever cannot be carried over is a warning.
 */

import { INGRESS } from '../known/annotations.js';
import { displayName } from '../manifests/objects.js';
import { type NginxFeatures, strippedPrefix } from './ingress-nginx.js';
import { claimName, type MigrationContext, markConverted, metadataOf, warn } from './internal/context.js';
import { GATEWAY_API_V1, type GatewayGroup, type GatewaySet } from './internal/gateways.js';
import { type IngressPath, type ReadIngress, readIngress, resolvePort } from './internal/ingress-source.js';
import { toDnsLabel } from './internal/names.js';
import { pathValueProblems } from './internal/rules.js';
import type { EmittedDocument } from './internal/yaml.js';

/** Most rules one HTTPRoute or GRPCRoute may have. */
const MAX_ROUTE_RULES = 16;

/** ingress-nginx redirects HTTP to HTTPS with 308 (`http-redirect-code` in its ConfigMap). */
const SSL_REDIRECT_CODE = 308;

type Match = { path: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string } } | null;

interface RuleDraft {
  match: Match;
  headers: Array<{ name: string; value: string }>;
  backends: Array<{ name: string; port: number; weight?: number }>;
  filters: Array<Record<string, unknown>>;
  /** A RequestRedirect filter in place of backends (permanent-redirect, app-root). */
  redirect: Record<string, unknown> | null;
  /** Whether plain HTTP requests to this rule are redirected to HTTPS. */
  sslRedirect: 'off' | 'when-tls' | 'force';
  ingress: ReadIngress;
}

interface RouteDraft {
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string | null;
  host: string | null;
  group: GatewayGroup;
  rules: RuleDraft[];
  sources: ReadIngress[];
}

/** Reads the Ingresses to convert and the Gateway group of each. */
export function readIngresses(
  context: MigrationContext,
  groupFor: (className: string | null) => GatewayGroup,
): ReadIngress[] {
  return context.inventory.ingresses.map((view) => {
    const read = readIngress(context, view);
    return { ...read, group: groupFor(view.className) };
  });
}

/** First pass: the HTTPS listeners of the Ingresses' TLS sections. */
export function registerIngressCertificates(
  context: MigrationContext,
  gateways: GatewaySet,
  ingresses: readonly ReadIngress[],
): void {
  for (const ingress of ingresses) {
    if (ingress.nginx.canary) continue;
    const about = `Ingress ${displayName(ingress.view.object)}`;
    for (const entry of ingress.tls) {
      if (entry.secretName === null) {
        warn(
          context,
          `${about}: spec.tls[${entry.index}] names no Secret (the controller's default certificate served it); give the HTTPS listener a certificateRef by hand.`,
          ingress.view.object,
          ['spec', 'tls', entry.index],
        );
        continue;
      }
      const certificate = { name: entry.secretName, namespace: ingress.namespace ?? 'default' };
      const hosts = entry.hosts.length > 0 ? entry.hosts : [null];
      for (const host of hosts) gateways.addHttps(host, certificate, ingress.group, about);
    }
  }
}

/** Second pass: the routes, one per namespace, host and kind, with canaries folded in. */
export function migrateIngressesToGateway(
  context: MigrationContext,
  gateways: GatewaySet,
  ingresses: readonly ReadIngress[],
): EmittedDocument[] {
  const routes = new Map<string, RouteDraft>();
  const routeFor = (ingress: ReadIngress, host: string | null, kind: RouteDraft['kind']): RouteDraft => {
    const key = `${kind}|${ingress.namespace ?? ''}|${host ?? ''}|${ingress.group.key}`;
    let route = routes.get(key);
    if (route === undefined) {
      route = { kind, namespace: ingress.namespace, host, group: ingress.group, rules: [], sources: [] };
      routes.set(key, route);
    }
    if (!route.sources.includes(ingress)) route.sources.push(ingress);
    return route;
  };

  for (const ingress of ingresses.filter((entry) => !entry.nginx.canary))
    addRules(context, ingress, routeFor);
  for (const ingress of ingresses.filter((entry) => entry.nginx.canary)) addCanary(context, ingress, routes);
  for (const ingress of ingresses.filter((entry) => !entry.nginx.canary))
    addDefaultBackend(context, ingress, routes, routeFor);

  const documents: EmittedDocument[] = [];
  for (const route of routes.values()) {
    if (route.rules.length > 0) documents.push(...renderRoute(context, gateways, route));
  }
  for (const ingress of ingresses) markConverted(context, ingress.view.object);
  return documents;
}

function addRules(
  context: MigrationContext,
  ingress: ReadIngress,
  routeFor: (ingress: ReadIngress, host: string | null, kind: RouteDraft['kind']) => RouteDraft,
): void {
  const { object } = ingress.view;
  const { nginx } = ingress;
  let regexWarned = false;
  for (const path of ingress.paths) {
    const label = `Ingress ${displayName(object)} path ${path.path}`;
    if (path.backend === null) {
      warn(
        context,
        `${label}: a resource backend is not carried over (routes reach Services).`,
        object,
        path.at,
      );
      continue;
    }
    const match = toMatch(context, ingress, path);
    if (match === undefined) continue;
    if (match?.path.type === 'RegularExpression' && !regexWarned) {
      regexWarned = true;
      warn(
        context,
        `Ingress ${displayName(object)} uses regular-expression paths (use-regex): RegularExpression matches are Extended support and their syntax is implementation-specific; check them.`,
        object,
        ['metadata', 'annotations', `${INGRESS.ingressNginxPrefix}use-regex`],
      );
    }
    if (nginx.grpc && grpcMethod(match) === undefined) {
      warn(
        context,
        `${label}: a gRPC route matches /package.Service or /package.Service/Method paths only; not carried over.`,
        object,
        path.at,
      );
      continue;
    }
    const port = resolvePort(context, ingress, path.backend, [...path.at, 'backend']);
    if (port === null) continue;
    const route = routeFor(ingress, path.host, nginx.grpc ? 'GRPCRoute' : 'HTTPRoute');
    const rule: RuleDraft = {
      match,
      headers: [],
      backends: [{ name: path.backend.service, port }],
      filters: route.kind === 'HTTPRoute' ? filtersFor(nginx, match) : [],
      redirect: null,
      sslRedirect: nginx.sslRedirect,
      ingress,
    };
    if (nginx.redirect !== null && route.kind === 'HTTPRoute') {
      const { url, statusCode } = nginx.redirect;
      rule.backends = [];
      rule.filters = [];
      rule.redirect = {
        scheme: url.protocol.slice(0, -1),
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: { type: 'ReplaceFullPath', replaceFullPath: `${url.pathname}${url.search}` },
        statusCode,
      };
    }
    if (nginx.rewritePrefix !== null && match?.path.type === 'RegularExpression') {
      warn(
        context,
        `${label}: rewrite-target cannot apply to a regular-expression match; not carried over.`,
        object,
        path.at,
      );
    }
    route.rules.push(rule);
  }
  if (nginx.appRoot !== null && !nginx.grpc) {
    const hosts = [...new Set(ingress.paths.map((path) => path.host))];
    for (const host of hosts) {
      routeFor(ingress, host, 'HTTPRoute').rules.unshift({
        match: { path: { type: 'Exact', value: '/' } },
        headers: [],
        backends: [],
        filters: [],
        redirect: { path: { type: 'ReplaceFullPath', replaceFullPath: nginx.appRoot }, statusCode: 302 },
        sslRedirect: nginx.sslRedirect,
        ingress,
      });
    }
  }
}

/** The route match of an Ingress path; undefined (with a warning) when it cannot be written. */
function toMatch(context: MigrationContext, ingress: ReadIngress, path: IngressPath): Match | undefined {
  const { object } = ingress.view;
  const { nginx } = ingress;
  const label = `Ingress ${displayName(object)} path ${path.path}`;
  if (nginx.rewritePrefix === '/' && strippedPrefix(path.path) !== null) {
    return { path: { type: 'PathPrefix', value: strippedPrefix(path.path) as string } };
  }
  if (nginx.useRegex) return { path: { type: 'RegularExpression', value: path.path } };
  const type = path.pathType === 'Exact' ? 'Exact' : 'PathPrefix';
  const problems = pathValueProblems(type, path.path);
  if (problems.length > 0) {
    warn(
      context,
      `${label}: not a path a route can match (${problems.join('; ')}); not carried over.`,
      object,
      path.at,
    );
    return undefined;
  }
  if (type === 'Exact') return { path: { type, value: path.path } };
  if (path.pathType === 'ImplementationSpecific' && !path.path.endsWith('/')) {
    warn(
      context,
      `${label}: pathType ImplementationSpecific is read as PathPrefix, which matches whole path segments (${path.path} no longer matches ${path.path.replace(/\/$/, '')}x).`,
      object,
      [...path.at, 'pathType'],
    );
  }
  return { path: { type: 'PathPrefix', value: path.path } };
}

function filtersFor(nginx: NginxFeatures, match: Match): Array<Record<string, unknown>> {
  const filters: Array<Record<string, unknown>> = [];
  if (nginx.cors !== null) filters.push({ type: 'CORS', cors: nginx.cors });
  if (nginx.forwardedPrefix !== null) {
    filters.push({
      type: 'RequestHeaderModifier',
      requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value: nginx.forwardedPrefix }] },
    });
  }
  if (nginx.rewritePrefix !== null && match !== null && match.path.type !== 'RegularExpression') {
    filters.push({
      type: 'URLRewrite',
      urlRewrite: {
        path:
          match.path.type === 'PathPrefix'
            ? { type: 'ReplacePrefixMatch', replacePrefixMatch: nginx.rewritePrefix }
            : { type: 'ReplaceFullPath', replaceFullPath: nginx.rewritePrefix },
      },
    });
  }
  return filters;
}

/** Folds a canary Ingress into the rules of the Ingress it shadows: weights and header matches. */
function addCanary(context: MigrationContext, ingress: ReadIngress, routes: Map<string, RouteDraft>): void {
  const canary = ingress.nginx.canary!;
  const { object } = ingress.view;
  for (const path of ingress.paths) {
    const label = `Canary Ingress ${displayName(object)} path ${path.path}`;
    if (path.backend === null) continue;
    const match = toMatch(context, ingress, path);
    if (match === undefined) continue;
    const port = resolvePort(context, ingress, path.backend, [...path.at, 'backend']);
    if (port === null) continue;
    const kinds = ['HTTPRoute', 'GRPCRoute'] as const;
    const route = kinds
      .map((kind) => routes.get(`${kind}|${ingress.namespace ?? ''}|${path.host ?? ''}|${ingress.group.key}`))
      .find((candidate) => candidate !== undefined);
    const primary = route?.rules.find(
      (rule) => rule.headers.length === 0 && rule.redirect === null && sameMatch(rule.match, match),
    );
    if (route === undefined || primary === undefined) {
      warn(
        context,
        `${label}: no Ingress of the set serves the same host and path, so the canary is not carried over.`,
        object,
        path.at,
      );
      continue;
    }
    if (!route.sources.includes(ingress)) route.sources.push(ingress);
    const stable = primary.backends[0]!;
    const canaryBackend = { name: path.backend.service, port };
    if (canary.weight > 0) {
      primary.backends = [
        { ...stable, weight: canary.total - canary.weight },
        { ...canaryBackend, weight: canary.weight },
      ];
    }
    if (canary.header !== null) {
      const byHeader = (value: string, backend: { name: string; port: number }): RuleDraft => ({
        ...primary,
        headers: [{ name: canary.header as string, value }],
        backends: [backend],
      });
      const index = route.rules.indexOf(primary);
      const added =
        canary.headerValue !== null
          ? [byHeader(canary.headerValue, canaryBackend)]
          : [byHeader('always', canaryBackend), ...(canary.weight > 0 ? [byHeader('never', stable)] : [])];
      route.rules.splice(index, 0, ...added);
    }
  }
}

function sameMatch(a: Match, b: Match): boolean {
  return a?.path.type === b?.path.type && a?.path.value === b?.path.value;
}

/**
 * `defaultBackend` takes what no rule matches: a catch-all rule on each of the Ingress's hosts
 * (implementations pick the route by host before path) and a host-less route for other hosts.
 */
function addDefaultBackend(
  context: MigrationContext,
  ingress: ReadIngress,
  routes: Map<string, RouteDraft>,
  routeFor: (ingress: ReadIngress, host: string | null, kind: RouteDraft['kind']) => RouteDraft,
): void {
  if (ingress.defaultBackend === null) return;
  const { backend, at } = ingress.defaultBackend;
  if (backend === null) {
    warn(
      context,
      `Ingress ${displayName(ingress.view.object)}: a resource defaultBackend is not carried over.`,
      ingress.view.object,
      at,
    );
    return;
  }
  const port = resolvePort(context, ingress, backend, at);
  if (port === null) return;
  const catchAll: Match = { path: { type: 'PathPrefix', value: '/' } };
  const hosts = [...new Set([...ingress.paths.map((path) => path.host), null])];
  for (const host of hosts) {
    const route =
      routes.get(`HTTPRoute|${ingress.namespace ?? ''}|${host ?? ''}|${ingress.group.key}`) ??
      routeFor(ingress, host, 'HTTPRoute');
    if (route.rules.some((rule) => rule.headers.length === 0 && sameMatch(rule.match, catchAll))) continue;
    route.rules.push({
      match: catchAll,
      headers: [],
      backends: [{ name: backend.service, port }],
      filters: [],
      redirect: null,
      sslRedirect: ingress.nginx.sslRedirect,
      ingress,
    });
  }
}

function renderRoute(context: MigrationContext, gateways: GatewaySet, route: RouteDraft): EmittedDocument[] {
  const first = route.sources[0]!;
  const hostnames = route.host === null ? [] : [route.host];
  const slug =
    route.host === null
      ? 'all-hosts'
      : toDnsLabel(route.host.replace(/^\*\./, 'wildcard.').replaceAll('.', '-'));
  const source = `Ingress ${route.sources.map((ingress) => displayName(ingress.view.object)).join(', Ingress ')}`;
  const attach = {
    namespace: route.namespace,
    kind: route.kind,
    sources: route.sources.map((ingress) => `Ingress ${displayName(ingress.view.object)}`),
    group: route.group,
  };
  const https = gateways.servesHttps(route.host, route.group);
  const redirects = (rule: RuleDraft): boolean =>
    route.kind === 'HTTPRoute' &&
    rule.redirect === null &&
    (rule.sslRedirect === 'force' || (rule.sslRedirect === 'when-tls' && https));
  const anyRedirect = route.rules.some(redirects);
  if (anyRedirect && !https) {
    warn(
      context,
      `${source}: force-ssl-redirect for ${route.host ?? 'every host'} is not carried over: the Gateway has no HTTPS listener for it (TLS ended before ingress-nginx?).`,
    );
  }
  const splitHttp = anyRedirect && https;
  const documents: EmittedDocument[] = [];
  const emit = (
    suffix: string,
    rules: RuleDraft[],
    only: 'http' | 'https' | undefined,
    forHttp: boolean,
  ): void => {
    for (let start = 0; start < rules.length; start += MAX_ROUTE_RULES) {
      const chunk = rules.slice(start, start + MAX_ROUTE_RULES);
      const name = claimName(
        context,
        route.kind,
        route.namespace,
        `${first.view.object.name}-${slug}${suffix}`,
      );
      documents.push({
        comments: [
          `${route.kind} for ${route.host ?? 'every host'}, from ${source} (${[...new Set(route.sources.map((ingress) => ingress.view.object.file))].join(', ')}).`,
          ...(forHttp ? ['Plain HTTP: redirects to HTTPS where ingress-nginx did, forwards elsewhere.'] : []),
        ],
        object: {
          apiVersion: GATEWAY_API_V1,
          kind: route.kind,
          metadata: metadataOf(name, route.namespace),
          spec: {
            parentRefs: gateways.attachHttp(attach, hostnames, only),
            ...(hostnames.length > 0 ? { hostnames } : {}),
            rules: chunk.map((rule) => renderRule(route.kind, rule, forHttp && redirects(rule))),
          },
        },
      });
    }
  };
  if (splitHttp) {
    emit('', route.rules, 'https', false);
    // Every rule redirecting is the common case (ingress-nginx redirects the whole TLS host): one
    // rule without matches says it, and also redirects paths no rule matched, as ingress-nginx does.
    const everyRule = route.rules.every(redirects);
    emit(
      '-http',
      everyRule ? [{ ...(route.rules[0] as RuleDraft), match: null, headers: [] }] : route.rules,
      'http',
      true,
    );
  } else emit('', route.rules, undefined, false);
  return documents;
}

function renderRule(
  kind: RouteDraft['kind'],
  rule: RuleDraft,
  sslRedirect: boolean,
): Record<string, unknown> {
  const backendRefs = rule.backends.map((backend) => ({
    name: backend.name,
    port: backend.port,
    ...(backend.weight === undefined ? {} : { weight: backend.weight }),
  }));
  if (kind === 'GRPCRoute') {
    const method = grpcMethod(rule.match);
    const headers = rule.headers.map((header) => ({ name: header.name, value: header.value }));
    const matches =
      method !== null || headers.length > 0
        ? [{ ...(method ? { method } : {}), ...(headers.length ? { headers } : {}) }]
        : [];
    return { ...(matches.length > 0 ? { matches } : {}), backendRefs };
  }
  const match: Record<string, unknown> = {
    ...(rule.match === null ? {} : { path: rule.match.path }),
    ...(rule.headers.length > 0
      ? { headers: rule.headers.map((header) => ({ name: header.name, value: header.value })) }
      : {}),
  };
  const matches = Object.keys(match).length > 0 ? [match] : [];
  if (sslRedirect) {
    return {
      ...(matches.length > 0 ? { matches } : {}),
      filters: [
        { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: SSL_REDIRECT_CODE } },
      ],
    };
  }
  if (rule.redirect !== null) {
    return {
      ...(matches.length > 0 ? { matches } : {}),
      filters: [{ type: 'RequestRedirect', requestRedirect: rule.redirect }],
    };
  }
  return {
    ...(matches.length > 0 ? { matches } : {}),
    ...(rule.filters.length > 0 ? { filters: rule.filters } : {}),
    backendRefs,
  };
}

/** gRPC reads `/package.Service/Method` paths: a path naming a service (and method) becomes a method match. */
function grpcMethod(match: Match): Record<string, unknown> | null | undefined {
  if (match === null || (match.path.value === '/' && match.path.type === 'PathPrefix')) return null;
  if (match.path.type === 'RegularExpression') return undefined;
  const parts = match.path.value.split('/').filter((part) => part !== '');
  if (parts.length === 1 && match.path.type === 'PathPrefix') return { type: 'Exact', service: parts[0] };
  if (parts.length === 2) return { type: 'Exact', service: parts[0], method: parts[1] };
  return undefined;
}

/** The Gateway group of Ingresses of a class: their own Gateway, unless `--class` names one for all. */
export function ingressGroup(
  context: MigrationContext,
  className: string | null,
  fallbackClass: () => string,
): GatewayGroup {
  if (context.options.className !== undefined) {
    return { key: 'public', name: 'web', internal: false, className: context.options.className };
  }
  if (className === null) return { key: 'public', name: 'web', internal: false, className: fallbackClass() };
  warn(
    context,
    `Ingresses of class ${className} move to their own Gateway ${toDnsLabel(className)} with GatewayClass ${className}, as ingress2gateway maps classes: rename it to your implementation's GatewayClass, or pass --class to put every Ingress on one Gateway.`,
  );
  return { key: `class:${className}`, name: toDnsLabel(className), internal: false, className };
}
