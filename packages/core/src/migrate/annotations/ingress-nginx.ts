/**
 * The ingress-nginx annotations (`nginx.ingress.kubernetes.io/*`), read in the spirit of
 * kubernetes-sigs/ingress2gateway (`pkg/i2gw/providers/ingressnginx/`). Defaults are ingress-nginx's
 * (docs: user-guide/nginx-configuration/annotations.md, configmap.md).
 */
import {
  type AnnotationReport,
  commaList,
  nginxSizeToQuantity,
  nginxTimeToSeconds,
  parseInteger,
  parseUrl,
  type RouteFeatures,
  toCidr,
} from './features.js';

export const INGRESS_NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

/** Paths written as `/prefix(/|$)(.*)` with `rewrite-target: /$2`: the documented way to strip a prefix. */
const STRIP_PREFIX_PATH = /^(\/[^()*+?[\]{}|\\^$]*?)\(\/\|\$\)\(\.\*\)$/;

/** ingress-nginx's session cookie name when `session-cookie-name` is not set. */
const DEFAULT_SESSION_COOKIE = 'INGRESSCOOKIE';

/**
 * Reads the ingress-nginx annotations into `features`. `served` says whether ingress-nginx serves
 * the Ingress: only then does TLS imply a redirect to HTTPS.
 */
export function readIngressNginx(
  annotations: Readonly<Record<string, string>>,
  paths: ReadonlyArray<{ path: string }>,
  served: boolean,
  features: RouteFeatures,
  report: AnnotationReport,
): void {
  const value = (name: string): string | undefined => annotations[`${INGRESS_NGINX_PREFIX}${name}`];
  const carry = (name: string): void => report.carry(`${INGRESS_NGINX_PREFIX}${name}`);
  const refuse = (name: string, detail?: string): void =>
    report.refuse(`${INGRESS_NGINX_PREFIX}${name}`, detail);
  const policy = (name: string): void => report.policy(`${INGRESS_NGINX_PREFIX}${name}`);
  const isTrue = (name: string): boolean => value(name)?.trim().toLowerCase() === 'true';
  const isSet = (name: string): boolean => value(name) !== undefined;

  if (served) features.sslRedirect = 'when-tls';
  if (isSet('ssl-redirect')) {
    if (value('ssl-redirect')?.trim().toLowerCase() === 'false') features.sslRedirect = 'off';
    carry('ssl-redirect');
  }
  if (isSet('force-ssl-redirect')) {
    if (isTrue('force-ssl-redirect')) features.sslRedirect = 'force';
    carry('force-ssl-redirect');
  }
  if (isSet('use-regex')) {
    features.useRegex = isTrue('use-regex');
    carry('use-regex');
  }

  const rewrite = value('rewrite-target');
  if (rewrite !== undefined) {
    if (!/\$\d/.test(rewrite) && rewrite.startsWith('/')) {
      // nginx's `rewrite "(?i)<path>" <target> break;` replaces the whole URI: `/api/items` → `/v2`.
      features.rewriteFullPath = rewrite;
      carry('rewrite-target');
    } else if (
      /^\/?\$2$/.test(rewrite) &&
      paths.length > 0 &&
      paths.every((p) => STRIP_PREFIX_PATH.test(p.path))
    ) {
      // `/app(/|$)(.*)` → `/$2` strips `/app`: a PathPrefix match with a `/` prefix rewrite.
      features.rewritePrefix = '/';
      features.useRegex = false;
      carry('rewrite-target');
    } else {
      refuse(
        'rewrite-target',
        'only a fixed target, or `/$2` with paths written `/prefix(/|$)(.*)`, maps to a URLRewrite filter; rewrite the others by hand',
      );
    }
  }

  readCanary(value, isTrue, carry, refuse, features);

  const protocol = value('backend-protocol')?.trim().toUpperCase();
  if (protocol !== undefined) {
    if (protocol === 'GRPC' || protocol === 'GRPCS' || protocol === 'HTTP' || protocol === 'HTTPS') {
      features.grpc = protocol.startsWith('GRPC');
      features.backendTls = protocol.endsWith('S');
      carry('backend-protocol');
    } else refuse('backend-protocol', `${protocol} has no Gateway API equivalent`);
  }
  readBackendTls(value, carry, refuse, features);

  if (isSet('ssl-passthrough')) {
    // Only TLS on port 443 is passed through; plain HTTP is still routed by the paths.
    features.sslPassthrough = isTrue('ssl-passthrough');
    carry('ssl-passthrough');
  }

  // temporal-redirect takes priority over permanent-redirect, as in ingress-nginx.
  for (const [name, defaultCode] of [
    ['permanent-redirect', 301],
    ['temporal-redirect', 302],
  ] as const) {
    const target = value(name);
    if (target === undefined) continue;
    const url = parseUrl(target);
    const code = parseInteger(value(`${name}-code`)) ?? defaultCode;
    if (url === null) refuse(name, `"${target}" is not an absolute http(s) URL`);
    else if (![301, 302, 303, 307, 308].includes(code))
      refuse(`${name}-code`, `status code ${code} is not one a RequestRedirect filter allows`);
    else {
      features.redirect = { url, statusCode: code as 301 | 302 | 303 | 307 | 308 };
      carry(name);
      if (isSet(`${name}-code`)) carry(`${name}-code`);
    }
  }

  const appRoot = value('app-root');
  if (appRoot !== undefined) {
    if (appRoot.startsWith('/') && !appRoot.includes(' ')) {
      features.appRoot = appRoot;
      carry('app-root');
    } else refuse('app-root', `"${appRoot}" is not an absolute path`);
  }

  const prefix = value('x-forwarded-prefix');
  if (prefix !== undefined) {
    features.requestHeaders.push({ name: 'X-Forwarded-Prefix', value: prefix });
    carry('x-forwarded-prefix');
  }
  const connection = value('connection-proxy-header')?.trim();
  if (connection !== undefined && connection !== '') {
    features.requestHeaders.push({ name: 'Connection', value: connection });
    carry('connection-proxy-header');
  }
  const vhost = value('upstream-vhost')?.trim();
  if (vhost !== undefined) {
    if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(vhost.toLowerCase())) {
      features.hostRewrite = vhost.toLowerCase();
      carry('upstream-vhost');
    } else refuse('upstream-vhost', `"${vhost}" is not a host name a URLRewrite filter takes`);
  }

  if (isTrue('enable-cors')) readCors(features, value, carry, refuse);
  else if (isSet('enable-cors')) carry('enable-cors');

  readPolicies(value, isSet, carry, refuse, policy, features);
}

/** The `proxy-ssl-*` annotations that make a BackendTLSPolicy, as ingress2gateway reads them. */
const BACKEND_TLS_KEYS = ['proxy-ssl-verify', 'proxy-ssl-secret', 'proxy-ssl-name', 'proxy-ssl-server-name'];
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * ingress-nginx verifies the backend only with `proxy-ssl-verify: on`, against the `ca.crt` of
 * `proxy-ssl-secret` (`namespace/name`) and the name `proxy-ssl-name`; a BackendTLSPolicy always
 * verifies, so it is written only when all three are set (without them nginx accepted any certificate).
 */
function readBackendTls(
  value: (name: string) => string | undefined,
  carry: (name: string) => void,
  refuse: (name: string, detail?: string) => void,
  features: RouteFeatures,
): void {
  const set = BACKEND_TLS_KEYS.filter((name) => value(name) !== undefined);
  if (set.length === 0) return;
  if (!features.backendTls) {
    for (const name of set)
      refuse(name, 'it applies to backends that speak TLS only (`backend-protocol: HTTPS` or `GRPCS`)');
    return;
  }
  const verify = value('proxy-ssl-verify')?.trim().toLowerCase() === 'on';
  const secret = value('proxy-ssl-secret')?.trim() ?? '';
  const hostname = value('proxy-ssl-name')?.trim().toLowerCase() ?? '';
  const [first = '', second] = secret.split('/');
  const missing = [
    ...(verify
      ? []
      : ['`proxy-ssl-verify: on` (nginx did not verify the certificate; a BackendTLSPolicy always does)']),
    ...(secret === '' ? ['`proxy-ssl-secret` with the CA certificate'] : []),
    ...(PRECISE_HOSTNAME.test(hostname) ? [] : ['`proxy-ssl-name` with the name the certificate is for']),
  ];
  if (missing.length > 0) {
    for (const name of set)
      refuse(
        name,
        `a BackendTLSPolicy needs ${missing.join(', ')}; write one by hand with the CA and the host name`,
      );
    return;
  }
  features.backendTlsPolicy = {
    caSecret: second === undefined ? { namespace: null, name: first } : { namespace: first, name: second },
    hostname,
    sni: value('proxy-ssl-server-name')?.trim().toLowerCase() === 'on',
  };
  for (const name of set) carry(name);
}

function readCanary(
  value: (name: string) => string | undefined,
  isTrue: (name: string) => boolean,
  carry: (name: string) => void,
  refuse: (name: string, detail?: string) => void,
  features: RouteFeatures,
): void {
  if (!isTrue('canary')) {
    if (value('canary') !== undefined) carry('canary');
    return;
  }
  carry('canary');
  const weight = parseInteger(value('canary-weight'));
  const total = parseInteger(value('canary-weight-total')) ?? 100;
  const weightFits = weight !== null && weight >= 0 && weight <= total;
  if (value('canary-weight') !== undefined) {
    if (weightFits) carry('canary-weight');
    else refuse('canary-weight', `"${value('canary-weight')}" is not a whole number from 0 to ${total}`);
  }
  if (value('canary-weight-total') !== undefined) carry('canary-weight-total');
  const header = value('canary-by-header')?.trim() || null;
  if (header !== null) carry('canary-by-header');
  const headerValue = value('canary-by-header-value')?.trim() || null;
  if (headerValue !== null) carry('canary-by-header-value');
  features.canary = { weight: weightFits ? (weight as number) : 0, total, header, headerValue };
}

/** Body size, timeouts, source ranges and affinity: policies, written by the emitters that can. */
function readPolicies(
  value: (name: string) => string | undefined,
  isSet: (name: string) => boolean,
  carry: (name: string) => void,
  refuse: (name: string, detail?: string) => void,
  policy: (name: string) => void,
  features: RouteFeatures,
): void {
  const size = value('proxy-body-size');
  if (size !== undefined) {
    const quantity = nginxSizeToQuantity(size);
    if (quantity === undefined) refuse('proxy-body-size', `"${size}" is not an nginx size`);
    else if (quantity === null)
      carry('proxy-body-size'); // 0: no limit, which is the gateways' default.
    else {
      features.policy.bodySize = quantity;
      policy('proxy-body-size');
    }
  }
  if (isSet('client-body-buffer-size')) carry('client-body-buffer-size');

  const seconds = (name: string): number | null | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    const parsed = /^\s*\d+\s*$/.test(text) ? nginxTimeToSeconds(text) : null;
    if (parsed === null) refuse(name, `"${text}" is not a whole number of seconds`);
    else policy(name);
    return parsed;
  };
  const connect = seconds('proxy-connect-timeout');
  if (connect) features.policy.connectTimeout = connect;
  const idle = Math.max(seconds('proxy-read-timeout') ?? 0, seconds('proxy-send-timeout') ?? 0);
  if (idle > 0) features.policy.idleTimeout = idle;

  const ranges = (name: string): string[] | undefined => {
    const text = value(name);
    if (text === undefined) return undefined;
    const items = commaList(text);
    const cidrs = items.map(toCidr);
    const bad = items.find((_, index) => cidrs[index] === null);
    if (bad !== undefined || items.length === 0) {
      refuse(name, `"${bad ?? text}" is not an address or CIDR range`);
      return undefined;
    }
    policy(name);
    return cidrs as string[];
  };
  const allow = [...(ranges('whitelist-source-range') ?? []), ...(ranges('allowlist-source-range') ?? [])];
  if (allow.length > 0) features.policy.allowCidrs = [...new Set(allow)];
  const deny = ranges('denylist-source-range');
  if (deny) features.policy.denyCidrs = deny;

  const affinity = value('affinity')?.trim().toLowerCase();
  const cookieKeys = [
    'session-cookie-name',
    'session-cookie-max-age',
    'session-cookie-expires',
    'session-cookie-path',
  ];
  if (affinity === 'cookie') {
    policy('affinity');
    const ttl =
      parseInteger(value('session-cookie-max-age')) ?? parseInteger(value('session-cookie-expires'));
    features.policy.affinity = {
      cookie: value('session-cookie-name')?.trim() || DEFAULT_SESSION_COOKIE,
      ttlSeconds: ttl,
      path: value('session-cookie-path')?.trim() || null,
    };
    for (const name of cookieKeys) if (isSet(name)) policy(name);
  } else if (affinity !== undefined) {
    refuse('affinity', `"${affinity}": only cookie affinity exists`);
  }
}

/** ingress-nginx's CORS defaults, from its annotations documentation. */
const CORS_DEFAULTS = {
  methods: 'GET, PUT, POST, DELETE, PATCH, OPTIONS',
  headers:
    'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization',
  maxAge: 1728000,
};
const CORS_ORIGIN = /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/;
const HTTP_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const CORS_METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  '*',
]);

function readCors(
  features: RouteFeatures,
  value: (name: string) => string | undefined,
  carry: (name: string) => void,
  refuse: (name: string, detail?: string) => void,
): void {
  const origins = commaList(value('cors-allow-origin') ?? '*');
  const methods = commaList(value('cors-allow-methods') ?? CORS_DEFAULTS.methods).map((method) =>
    method.toUpperCase(),
  );
  const headers = commaList(value('cors-allow-headers') ?? CORS_DEFAULTS.headers);
  const expose = commaList(value('cors-expose-headers') ?? '');
  const credentials = (value('cors-allow-credentials') ?? 'true').trim().toLowerCase() === 'true';
  const maxAge = parseInteger(value('cors-max-age')) ?? CORS_DEFAULTS.maxAge;
  const invalid =
    origins.find((origin) => !CORS_ORIGIN.test(origin)) ??
    methods.find((method) => !CORS_METHODS.has(method)) ??
    [...headers, ...expose].find((header) => !HTTP_TOKEN.test(header));
  const names = [
    'enable-cors',
    'cors-allow-origin',
    'cors-allow-methods',
    'cors-allow-headers',
    'cors-expose-headers',
    'cors-allow-credentials',
    'cors-max-age',
  ];
  if (invalid !== undefined || maxAge < 1) {
    for (const name of names)
      if (value(name) !== undefined)
        refuse(name, `"${invalid ?? maxAge}" does not fit the HTTPRoute CORS filter`);
    return;
  }
  for (const name of names) if (value(name) !== undefined) carry(name);
  features.cors = {
    allowOrigins: [...new Set(origins)],
    allowMethods: [...new Set(methods)],
    allowHeaders: [...new Set(headers)],
    ...(expose.length > 0 ? { exposeHeaders: [...new Set(expose)] } : {}),
    allowCredentials: credentials,
    maxAge,
  };
}

/** The prefix of a `/prefix(/|$)(.*)` path, for the strip-prefix rewrite. */
export function strippedPrefix(path: string): string | null {
  const match = STRIP_PREFIX_PATH.exec(path);
  if (!match) return null;
  return match[1] === '' ? '/' : (match[1] as string);
}
