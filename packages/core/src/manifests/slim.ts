/**
 * What the loader keeps of each object. The whole set stays in memory until the cross-resource
 * rules have run, and holding every ConfigMap's data and every container's env and probes made
 * garbage collection the largest cost of `analyze` on big repositories (measured with `pnpm bench`).
 * So objects keep only the parts some rule reads; everything else is dropped right after parsing,
 * or, for pod templates, cut from the text before it (`keepInText`). One Keep tree per kind says
 * what to keep, for both.
 */
import { apiGroupOf, GATEWAY_API_GROUP, isGatewayApiVersion } from '../known/api-versions.js';
import { type Keep, pruneValue } from './prune.js';

type Raw = Record<string, unknown> & { apiVersion: string; kind: string };

/** Kinds kept whole: the rules read their spec. */
const KEPT_WHOLE = new Set(['Service', 'Ingress', 'IngressClass']);

/** What identifies any object; all that is kept of kinds no rule reads. */
const IDENTITY = { apiVersion: 'all', kind: 'all', metadata: 'all' } as const;
const IDENTITY_ONLY: Keep = { keys: IDENTITY };

/** Of a pod spec, the rules read its containers' names, ports and (for native sidecars) restart policy. */
const CONTAINERS: Keep = { items: { keys: { name: 'all', ports: 'all', restartPolicy: 'all' } } };
const POD_SPEC: Keep = { keys: { containers: CONTAINERS, initContainers: CONTAINERS } };

/**
 * Of a workload's own metadata, its names and annotations (`ingress-advisor.io/ignore`): its labels
 * are not its pods' (those are the template's), and no rule reads them.
 */
const WORKLOAD_METADATA: Keep = {
  keys: { name: 'all', generateName: 'all', namespace: 'all', annotations: 'all' },
};

/** Of a pod template's metadata, the labels Services select pods by. */
const TEMPLATE_METADATA: Keep = { keys: { labels: 'all' } };

/** A workload's parts the rules read: its names and its pod template's labels and containers. */
function templateAt(path: readonly string[]): Keep {
  let keep: Keep = { keys: { metadata: TEMPLATE_METADATA, spec: POD_SPEC } };
  for (let i = path.length - 1; i >= 0; i--) keep = { keys: { [path[i] as string]: keep } };
  return {
    keys: { ...IDENTITY, metadata: WORKLOAD_METADATA, ...(keep as { keys: Record<string, Keep> }).keys },
  };
}

/** What is kept of each kind with a pod template (where the template sits differs). */
const POD_TEMPLATE_KINDS: Readonly<Record<string, Keep>> = {
  Pod: { keys: { ...IDENTITY, spec: POD_SPEC } }, // its labels are its own pod's
  Deployment: templateAt(['spec', 'template']),
  StatefulSet: templateAt(['spec', 'template']),
  DaemonSet: templateAt(['spec', 'template']),
  ReplicaSet: templateAt(['spec', 'template']),
  ReplicationController: templateAt(['spec', 'template']),
  Job: templateAt(['spec', 'template']),
  CronJob: templateAt(['spec', 'jobTemplate', 'spec', 'template']),
};

/** Kinds whose objects are built by the parser and then slimmed; others are only identified. */
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
    Object.hasOwn(POD_TEMPLATE_KINDS, kind) ||
    kind.endsWith('List') ||
    group.startsWith('kustomize.config.k8s.io')
  );
}

/**
 * What the parser may leave out of a document's text: the parts of pod templates no rule reads.
 * Other kinds stay whole, as the loader itself reads List items and kustomization fields.
 */
export function keepInText(identity: { apiVersion?: string; kind?: string }): Keep {
  const { apiVersion = '', kind = '' } = identity;
  // Without an apiVersion the document is no object the loader slims: it stays as written.
  // Own keys only: `kind: constructor` must not find Object.prototype's.
  return apiVersion !== '' && Object.hasOwn(POD_TEMPLATE_KINDS, kind)
    ? (POD_TEMPLATE_KINDS[kind] as Keep)
    : 'all';
}

/** The parts of an object any rule reads; the result shares structure with `raw`. */
export function slimObject(raw: Raw): Raw {
  return pruneValue(raw, keepOf(raw)) as Raw;
}

function keepOf(raw: Raw): Keep {
  if (KEPT_WHOLE.has(raw.kind) || isGatewayApiVersion(raw.apiVersion)) return 'all';
  return Object.hasOwn(POD_TEMPLATE_KINDS, raw.kind) ? (POD_TEMPLATE_KINDS[raw.kind] as Keep) : IDENTITY_ONLY;
}
