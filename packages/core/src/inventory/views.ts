/** Typed views of the objects the rules reason about, built once by the inventory. */

import type { Exposure } from '../exposure/exposure.js';
import type { PortClassification, ServiceTraffic } from '../exposure/traffic.js';
import type { LoadBalancerProvider } from '../known/prices.js';
import type { ManifestObject } from '../manifests/objects.js';
import type { NodePath } from '../manifests/positions.js';
import type { BackendRef, ContainerManifest, ListenerManifest, ParentRef } from '../manifests/schemas.js';

/** One port of a Service, with `targetPort` defaulted to `port` as Kubernetes does. */
export interface ServicePortView {
  index: number;
  name: string | null;
  port: number;
  targetPort: number | string;
  /** True when the manifest left `targetPort` out. */
  targetPortDefaulted: boolean;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  appProtocol: string | null;
  classification: PortClassification;
}

export interface ServiceView {
  object: ManifestObject;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  /** Null when the Service has no selector (its endpoints are managed by hand or by a controller). */
  selector: Readonly<Record<string, string>> | null;
  ports: ServicePortView[];
}

/** A Service of `type: LoadBalancer`, with what it carries and whom it faces. */
export interface LoadBalancerView extends ServiceView {
  traffic: ServiceTraffic;
  exposure: Exposure;
  exposureReason: string;
  provider: LoadBalancerProvider;
  loadBalancerClass: string | null;
  loadBalancerIP: string | null;
  /** Client CIDRs the provider enforces (`loadBalancerSourceRanges`, else the annotation). */
  sourceRanges: string[];
  /** Where `type: LoadBalancer` is written: the Service's file, or the patch or values file that set it. */
  typeFile: string;
  /** Line of `type: LoadBalancer` in `typeFile`. */
  typeLine: number;
  /**
   * `entry-point` when the Service fronts an ingress or gateway controller (inventory/entry-points.ts):
   * the cluster's way in, which app load balancers join and which is never consolidated or migrated.
   */
  role: 'app' | 'entry-point';
  /** The controller an entry point fronts; null for an app. */
  controller: EntryPointController | null;
  /** What recognised the entry point: an image, a label, the Service's name; null for an app. */
  roleReason: string | null;
}

/** An ingress or gateway controller, as `known/controllers.ts` lists it: `{ id: 'ingress-nginx', name: 'ingress-nginx' }`. */
export interface EntryPointController {
  id: string;
  name: string;
}

/** One backend of an Ingress: a Service name and port, or a non-Service resource. */
export interface IngressBackendView {
  service: string | null;
  /** Port number or port name; null when the backend names none. */
  port: number | string | null;
  host: string | null;
  path: string | null;
  /** Where the backend is written in the Ingress. */
  at: NodePath;
}

export interface IngressView {
  object: ManifestObject;
  /** True for the removed `extensions/v1beta1` and `networking.k8s.io/v1beta1` versions. */
  legacyApi: boolean;
  /** `spec.ingressClassName`, else the deprecated annotation, else null. */
  className: string | null;
  classSource: 'field' | 'annotation' | null;
  /** Every host of rules and TLS entries. */
  hosts: string[];
  tls: boolean;
  /** The host of each `spec.rules[i]` (null for a rule without one), by index. */
  ruleHosts: Array<string | null>;
  /** The hosts of each `spec.tls[i]`, by index. */
  tlsHosts: string[][];
  backends: IngressBackendView[];
}

export interface IngressClassView {
  object: ManifestObject;
  controller: string | null;
  isDefault: boolean;
}

/** A container that can receive traffic: regular containers and native sidecars. */
export interface ContainerView {
  name: string;
  ports: Array<{ name: string | null; containerPort: number; protocol: string }>;
  /** True for an init container with `restartPolicy: Always`. */
  nativeSidecar: boolean;
  raw: ContainerManifest;
}

/** A workload's pod template (or a Pod). */
export interface WorkloadView {
  object: ManifestObject;
  podLabels: Readonly<Record<string, string>>;
  containers: ContainerView[];
}

export interface GatewayView {
  object: ManifestObject;
  className: string;
  listeners: ListenerManifest[];
}

export interface RouteView {
  object: ManifestObject;
  kind: 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';
  parentRefs: ParentRef[];
  hostnames: string[];
  /** Every backendRef with where it is written. */
  backendRefs: Array<{ ref: BackendRef; at: NodePath }>;
}

export interface ReferenceGrantView {
  object: ManifestObject;
  from: Array<{ group: string; kind: string; namespace: string }>;
  to: Array<{ group: string; kind: string; name?: string | undefined }>;
}

export interface ListenerSetView {
  object: ManifestObject;
  parentRef: ParentRef;
  listeners: ListenerManifest[];
}

/** A manifest whose fields have the wrong types; read as far as possible, reported once. */
export interface InvalidObject {
  object: ManifestObject;
  issues: Array<{ path: NodePath; message: string }>;
}
