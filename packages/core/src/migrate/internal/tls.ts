/** Which TLS Secret serves the hosts of a converted LoadBalancer Service, if any. */
import { type MigrationContext, warn } from './context.js';
import type { ServicePlan } from './service-plan.js';

/** cert-manager's annotation for certificates of an Ingress or Gateway issued by a ClusterIssuer. */
export const CERT_MANAGER_CLUSTER_ISSUER = 'cert-manager.io/cluster-issuer';

/**
 * `--tls-secret` when given; `<service>-tls` when cert-manager issues it or the Service served
 * HTTPS itself (TLS moves to the entry point, so that Secret must be created); else null: plain HTTP.
 */
export function tlsSecretFor(context: MigrationContext, plan: ServicePlan): string | null {
  const { options } = context;
  if (options.tlsSecret !== undefined) return options.tlsSecret;
  const own = `${plan.lb.object.name}-tls`;
  if (options.certManagerIssuer !== undefined) return own;
  const servedHttps = plan.lb.ports.some((port) => port.classification.protocol === 'https');
  if (servedHttps) {
    warn(
      context,
      `Service ${plan.lb.object.name} served HTTPS itself: TLS now ends at the entry point with the Secret ${own}, which you must create (or pass --tls-secret, or a cert-manager issuer).`,
      plan.lb.object,
    );
    return own;
  }
  warn(
    context,
    'Some converted Services are served over plain HTTP only: pass --tls-secret (or a cert-manager issuer) to add TLS.',
  );
  return null;
}
