/**
 * What the controller annotations of one Ingress ask for, whatever the controller: the provider
 * readers (./ingress-nginx.ts, ./nginx-inc.ts, ./traefik.ts, ./aws-alb.ts) fill it, the conversion
 * (../ingress-to-gateway.ts) and the emitters (../emitters/) read it.
 */
import { annotationEntry } from './catalog.js';

/** What standard Gateway API cannot say, written by `--emit envoy-gateway|kgateway` as policies. */
export interface PolicyNeeds {
  /** Largest request body, as a Kubernetes quantity (`8Mi`). */
  bodySize?: string;
  /** Source ranges allowed (everything else denied) and denied. */
  allowCidrs?: string[];
  denyCidrs?: string[];
  /** Seconds to connect to a backend, and of inactivity while a request streams. */
  connectTimeout?: number;
  idleTimeout?: number;
  /** Cookie session affinity: cookie name, lifetime (null: a session cookie), path. */
  affinity?: { cookie: string; ttlSeconds: number | null; path: string | null };
}

/** An AWS Load Balancer Controller action a backend names (`service.name: <action>`, port `use-annotation`). */
export type AlbAction =
  | { type: 'forward'; targets: Array<{ service: string; port: number | string; weight: number }> }
  | { type: 'redirect'; redirect: Record<string, unknown> }
  | { type: 'unsupported'; reason: string };

/** Route matches an AWS Load Balancer Controller condition adds. */
export interface AlbCondition {
  headers: Array<{ name: string; value: string }>;
  queryParams: Array<{ name: string; value: string }>;
  method: string | null;
  hosts: string[];
}

export interface RouteFeatures {
  /** Redirect plain HTTP to HTTPS: off, where the host has TLS, or always. */
  sslRedirect: 'off' | 'when-tls' | 'force';
  /** The status of that redirect (ingress-nginx 308, NGINX Inc and the ALB 301). */
  sslRedirectCode: 301 | 308;
  /** Which listeners the routes attach to (Traefik entry points). */
  listeners: 'all' | 'http' | 'https';
  /** Replace the matched prefix with this path (every path). */
  rewritePrefix: string | null;
  /** Replace the whole path with this one (ingress-nginx's fixed `rewrite-target`: nginx rewrites the whole URI). */
  rewriteFullPath: string | null;
  /** Replace the matched prefix per backend Service (NGINX Inc `rewrites`). */
  rewriteByService: Map<string, string>;
  /** Paths are regular expressions (ingress-nginx `use-regex`, NGINX Inc `path-regex`, Traefik PathRegexp). */
  useRegex: boolean;
  /** A path type every path is read as, whatever its pathType says (Traefik `pathmatcher`, NGINX Inc `exact`). */
  pathType: 'Exact' | 'PathPrefix' | null;
  canary: { weight: number; total: number; header: string | null; headerValue: string | null } | null;
  /** Every path is gRPC (`backend-protocol: GRPC`), or only those to these Services (NGINX Inc). */
  grpc: boolean;
  grpcServices: Set<string>;
  /** Every path redirects. */
  redirect: { url: URL; statusCode: 301 | 302 | 303 | 307 | 308 } | null;
  /** `/` redirects to this path. */
  appRoot: string | null;
  /** Request headers set before the backend sees the request. */
  requestHeaders: Array<{ name: string; value: string }>;
  /** The Host header the backend sees. */
  hostRewrite: string | null;
  /** A Gateway API CORS filter. */
  cors: Record<string, unknown> | null;
  policy: PolicyNeeds;
  /** The backend speaks TLS: a BackendTLSPolicy is needed. */
  backendTls: boolean;
  /**
   * How ingress-nginx verified the backend's certificate (`proxy-ssl-verify: on`, the CA of
   * `proxy-ssl-secret`, the name `proxy-ssl-name`): written as a BackendTLSPolicy. `sni` is whether
   * nginx sent the name as SNI (`proxy-ssl-server-name: on`); a BackendTLSPolicy always does.
   */
  backendTlsPolicy: {
    caSecret: { namespace: string | null; name: string };
    hostname: string;
    sni: boolean;
  } | null;
  /** TLS connections go to the backend undecrypted (ingress-nginx `ssl-passthrough`): a TLSRoute. */
  sslPassthrough: boolean;
  /** AWS Load Balancer Controller actions and conditions by name. */
  albActions: Map<string, AlbAction>;
  albConditions: Map<string, AlbCondition>;
  /** The Gateway the Ingress joins when its controller groups them (ALB `group.name`, `scheme`). */
  gateway: { group: string | null; internal: boolean } | null;
  /** Annotation keys converted. */
  carried: string[];
  /** Annotation keys not converted, each with why and what to do. */
  notCarried: Array<{ key: string; reason: string }>;
  /** Annotation keys whose conversion is a policy only some emitters write. */
  needsPolicy: string[];
}

export function emptyFeatures(): RouteFeatures {
  return {
    sslRedirect: 'off',
    sslRedirectCode: 308,
    listeners: 'all',
    rewritePrefix: null,
    rewriteFullPath: null,
    rewriteByService: new Map(),
    useRegex: false,
    pathType: null,
    canary: null,
    grpc: false,
    grpcServices: new Set(),
    redirect: null,
    appRoot: null,
    requestHeaders: [],
    hostRewrite: null,
    cors: null,
    policy: {},
    backendTls: false,
    backendTlsPolicy: null,
    sslPassthrough: false,
    albActions: new Map(),
    albConditions: new Map(),
    gateway: null,
    carried: [],
    notCarried: [],
    needsPolicy: [],
  };
}

/** How a provider reader reports: by full annotation key, reasons from the catalogue by default. */
export interface AnnotationReport {
  carry(key: string): void;
  /** Not converted: `detail` says why this value cannot be, else the catalogue's note. */
  refuse(key: string, detail?: string): void;
  /** Converted by the emitters that write policies (the catalogue says which). */
  policy(key: string): void;
}

export function reportInto(features: RouteFeatures): AnnotationReport {
  return {
    carry: (key) => {
      if (!features.carried.includes(key)) features.carried.push(key);
    },
    refuse: (key, detail) => {
      const reason =
        detail ?? annotationEntry(key)?.outcomes.standard.note ?? 'no Gateway API equivalent is known';
      features.notCarried.push({ key, reason });
    },
    policy: (key) => {
      if (!features.needsPolicy.includes(key)) features.needsPolicy.push(key);
    },
  };
}

/** A whole number, or null. */
export function parseInteger(text: string | undefined): number | null {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

/** An absolute http(s) URL, or null. */
export function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** An nginx size (`8m`, `512k`, `1g`, bytes) as a Kubernetes quantity; null for 0 (no limit) or junk. */
export function nginxSizeToQuantity(text: string): string | null | undefined {
  const match = /^\s*(\d+)\s*([kKmMgG]?)\s*$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return null;
  const unit = { '': '', k: 'Ki', m: 'Mi', g: 'Gi' }[
    (match[2] as string).toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return `${amount}${unit}`;
}

/** An nginx time (`60`, `60s`, `2m`, `1h`, `500ms`) in seconds, or null. */
export function nginxTimeToSeconds(text: string): number | null {
  const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) return null;
  const factor = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[
    (match[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'
  ];
  const seconds = Number(match[1]) * factor;
  return seconds > 0 ? seconds : null;
}

/** Seconds as a Gateway API / Envoy duration (`90s`, `1500ms`). */
export function toDuration(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${Math.round(seconds * 1000)}ms`;
}

/** A comma-separated list, trimmed, empty items dropped. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** An IPv4 or IPv6 address or CIDR, as the policies take them (a bare address gets /32 or /128). */
export function toCidr(text: string): string | null {
  const [address = '', prefix] = text.split('/');
  const v4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(address);
  const v6 = !v4 && /^[0-9a-fA-F:]+$/.test(address) && address.includes(':');
  if (!v4 && !v6) return null;
  const max = v4 ? 32 : 128;
  if (prefix === undefined) return `${address}/${max}`;
  return /^\d+$/.test(prefix) && Number(prefix) <= max ? `${address}/${prefix}` : null;
}
