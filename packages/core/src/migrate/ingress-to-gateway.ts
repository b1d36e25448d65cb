/**
 * Ingress → Gateway API, in the spirit of kubernetes-sigs/ingress2gateway: an HTTPRoute per
 * namespace and host (GRPCRoute for gRPC backends), one rule per Ingress path, TLS as HTTPS
 * listeners, `defaultBackend` as a catch-all, each IngressClass as its own Gateway, and the
 * controller annotations of ./annotations/. Routing is preserved: the same (host, path,
 * path type) reaches the same (Service, port). Whatever cannot be carried over is a warning.
 */

import { displayName } from '../manifests/objects.js';
import type { RouteFeatures } from './annotations/features.js';
import { strippedPrefix } from './annotations/ingress-nginx.js';
import { type PolicyTarget, policyDocuments } from './emitters/policies.js';
import { backendTlsPolicies, passthroughRoutes } from './ingress-tls.js';
import { claimName, type MigrationContext, markConverted, metadataOf, warn } from './internal/context.js';
import { GATEWAY_API_V1, type GatewayGroup, type GatewaySet } from './internal/gateways.js';
import {
  type Backend,
  type IngressPath,
  type ReadIngress,
  readIngress,
  resolvePort,
} from './internal/ingress-source.js';
import { toDnsLabel } from './internal/names.js';
import { pathValueProblems } from './internal/rules.js';
import type { EmittedDocument } from './internal/yaml.js';

/** Most rules one HTTPRoute or GRPCRoute may have. */
const MAX_ROUTE_RULES = 16;

type Match = { path: { type: 'Exact' | 'PathPrefix' | 'RegularExpression'; value: string } } | null;

/** A backendRef: a Service port, or an object of another kind (`resource` backends). */
interface BackendDraft {
  name: string;
  port?: number;
  weight?: number;
  group?: string;
  kind?: string;
}

/** A host name a route may list: RFC 1123, optionally a `*.` wildcard (not `<FQDN>` placeholders). */
const ROUTE_HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

interface RuleDraft {
  match: Match;
  /** The path as the Ingress wrote it, so a canary finds its stable rule whatever the match type. */
  sourcePath: string;
  headers: Array<{ name: string; value: string }>;
  queryParams: Array<{ name: string; value: string }>;
  method: string | null;
  backends: BackendDraft[];
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
    return { ...read, group: controllerGroup(groupFor(view.className), read.features) };
  });
}

/** First pass: the HTTPS listeners of the Ingresses' TLS sections. */
export function registerIngressCertificates(
  context: MigrationContext,
  gateways: GatewaySet,
  ingresses: readonly ReadIngress[],
): void {
  for (const ingress of ingresses) {
    // Canaries share their stable Ingress's server; with ssl-passthrough the backend holds the certificate.
    if (ingress.features.canary || ingress.features.sslPassthrough) continue;
    const about = `Ingress ${displayName(ingress.view.object)}`;
    for (const entry of ingress.tls) {
      const where = { object: ingress.view.object, path: ['spec', 'tls', entry.index] };
      if (entry.secretName === null) {
        warn(
          context,
          `${about}: spec.tls[${entry.index}] names no Secret (the controller's default certificate served it); give the HTTPS listener a certificateRef by hand.`,
          where.object,
          where.path,
        );
        continue;
      }
      const certificate = { name: entry.secretName, namespace: ingress.namespace ?? 'default' };
      // A TLS entry without hosts serves this Ingress's own hosts, not every host of the Gateway.
      const ruleHosts = [...new Set(ingress.paths.map((path) => path.host))].filter(
        (host): host is string => host !== null && ROUTE_HOSTNAME.test(host),
      );
      const hosts = entry.hosts.length > 0 ? entry.hosts : ruleHosts.length > 0 ? ruleHosts : [null];
      for (const host of hosts) gateways.addHttps(host, certificate, ingress.group, about, where);
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

  for (const ingress of ingresses.filter((entry) => !entry.features.canary))
    addRules(context, ingress, routeFor);
  for (const ingress of ingresses.filter((entry) => entry.features.canary))
    addCanary(context, ingress, routes);
  for (const ingress of ingresses.filter((entry) => !entry.features.canary))
    addDefaultBackend(context, ingress, routes, routeFor);

  const documents: EmittedDocument[] = [];
  const targets: PolicyTarget[] = [];
  for (const route of routes.values()) {
    if (route.rules.length > 0) documents.push(...renderRoute(context, gateways, route, targets));
  }
  documents.push(...passthroughRoutes(context, gateways, ingresses));
  documents.push(...backendTlsPolicies(context, ingresses));
  documents.push(...policyDocuments(context, targets));
  for (const ingress of ingresses) markConverted(context, ingress.view.object);
  return documents;
}

/** A rule that sends a request to backends, with the annotation-derived parts left empty. */
function forwardRule(
  ingress: ReadIngress,
  match: Match,
  sourcePath: string,
  backends: BackendDraft[],
): RuleDraft {
  return {
    match,
    sourcePath,
    headers: [],
    queryParams: [],
    method: null,
    backends,
    filters: [],
    redirect: null,
    sslRedirect: ingress.features.sslRedirect,
    ingress,
  };
}

function describePath(path: string): string {
  return path === '' ? 'path ""' : `path ${path}`;
}

function addRules(
  context: MigrationContext,
  ingress: ReadIngress,
  routeFor: (ingress: ReadIngress, host: string | null, kind: RouteDraft['kind']) => RouteDraft,
): void {
  const { object } = ingress.view;
  const { features } = ingress;
  let regexWarned = false;
  if (features.backendTls && features.backendTlsPolicy === null) {
    warn(
      context,
      `Ingress ${displayName(object)}: its backends speak TLS (HTTPS or GRPCS): the routes are written, and each Service needs a BackendTLSPolicy (CA certificate and host name) for the gateway to connect with TLS; it is written when the Ingress sets proxy-ssl-verify: on, proxy-ssl-secret and proxy-ssl-name.`,
      object,
      ['metadata', 'annotations'],
    );
  }
  for (const path of ingress.paths) {
    const label = `Ingress ${displayName(object)} ${describePath(path.path)}`;
    if (path.host !== null && !ROUTE_HOSTNAME.test(path.host)) {
      warn(
        context,
        `${label}: host ${path.host} is not a host name (a placeholder?), which HTTPRoute hostnames reject; not carried over: put the real host in the source.`,
        object,
        [...path.at.slice(0, 3), 'host'],
      );
      continue;
    }
    if (path.backend === null && path.resource === null) {
      warn(
        context,
        `${label}: the backend names neither a Service nor a resource; not carried over.`,
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
        `Ingress ${displayName(object)} uses regular-expression paths: RegularExpression matches are Extended support and their syntax is implementation-specific (ingress-nginx matches them case-insensitively from the start of the path); check them.`,
        object,
        ['metadata', 'annotations'],
      );
    }
    const grpc = features.grpc || (path.backend !== null && features.grpcServices.has(path.backend.service));
    if (grpc && grpcMethod(match) === undefined) {
      warn(
        context,
        `${label}: a gRPC route matches /package.Service or /package.Service/Method paths only; not carried over.`,
        object,
        path.at,
      );
      continue;
    }
    const drafted = draftRule(context, ingress, path, match, grpc, label);
    if (drafted === null) continue;
    const kind = grpc ? 'GRPCRoute' : 'HTTPRoute';
    const condition = path.backend ? features.albConditions.get(path.backend.service) : undefined;
    const hosts = condition && condition.hosts.length > 0 ? condition.hosts : [path.host];
    for (const host of hosts) routeFor(ingress, host, kind).rules.push({ ...drafted });
  }
  if (features.appRoot !== null && !features.grpc) {
    const hosts = [...new Set(ingress.paths.map((path) => path.host))].filter(
      (host) => host === null || ROUTE_HOSTNAME.test(host),
    );
    for (const host of hosts) {
      routeFor(ingress, host, 'HTTPRoute').rules.unshift({
        ...forwardRule(ingress, { path: { type: 'Exact', value: '/' } }, '/', []),
        redirect: { path: { type: 'ReplaceFullPath', replaceFullPath: features.appRoot }, statusCode: 302 },
      });
    }
  }
}

/** The rule of one Ingress path: its backends (or redirect), filters and extra matches; null when none. */
function draftRule(
  context: MigrationContext,
  ingress: ReadIngress,
  path: IngressPath,
  match: Match,
  grpc: boolean,
  label: string,
): RuleDraft | null {
  const { object } = ingress.view;
  const { features } = ingress;
  if (path.backend === null) {
    const resource = path.resource!;
    return forwardRule(ingress, match, path.path, [
      { group: resource.group, kind: resource.kind, name: resource.name },
    ]);
  }
  const rule = forwardRule(ingress, match, path.path, []);
  const action = features.albActions.get(path.backend.service);
  if (action !== undefined && path.backend.port === 'use-annotation') {
    if (action.type === 'unsupported') return null; // Reported with the annotation.
    if (action.type === 'redirect') rule.redirect = action.redirect;
    else {
      for (const target of action.targets) {
        const port = resolvePort(context, ingress, { service: target.service, port: target.port }, [
          ...path.at,
          'backend',
        ]);
        if (port === null) return null;
        rule.backends.push({ name: target.service, port, weight: target.weight });
      }
    }
  } else {
    const port = resolvePort(context, ingress, path.backend, [...path.at, 'backend']);
    if (port === null) return null;
    rule.backends = [{ name: path.backend.service, port }];
  }
  const condition = features.albConditions.get(path.backend.service);
  if (condition !== undefined) {
    rule.headers = [...condition.headers];
    rule.queryParams = [...condition.queryParams];
    rule.method = condition.method;
  }
  if (rule.redirect === null && !grpc) rule.filters = filtersFor(features, match, path.backend);
  if (features.redirect !== null && !grpc) {
    const { url, statusCode } = features.redirect;
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
  if (features.rewritePrefix !== null && match?.path.type === 'RegularExpression') {
    warn(
      context,
      `${label}: rewrite-target cannot apply to a regular-expression match; not carried over.`,
      object,
      path.at,
    );
  }
  return rule;
}

/** The route match of an Ingress path; undefined (with a warning) when it cannot be written. */
function toMatch(context: MigrationContext, ingress: ReadIngress, path: IngressPath): Match | undefined {
  const { object } = ingress.view;
  const { features } = ingress;
  const label = `Ingress ${displayName(object)} ${describePath(path.path)}`;
  if (features.rewritePrefix === '/' && strippedPrefix(path.path) !== null) {
    return { path: { type: 'PathPrefix', value: strippedPrefix(path.path) as string } };
  }
  if (features.useRegex) return { path: { type: 'RegularExpression', value: regexPrefix(path.path) } };
  const type = features.pathType ?? (path.pathType === 'Exact' ? 'Exact' : 'PathPrefix');
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
  if (features.pathType === null && path.pathType === 'ImplementationSpecific' && !path.path.endsWith('/')) {
    warn(
      context,
      `${label}: pathType ImplementationSpecific is read as PathPrefix, which matches whole path segments (${path.path} no longer matches ${path.path.replace(/\/$/, '')}x).`,
      object,
      [...path.at, 'pathType'],
    );
  }
  return { path: { type: 'PathPrefix', value: path.path } };
}

/**
 * nginx matches a regular-expression location from the start of the path and lets it go on
 * (`~* "^/api/v[0-9]+"` matches `/api/v2/users`), as ingress2gateway does: `.*` keeps that, since
 * Envoy-based implementations match RegularExpression against the whole path.
 */
function regexPrefix(path: string): string {
  return path.endsWith('$') || path.endsWith('.*') ? path : `${path}.*`;
}

function filtersFor(features: RouteFeatures, match: Match, backend: Backend): Array<Record<string, unknown>> {
  const filters: Array<Record<string, unknown>> = [];
  if (features.cors !== null) filters.push({ type: 'CORS', cors: features.cors });
  if (features.requestHeaders.length > 0) {
    filters.push({
      type: 'RequestHeaderModifier',
      requestHeaderModifier: { set: features.requestHeaders.map((header) => ({ ...header })) },
    });
  }
  const prefix = features.rewriteByService.get(backend.service) ?? features.rewritePrefix;
  const path =
    features.rewriteFullPath !== null
      ? { type: 'ReplaceFullPath', replaceFullPath: features.rewriteFullPath }
      : prefix !== null && match !== null && match.path.type !== 'RegularExpression'
        ? match.path.type === 'PathPrefix'
          ? { type: 'ReplacePrefixMatch', replacePrefixMatch: prefix }
          : { type: 'ReplaceFullPath', replaceFullPath: prefix }
        : null;
  if (path !== null || features.hostRewrite !== null) {
    filters.push({
      type: 'URLRewrite',
      urlRewrite: {
        ...(features.hostRewrite === null ? {} : { hostname: features.hostRewrite }),
        ...(path === null ? {} : { path }),
      },
    });
  }
  return filters;
}

/** Folds a canary Ingress into the rules of the Ingress it shadows: weights and header matches. */
function addCanary(context: MigrationContext, ingress: ReadIngress, routes: Map<string, RouteDraft>): void {
  const canary = ingress.features.canary!;
  const { object } = ingress.view;
  for (const path of ingress.paths) {
    const label = `Canary Ingress ${displayName(object)} ${describePath(path.path)}`;
    if (path.backend === null) continue;
    const port = resolvePort(context, ingress, path.backend, [...path.at, 'backend']);
    if (port === null) continue;
    const kinds = ['HTTPRoute', 'GRPCRoute'] as const;
    const route = kinds
      .map((kind) => routes.get(`${kind}|${ingress.namespace ?? ''}|${path.host ?? ''}|${ingress.group.key}`))
      .find((candidate) => candidate !== undefined);
    // By the path as written: the stable Ingress may read it as a regular expression (use-regex
    // applies to every Ingress of the host in ingress-nginx) while the canary does not, or the reverse.
    const primary = route?.rules.find(
      (rule) =>
        rule.headers.length === 0 &&
        rule.redirect === null &&
        rule.sourcePath === path.path &&
        rule.ingress !== ingress &&
        rule.backends.length > 0,
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
    const canaryBackend: BackendDraft = { name: path.backend.service, port };
    if (canary.weight > 0) {
      primary.backends = [
        { ...stable, weight: canary.total - canary.weight },
        { ...canaryBackend, weight: canary.weight },
      ];
    }
    if (canary.header !== null) {
      const byHeader = (value: string, backend: BackendDraft): RuleDraft => ({
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
  const { backend, resource, at } = ingress.defaultBackend;
  let target: BackendDraft;
  if (backend === null) {
    if (resource === null) return;
    target = { group: resource.group, kind: resource.kind, name: resource.name };
  } else {
    const port = resolvePort(context, ingress, backend, at);
    if (port === null) return;
    target = { name: backend.service, port };
  }
  const catchAll: Match = { path: { type: 'PathPrefix', value: '/' } };
  const hosts = [...new Set([...ingress.paths.map((path) => path.host), null])].filter(
    (host) => host === null || ROUTE_HOSTNAME.test(host),
  );
  for (const host of hosts) {
    const route =
      routes.get(`HTTPRoute|${ingress.namespace ?? ''}|${host ?? ''}|${ingress.group.key}`) ??
      routeFor(ingress, host, 'HTTPRoute');
    if (route.rules.some((rule) => rule.headers.length === 0 && sameMatch(rule.match, catchAll))) continue;
    route.rules.push(forwardRule(ingress, catchAll, '/', [{ ...target }]));
  }
}

function renderRoute(
  context: MigrationContext,
  gateways: GatewaySet,
  route: RouteDraft,
  policyTargets: PolicyTarget[],
): EmittedDocument[] {
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
  // With ssl-passthrough the backend serves HTTPS on the TLS listener; ingress-nginx still redirects
  // plain HTTP where the Ingress lists the host under TLS.
  const passthrough = first.features.sslPassthrough;
  const https = passthrough
    ? first.tls.some(
        (entry) => entry.hosts.length === 0 || (route.host !== null && entry.hosts.includes(route.host)),
      )
    : gateways.servesHttps(route.host, route.group);
  const redirects = (rule: RuleDraft): boolean =>
    route.kind === 'HTTPRoute' &&
    rule.redirect === null &&
    (rule.sslRedirect === 'force' || (rule.sslRedirect === 'when-tls' && https));
  const anyRedirect = route.rules.some(redirects);
  if (anyRedirect && !https && !passthrough) {
    warn(
      context,
      `${source}: the redirect to HTTPS for ${route.host ?? 'every host'} is not carried over: the Gateway has no HTTPS listener for it (TLS ended in front of the controller?).`,
      first.view.object,
      ['metadata', 'annotations'],
    );
  }
  // Traefik entry points and ALB listen-ports: the routes attach to one side only.
  const listeners = first.features.listeners;
  const splitHttp = anyRedirect && https && listeners === 'all';
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
      const rendered = chunk.map((rule) => renderRule(route.kind, rule, forHttp && redirects(rule)));
      if ((context.options.emit ?? 'standard') !== 'standard')
        policyTargets.push(...targetsOf(name, route, chunk, rendered));
      documents.push({
        comments: [
          `${route.kind} for ${route.host ?? 'every host'}, from ${source} (${[...new Set(route.sources.map((ingress) => ingress.view.object.file))].join(', ')}).`,
          ...(forHttp
            ? ['Plain HTTP: redirects to HTTPS where the controller did, forwards elsewhere.']
            : []),
        ],
        object: {
          apiVersion: GATEWAY_API_V1,
          kind: route.kind,
          metadata: metadataOf(name, route.namespace),
          spec: {
            parentRefs: gateways.attachHttp(attach, hostnames, only),
            ...(hostnames.length > 0 ? { hostnames } : {}),
            rules: rendered,
          },
        },
      });
    }
  };
  if (passthrough) {
    // Port 443 belongs to the TLSRoute (./ingress-tls.ts): the HTTP routes attach to plain HTTP only.
    const everyRule = anyRedirect && route.rules.every(redirects);
    emit(
      '',
      everyRule
        ? [{ ...(route.rules[0] as RuleDraft), match: null, headers: [], queryParams: [], method: null }]
        : route.rules,
      'http',
      anyRedirect,
    );
  } else if (splitHttp) {
    emit('', route.rules, 'https', false);
    // Every rule redirecting is the common case (ingress-nginx redirects the whole TLS host): one
    // rule without matches says it, and also redirects paths no rule matched, as ingress-nginx does.
    const everyRule = route.rules.every(redirects);
    emit(
      '-http',
      everyRule
        ? [{ ...(route.rules[0] as RuleDraft), match: null, headers: [], queryParams: [], method: null }]
        : route.rules,
      'http',
      true,
    );
  } else if (listeners === 'https' && !https) {
    warn(
      context,
      `${source}: the Ingress is served on HTTPS only, but no TLS section gives ${route.host ?? 'its hosts'} a certificate: the routes attach to the HTTP listener; add the TLS section (or --tls-secret).`,
      first.view.object,
      ['metadata', 'annotations'],
    );
    emit('', route.rules, undefined, false);
  } else emit('', route.rules, listeners === 'all' ? undefined : listeners, false);
  return documents;
}

/**
 * What the emitters attach policies to: the whole route when every rule asks for the same policy,
 * else each rule that asks for one (named, so a policy can target it by sectionName).
 */
function targetsOf(
  name: string,
  route: RouteDraft,
  rules: readonly RuleDraft[],
  rendered: Array<Record<string, unknown>>,
): PolicyTarget[] {
  const serving = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ index }) => Array.isArray(rendered[index]?.backendRefs));
  const withPolicy = serving.filter(({ rule }) => Object.keys(rule.ingress.features.policy).length > 0);
  if (withPolicy.length === 0) return [];
  const keyOf = (rule: RuleDraft): string => JSON.stringify(rule.ingress.features.policy);
  const base = {
    namespace: route.namespace,
    routeKind: route.kind,
    routeName: name,
  };
  const services = (rule: RuleDraft) =>
    rule.backends.flatMap((backend) => (backend.kind === undefined ? [backend.name] : []));
  if (withPolicy.length === serving.length && new Set(withPolicy.map(({ rule }) => keyOf(rule))).size === 1) {
    const rule = withPolicy[0]!.rule;
    return [
      {
        ...base,
        sectionName: null,
        policy: rule.ingress.features.policy,
        services: [...new Set(withPolicy.flatMap((entry) => services(entry.rule)))],
        source: rule.ingress.view.object,
      },
    ];
  }
  return withPolicy.map(({ rule, index }) => {
    const sectionName = `rule-${index + 1}`;
    (rendered[index] as Record<string, unknown>).name = sectionName;
    // `name` goes first, as Gateway API documents it.
    const { name: ruleName, ...rest } = rendered[index] as Record<string, unknown>;
    rendered[index] = { name: ruleName, ...rest };
    return {
      ...base,
      sectionName,
      policy: rule.ingress.features.policy,
      services: services(rule),
      source: rule.ingress.view.object,
    };
  });
}

function renderRule(
  kind: RouteDraft['kind'],
  rule: RuleDraft,
  sslRedirect: boolean,
): Record<string, unknown> {
  const backendRefs = rule.backends.map((backend) => ({
    ...(backend.group === undefined ? {} : { group: backend.group }),
    ...(backend.kind === undefined ? {} : { kind: backend.kind }),
    name: backend.name,
    ...(backend.port === undefined ? {} : { port: backend.port }),
    ...(backend.weight === undefined ? {} : { weight: backend.weight }),
  }));
  const headers = rule.headers.map((header) => ({ name: header.name, value: header.value }));
  if (kind === 'GRPCRoute') {
    const method = grpcMethod(rule.match);
    const matches =
      method !== null || headers.length > 0
        ? [{ ...(method ? { method } : {}), ...(headers.length ? { headers } : {}) }]
        : [];
    return { ...(matches.length > 0 ? { matches } : {}), backendRefs };
  }
  const match: Record<string, unknown> = {
    ...(rule.match === null ? {} : { path: rule.match.path }),
    ...(headers.length > 0 ? { headers } : {}),
    ...(rule.queryParams.length > 0 ? { queryParams: rule.queryParams.map((param) => ({ ...param })) } : {}),
    ...(rule.method === null ? {} : { method: rule.method }),
  };
  const matches = Object.keys(match).length > 0 ? [match] : [];
  if (sslRedirect) {
    return {
      ...(matches.length > 0 ? { matches } : {}),
      filters: [
        {
          type: 'RequestRedirect',
          requestRedirect: { scheme: 'https', statusCode: rule.ingress.features.sslRedirectCode },
        },
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

/**
 * The AWS Load Balancer Controller shares one load balancer per `group.name` and makes it internal
 * by `scheme`: the Ingresses of a group share a Gateway, internal ones their own.
 */
function controllerGroup(base: GatewayGroup, features: RouteFeatures): GatewayGroup {
  if (features.gateway === null) return base;
  const { group, internal } = features.gateway;
  if (group === null && !internal) return base;
  const name = `${group === null ? base.name : toDnsLabel(group, 50)}${internal ? '-internal' : ''}`;
  return { key: `${base.key}|group:${group ?? ''}|${internal}`, name, internal, className: base.className };
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
