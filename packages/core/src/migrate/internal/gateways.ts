/**
 * The Gateways a migration writes, filled as routes are generated: one for HTTP(S) and one for L4
 * (facts.md section 2: the AWS Load Balancer Controller cannot mix TCPRoute and HTTPRoute on one
 * Gateway, and GKE's managed classes are L7 only), each twice when internal load balancers are
 * converted too, since one load balancer cannot be both public and internal.
 */

import type { GatewayView } from '../../inventory/views.js';
import { GATEWAY_API_GROUP } from '../../known/api-versions.js';
import type { ManifestObject } from '../../manifests/objects.js';
import type { NodePath } from '../../manifests/positions.js';
import { addRequirement, claimName, type MigrationContext, metadataOf, warn } from './context.js';
import { toDnsLabel, uniqueName } from './names.js';
import { dropServerMetadata } from './server-metadata.js';
import { CERT_MANAGER_CLUSTER_ISSUER } from './tls.js';
import type { EmittedDocument } from './yaml.js';

/** The apiVersion of every generated Gateway API object but v1alpha2 L4 routes. */
export const GATEWAY_API_V1 = `${GATEWAY_API_GROUP}/v1`;

/** A Secret a listener serves, and the namespace it lives in (null: the Gateway's). */
export interface CertificateRef {
  name: string;
  namespace: string | null;
}

interface Listener {
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';
  port: number;
  hostname: string | null;
  certificate: CertificateRef | null;
  /** A TLS listener that passes connections through undecrypted (TLSRoute by SNI). */
  passthrough?: boolean;
  /** For a listener of a Gateway of the set: its `allowedRoutes.namespaces.from` (default Same). */
  admits?: string;
}

/** Most listeners one Gateway may have, and most targets one ReferenceGrant may list (CRD limits). */
const MAX_LISTENERS = 64;
const MAX_GRANT_TARGETS = 16;

/** The namespace label every namespace carries (Kubernetes ≥1.21), used to admit routes by name. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Which Gateway a route joins: LoadBalancer Services by exposure (`web`, `web-internal`), Ingresses
 * by class (each IngressClass was its own controller and load balancer), unless `--class` puts
 * everything public on one.
 */
export interface GatewayGroup {
  key: string;
  /** Base name of its HTTP Gateway; its L4 Gateway is `l4` plus the same suffix. */
  name: string;
  internal: boolean;
  className: string;
}

class GatewayDraft {
  readonly listeners: Listener[] = [];
  readonly routeNamespaces = new Set<string>();
  readonly routeKinds = new Set<string>();
  readonly sources = new Set<string>();
  private readonly listenerNames = new Set<string>();

  constructor(
    readonly name: string,
    readonly namespace: string | null,
    readonly layer: 'l7' | 'l4',
    readonly group: GatewayGroup,
    /** The Gateway of the set this draft adds routes (and maybe listeners) to; null for a new one. */
    readonly existing: GatewayView | null = null,
  ) {}

  /** Listeners this migration adds (all of them, for a new Gateway). */
  get addedListeners(): Listener[] {
    return this.listeners.filter((listener) => listener.admits === undefined);
  }

  get internal(): boolean {
    return this.group.internal;
  }

  /** Keeps a listener name of a Gateway of the set from being given to a new listener. */
  reserveListenerName(name: string): void {
    this.listenerNames.add(name);
  }

  addListener(listener: Omit<Listener, 'name'> & { name: string }): Listener {
    const added = { ...listener, name: uniqueName(listener.name, this.listenerNames, 253) };
    this.listeners.push(added);
    return added;
  }
}

/** The parent reference of a route: the Gateway, and the listener it attaches to. */
export interface ParentRef {
  name: string;
  namespace?: string;
  sectionName: string;
}

/** The Gateways of one migration: created on first use, rendered once every route has attached. */
export class GatewaySet {
  private readonly drafts = new Map<string, GatewayDraft>();

  constructor(
    private readonly context: MigrationContext,
    /** The namespace of every generated Gateway. */
    readonly namespace: string | null,
    /**
     * A Gateway of the set that public HTTP routes join instead of a new one (the entry point
     * lb-http-consolidate names), with listeners added only where hosts need them.
     */
    private readonly existing: GatewayView | null = null,
  ) {}

  private draft(layer: 'l7' | 'l4', group: GatewayGroup): GatewayDraft {
    const key = `${layer}/${group.key}`;
    let draft = this.drafts.get(key);
    if (draft !== undefined) return draft;
    if (layer === 'l7' && group.key === PUBLIC_GROUP && this.existing !== null) {
      draft = this.existingDraft(this.existing, group);
    } else {
      const base = layer === 'l7' ? group.name : `l4${group.name.replace(/^web/, '')}`;
      draft = new GatewayDraft(
        claimName(this.context, 'Gateway', this.namespace, base),
        this.namespace,
        layer,
        group,
      );
    }
    if (layer === 'l7' && !draft.listeners.some((listener) => listener.protocol === 'HTTP')) {
      draft.addListener({ name: 'http', protocol: 'HTTP', port: 80, hostname: null, certificate: null });
    }
    this.drafts.set(key, draft);
    return draft;
  }

  /** A draft over a Gateway of the set: its HTTP and HTTPS listeners as written. */
  private existingDraft(gateway: GatewayView, group: GatewayGroup): GatewayDraft {
    const draft = new GatewayDraft(
      gateway.object.name,
      gateway.object.namespace,
      'l7',
      { ...group, className: gateway.className },
      gateway,
    );
    const raw = ((gateway.object.raw.spec as { listeners?: unknown[] } | undefined)?.listeners ??
      []) as Array<{
      tls?: { certificateRefs?: Array<{ name?: string; namespace?: string }> };
    }>;
    gateway.listeners.forEach((listener, index) => {
      if (listener.protocol !== 'HTTP' && listener.protocol !== 'HTTPS') return;
      const ref = raw[index]?.tls?.certificateRefs?.[0];
      draft.listeners.push({
        name: listener.name,
        protocol: listener.protocol,
        port: listener.port,
        hostname: listener.hostname ?? null,
        certificate: ref?.name ? { name: ref.name, namespace: ref.namespace ?? null } : null,
        admits: listener.allowedRoutes?.namespaces?.from ?? 'Same',
      });
      draft.reserveListenerName(listener.name);
    });
    return draft;
  }

  /**
   * Parent references for an HTTPRoute or GRPCRoute with `hostnames`: the HTTP listener and the
   * HTTPS listeners serving those hosts (`only` narrows it to one side, for a redirect).
   */
  attachHttp(
    route: { namespace: string | null; kind: string; sources: readonly string[]; group: GatewayGroup },
    hostnames: readonly string[],
    only?: 'http' | 'https',
  ): ParentRef[] {
    const draft = this.draft('l7', route.group);
    this.admit(draft, route);
    const listeners = draft.listeners.filter((listener) => {
      if (listener.protocol === 'HTTP') return only !== 'https';
      if (only === 'http' || listener.protocol !== 'HTTPS') return false;
      return hostnames.length === 0
        ? listener.hostname === null
        : hostnames.some(
            (host) => listener.hostname === null || hostMatches(listener.hostname as string, host),
          );
    });
    for (const listener of listeners) this.checkAdmits(draft, listener, route.namespace);
    return listeners.map((listener) => this.parentRef(draft, route.namespace, listener));
  }

  /** A listener of a Gateway of the set admits routes by its own rule: say when it may not. */
  private checkAdmits(draft: GatewayDraft, listener: Listener, namespace: string | null): void {
    if (listener.admits === undefined || listener.admits === 'All') return;
    const routeNamespace = namespace ?? 'default';
    if (listener.admits === 'Same' && routeNamespace === (draft.namespace ?? 'default')) return;
    warn(
      this.context,
      `Listener ${listener.name} of Gateway ${draft.namespace ? `${draft.namespace}/` : ''}${draft.name} admits routes from ${listener.admits === 'Same' ? 'its own namespace only' : 'the namespaces its selector picks'}: check that it admits namespace ${routeNamespace}, or the routes there stay unattached.`,
    );
  }

  /** Whether some HTTPS listener serves `host` (or all hosts, for null). */
  servesHttps(host: string | null, group: GatewayGroup): boolean {
    return this.draft('l7', group).listeners.some(
      (listener) =>
        listener.protocol === 'HTTPS' &&
        (listener.hostname === null || (host !== null && hostMatches(listener.hostname, host))),
    );
  }

  /**
   * An HTTPS listener for `hostname` (null: every host) with `certificate`. One per hostname: a second
   * certificate for the same hostname is reported and the first one kept.
   */
  addHttps(
    hostname: string | null,
    certificate: CertificateRef,
    group: GatewayGroup,
    about: string,
    where?: { object: ManifestObject; path: NodePath },
  ): void {
    const draft = this.draft('l7', group);
    // A listener of a Gateway of the set that already serves the host (a wildcard certificate) is enough.
    const served = draft.listeners.some(
      (listener) =>
        listener.admits !== undefined &&
        listener.protocol === 'HTTPS' &&
        (listener.hostname === null || (hostname !== null && hostMatches(listener.hostname, hostname))),
    );
    if (served) return;
    const existing = draft.listeners.find(
      (listener) => listener.protocol === 'HTTPS' && listener.hostname === hostname,
    );
    if (existing) {
      const same =
        existing.certificate?.name === certificate.name &&
        (existing.certificate?.namespace ?? this.namespace) === (certificate.namespace ?? this.namespace);
      if (!same) {
        warn(
          this.context,
          `${about}: ${hostname === null ? 'every host (a TLS entry without hosts)' : `host ${hostname}`} already has the certificate ${existing.certificate?.name} on Gateway ${draft.name}; its own Secret ${certificate.name} is not used.`,
          where?.object,
          where?.path,
        );
      }
      return;
    }
    if (draft.listeners.length >= MAX_LISTENERS) {
      warn(
        this.context,
        `${about}: Gateway ${draft.name} already has the most listeners a Gateway may have (${MAX_LISTENERS}), so ${hostname === null ? 'the TLS entry without hosts' : `host ${hostname}`} gets no HTTPS listener; use one wildcard certificate (--tls-secret) or split the hosts over ListenerSets.`,
        where?.object,
        where?.path,
      );
      return;
    }
    const slug =
      hostname === null
        ? 'https'
        : `https-${toDnsLabel(hostname.replace(/^\*\./, 'wildcard.').replaceAll('.', '-'), 240)}`;
    draft.addListener({ name: slug, protocol: 'HTTPS', port: 443, hostname, certificate });
  }

  /**
   * The TLS listener on port 443 that passes connections for `hostname` through undecrypted
   * (ingress-nginx `ssl-passthrough`), and the parent reference of the TLSRoute attached to it.
   */
  attachPassthrough(
    route: { namespace: string | null; sources: readonly string[]; group: GatewayGroup },
    hostname: string,
  ): ParentRef | null {
    const draft = this.draft('l7', route.group);
    let listener = draft.listeners.find(
      (candidate) => candidate.protocol === 'TLS' && candidate.hostname === hostname,
    );
    if (listener === undefined) {
      if (draft.listeners.length >= MAX_LISTENERS) return null;
      listener = draft.addListener({
        name: `tls-passthrough-${toDnsLabel(hostname.replace(/^\*\./, 'wildcard.').replaceAll('.', '-'), 230)}`,
        protocol: 'TLS',
        port: 443,
        hostname,
        certificate: null,
        passthrough: true,
      });
    }
    this.admit(draft, { ...route, kind: 'TLSRoute' });
    return this.parentRef(draft, route.namespace, listener);
  }

  /**
   * A TCP or UDP listener on the L4 Gateway for `port`, or null when another Service already
   * holds that port and protocol there.
   */
  attachLayer4(
    route: {
      namespace: string | null;
      kind: 'TCPRoute' | 'UDPRoute';
      sources: readonly string[];
      group: GatewayGroup;
    },
    listenerName: string,
    port: number,
  ): ParentRef | null {
    const draft = this.draft('l4', route.group);
    const protocol = route.kind === 'TCPRoute' ? 'TCP' : 'UDP';
    if (draft.listeners.some((listener) => listener.port === port && listener.protocol === protocol))
      return null;
    if (draft.listeners.length >= MAX_LISTENERS) return null;
    this.admit(draft, route);
    const listener = draft.addListener({
      name: listenerName,
      protocol,
      port,
      hostname: null,
      certificate: null,
    });
    return this.parentRef(draft, route.namespace, listener);
  }

  /** The name of the L7 or L4 Gateway, for messages. */
  nameOf(layer: 'l7' | 'l4', group: GatewayGroup): string {
    const draft = this.draft(layer, group);
    return `Gateway ${draft.namespace ? `${draft.namespace}/` : ''}${draft.name}`;
  }

  /** The Gateways and the ReferenceGrants their certificates need, in a fixed order. */
  render(): EmittedDocument[] {
    const documents: EmittedDocument[] = [];
    const grants = new Map<string, Set<string>>();
    // HTTP Gateways first, then L4 ones, each in the order the sources first needed them.
    const drafts = [...this.drafts.values()].sort((a, b) =>
      a.layer === b.layer ? 0 : a.layer === 'l7' ? -1 : 1,
    );
    for (const draft of drafts) {
      if (draft.sources.size === 0) continue;
      // A Gateway of the set is written again only when this migration adds listeners to it.
      if (draft.existing === null || draft.addedListeners.length > 0)
        documents.push(this.renderGateway(draft));
      const gatewayNamespace = draft.namespace ?? 'default';
      for (const listener of draft.addedListeners) {
        const namespace = listener.certificate?.namespace;
        if (listener.certificate && namespace && namespace !== gatewayNamespace) {
          const key = `${gatewayNamespace}\u0000${namespace}`;
          const names = grants.get(key) ?? new Set<string>();
          names.add(listener.certificate.name);
          grants.set(key, names);
        }
      }
    }
    for (const [key, names] of grants) {
      const [gatewayNamespace = 'default', namespace = 'default'] = key.split('\u0000');
      const sorted = [...names].sort();
      // A ReferenceGrant lists at most 16 targets: more Secrets take more grants.
      for (let start = 0; start < sorted.length; start += MAX_GRANT_TARGETS) {
        const chunk = sorted.slice(start, start + MAX_GRANT_TARGETS);
        const suffix = start === 0 ? '' : `-${start / MAX_GRANT_TARGETS + 1}`;
        addRequirement(
          this.context,
          'ReferenceGrant v1 (Gateway API ≥1.5 standard channel) for certificates in other namespaces',
        );
        documents.push({
          comments: [
            `Lets the Gateways in ${gatewayNamespace} use the TLS Secrets of namespace ${namespace} (a Gateway may only read Secrets of another namespace that grants it).`,
          ],
          object: {
            apiVersion: GATEWAY_API_V1,
            kind: 'ReferenceGrant',
            metadata: metadataOf(
              `gateway-certificates-from-${toDnsLabel(gatewayNamespace, 30)}${suffix}`,
              namespace,
            ),
            spec: {
              from: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', namespace: gatewayNamespace }],
              to: chunk.map((name) => ({ group: '', kind: 'Secret', name })),
            },
          },
        });
      }
    }
    return documents;
  }

  private admit(
    draft: GatewayDraft,
    route: { namespace: string | null; kind: string; sources: readonly string[] },
  ): void {
    draft.routeNamespaces.add(route.namespace ?? 'default');
    draft.routeKinds.add(route.kind);
    for (const source of route.sources) draft.sources.add(source);
  }

  private parentRef(draft: GatewayDraft, namespace: string | null, listener: Listener): ParentRef {
    const sameNamespace = (namespace ?? 'default') === (draft.namespace ?? 'default');
    return {
      name: draft.name,
      ...(sameNamespace || draft.namespace === null ? {} : { namespace: draft.namespace }),
      sectionName: listener.name,
    };
  }

  private renderGateway(draft: GatewayDraft): EmittedDocument {
    const namespaces = [...draft.routeNamespaces].sort();
    const own = draft.namespace ?? 'default';
    const fromNamespaces =
      namespaces.length === 1 && namespaces[0] === own
        ? { from: 'Same' }
        : {
            from: 'Selector',
            selector: {
              matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: namespaces }],
            },
          };
    const listeners = draft.addedListeners.map((listener) => ({
      name: listener.name,
      protocol: listener.protocol,
      port: listener.port,
      ...(listener.hostname === null ? {} : { hostname: listener.hostname }),
      ...(listener.passthrough ? { tls: { mode: 'Passthrough' } } : {}),
      ...(listener.certificate === null
        ? {}
        : {
            tls: {
              mode: 'Terminate',
              certificateRefs: [
                {
                  kind: 'Secret',
                  name: listener.certificate.name,
                  ...(listener.certificate.namespace && listener.certificate.namespace !== own
                    ? { namespace: listener.certificate.namespace }
                    : {}),
                },
              ],
            },
          }),
      allowedRoutes: {
        namespaces: fromNamespaces,
        ...(draft.layer === 'l4'
          ? { kinds: [{ kind: listener.protocol === 'TCP' ? 'TCPRoute' : 'UDPRoute' }] }
          : listener.protocol === 'TLS'
            ? { kinds: [{ kind: 'TLSRoute' }] }
            : {}),
      },
    }));
    const issuer = this.context.options.certManagerIssuer;
    const annotations =
      issuer !== undefined && draft.listeners.some((listener) => listener.certificate !== null)
        ? { annotations: { [CERT_MANAGER_CLUSTER_ISSUER]: issuer } }
        : {};
    if (draft.existing !== null) return this.renderChangedGateway(draft, listeners, annotations);
    const what = draft.layer === 'l7' ? 'HTTP and HTTPS' : 'TCP and UDP';
    return {
      comments: [
        `${draft.internal ? 'Internal ' : ''}Gateway ${draft.namespace ? `${draft.namespace}/` : ''}${draft.name} for ${what}, replacing ${[...draft.sources].join(', ')}.`,
        ...(draft.layer === 'l4'
          ? [
              'Its own Gateway: some implementations cannot mix L4 and HTTP routes on one (AWS LBC), and GKE classes are L7 only.',
            ]
          : []),
        ...(draft.internal
          ? ['Give it a GatewayClass (or an implementation setting) that makes its load balancer internal.']
          : []),
      ],
      object: {
        apiVersion: GATEWAY_API_V1,
        kind: 'Gateway',
        metadata: metadataOf(draft.name, draft.namespace, annotations),
        spec: { gatewayClassName: draft.group.className, listeners },
      },
    };
  }

  /** A Gateway of the set as written, with the listeners this migration adds appended. */
  private renderChangedGateway(
    draft: GatewayDraft,
    added: Array<Record<string, unknown>>,
    annotations: { annotations?: Record<string, string> },
  ): EmittedDocument {
    const gateway = draft.existing as GatewayView;
    const raw = structuredClone(gateway.object.raw) as Record<string, unknown>;
    const metadata = (raw.metadata ?? {}) as Record<string, unknown>;
    dropServerMetadata(metadata);
    if (annotations.annotations) {
      metadata.annotations = {
        ...((metadata.annotations as Record<string, string>) ?? {}),
        ...annotations.annotations,
      };
    }
    const spec = (raw.spec ?? {}) as Record<string, unknown>;
    spec.listeners = [...((spec.listeners as unknown[]) ?? []), ...added];
    return {
      comments: [
        `Gateway ${draft.namespace ? `${draft.namespace}/` : ''}${draft.name} from ${gateway.object.file}, as written, with ${added.length} listener(s) added for ${[...draft.sources].join(', ')}.`,
      ],
      object: { apiVersion: raw.apiVersion, kind: raw.kind, metadata, spec },
    };
  }
}

/** The Gateway group of public HTTP routes, which a Gateway of the set can take. */
export const PUBLIC_GROUP = 'public';

/** Whether a listener hostname (possibly `*.example.com`) admits a route host. */
export function hostMatches(listenerHostname: string, host: string): boolean {
  if (listenerHostname === host) return true;
  if (listenerHostname.startsWith('*.')) {
    const suffix = listenerHostname.slice(1);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  if (host.startsWith('*.')) return listenerHostname.endsWith(host.slice(1));
  return false;
}
