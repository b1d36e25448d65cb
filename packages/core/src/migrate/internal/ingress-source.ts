/**
 * An Ingress read for conversion: its paths (v1 and the removed v1beta1 shapes alike), default
 * backend, TLS entries and controller annotations, with every annotation that is not carried over
 * reported where it is written.
 */
import type { z } from 'zod';
import { ingressNginxBinding } from '../../inventory/ingress-class.js';
import { defaultBackendPath, ingressPaths } from '../../inventory/ingress-paths.js';
import { findServices } from '../../inventory/inventory.js';
import { findServicePort } from '../../inventory/selection.js';
import type { IngressView } from '../../inventory/views.js';
import { INGRESS } from '../../known/annotations.js';
import { displayName, effectiveNamespace } from '../../manifests/objects.js';
import type { NodePath } from '../../manifests/positions.js';
import type { ingressV1beta1Schema, ingressV1Schema } from '../../manifests/schemas.js';
import { annotationEntry, providerOf } from '../annotations/catalog.js';
import { type RouteFeatures, readAnnotations } from '../annotations/index.js';
import { type MigrationContext, namespaceFor, warn } from './context.js';
import type { GatewayGroup } from './gateways.js';

/** Annotations that need no carrying: the class is mapped to a Gateway, the other is kubectl's. */
const CONSUMED_ANNOTATIONS = new Set([
  INGRESS.classAnnotation,
  'kubectl.kubernetes.io/last-applied-configuration',
]);

/** One `rules[].http.paths[]` entry, with its rule's host and where it is written. */
export interface IngressPath {
  host: string | null;
  path: string;
  pathType: string;
  backend: Backend | null;
  /** Set when the backend is a `resource` rather than a Service. */
  resource: ResourceBackend | null;
  at: NodePath;
}

/** A Service backend: name, and port number or name (null when none is written). */
export interface Backend {
  service: string;
  port: number | string | null;
}

/** A `resource` backend: an object of another kind (a storage bucket, an implementation's backend). */
export interface ResourceBackend {
  group: string;
  kind: string;
  name: string;
}

/** An Ingress as the conversion reads it, and the Gateway it goes to. */
export interface ReadIngress {
  view: IngressView;
  namespace: string | null;
  paths: IngressPath[];
  defaultBackend: { backend: Backend | null; resource: ResourceBackend | null; at: NodePath } | null;
  tls: Array<{ hosts: string[]; secretName: string | null; index: number }>;
  features: RouteFeatures;
  group: GatewayGroup;
}

/** Reads one Ingress; annotations not carried over become warnings here. */
export function readIngress(context: MigrationContext, view: IngressView): Omit<ReadIngress, 'group'> {
  const { object } = view;
  const paths: IngressPath[] = [];
  let defaultBackend: ReadIngress['defaultBackend'] = null;
  const tlsEntries = view.tlsHosts.map((hosts, index) => ({ hosts, index }));
  // Both API shapes read as one; only the backend's fields differ. A v1 Ingress written with v1beta1
  // fields (the API server rejects it) is read as meant, with a warning.
  const spec = (object.raw as { spec?: AnyIngressSpec }).spec ?? {};
  const readBackend = (backend: AnyBackend, at: NodePath): Backend | null =>
    view.legacyApi
      ? legacyBackend(backend as LegacyBackend)
      : (v1Backend(backend as V1Backend) ?? legacyFields(context, view, backend as RawBackend, at));
  const secretNames = (spec.tls ?? []).map((entry) => entry.secretName);
  const defaultAt = defaultBackendPath(view.legacyApi);
  const fallback = view.legacyApi ? spec.backend : spec.defaultBackend;
  if (fallback) {
    defaultBackend = {
      backend: readBackend(fallback, defaultAt),
      resource: resourceOf(fallback),
      at: defaultAt,
    };
  }
  for (const { path, host, at } of ingressPaths(spec)) {
    const pathType = path.pathType ?? 'ImplementationSpecific';
    paths.push({
      host,
      path: pathOf(path.path, pathType),
      pathType,
      backend: readBackend(path.backend, [...at, 'backend']),
      resource: resourceOf(path.backend),
      at,
    });
  }
  const features = readAnnotations(
    object.annotations,
    paths,
    ingressNginxBinding(context.inventory, view) !== null,
  );
  for (const { key, reason } of features.notCarried) {
    warn(
      context,
      `Ingress ${displayName(object)}: annotation ${key} is not carried over: ${reason}.`,
      object,
      ['metadata', 'annotations', key],
    );
  }
  const emit = context.options.emit ?? 'standard';
  for (const key of features.needsPolicy) {
    const outcome = annotationEntry(key)?.outcomes[emit];
    if (outcome === undefined || outcome.outcome === 'converted') continue;
    warn(
      context,
      `Ingress ${displayName(object)}: annotation ${key} is not carried over${emit === 'standard' ? '' : ` by --emit ${emit}`}: ${outcome.note}.`,
      object,
      ['metadata', 'annotations', key],
    );
  }
  for (const key of Object.keys(object.annotations).sort()) {
    if (providerOf(key) !== undefined || CONSUMED_ANNOTATIONS.has(key)) continue;
    const hint = key.startsWith('cert-manager.io/')
      ? ' (cert-manager reads the same annotation on a Gateway: add it to the Gateway)'
      : key.startsWith('external-dns.alpha.kubernetes.io/')
        ? ' (external-dns reads hosts from HTTPRoutes when its gateway-httproute source is on)'
        : '';
    warn(context, `Ingress ${displayName(object)}: annotation ${key} is not carried over${hint}.`, object, [
      'metadata',
      'annotations',
      key,
    ]);
  }
  return {
    view,
    namespace: namespaceFor(context, object),
    paths,
    defaultBackend,
    tls: tlsEntries.map((entry) => ({ ...entry, secretName: secretNames[entry.index] ?? null })),
    features,
  };
}

/** `path: ""` is valid for ImplementationSpecific and means the same as no path: every path. */
function pathOf(path: string | undefined, pathType: string): string {
  if (path === undefined || (path === '' && pathType === 'ImplementationSpecific')) return '/';
  return path;
}

type RawBackend = { serviceName?: unknown; servicePort?: unknown } | undefined;
type V1Spec = NonNullable<z.infer<typeof ingressV1Schema>['spec']>;
type LegacySpec = NonNullable<z.infer<typeof ingressV1beta1Schema>['spec']>;
type V1Backend = NonNullable<V1Spec['defaultBackend']>;
type LegacyBackend = NonNullable<LegacySpec['backend']>;
type AnyBackend = V1Backend | LegacyBackend;
/** An Ingress spec of either API shape, as far as the conversion reads it. */
interface AnyIngressSpec {
  tls?: Array<{ secretName?: string | undefined }> | null;
  backend?: AnyBackend;
  defaultBackend?: AnyBackend;
  rules?: Array<{
    host?: string | undefined;
    http?: {
      paths?: Array<{ path?: string | undefined; pathType?: string | undefined; backend: AnyBackend }>;
    };
  }> | null;
}

/**
 * A v1 backend written with the v1beta1 `serviceName`/`servicePort` (removed in Kubernetes 1.22):
 * read as meant, with a warning that the source must be fixed.
 */
function legacyFields(
  context: MigrationContext,
  view: IngressView,
  raw: RawBackend,
  at: NodePath,
): Backend | null {
  if (raw === undefined || typeof raw.serviceName !== 'string') return null;
  warn(
    context,
    `Ingress ${displayName(view.object)}: the backend uses the v1beta1 fields serviceName and servicePort, which networking.k8s.io/v1 does not have (the API server rejects it): it is read as Service ${raw.serviceName}; write service.name and service.port in the source too.`,
    view.object,
    at,
  );
  const port = raw.servicePort;
  return {
    service: raw.serviceName,
    port:
      typeof port === 'number'
        ? port
        : typeof port === 'string' && /^\d+$/.test(port)
          ? Number(port)
          : typeof port === 'string'
            ? port
            : null,
  };
}

function resourceOf(backend: {
  resource?: { apiGroup?: string | null | undefined; kind: string; name: string } | undefined;
}): ResourceBackend | null {
  const resource = backend.resource;
  if (!resource?.kind || !resource.name) return null;
  return { group: resource.apiGroup ?? '', kind: resource.kind, name: resource.name };
}

function v1Backend(backend: {
  service?:
    | { name: string; port?: { number?: number | undefined; name?: string | undefined } | undefined }
    | undefined;
}): Backend | null {
  if (!backend.service) return null;
  return {
    service: backend.service.name,
    port: backend.service.port?.number ?? backend.service.port?.name ?? null,
  };
}

function legacyBackend(backend: {
  serviceName?: string | undefined;
  servicePort?: number | string | undefined;
}): Backend | null {
  if (backend.serviceName === undefined) return null;
  const port = backend.servicePort;
  return {
    service: backend.serviceName,
    port: typeof port === 'string' && /^\d+$/.test(port) ? Number(port) : (port ?? null),
  };
}

/** The Service port number a backend reaches, or null (with a warning) when it cannot be known. */
export function resolvePort(
  context: MigrationContext,
  ingress: ReadIngress,
  backend: Backend,
  at: NodePath,
): number | null {
  if (typeof backend.port === 'number') return backend.port;
  const { object } = ingress.view;
  const services = findServices(context.inventory, effectiveNamespace(object), backend.service);
  const port = services.length > 0 ? findServicePort(services[0]!, backend.port) : undefined;
  if (port) return port.port;
  warn(
    context,
    `Ingress ${displayName(object)}: the backend ${backend.service}:${backend.port ?? '(no port)'} is not carried over: a route needs the port number, and ${services.length === 0 ? `Service ${backend.service} is not in the analysed files` : `Service ${backend.service} has no port ${backend.port ?? ''}`}.`,
    object,
    at,
  );
  return null;
}
