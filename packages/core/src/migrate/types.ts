/** The migration contract shared by the CLI, the GitHub Action and the Slack bot. */
import type { ObjectRef } from '../manifests/objects.js';

/** What to migrate to: one Ingress per namespace, or Gateway API. */
export type MigrationTarget = 'ingress' | 'gateway';

/**
 * What `--to gateway` writes besides standard Gateway API: nothing (`standard`), or the policies of
 * Envoy Gateway or kgateway for what standard Gateway API cannot say (body size, source ranges,
 * timeouts, session affinity).
 */
export type MigrationEmitter = 'standard' | 'envoy-gateway' | 'kgateway';

/** How to migrate. Only `to` is required. */
export interface MigrationOptions {
  to: MigrationTarget;
  /** IngressClass (to: ingress) or GatewayClass (to: gateway) name. */
  className?: string;
  /** Host for a Service whose manifests name none, e.g. '{name}.example.com' ({name}, {namespace}). */
  hostTemplate?: string;
  /** Namespace for generated objects when the source objects set none (and for the shared Gateway). */
  namespace?: string;
  /** TLS Secret for every generated host (a wildcard or multi-host certificate). */
  tlsSecret?: string;
  /** cert-manager ClusterIssuer that issues the certificates of the generated hosts. */
  certManagerIssuer?: string;
  /**
   * Gateway API CRD version the cluster runs; default '1.6'.
   * @default '1.6'
   */
  gatewayApiVersion?: '1.5' | '1.6';
  /**
   * Implementation-specific policies to write with the Gateway API objects; default 'standard' (none).
   * @default 'standard'
   */
  emit?: MigrationEmitter;
  /** Limit the LoadBalancer -> Ingress/Gateway conversion to these Services (the Action passes the ones a PR adds). */
  services?: ReadonlyArray<{ namespace: string | null; name: string }>;
}

/** Something the reader must check or do by hand, tied to the object it is about. */
export interface MigrationWarning {
  message: string;
  file?: string;
  line?: number;
  resource?: ObjectRef;
}

/** The result of `migrate`. */
export interface Migration {
  to: MigrationTarget;
  /** Multi-document YAML, header comments first; '' when there is nothing to migrate. Stable bytes. */
  yaml: string;
  /** The generated and changed objects, in the order of `yaml`. */
  objects: Array<Record<string, unknown>>;
  /** Source objects converted (LoadBalancer Services, Ingresses). */
  converted: ObjectRef[];
  /** L4 LoadBalancer Services left as they are, each with why. */
  kept: Array<{ resource: ObjectRef; reason: string }>;
  warnings: MigrationWarning[];
  /** What the cluster needs, e.g. "Gateway API v1.6 CRDs (standard channel) for TCPRoute and UDPRoute v1". */
  requirements: string[];
}
