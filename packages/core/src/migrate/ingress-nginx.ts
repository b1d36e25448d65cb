/**
 * The ingress-nginx annotations an Ingress → Gateway API migration carries over, one reader per
 * feature, in the spirit of kubernetes-sigs/ingress2gateway (`pkg/i2gw/providers/ingressnginx/`).
 * Every other `nginx.ingress.kubernetes.io/` annotation is reported as not carried over, with why.
 * Defaults are ingress-nginx's (docs: user-guide/nginx-configuration/annotations.md, configmap.md).
 */
import { INGRESS } from '../known/annotations.js';

const PREFIX = INGRESS.ingressNginxPrefix;

/** What the annotations of one Ingress ask for, read once. */
export interface NginxFeatures {
  /** `ssl-redirect` (default on when the host has TLS) or `force-ssl-redirect` (even without). */
  sslRedirect: 'off' | 'when-tls' | 'force';
  /** `rewrite-target`: replace the matched prefix with `to`. */
  rewritePrefix: string | null;
  /** `use-regex`: paths are regular expressions. */
  useRegex: boolean;
  /** `canary*`: this Ingress adds a canary backend to another Ingress's paths. */
  canary: { weight: number; total: number; header: string | null; headerValue: string | null } | null;
  /** `backend-protocol: GRPC|GRPCS`: the paths are gRPC services. */
  grpc: boolean;
  /** `permanent-redirect` / `temporal-redirect`: every path redirects. */
  redirect: { url: URL; statusCode: 301 | 302 | 303 | 307 | 308 } | null;
  /** `app-root`: `/` redirects to this path. */
  appRoot: string | null;
  /** `x-forwarded-prefix`: the header set on requests. */
  forwardedPrefix: string | null;
  /** `enable-cors` and its `cors-*` settings, as a Gateway API CORS filter. */
  cors: Record<string, unknown> | null;
  /** Annotations read and carried over (their keys). */
  carried: string[];
  /** Annotations not carried over, each with why. */
  notCarried: Array<{ key: string; reason: string }>;
}

/** Paths written as `/prefix(/|$)(.*)` with `rewrite-target: /$2`: the documented way to strip a prefix. */
const STRIP_PREFIX_PATH = /^(\/[^()*+?[\]{}|\\^$]*?)\(\/\|\$\)\(\.\*\)$/;

/** Reasons for annotations we know and do not carry, so the warning says what to do instead. */
const NOT_CARRIED: Record<string, string> = {
  'configuration-snippet':
    'raw NGINX configuration has no Gateway API equivalent; re-create what it does with your implementation',
  'server-snippet':
    'raw NGINX configuration has no Gateway API equivalent; re-create what it does with your implementation',
  'auth-url': 'external authentication is implementation-specific (e.g. Envoy Gateway SecurityPolicy)',
  'auth-signin': 'external authentication is implementation-specific',
  'auth-type': 'basic authentication is implementation-specific',
  'auth-secret': 'basic authentication is implementation-specific',
  'auth-realm': 'basic authentication is implementation-specific',
  'whitelist-source-range': 'source address allow-lists are implementation-specific policies',
  'allowlist-source-range': 'source address allow-lists are implementation-specific policies',
  'denylist-source-range': 'source address deny-lists are implementation-specific policies',
  'limit-rps': 'rate limits are implementation-specific policies',
  'limit-rpm': 'rate limits are implementation-specific policies',
  'limit-connections': 'connection limits are implementation-specific policies',
  'proxy-body-size': 'request size limits are implementation-specific',
  'proxy-read-timeout':
    'ingress-nginx times out between two reads; HTTPRoute timeouts bound the whole request, so set `timeouts` by hand if you need one',
  'proxy-send-timeout':
    'ingress-nginx times out between two writes; HTTPRoute timeouts bound the whole request',
  'proxy-connect-timeout': 'connect timeouts are implementation-specific',
  affinity: 'session affinity is implementation-specific (Gateway API session persistence is experimental)',
  'session-cookie-name': 'session affinity is implementation-specific',
  'ssl-passthrough':
    'TLS passthrough needs a TLS listener and a TLSRoute, which this migration does not write',
  'upstream-vhost':
    'rewriting the Host header is not portable; add a URLRewrite hostname filter by hand if your implementation supports it',
  'custom-http-errors': 'custom error pages are implementation-specific',
  'default-backend': 'a per-Ingress error backend is implementation-specific',
  'canary-by-cookie':
    'cookie-based canaries have no Gateway API match (header and weight canaries are carried)',
  'canary-by-header-pattern': 'regular-expression header canaries are not carried (exact header values are)',
  'service-upstream': 'Gateway implementations choose Service or endpoint routing themselves',
  'proxy-buffering': 'proxy buffering is implementation-specific',
  'enable-access-log': 'access logging is implementation-specific',
};

/** Reads the ingress-nginx annotations of an Ingress. */
export function readNginxAnnotations(
  annotations: Readonly<Record<string, string>>,
  paths: ReadonlyArray<{ path: string }>,
): NginxFeatures {
  const features: NginxFeatures = {
    sslRedirect: 'when-tls',
    rewritePrefix: null,
    useRegex: false,
    canary: null,
    grpc: false,
    redirect: null,
    appRoot: null,
    forwardedPrefix: null,
    cors: null,
    carried: [],
    notCarried: [],
  };
  const value = (name: string): string | undefined => annotations[`${PREFIX}${name}`];
  const carry = (name: string): void => {
    features.carried.push(`${PREFIX}${name}`);
  };
  const refuse = (name: string, reason: string): void => {
    features.notCarried.push({ key: `${PREFIX}${name}`, reason });
  };
  const isTrue = (name: string): boolean => value(name)?.trim().toLowerCase() === 'true';

  if (value('ssl-redirect') !== undefined) {
    if (value('ssl-redirect')?.trim().toLowerCase() === 'false') features.sslRedirect = 'off';
    carry('ssl-redirect');
  }
  if (value('force-ssl-redirect') !== undefined) {
    if (isTrue('force-ssl-redirect')) features.sslRedirect = 'force';
    carry('force-ssl-redirect');
  }
  if (value('use-regex') !== undefined) {
    features.useRegex = isTrue('use-regex');
    carry('use-regex');
  }

  const rewrite = value('rewrite-target');
  if (rewrite !== undefined) {
    if (!/\$\d/.test(rewrite) && rewrite.startsWith('/')) {
      features.rewritePrefix = rewrite;
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
        'only a fixed target, or `/$2` with paths written `/prefix(/|$)(.*)`, maps to a URLRewrite filter',
      );
    }
  }

  if (isTrue('canary')) {
    carry('canary');
    const weight = parseInteger(value('canary-weight'));
    const total = parseInteger(value('canary-weight-total')) ?? 100;
    if (value('canary-weight') !== undefined) {
      if (weight === null || weight < 0 || weight > total)
        refuse('canary-weight', `"${value('canary-weight')}" is not a whole number from 0 to ${total}`);
      else carry('canary-weight');
    }
    if (value('canary-weight-total') !== undefined) carry('canary-weight-total');
    const header = value('canary-by-header')?.trim() || null;
    if (header !== null) carry('canary-by-header');
    const headerValue = value('canary-by-header-value')?.trim() || null;
    if (headerValue !== null) carry('canary-by-header-value');
    features.canary = {
      weight: weight !== null && weight >= 0 && weight <= total ? weight : 0,
      total,
      header,
      headerValue,
    };
  } else if (value('canary') !== undefined) carry('canary');

  const protocol = value('backend-protocol')?.trim().toUpperCase();
  if (protocol !== undefined) {
    if (protocol === 'GRPC' || protocol === 'GRPCS') {
      features.grpc = true;
      carry('backend-protocol');
      if (protocol === 'GRPCS')
        refuse(
          'backend-protocol',
          'GRPCS: the GRPCRoute is written, but TLS to the backend needs a BackendTLSPolicy you must add',
        );
    } else if (protocol === 'HTTP') carry('backend-protocol');
    else
      refuse(
        'backend-protocol',
        `${protocol} to the backend is not expressed by the route (HTTPS needs a BackendTLSPolicy; AJP and FCGI have no equivalent)`,
      );
  }

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
      refuse(name, `status code ${code} is not one a RequestRedirect filter allows`);
    else {
      features.redirect = { url, statusCode: code as 301 | 302 | 303 | 307 | 308 };
      carry(name);
      if (value(`${name}-code`) !== undefined) carry(`${name}-code`);
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
    features.forwardedPrefix = prefix;
    carry('x-forwarded-prefix');
  }

  if (isTrue('enable-cors')) readCors(features, value, carry, refuse);
  else if (value('enable-cors') !== undefined) carry('enable-cors');

  const known = new Set([...features.carried, ...features.notCarried.map((entry) => entry.key)]);
  for (const key of Object.keys(annotations).sort()) {
    if (!key.startsWith(PREFIX) || known.has(key)) continue;
    const name = key.slice(PREFIX.length);
    refuse(name, NOT_CARRIED[name] ?? 'no Gateway API equivalent is written for it');
  }
  return features;
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
  features: NginxFeatures,
  value: (name: string) => string | undefined,
  carry: (name: string) => void,
  refuse: (name: string, reason: string) => void,
): void {
  const list = (text: string): string[] =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const origins = list(value('cors-allow-origin') ?? '*');
  const methods = list(value('cors-allow-methods') ?? CORS_DEFAULTS.methods).map((method) =>
    method.toUpperCase(),
  );
  const headers = list(value('cors-allow-headers') ?? CORS_DEFAULTS.headers);
  const expose = list(value('cors-expose-headers') ?? '');
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

function parseInteger(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
