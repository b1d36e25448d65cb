/**
 * The AWS Load Balancer Controller's Ingress annotations (`alb.ingress.kubernetes.io/*`):
 * grouping and scheme pick the Gateway, listen-ports and ssl-redirect the listeners, actions and
 * conditions become backendRefs, redirects and matches. Documented at
 * kubernetes-sigs.github.io/aws-load-balancer-controller (guide/ingress/annotations).
 */
import {
  type AlbAction,
  type AlbCondition,
  type AnnotationReport,
  commaList,
  type RouteFeatures,
  toCidr,
} from './features.js';

const PREFIX = 'alb.ingress.kubernetes.io/';

export function readAwsAlb(
  annotations: Readonly<Record<string, string>>,
  features: RouteFeatures,
  report: AnnotationReport,
): void {
  const value = (name: string): string | undefined => annotations[`${PREFIX}${name}`];
  const key = (name: string): string => `${PREFIX}${name}`;

  const group = value('group.name')?.trim();
  const scheme = value('scheme')?.trim();
  if (group !== undefined || scheme !== undefined) {
    features.gateway = {
      group: group || null,
      internal: scheme !== 'internet-facing' && scheme !== undefined,
    };
    if (group !== undefined) report.carry(key('group.name'));
    if (scheme !== undefined) {
      if (scheme === 'internal' || scheme === 'internet-facing') report.carry(key('scheme'));
      else report.refuse(key('scheme'), `"${scheme}" is not internal or internet-facing`);
    }
  }

  const ports = value('listen-ports');
  if (ports !== undefined) {
    const listeners = parseJson(ports);
    const pairs = Array.isArray(listeners)
      ? listeners.flatMap((entry) =>
          typeof entry === 'object' && entry !== null ? Object.entries(entry as Record<string, unknown>) : [],
        )
      : [];
    const http = pairs.some(([protocol, port]) => protocol === 'HTTP' && Number(port) === 80);
    const https = pairs.some(([protocol, port]) => protocol === 'HTTPS' && Number(port) === 443);
    const other = pairs.filter(
      ([protocol, port]) =>
        !(protocol === 'HTTP' && Number(port) === 80) && !(protocol === 'HTTPS' && Number(port) === 443),
    );
    if (pairs.length === 0 || other.length > 0) {
      report.refuse(
        key('listen-ports'),
        `${other.map(([protocol, port]) => `${protocol}:${port}`).join(', ') || `"${ports}"`}: only HTTP 80 and HTTPS 443 are written; add listeners for the other ports by hand`,
      );
    } else report.carry(key('listen-ports'));
    if (http !== https) features.listeners = http ? 'http' : 'https';
  }
  if (value('ssl-redirect') !== undefined) {
    features.sslRedirect = 'force';
    features.sslRedirectCode = 301;
    report.carry(key('ssl-redirect'));
  }
  const inbound = value('inbound-cidrs');
  if (inbound !== undefined) {
    const cidrs = commaList(inbound).map(toCidr);
    if (cidrs.length > 0 && cidrs.every((cidr) => cidr !== null)) {
      features.policy.allowCidrs = cidrs as string[];
      report.policy(key('inbound-cidrs'));
    } else report.refuse(key('inbound-cidrs'), `"${inbound}" is not a list of CIDR ranges`);
  }
  if (value('backend-protocol')?.trim().toUpperCase() === 'HTTPS') features.backendTls = true;

  for (const [annotation, text] of Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b))) {
    if (annotation.startsWith(key('actions.'))) {
      const name = annotation.slice(key('actions.').length);
      const action = readAction(text);
      features.albActions.set(name, action);
      if (action.type === 'unsupported') report.refuse(annotation, action.reason);
      else report.carry(annotation);
    } else if (annotation.startsWith(key('conditions.'))) {
      const name = annotation.slice(key('conditions.').length);
      const condition = readConditions(text);
      if (typeof condition === 'string') report.refuse(annotation, condition);
      else {
        features.albConditions.set(name, condition);
        report.carry(annotation);
      }
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;

const REDIRECT_CODES: Record<string, number> = { HTTP_301: 301, HTTP_302: 302 };

function readAction(text: string): AlbAction {
  const action = parseJson(text) as Json | undefined;
  if (typeof action !== 'object' || action === null) return { type: 'unsupported', reason: 'it is not JSON' };
  if (action.type === 'forward') {
    const config = (action.forwardConfig ?? {}) as { targetGroups?: Json[] };
    const groups = config.targetGroups ?? [];
    if (groups.length === 0 || groups.some((group) => typeof group.serviceName !== 'string')) {
      return {
        type: 'unsupported',
        reason: 'target groups named by ARN are not Services: route to the Services behind them by hand',
      };
    }
    return {
      type: 'forward',
      targets: groups.map((group) => ({
        service: group.serviceName as string,
        port: /^\d+$/.test(String(group.servicePort)) ? Number(group.servicePort) : String(group.servicePort),
        weight: typeof group.weight === 'number' ? group.weight : 1,
      })),
    };
  }
  if (action.type === 'redirect') {
    const config = (action.redirectConfig ?? {}) as Record<string, string | undefined>;
    const redirect: Json = {};
    const kept = (field: string | undefined, placeholder: string): boolean =>
      field === undefined || field === placeholder;
    if (!kept(config.protocol, '#{protocol}')) redirect.scheme = String(config.protocol).toLowerCase();
    if (!kept(config.host, '#{host}')) redirect.hostname = config.host;
    if (!kept(config.port, '#{port}')) redirect.port = Number(config.port);
    if (!kept(config.path, '/#{path}'))
      redirect.path = { type: 'ReplaceFullPath', replaceFullPath: config.path };
    const code = REDIRECT_CODES[config.statusCode ?? 'HTTP_301'];
    const placeholders = [redirect.hostname, redirect.path && config.path].some((field) =>
      String(field ?? '').includes('#{'),
    );
    if (
      code === undefined ||
      placeholders ||
      !kept(config.query, '#{query}') ||
      Number.isNaN(redirect.port ?? 0)
    ) {
      return {
        type: 'unsupported',
        reason:
          'only redirects that replace the scheme, host, port or whole path (no placeholders inside them, no query) map to a RequestRedirect',
      };
    }
    redirect.statusCode = code;
    return { type: 'redirect', redirect };
  }
  return {
    type: 'unsupported',
    reason: `${String(action.type)} actions have no Gateway API equivalent (fixed responses need your implementation's direct response)`,
  };
}

/** The conditions of a rule as route matches, or why they cannot be. */
function readConditions(text: string): AlbCondition | string {
  const conditions = parseJson(text);
  if (!Array.isArray(conditions)) return 'it is not a JSON list';
  const result: AlbCondition = { headers: [], queryParams: [], method: null, hosts: [] };
  for (const condition of conditions as Json[]) {
    const values = (config: unknown, field = 'values'): unknown[] => {
      const object = (config ?? {}) as Json;
      const list = object[field] ?? object.Values;
      return Array.isArray(list) ? list : [];
    };
    const wildcard = (text: string): boolean => /[*?]/.test(text);
    if (condition.field === 'http-header') {
      const config = condition.httpHeaderConfig as { httpHeaderName?: string } | undefined;
      const list = values(config).map(String);
      if (!config?.httpHeaderName || list.length !== 1 || wildcard(list[0] as string))
        return 'an http-header condition maps to a match only with one value and no wildcard';
      result.headers.push({ name: config.httpHeaderName, value: list[0] as string });
    } else if (condition.field === 'query-string') {
      const list = values(condition.queryStringConfig) as Array<{ key?: string; value?: string }>;
      if (
        list.length !== 1 ||
        !list[0]?.key ||
        list[0].value === undefined ||
        wildcard(String(list[0].value))
      )
        return 'a query-string condition maps to a match only with one key=value pair and no wildcard';
      result.queryParams.push({ name: list[0].key, value: String(list[0].value) });
    } else if (condition.field === 'http-request-method') {
      const list = values(condition.httpRequestMethodConfig).map((method) => String(method).toUpperCase());
      if (list.length !== 1) return 'an http-request-method condition maps to a match only with one method';
      result.method = list[0] as string;
    } else if (condition.field === 'host-header') {
      const list = values(condition.hostHeaderConfig).map(String);
      if (list.length === 0) return 'a host-header condition without values';
      result.hosts.push(...list);
    } else {
      return `${String(condition.field)} conditions have no route match (source addresses: see inbound-cidrs and the policies)`;
    }
  }
  return result;
}
