/**
 * The TLS an Ingress controller did not end where the Gateway ends it: ingress-nginx
 * `ssl-passthrough` (TLS connections sent to the backend undecrypted) becomes a TLS listener in
 * Passthrough mode and a TLSRoute per host; `backend-protocol: HTTPS|GRPCS` with
 * `proxy-ssl-verify/-secret/-name` becomes a BackendTLSPolicy per Service, as ingress2gateway writes
 * them (`pkg/i2gw/providers/ingressnginx/ssl_passthrough.go`, `backend_tls.go`). Both are
 * `gateway.networking.k8s.io/v1` in the standard channel of Gateway API v1.5+ (TLSRoute) and v1.4+
 * (BackendTLSPolicy); the v1.6.1 CRDs in ./test-support/crds check them.
 */
import { displayName } from '../manifests/objects.js';
import { addRequirement, claimName, type MigrationContext, metadataOf, warn } from './internal/context.js';
import { GATEWAY_API_V1, type GatewaySet } from './internal/gateways.js';
import { type ReadIngress, resolvePort } from './internal/ingress-source.js';
import { toDnsLabel } from './internal/names.js';
import type { EmittedDocument } from './internal/yaml.js';

/** A host name a TLSRoute may list (RFC 1123, optionally a `*.` wildcard). */
const TLS_HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * One TLSRoute per host of an `ssl-passthrough` Ingress. ingress-nginx passes the connections of a
 * host to the backend of its `/` location and ignores the other paths for TLS
 * (`buildPassthroughBackends`: "Ignoring SSL Passthrough for location"), so the route forwards to
 * that backend; plain HTTP keeps its path routing (see ingress-to-gateway.ts).
 */
export function passthroughRoutes(
  context: MigrationContext,
  gateways: GatewaySet,
  ingresses: readonly ReadIngress[],
): EmittedDocument[] {
  const documents: EmittedDocument[] = [];
  const passthrough = ingresses.filter(
    (ingress) => ingress.features.sslPassthrough && !ingress.features.canary,
  );
  for (const ingress of passthrough) {
    const { object } = ingress.view;
    const about = `Ingress ${displayName(object)}`;
    const hosts = [...new Set(ingress.paths.map((path) => path.host))];
    for (const host of hosts) {
      if (host === null || !TLS_HOSTNAME.test(host)) {
        warn(
          context,
          `${about}: ssl-passthrough routes TLS connections by the host name they ask for (SNI), and ${host === null ? 'a rule without host' : `host ${host}`} has none a TLSRoute can match; its TLS connections are not carried over.`,
          object,
          ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/ssl-passthrough'],
        );
        continue;
      }
      // The host's `/` location, from any Ingress of the host (nginx merges them into one server).
      const root = ingresses
        .filter((other) => !other.features.canary && other.group.key === ingress.group.key)
        .flatMap((other) => other.paths.map((path) => ({ other, path })))
        .find(
          ({ path }) =>
            path.host === host && path.path === '/' && path.pathType !== 'Exact' && path.backend !== null,
        );
      const port =
        root === undefined
          ? null
          : resolvePort(context, root.other, root.path.backend!, [...root.path.at, 'backend']);
      if (root === undefined || port === null) {
        if (root === undefined)
          warn(
            context,
            `${about}: ssl-passthrough sends the TLS connections of ${host} to the backend of its path /, and no Ingress of the set routes / on ${host} (ingress-nginx used its default backend); add a path / or write the TLSRoute by hand.`,
            object,
            ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/ssl-passthrough'],
          );
        continue;
      }
      const parentRef = gateways.attachPassthrough(
        { namespace: ingress.namespace, sources: [about], group: ingress.group },
        host,
      );
      if (parentRef === null) {
        warn(
          context,
          `${about}: the Gateway already has the most listeners a Gateway may have (64), so ${host} gets no TLS passthrough listener.`,
          object,
        );
        continue;
      }
      addRequirement(
        context,
        'TLSRoute v1 (Gateway API ≥1.5 standard channel) and an implementation that supports TLS listeners in Passthrough mode',
      );
      const slug = toDnsLabel(host.replace(/^\*\./, 'wildcard.').replaceAll('.', '-'));
      documents.push({
        comments: [
          `TLSRoute for ${host}, from ${about} (${object.file}): ssl-passthrough, TLS connections go to the backend undecrypted.`,
          'Plain HTTP keeps its path routing in the HTTPRoute; other paths never applied to TLS (nginx used the backend of /).',
        ],
        object: {
          apiVersion: GATEWAY_API_V1,
          kind: 'TLSRoute',
          metadata: metadataOf(
            claimName(context, 'TLSRoute', ingress.namespace, `${object.name}-${slug}`),
            ingress.namespace,
          ),
          spec: {
            parentRefs: [parentRef],
            hostnames: [host],
            rules: [{ backendRefs: [{ name: root.path.backend!.service, port }] }],
          },
        },
      });
    }
  }
  return documents;
}

/**
 * One BackendTLSPolicy per Service that an Ingress with a verified HTTPS or GRPCS backend routes to.
 * A second Ingress asking something else of the same Service is reported, the first one kept (a
 * Service has one policy per port, and the oldest wins in the cluster too).
 */
export function backendTlsPolicies(
  context: MigrationContext,
  ingresses: readonly ReadIngress[],
): EmittedDocument[] {
  const documents: EmittedDocument[] = [];
  const written = new Map<string, { ingress: ReadIngress; key: string }>();
  for (const ingress of ingresses) {
    const wanted = ingress.features.backendTlsPolicy;
    if (wanted === null || ingress.features.canary) continue;
    const { object } = ingress.view;
    const about = `Ingress ${displayName(object)}`;
    const namespace = ingress.namespace;
    const secretNamespace = wanted.caSecret.namespace ?? namespace ?? 'default';
    if (secretNamespace !== (namespace ?? 'default')) {
      warn(
        context,
        `${about}: proxy-ssl-secret ${wanted.caSecret.namespace}/${wanted.caSecret.name} is in another namespace, and a BackendTLSPolicy reads CA certificates of its own namespace only; copy the CA into namespace ${namespace ?? 'default'} and write the BackendTLSPolicy by hand.`,
        object,
        ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/proxy-ssl-secret'],
      );
      continue;
    }
    const services = [
      ...new Set(ingress.paths.flatMap((path) => (path.backend === null ? [] : [path.backend.service]))),
    ];
    const key = JSON.stringify(wanted);
    for (const service of services) {
      const id = `${namespace ?? ''}/${service}`;
      const known = written.get(id);
      if (known !== undefined) {
        if (known.key !== key)
          warn(
            context,
            `${about}: Service ${service} already gets a BackendTLSPolicy from Ingress ${displayName(known.ingress.view.object)} with other settings; the first one is written.`,
            object,
            ['metadata', 'annotations'],
          );
        continue;
      }
      written.set(id, { ingress, key });
      addRequirement(context, 'BackendTLSPolicy v1 (Gateway API ≥1.4 standard channel) for TLS to backends');
      if (!wanted.sni)
        warn(
          context,
          `${about}: the BackendTLSPolicy for Service ${service} sends ${wanted.hostname} as SNI, which ingress-nginx did not (proxy-ssl-server-name was not on); check that the backend accepts it.`,
          object,
          ['metadata', 'annotations'],
        );
      documents.push({
        comments: [
          `BackendTLSPolicy for Service ${service}, from ${about} (${object.file}): backend-protocol ${ingress.features.grpc ? 'GRPCS' : 'HTTPS'}, proxy-ssl-verify on.`,
          `The CA is the ca.crt of Secret ${wanted.caSecret.name}, as ingress-nginx read it; Core support is a ConfigMap with ca.crt, so if your implementation reports InvalidKind, copy it into a ConfigMap.`,
        ],
        object: {
          apiVersion: GATEWAY_API_V1,
          kind: 'BackendTLSPolicy',
          metadata: metadataOf(
            claimName(context, 'BackendTLSPolicy', namespace, toDnsLabel(`${service}-backend-tls`, 253)),
            namespace,
          ),
          spec: {
            targetRefs: [{ group: '', kind: 'Service', name: service }],
            validation: {
              caCertificateRefs: [{ group: '', kind: 'Secret', name: wanted.caSecret.name }],
              hostname: wanted.hostname,
            },
          },
        },
      });
    }
  }
  return documents;
}
