/**
 * The inventory: every object of the analysed set, typed by kind and indexed so references resolve
 * across the whole set (not per file or folder), keyed by kind, namespace and name.
 */
import type { z } from 'zod';
import { exposureOf, sourceRangesOf } from '../exposure/exposure.js';
import { classifyPort, trafficOf } from '../exposure/traffic.js';
import { guardOf } from '../internal/zod-guard.js';
import { INGRESS } from '../known/annotations.js';
import {
  apiGroupOf,
  GATEWAY_API_GROUP,
  ROUTE_KINDS,
  type RouteKind,
  WORKLOAD_KINDS,
} from '../known/api-versions.js';
import type { FileResult, HelmValuesFile, LoadProblem, LoadResult } from '../manifests/load.js';
import { effectiveNamespace, type ManifestObject, placeOf } from '../manifests/objects.js';
import type { NodePath } from '../manifests/positions.js';
import {
  backendTlsPolicySchema,
  cronJobSchema,
  gatewayClassSchema,
  gatewaySchema,
  ingressClassSchema,
  ingressV1beta1Schema,
  ingressV1Schema,
  listenerSetSchema,
  podSchema,
  referenceGrantSchema,
  routeSchema,
  serviceSchema,
  templatedWorkloadSchema,
} from '../manifests/schemas.js';
import { assignRoles } from './entry-points.js';
import { defaultBackendPath, ingressPaths } from './ingress-paths.js';
import { GROUPS_OF_KIND } from './shapes.js';
import type {
  ContainerView,
  GatewayView,
  IngressBackendView,
  IngressClassView,
  IngressView,
  InvalidObject,
  ListenerSetView,
  LoadBalancerView,
  ReferenceGrantView,
  RouteView,
  ServicePortView,
  ServiceView,
  WorkloadView,
} from './views.js';

export interface Inventory {
  files: FileResult[];
  /** Every object of the set. */
  objects: ManifestObject[];
  services: ServiceView[];
  /** LoadBalancer Services. */
  loadBalancers: LoadBalancerView[];
  ingresses: IngressView[];
  ingressClasses: IngressClassView[];
  workloads: WorkloadView[];
  gateways: GatewayView[];
  gatewayClasses: ManifestObject[];
  routes: RouteView[];
  referenceGrants: ReferenceGrantView[];
  listenerSets: ListenerSetView[];
  backendTlsPolicies: ManifestObject[];
  invalid: InvalidObject[];
  problems: LoadProblem[];
  helmValues: HelmValuesFile[];
  /** Service views by `namespace/name` (namespace defaulted). */
  servicesByName: ReadonlyMap<string, ServiceView[]>;
  /** Workloads by namespace (defaulted), for selector matching without scanning the whole set. */
  workloadsByNamespace: ReadonlyMap<string, WorkloadView[]>;
}

/**
 * Builds the inventory from loaded manifests. `typedViews`, when given, keeps the typed view of each
 * object for the next inventory of the same objects (groupFiles builds one of all loose files, then
 * one per unit), which reads them from it instead of validating and typing the objects again.
 */
export function buildInventory(loaded: LoadResult, typedViews?: TypedViews): Inventory {
  const inventory: Inventory = {
    files: loaded.files,
    objects: [],
    services: [],
    loadBalancers: [],
    ingresses: [],
    ingressClasses: [],
    workloads: [],
    gateways: [],
    gatewayClasses: [],
    routes: [],
    referenceGrants: [],
    listenerSets: [],
    backendTlsPolicies: [],
    invalid: [],
    problems: loaded.problems,
    helmValues: loaded.helmValues,
    servicesByName: new Map(),
    workloadsByNamespace: new Map(),
  };
  // Objects are sorted into their kinds' buckets (see KindIndexes) in this pass too, rather than in a
  // second pass over every object when the first rule asks.
  const buckets = new Map<string, ManifestObject[]>();
  for (const object of loaded.objects) {
    const group = listedGroupOf(object);
    inventory.objects.push(object);
    appendTo(buckets, indexedKind(object, group), object);
    addTypedView(inventory, object, group, typedViews);
  }
  kindIndexes.set(inventory, { buckets, byName: new Map(), namespaces: new Map() });
  const servicesByName = inventory.servicesByName as Map<string, ServiceView[]>;
  for (const service of inventory.services) {
    const key = `${effectiveNamespace(service.object)}/${service.object.name}`;
    appendTo(servicesByName, key, service);
  }
  const workloadsByNamespace = inventory.workloadsByNamespace as Map<string, WorkloadView[]>;
  for (const workload of inventory.workloads) {
    const namespace = effectiveNamespace(workload.object);
    const list = workloadsByNamespace.get(namespace);
    if (list) list.push(workload);
    else workloadsByNamespace.set(namespace, [workload]);
  }
  // Which load balancers front an ingress or gateway controller: their selectors need every workload.
  assignRoles(inventory);
  return inventory;
}

/** The readable Service views named `name`, in any namespace. */
export function findServicesNamed(inventory: Inventory, name: string): readonly ServiceView[] {
  let index = servicesByBareName.get(inventory);
  if (index === undefined) {
    index = new Map();
    for (const service of inventory.services) appendTo(index, service.object.name, service);
    servicesByBareName.set(inventory, index);
  }
  return index.get(name) ?? [];
}

const servicesByBareName = new WeakMap<Inventory, Map<string, ServiceView[]>>();

/** The readable Service views named `name` in `namespace`. */
export function findServices(inventory: Inventory, namespace: string, name: string): ServiceView[] {
  return inventory.servicesByName.get(`${namespace}/${name}`) ?? [];
}

/**
 * The API group of an object of a kind GROUPS_OF_KIND lists; null for other kinds, most objects
 * of a repository, which have no view and no references, so their group is not worth a string.
 */
function listedGroupOf(object: ManifestObject): string | null {
  return GROUPS_OF_KIND.has(object.kind) ? apiGroupOf(object.apiVersion) : null;
}

/**
 * The kind an object is indexed under: its kind, unless another API group uses the same name (an
 * Istio `Gateway`, a Knative `Service`), which is indexed as `Kind.group` so it never resolves a
 * reference meant for the Kubernetes kind.
 */
function indexedKind(object: ManifestObject, group: string | null): string {
  const groups = GROUPS_OF_KIND.get(object.kind);
  if (groups === undefined || group === null) return object.kind;
  return groups.includes(group) ? object.kind : `${object.kind}.${group}`;
}

/** Objects of a kind by namespace and name, across the whole set. */
export function findObjects(
  inventory: Inventory,
  kind: string,
  namespace: string,
  name: string,
): ManifestObject[] {
  return kindIndexOf(inventory, kind).get(`${namespace}/${name}`) ?? [];
}

/**
 * The objects of a kind, as references resolve it: a kind of the same name from
 * another API group (an Istio `Gateway`) is not among them.
 */
export function objectsOfKind(inventory: Inventory, kind: string): readonly ManifestObject[] {
  return indexesOf(inventory).buckets.get(kind) ?? [];
}

/** Whether the set holds any object of `kind` in `namespace`: if not, references into it stay unjudged. */
export function holdsKindIn(inventory: Inventory, kind: string, namespace: string): boolean {
  return namespacesOf(inventory, kind).has(namespace);
}

/** Whether the set holds any object at all in `namespace`. */
export function holdsAnythingIn(inventory: Inventory, namespace: string): boolean {
  for (const kind of indexesOf(inventory).buckets.keys()) {
    if (namespacesOf(inventory, kind).has(namespace)) return true;
  }
  return false;
}

/**
 * Lookups by kind. Objects are sorted into a bucket per indexed kind by buildInventory's own pass
 * (or on the first lookup, for an inventory made otherwise); a kind's name index and namespaces are
 * built from its bucket when first asked for, as references name a handful of kinds (Services,
 * Gateways, ListenerSets; measured with `pnpm bench`).
 */
interface KindIndexes {
  buckets: Map<string, ManifestObject[]>;
  /** kind → `namespace/name` → objects. */
  byName: Map<string, Map<string, ManifestObject[]>>;
  /** kind → namespaces (defaulted) holding one. */
  namespaces: Map<string, Set<string>>;
}

const kindIndexes = new WeakMap<Inventory, KindIndexes>();

function indexesOf(inventory: Inventory): KindIndexes {
  let indexes = kindIndexes.get(inventory);
  if (indexes === undefined) {
    const buckets = new Map<string, ManifestObject[]>();
    for (const object of inventory.objects)
      appendTo(buckets, indexedKind(object, listedGroupOf(object)), object);
    indexes = { buckets, byName: new Map(), namespaces: new Map() };
    kindIndexes.set(inventory, indexes);
  }
  return indexes;
}

function kindIndexOf(inventory: Inventory, kind: string): Map<string, ManifestObject[]> {
  const { buckets, byName } = indexesOf(inventory);
  let index = byName.get(kind);
  if (index === undefined) {
    index = new Map();
    for (const object of buckets.get(kind) ?? []) {
      appendTo(index, `${effectiveNamespace(object)}/${object.name}`, object);
    }
    byName.set(kind, index);
  }
  return index;
}

function namespacesOf(inventory: Inventory, kind: string): Set<string> {
  const { buckets, namespaces } = indexesOf(inventory);
  let found = namespaces.get(kind);
  if (found === undefined) {
    found = new Set();
    for (const object of buckets.get(kind) ?? []) found.add(effectiveNamespace(object));
    namespaces.set(kind, found);
  }
  return found;
}

/** The typed views of objects, for the inventories that share them (see buildInventory). */
export type TypedViews = Map<ManifestObject, TypedObject>;

/**
 * What an object contributes to an inventory, decided by the object alone: its typed view (or the
 * issues that keep it from having one). Loaded objects are not changed afterwards, so it holds for
 * every inventory of the object.
 */
export interface TypedObject {
  issues?: Issues;
  service?: ServiceView;
  /** For a LoadBalancer Service: its view but the role, which depends on the set (assignRoles). */
  loadBalancer?: Omit<LoadBalancerView, 'role' | 'controller' | 'roleReason'>;
  ingress?: IngressView;
  ingressClass?: IngressClassView;
  workload?: WorkloadView;
  gateway?: GatewayView;
  gatewayClass?: true;
  route?: RouteView;
  referenceGrant?: ReferenceGrantView;
  listenerSet?: ListenerSetView;
  backendTlsPolicy?: true;
}

const NOTHING_TYPED: TypedObject = Object.freeze({});

/** `group` as listedGroupOf gives it. */
function addTypedView(
  inventory: Inventory,
  object: ManifestObject,
  group: string | null,
  typedViews: TypedViews | undefined,
): void {
  let typed = typedViews?.get(object);
  if (typed === undefined) {
    typed = typedObjectOf(object, group);
    typedViews?.set(object, typed);
  }
  // Most objects of a repository (ConfigMaps, ServiceAccounts...) have no view.
  if (typed === NOTHING_TYPED) return;
  if (typed.issues) inventory.invalid.push({ object, issues: typed.issues });
  if (typed.service) {
    inventory.services.push(typed.service);
    if (typed.loadBalancer) {
      // Set once every workload is read (assignRoles, at the end of buildInventory).
      inventory.loadBalancers.push({
        ...typed.loadBalancer,
        role: 'app',
        controller: null,
        roleReason: null,
      });
    }
  }
  if (typed.ingress) inventory.ingresses.push(typed.ingress);
  if (typed.ingressClass) inventory.ingressClasses.push(typed.ingressClass);
  if (typed.workload) inventory.workloads.push(typed.workload);
  if (typed.gateway) inventory.gateways.push(typed.gateway);
  if (typed.gatewayClass) inventory.gatewayClasses.push(object);
  if (typed.route) inventory.routes.push(typed.route);
  if (typed.referenceGrant) inventory.referenceGrants.push(typed.referenceGrant);
  if (typed.listenerSet) inventory.listenerSets.push(typed.listenerSet);
  if (typed.backendTlsPolicy) inventory.backendTlsPolicies.push(object);
}

function typedObjectOf(object: ManifestObject, group: string | null): TypedObject {
  const { kind } = object;
  const typed: TypedObject = {};
  if (kind === 'Service' && group === '') {
    const service = parse(typed, object, serviceSchema);
    if (service) typeService(typed, object, service);
  } else if (kind === 'Ingress' && (group === 'networking.k8s.io' || group === 'extensions')) {
    typeIngress(typed, object);
  } else if (kind === 'IngressClass' && group === 'networking.k8s.io') {
    const ingressClass = parse(typed, object, ingressClassSchema);
    if (ingressClass) {
      typed.ingressClass = {
        object,
        controller: ingressClass.spec?.controller ?? null,
        isDefault: object.annotations[INGRESS.defaultClassAnnotation] === 'true',
      };
    }
  } else if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) {
    typeWorkload(typed, object);
  } else if (group === GATEWAY_API_GROUP) {
    typeGatewayApiObject(typed, object);
  } else {
    return NOTHING_TYPED;
  }
  return typed;
}

type Issues = InvalidObject['issues'];

/** Validates with zod; a failure is recorded once as the object's issues, never thrown. */
function parse<S extends z.ZodType>(
  typed: TypedObject,
  object: ManifestObject,
  schema: S,
): z.infer<S> | undefined {
  // The checked object itself, not zod's stripped copy: the copy would stay alive as long as the
  // inventory does, and the views read only the fields the schema checked.
  if (guardOf(schema)(object.raw)) return object.raw as z.infer<S>;
  const result = schema.safeParse(object.raw);
  if (result.success) return object.raw as z.infer<S>;
  typed.issues = result.error.issues.slice(0, 5).map((issue) => ({
    path: issue.path.filter((step): step is string | number => typeof step !== 'symbol'),
    message: issue.message,
  }));
  return undefined;
}

function typeService(
  typed: TypedObject,
  object: ManifestObject,
  service: z.infer<typeof serviceSchema>,
): void {
  const spec = service.spec ?? {};
  const ports: ServicePortView[] = (spec.ports ?? []).map((port, index) => ({
    index,
    name: port.name ?? null,
    port: port.port,
    targetPort: port.targetPort ?? port.port,
    targetPortDefaulted: port.targetPort === undefined,
    protocol: port.protocol ?? 'TCP',
    appProtocol: port.appProtocol ?? null,
    classification: classifyPort(port),
  }));
  const view: ServiceView = {
    object,
    type: spec.type ?? 'ClusterIP',
    selector: spec.selector && Object.keys(spec.selector).length > 0 ? spec.selector : null,
    ports,
  };
  typed.service = view;
  if (view.type !== 'LoadBalancer') return;
  const verdict = exposureOf({
    annotations: object.annotations,
    loadBalancerClass: spec.loadBalancerClass,
    loadBalancerIP: spec.loadBalancerIP,
  });
  typed.loadBalancer = {
    ...view,
    traffic: trafficOf(ports.map((port) => port.classification)),
    exposure: verdict.exposure,
    exposureReason: verdict.reason,
    provider: verdict.provider,
    loadBalancerClass: spec.loadBalancerClass ?? null,
    loadBalancerIP: spec.loadBalancerIP ?? null,
    sourceRanges: sourceRangesOf(spec.loadBalancerSourceRanges, object.annotations),
    ...typePlace(object),
  };
}

/** Where `type: LoadBalancer` is written: in the Service, or in the patch or values file that set it. */
function typePlace(object: ManifestObject): { typeFile: string; typeLine: number } {
  const { file, line } = placeOf(object, ['spec', 'type']);
  return { typeFile: file, typeLine: line };
}

function typeIngress(typed: TypedObject, object: ManifestObject): void {
  const legacyApi = object.apiVersion !== 'networking.k8s.io/v1';
  const backends: IngressBackendView[] = [];
  let spec: {
    ingressClassName?: string | undefined;
    tls?: Array<{ hosts?: string[] | null | undefined }> | null | undefined;
    rules?: Array<{ host?: string | undefined }> | null | undefined;
  };
  if (legacyApi) {
    const ingress = parse(typed, object, ingressV1beta1Schema);
    if (!ingress) return;
    const legacySpec = ingress.spec ?? {};
    spec = legacySpec;
    if (legacySpec.backend) {
      backends.push(legacyBackend(legacySpec.backend, null, null, defaultBackendPath(true)));
    }
    for (const { path, host, at } of ingressPaths(legacySpec)) {
      backends.push(legacyBackend(path.backend, host, path.path ?? null, [...at, 'backend']));
    }
  } else {
    const ingress = parse(typed, object, ingressV1Schema);
    if (!ingress) return;
    const v1Spec = ingress.spec ?? {};
    spec = v1Spec;
    if (v1Spec.defaultBackend) {
      backends.push(v1Backend(v1Spec.defaultBackend, null, null, defaultBackendPath(false)));
    }
    for (const { path, host, at } of ingressPaths(v1Spec)) {
      backends.push(v1Backend(path.backend, host, path.path ?? null, [...at, 'backend']));
    }
  }
  const annotationClass = object.annotations[INGRESS.classAnnotation];
  const hosts = new Set<string>();
  for (const rule of spec.rules ?? []) if (rule.host) hosts.add(rule.host);
  for (const tls of spec.tls ?? []) for (const host of tls.hosts ?? []) hosts.add(host);
  typed.ingress = {
    object,
    legacyApi,
    className: spec.ingressClassName ?? annotationClass ?? null,
    classSource: spec.ingressClassName ? 'field' : annotationClass ? 'annotation' : null,
    hosts: [...hosts],
    tls: (spec.tls ?? []).length > 0,
    ruleHosts: (spec.rules ?? []).map((rule) => rule.host ?? null),
    tlsHosts: (spec.tls ?? []).map((entry) => entry.hosts ?? []),
    backends,
  };
}

function v1Backend(
  backend: {
    service?:
      | { name: string; port?: { number?: number | undefined; name?: string | undefined } | undefined }
      | undefined;
  },
  host: string | null,
  path: string | null,
  at: NodePath,
): IngressBackendView {
  const port = backend.service?.port;
  return {
    service: backend.service?.name ?? null,
    port: port?.number ?? port?.name ?? null,
    host,
    path,
    at: backend.service ? [...at, 'service'] : at,
  };
}

function legacyBackend(
  backend: { serviceName?: string | undefined; servicePort?: number | string | undefined },
  host: string | null,
  path: string | null,
  at: NodePath,
): IngressBackendView {
  return { service: backend.serviceName ?? null, port: backend.servicePort ?? null, host, path, at };
}

function typeWorkload(typed: TypedObject, object: ManifestObject): void {
  let template:
    | { metadata?: { labels?: Record<string, string> | null | undefined } | undefined; spec?: unknown }
    | undefined;
  if (object.kind === 'Pod') {
    const pod = parse(typed, object, podSchema);
    if (!pod) return;
    template = { metadata: { labels: object.labels }, spec: pod.spec };
  } else if (object.kind === 'CronJob') {
    const cronJob = parse(typed, object, cronJobSchema);
    if (!cronJob) return;
    template = cronJob.spec?.jobTemplate.spec?.template;
  } else {
    const workload = parse(typed, object, templatedWorkloadSchema);
    if (!workload) return;
    template = workload.spec?.template;
  }
  const podSpec = (template?.spec ?? {}) as {
    containers?: ContainerView['raw'][] | null;
    initContainers?: ContainerView['raw'][] | null;
  };
  const toView = (raw: ContainerView['raw'], nativeSidecar: boolean): ContainerView => ({
    name: raw.name ?? '(unnamed)',
    ports: (raw.ports ?? []).map((port) => ({
      name: port.name ?? null,
      containerPort: port.containerPort,
      protocol: port.protocol ?? 'TCP',
    })),
    nativeSidecar,
    raw,
  });
  const containers = [
    ...(podSpec.containers ?? []).map((container) => toView(container, false)),
    // Native sidecars (init containers that keep running) serve traffic like any container.
    ...(podSpec.initContainers ?? [])
      .filter((container) => container.restartPolicy === 'Always')
      .map((container) => toView(container, true)),
  ];
  typed.workload = { object, podLabels: template?.metadata?.labels ?? {}, containers };
}

function typeGatewayApiObject(typed: TypedObject, object: ManifestObject): void {
  const kind = object.kind;
  if (kind === 'Gateway') {
    const gateway = parse(typed, object, gatewaySchema);
    if (gateway) {
      typed.gateway = {
        object,
        className: gateway.spec.gatewayClassName,
        listeners: gateway.spec.listeners ?? [],
      };
    }
  } else if (kind === 'GatewayClass') {
    if (parse(typed, object, gatewayClassSchema)) typed.gatewayClass = true;
  } else if ((ROUTE_KINDS as readonly string[]).includes(kind)) {
    const route = parse(typed, object, routeSchema);
    if (!route) return;
    const backendRefs: RouteView['backendRefs'] = [];
    (route.spec?.rules ?? []).forEach((rule, r) => {
      (rule.backendRefs ?? []).forEach((ref, b) => {
        backendRefs.push({ ref, at: ['spec', 'rules', r, 'backendRefs', b] });
      });
    });
    typed.route = {
      object,
      kind: kind as RouteKind,
      parentRefs: route.spec?.parentRefs ?? [],
      hostnames: route.spec?.hostnames ?? [],
      backendRefs,
    };
  } else if (kind === 'ReferenceGrant') {
    const grant = parse(typed, object, referenceGrantSchema);
    if (grant) typed.referenceGrant = { object, from: grant.spec.from, to: grant.spec.to };
  } else if (kind === 'ListenerSet') {
    const listenerSet = parse(typed, object, listenerSetSchema);
    if (listenerSet) {
      typed.listenerSet = {
        object,
        parentRef: listenerSet.spec.parentRef,
        listeners: listenerSet.spec.listeners ?? [],
      };
    }
  } else if (kind === 'BackendTLSPolicy') {
    if (parse(typed, object, backendTlsPolicySchema)) typed.backendTlsPolicy = true;
  }
}

function appendTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
