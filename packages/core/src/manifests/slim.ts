/**
 * What the loader keeps of each object. The whole set stays in memory until the cross-resource
 * rules have run, and holding every ConfigMap's data and every container's env and probes made
 * garbage collection the largest cost of `analyze` on big repositories (measured with `pnpm bench`).
 * So objects keep only the parts some rule reads; everything else is dropped right after parsing.
 */
import { apiGroupOf, GATEWAY_API_GROUP } from '../known/api-versions.js';

type Raw = Record<string, unknown> & { apiVersion: string; kind: string };

/** Kinds kept whole: the rules read their spec. */
const KEPT_WHOLE = new Set(['Service', 'Ingress', 'IngressClass']);

/** Where each workload kind keeps its pod template. */
const POD_TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Kinds whose objects are built whole by the parser and then slimmed; others are only identified. */
export function needsDocument(identity: { apiVersion?: string; kind?: string }): boolean {
  const { apiVersion = '', kind = '' } = identity;
  // Asked for every document of every file, about a handful of kinds: remember the answers.
  let byVersion = NEEDED.get(kind);
  if (byVersion === undefined && NEEDED.size < 1024) {
    byVersion = new Map();
    NEEDED.set(kind, byVersion);
  }
  let needed = byVersion?.get(apiVersion);
  if (needed === undefined) {
    needed = decideNeeded(apiVersion, kind);
    if (byVersion !== undefined && byVersion.size < 64) byVersion.set(apiVersion, needed);
  }
  return needed;
}

/** kind → apiVersion → whether such documents are built; bounded, as both come from the input. */
const NEEDED = new Map<string, Map<string, boolean>>();

function decideNeeded(apiVersion: string, kind: string): boolean {
  const group = apiGroupOf(apiVersion);
  return (
    KEPT_WHOLE.has(kind) ||
    group === GATEWAY_API_GROUP ||
    kind === 'Pod' ||
    Object.hasOwn(POD_TEMPLATE_PATHS, kind) ||
    kind.endsWith('List') ||
    group.startsWith('kustomize.config.k8s.io')
  );
}

/** The parts of an object any rule reads; the result shares structure with `raw`. */
export function slimObject(raw: Raw): Raw {
  const group = apiGroupOf(raw.apiVersion);
  if (KEPT_WHOLE.has(raw.kind) || group === GATEWAY_API_GROUP) return raw;
  const base: Raw = { apiVersion: raw.apiVersion, kind: raw.kind, metadata: raw.metadata };
  if (raw.kind === 'Pod') return { ...base, spec: slimPodSpec(raw.spec) };
  // Own keys only: `kind: constructor` must not find Object.prototype's.
  const path = Object.hasOwn(POD_TEMPLATE_PATHS, raw.kind) ? POD_TEMPLATE_PATHS[raw.kind] : undefined;
  if (path === undefined) return base;
  // Rebuild the path down to the template, keeping only the template's labels and containers.
  let source: unknown = raw;
  for (const step of path) source = isMapping(source) ? source[step] : undefined;
  if (!isMapping(source)) return { ...base, spec: raw.spec };
  let slim: unknown = { metadata: source.metadata, spec: slimPodSpec(source.spec) };
  for (let i = path.length - 1; i > 0; i--) slim = { [path[i] as string]: slim };
  return { ...base, [path[0] as string]: slim };
}

function slimPodSpec(spec: unknown): unknown {
  if (!isMapping(spec)) return spec;
  return { containers: slimContainers(spec.containers), initContainers: slimContainers(spec.initContainers) };
}

function slimContainers(containers: unknown): unknown {
  if (!Array.isArray(containers)) return containers;
  return containers.map((container) =>
    isMapping(container)
      ? { name: container.name, ports: container.ports, restartPolicy: container.restartPolicy }
      : container,
  );
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
