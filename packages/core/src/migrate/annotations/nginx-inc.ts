/** The NGINX Ingress Controller annotations (`nginx.org/*`, F5 NGINX's controller, not ingress-nginx). */
import {
  type AnnotationReport,
  commaList,
  nginxSizeToQuantity,
  nginxTimeToSeconds,
  type RouteFeatures,
} from './features.js';

export function readNginxInc(
  annotations: Readonly<Record<string, string>>,
  features: RouteFeatures,
  report: AnnotationReport,
): void {
  const value = (key: string): string | undefined => annotations[key];

  const rewrites = value('nginx.org/rewrites');
  if (rewrites !== undefined) {
    // `serviceName=tea rewrite=/;serviceName=coffee rewrite=/beans/`
    const entries = rewrites
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => /^serviceName=(\S+)\s+rewrite=(\/\S*)$/.exec(entry));
    if (entries.length > 0 && entries.every((entry) => entry !== null)) {
      for (const entry of entries) features.rewriteByService.set(entry![1] as string, entry![2] as string);
      report.carry('nginx.org/rewrites');
    } else
      report.refuse('nginx.org/rewrites', `"${rewrites}" is not \`serviceName=NAME rewrite=/PATH\` entries`);
  }

  const toHttps = value('nginx.org/redirect-to-https');
  if (toHttps !== undefined) {
    if (toHttps.trim().toLowerCase() === 'true') {
      features.sslRedirect = 'force';
      features.sslRedirectCode = 301;
    }
    report.carry('nginx.org/redirect-to-https');
  }
  const sslRedirect = value('ingress.kubernetes.io/ssl-redirect');
  if (sslRedirect !== undefined) {
    const on = sslRedirect.trim().toLowerCase() !== 'false';
    if (features.sslRedirect !== 'force') features.sslRedirect = on ? 'when-tls' : 'off';
    features.sslRedirectCode = 301;
    report.carry('ingress.kubernetes.io/ssl-redirect');
  }

  const grpc = value('nginx.org/grpc-services');
  if (grpc !== undefined) {
    for (const service of commaList(grpc)) features.grpcServices.add(service);
    report.carry('nginx.org/grpc-services');
  }
  if (value('nginx.org/websocket-services') !== undefined) report.carry('nginx.org/websocket-services');
  if (value('nginx.org/mergeable-ingress-type') !== undefined)
    report.carry('nginx.org/mergeable-ingress-type');

  const regex = value('nginx.org/path-regex')?.trim().toLowerCase();
  if (regex !== undefined) {
    if (regex === 'case_sensitive' || regex === 'case_insensitive') {
      features.useRegex = true;
      report.carry('nginx.org/path-regex');
    } else if (regex === 'exact') {
      features.pathType = 'Exact';
      report.carry('nginx.org/path-regex');
    } else
      report.refuse('nginx.org/path-regex', `"${regex}" is not case_sensitive, case_insensitive or exact`);
  }

  const size = value('nginx.org/client-max-body-size');
  if (size !== undefined) {
    const quantity = nginxSizeToQuantity(size);
    if (quantity === undefined)
      report.refuse('nginx.org/client-max-body-size', `"${size}" is not an nginx size`);
    else if (quantity === null) report.carry('nginx.org/client-max-body-size');
    else {
      features.policy.bodySize = quantity;
      report.policy('nginx.org/client-max-body-size');
    }
  }
  const seconds = (key: string): number | undefined => {
    const text = value(key);
    if (text === undefined) return undefined;
    const parsed = nginxTimeToSeconds(text);
    if (parsed === null) {
      report.refuse(key, `"${text}" is not an nginx time`);
      return undefined;
    }
    report.policy(key);
    return parsed;
  };
  const connect = seconds('nginx.org/proxy-connect-timeout');
  if (connect !== undefined) features.policy.connectTimeout = connect;
  const idle = Math.max(
    seconds('nginx.org/proxy-read-timeout') ?? 0,
    seconds('nginx.org/proxy-send-timeout') ?? 0,
  );
  if (idle > 0) features.policy.idleTimeout = idle;
  if (value('nginx.org/ssl-services') !== undefined) features.backendTls = true;
}
