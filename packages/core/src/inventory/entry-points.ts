/**
 * Entry points: LoadBalancer Services that front an ingress or gateway controller (ingress-nginx,
 * Traefik, an Istio ingress gateway, the Service a Gateway API implementation creates for a
 * Gateway...). They are the cluster's way in, the load balancer app Services should share, so they
 * are never proposed for consolidation or migration: routing a controller through an Ingress it
 * serves itself, and making it ClusterIP, would take every route of the cluster down.
 *
 * What recognises one, strongest first (known/controllers.ts lists the data):
 * 1. a selected pod template runs a controller's image (`registry.k8s.io/ingress-nginx/controller`),
 *    matched on the repository path whatever the registry, tag or digest;
 * 2. a controller's labels on the Service, in its selector or on the selected pods;
 * 3. a general-purpose proxy image (Envoy, Istio's proxy) in a pod that runs nothing else, or
 *    with the controller's gateway label (Istio's `istio`): next to an app container it is a sidecar;
 * 4. `gateway.networking.k8s.io/gateway-name`, which Gateway API implementations put on the Services
 *    they create for a Gateway (GEP-1762);
 * 5. the name of the Service of a controller's standard install, the weakest signal.
 */
import {
  ANY_VALUE,
  controllerById,
  GATEWAY_API_IMPLEMENTATION,
  GATEWAY_NAME_LABEL,
  KNOWN_CONTROLLERS,
  type KnownController,
  type LabelSignal,
} from '../known/controllers.js';
import { displayName } from '../manifests/objects.js';
import type { Inventory } from './inventory.js';
import { selectWorkloads, workloadName } from './selection.js';
import type { ContainerView, LoadBalancerView, ServiceView, WorkloadView } from './views.js';

/** A recognised entry point: which controller, and what gave it away. */
export interface Recognition {
  controller: KnownController;
  reason: string;
}

/** Marks each load balancer of the inventory as an entry point or an app (one pass, after every workload is read). */
export function assignRoles(inventory: Inventory): void {
  for (const lb of inventory.loadBalancers) {
    const recognised = recogniseEntryPoint(inventory, lb);
    if (recognised === null) continue;
    lb.role = 'entry-point';
    lb.controller = { id: recognised.controller.id, name: recognised.controller.name };
    lb.roleReason = recognised.reason;
  }
}

/** Whether a load balancer fronts an ingress or gateway controller. */
export function isEntryPoint(lb: LoadBalancerView): boolean {
  return lb.role === 'entry-point';
}

/** The controller an entry point fronts, with its data (what it serves, its IngressClass...). */
export function knownControllerOf(lb: LoadBalancerView): KnownController | undefined {
  return lb.controller === null ? undefined : controllerById(lb.controller.id);
}

/** What a labelled thing is called in reasons. */
interface LabelSource {
  labels: Readonly<Record<string, string>>;
  where: string;
}

/** Why a Service is an entry point, or null for an app. */
export function recogniseEntryPoint(inventory: Inventory, lb: LoadBalancerView): Recognition | null {
  const subject = subjectOf(inventory, lb);
  // Labels that name a part of an install that is no way in (an egress gateway, a waypoint) win.
  const notEntryPoint = KNOWN_CONTROLLERS.some((controller) =>
    (controller.notLabels ?? []).some((signal) =>
      subject.labelSources.some((source) => matches(signal, source.labels)),
    ),
  );
  if (notEntryPoint) return null;
  return (
    byControllerImage(KNOWN_CONTROLLERS, subject.workloads) ??
    byControllerLabel(KNOWN_CONTROLLERS, subject.labelSources) ??
    byProxyImage(KNOWN_CONTROLLERS, subject.workloads) ??
    byGatewayLabel(subject.labelSources) ??
    byServiceName(KNOWN_CONTROLLERS, lb)
  );
}

/** What the signals are read from: the Service (and, for a Kustomize patch, the Service it patches) and the pods it selects. */
function subjectOf(
  inventory: Inventory,
  lb: LoadBalancerView,
): { workloads: readonly WorkloadView[]; labelSources: LabelSource[] } {
  const services: ServiceView[] = [lb];
  const labelSources: LabelSource[] = [];
  const workloads: WorkloadView[] = [];
  for (const service of services) {
    labelSources.push({ labels: service.object.labels, where: 'on the Service' });
    if (service.selector !== null) labelSources.push({ labels: service.selector, where: 'in its selector' });
    const selection = selectWorkloads(inventory, service);
    if (selection.status !== 'matched') continue;
    for (const workload of selection.workloads) {
      if (workloads.includes(workload)) continue;
      workloads.push(workload);
      labelSources.push({ labels: workload.podLabels, where: `on the pods of ${workloadName(workload)}` });
    }
  }
  return { workloads, labelSources };
}

function byControllerImage(
  controllers: readonly KnownController[],
  workloads: readonly WorkloadView[],
): Recognition | null {
  for (const workload of workloads) {
    for (const container of workload.containers) {
      const repository = repositoryOf(container);
      if (repository === null) continue;
      const controller = controllers.find((known) =>
        known.images.some((image) => isImage(repository, image)),
      );
      if (controller)
        return { controller, reason: `${workloadName(workload)} runs ${shownImage(container)}` };
    }
  }
  return null;
}

function byControllerLabel(
  controllers: readonly KnownController[],
  sources: readonly LabelSource[],
): Recognition | null {
  for (const controller of controllers) {
    for (const signal of controller.labels) {
      const source = sources.find((candidate) => matches(signal, candidate.labels));
      if (source)
        return { controller, reason: `label ${describeSignal(signal, source.labels)} ${source.where}` };
    }
  }
  return null;
}

/**
 * A proxy image (Envoy, Istio's proxy) in a pod that runs only known controller and proxy images,
 * or that carries the controller's gateway label: otherwise it is a sidecar of an app.
 */
function byProxyImage(
  controllers: readonly KnownController[],
  workloads: readonly WorkloadView[],
): Recognition | null {
  for (const workload of workloads) {
    const repositories = workload.containers.map(repositoryOf);
    // Asked only of a pod that runs a proxy image, without the gateway label.
    const onlyKnown = (): boolean =>
      repositories.length > 0 &&
      repositories.every(
        (repository) =>
          repository !== null &&
          KNOWN_CONTROLLERS.some(
            (known) =>
              known.images.some((image) => isImage(repository, image)) ||
              (known.proxyImages ?? []).some((image) => isImage(repository, image)),
          ),
      );
    for (const [index, container] of workload.containers.entries()) {
      const repository = repositories[index];
      if (repository === null || repository === undefined) continue;
      const controller = controllers.find((known) =>
        (known.proxyImages ?? []).some((image) => isImage(repository, image)),
      );
      if (controller === undefined) continue;
      const key = (controller.proxyPodLabelKeys ?? []).find((label) => label in workload.podLabels);
      if (key !== undefined) {
        return {
          controller,
          reason: `${workloadName(workload)} runs ${shownImage(container)} with pod label ${key}=${workload.podLabels[key]}`,
        };
      }
      if (onlyKnown()) {
        return {
          controller,
          reason: `${workloadName(workload)} runs ${shownImage(container)} and no application container`,
        };
      }
    }
  }
  return null;
}

function byGatewayLabel(sources: readonly LabelSource[]): Recognition | null {
  for (const source of sources) {
    const gateway = source.labels[GATEWAY_NAME_LABEL];
    if (gateway === undefined) continue;
    return {
      controller: GATEWAY_API_IMPLEMENTATION,
      reason: `label ${GATEWAY_NAME_LABEL}=${gateway} ${source.where}: created for Gateway ${gateway}`,
    };
  }
  return null;
}

function byServiceName(controllers: readonly KnownController[], lb: LoadBalancerView): Recognition | null {
  const service = lb.object;
  for (const controller of controllers) {
    const standard = controller.services.find(
      (known) =>
        known.name === service.name && (known.namespace === null || known.namespace === service.namespace),
    );
    if (standard) {
      return {
        controller,
        reason: `named like the Service of the standard ${controller.name} install (${displayName(service)})`,
      };
    }
  }
  return null;
}

function matches(signal: LabelSignal, labels: Readonly<Record<string, string>>): boolean {
  // Every Service, its selector and its pods are matched against every signal: no entries arrays.
  for (const key in signal.labels) {
    const value = signal.labels[key];
    const found = labels[key];
    if (found === undefined || (value !== ANY_VALUE && found !== value)) return false;
  }
  const component = labels['app.kubernetes.io/component'];
  return component === undefined || !(signal.notComponents ?? []).includes(component);
}

/** `app.kubernetes.io/name=ingress-nginx`, with the values as found. */
function describeSignal(signal: LabelSignal, labels: Readonly<Record<string, string>>): string {
  return Object.keys(signal.labels)
    .map((key) => `${key}=${labels[key]}`)
    .join(', ');
}

/**
 * The repository path of an image reference, without registry, tag or digest:
 * `registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:…` → `ingress-nginx/controller`,
 * `docker.io/library/traefik:v3.5` → `traefik`. The first component is a registry when it holds a
 * `.` or a `:`, or is `localhost`, as Docker reads references.
 */
export function imageRepository(image: string): string {
  let reference = image.trim();
  const digest = reference.indexOf('@');
  if (digest >= 0) reference = reference.slice(0, digest);
  const tag = reference.lastIndexOf(':');
  if (tag > reference.lastIndexOf('/')) reference = reference.slice(0, tag);
  const parts = reference.split('/');
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost'))
    parts.shift();
  if (parts.length > 1 && parts[0] === 'library') parts.shift();
  return parts.join('/').toLowerCase();
}

/** Whether a repository path is a known image, or that image under a mirror's prefix. */
export function isImage(repository: string, known: string): boolean {
  return repository === known || repository.endsWith(`/${known}`);
}

/**
 * A container's repository path; Istio's gateway charts write `image: auto` for the proxy its
 * webhook injects (`istio/proxyv2`) into the container named `istio-proxy`.
 */
function repositoryOf(container: ContainerView): string | null {
  const image = container.raw.image;
  if (image === undefined || image === '') return null;
  if (image === 'auto' && container.name === 'istio-proxy') return 'istio/proxyv2';
  return imageRepository(image);
}

/** The image as written, without its tag or digest (a digest is 71 characters of noise in a message). */
function shownImage(container: ContainerView): string {
  const image = container.raw.image ?? '';
  if (image === 'auto') return 'the Istio proxy (image: auto)';
  const withoutDigest = image.split('@')[0] ?? image;
  const tag = withoutDigest.lastIndexOf(':');
  return `image ${tag > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, tag) : withoutDigest}`;
}

// --- What the advice, the rules and the migrations say about entry points -------------------------

/**
 * How messages name an entry point: `the existing ingress-nginx controller (Service
 * ingress-nginx/ingress-nginx-controller)`.
 */
export function describeEntryPoint(lb: LoadBalancerView): string {
  return `the existing ${controllerNoun(lb)} (Service ${displayName(lb.object)})`;
}

/** The controller an entry point fronts, as a noun: `ingress-nginx controller`, `Istio ingress gateway`. */
export function controllerNoun(lb: LoadBalancerView): string {
  const name = lb.controller?.name ?? 'ingress';
  return /controller|gateway|proxy|implementation/i.test(name) ? name : `${name} controller`;
}

/**
 * The entry point app load balancers of an exposure can join: an entry point of the same exposure
 * with an HTTP port (an Istio east-west gateway carries only mesh traffic), one that carries only
 * HTTP first (a gateway's status port is not classified), else the first in the set.
 */
export function joinableEntryPoint(
  inventory: Inventory,
  exposure: 'public' | 'internal',
): LoadBalancerView | null {
  const joinable = inventory.loadBalancers.filter(
    (lb) =>
      lb.role === 'entry-point' &&
      lb.ports.some((port) => port.classification.traffic === 'http') &&
      (lb.exposure === 'internal') === (exposure === 'internal'),
  );
  return joinable.find((lb) => lb.traffic === 'http') ?? joinable[0] ?? null;
}
