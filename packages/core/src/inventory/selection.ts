/**
 * Service → pod resolution with Kubernetes' own semantics: a selector matches pod template labels in
 * the same namespace; `targetPort` defaults to `port`; a *named* targetPort must be declared by every
 * selected pod template (native sidecars included) with the Service port's protocol, as the endpoint
 * controller's `FindPort` requires, while a numeric one works undeclared, since declaring container
 * ports is optional (kubernetes/website#26790).
 */

import { WORKLOAD_KINDS } from '../known/api-versions.js';
import { displayName, effectiveNamespace } from '../manifests/objects.js';
import { holdsKindIn, type Inventory } from './inventory.js';
import type { ServicePortView, ServiceView, WorkloadView } from './views.js';

export type Selection =
  /** The selector matches these pod templates. */
  | { status: 'matched'; workloads: WorkloadView[] }
  /** The set holds workloads in the namespace, and none matches. */
  | { status: 'none' }
  /**
   * Nothing to judge: no selector (endpoints managed elsewhere), an ExternalName Service, or no
   * workloads of that namespace in the set (pods may come from a chart or operator outside it).
   */
  | {
      status: 'unjudged';
      /** `invalid-workload`: nothing matches, but a workload of the namespace could not be read. */
      reason: 'no-selector' | 'external-name' | 'namespace-not-in-set' | 'invalid-workload';
    };

/** Per inventory: each Service's selection and near misses (several rules ask), workloads by pod label. */
interface SelectionIndex {
  selections: Map<ServiceView, Selection>;
  nearMisses: Map<ServiceView, NearMiss[]>;
  /** By namespace: its workloads by pod label, and each one's place in `workloadsIn`. */
  byNamespace: Map<string, NamespaceLabels>;
  /** By namespace: whether it holds an object of a workload kind, readable or not. */
  holdsWorkloads: Map<string, boolean>;
  /** By namespace: the kinds of its workloads, as messages name them (see describeKindsIn). */
  kindsDescribed: Map<string, string>;
}

interface NamespaceLabels {
  /** Label key, then label value → the workloads whose pod template carries that label. */
  byLabel: Map<string, Map<string, WorkloadView[]>>;
  order: Map<WorkloadView, number>;
}

const indexes = new WeakMap<Inventory, SelectionIndex>();

function indexOf(inventory: Inventory): SelectionIndex {
  let index = indexes.get(inventory);
  if (index === undefined) {
    index = {
      selections: new Map(),
      nearMisses: new Map(),
      byNamespace: new Map(),
      holdsWorkloads: new Map(),
      kindsDescribed: new Map(),
    };
    indexes.set(inventory, index);
  }
  return index;
}

/** Pod templates a Service selects (computed once per Service: several rules ask). */
export function selectWorkloads(inventory: Inventory, service: ServiceView): Selection {
  const { selections } = indexOf(inventory);
  let selection = selections.get(service);
  if (selection === undefined) {
    selection = select(inventory, service);
    selections.set(service, selection);
  }
  return selection;
}

function select(inventory: Inventory, service: ServiceView): Selection {
  if (service.type === 'ExternalName') return { status: 'unjudged', reason: 'external-name' };
  if (service.selector === null) return { status: 'unjudged', reason: 'no-selector' };
  const namespace = effectiveNamespace(service.object);
  if (!holdsWorkloads(inventory, namespace)) {
    return { status: 'unjudged', reason: 'namespace-not-in-set' };
  }
  const selector = Object.entries(service.selector);
  // Only templates carrying the selector's first label can match: look those up, not the namespace.
  const [firstKey, firstValue] = selector[0] as [string, string];
  const candidates = workloadsLabelled(inventory, namespace, firstKey, firstValue);
  const workloads = candidates.filter((workload) =>
    selector.every(([key, value]) => workload.podLabels[key] === value),
  );
  if (workloads.length > 0) return { status: 'matched', workloads };
  // An unreadable workload (reported by manifest-invalid) may be the one the selector means; saying
  // "selects no pods" would send the reader after the wrong object (kube-linter issue #249).
  const unreadable = inventory.invalid.some(
    ({ object }) =>
      (WORKLOAD_KINDS as readonly string[]).includes(object.kind) && effectiveNamespace(object) === namespace,
  );
  return unreadable ? { status: 'unjudged', reason: 'invalid-workload' } : { status: 'none' };
}

function holdsWorkloads(inventory: Inventory, namespace: string): boolean {
  const { holdsWorkloads: known } = indexOf(inventory);
  let holds = known.get(namespace);
  if (holds === undefined) {
    holds = WORKLOAD_KINDS.some((kind) => holdsKindIn(inventory, kind, namespace));
    known.set(namespace, holds);
  }
  return holds;
}

/** Workloads of a namespace whose pod template has the label `key: value`. */
function workloadsLabelled(
  inventory: Inventory,
  namespace: string,
  key: string,
  value: string,
): readonly WorkloadView[] {
  return labelsIn(inventory, namespace).byLabel.get(key)?.get(value) ?? [];
}

function labelsIn(inventory: Inventory, namespace: string): NamespaceLabels {
  const { byNamespace } = indexOf(inventory);
  let labels = byNamespace.get(namespace);
  if (labels === undefined) {
    labels = { byLabel: new Map(), order: new Map() };
    for (const workload of workloadsIn(inventory, namespace)) {
      labels.order.set(workload, labels.order.size);
      for (const label of Object.keys(workload.podLabels)) {
        const labelValue = workload.podLabels[label] as string;
        let byValue = labels.byLabel.get(label);
        if (byValue === undefined) {
          byValue = new Map();
          labels.byLabel.set(label, byValue);
        }
        const list = byValue.get(labelValue);
        if (list === undefined) byValue.set(labelValue, [workload]);
        else list.push(workload);
      }
    }
    byNamespace.set(namespace, labels);
  }
  return labels;
}

/** Workloads (pod templates and Pods) of a namespace. */
export function workloadsIn(inventory: Inventory, namespace: string): readonly WorkloadView[] {
  return inventory.workloadsByNamespace.get(namespace) ?? [];
}

/** A pod template close to a selector, and how its labels differ from it. */
export interface NearMiss {
  workload: WorkloadView;
  /**
   * Selector labels the template sets to another value, or lacks (`found: null`); `foundUnder` is
   * another key of the template that holds the wanted value (`app.kubernetes.io/name=api` for `app=api`).
   */
  differences: Array<{ key: string; wanted: string; found: string | null; foundUnder: string | null }>;
}

/**
 * The pod templates of the Service's namespace closest to its selector: those that match part of it,
 * or miss it by one label that looks like a slip (a similar value, or the value under another key);
 * the ones with the fewest differences win, in the namespace's order. Computed once per Service.
 */
export function nearMisses(inventory: Inventory, service: ServiceView): NearMiss[] {
  if (service.selector === null) return [];
  const { nearMisses: known } = indexOf(inventory);
  let misses = known.get(service);
  if (misses === undefined) {
    misses = findNearMisses(inventory, service.selector, effectiveNamespace(service.object));
    known.set(service, misses);
  }
  return misses;
}

function findNearMisses(
  inventory: Inventory,
  selectorLabels: Readonly<Record<string, string>>,
  namespace: string,
): NearMiss[] {
  const selector = Object.entries(selectorLabels);
  const labels = labelsIn(inventory, namespace);
  // Only templates that could qualify are compared, found through the label index rather than by
  // comparing the selector with every template of the namespace (which made a repository with many
  // unmatched Services quadratic).
  const candidates = new Set<WorkloadView>();
  if (selector.length > 1) {
    // A template that misses every label of the selector is no near miss: it must match one. The
    // fewest differences are the most labels matched short of all, counted through the index, so
    // only the closest templates (not every one sharing, say, `track=canary`) are compared in full.
    const matched = new Map<WorkloadView, number>();
    let most = 0;
    for (const [key, wanted] of selector) {
      for (const workload of labels.byLabel.get(key)?.get(wanted) ?? []) {
        const count = (matched.get(workload) ?? 0) + 1;
        matched.set(workload, count);
        if (count > most && count < selector.length) most = count;
      }
    }
    for (const [workload, count] of matched) if (count === most) candidates.add(workload);
  } else {
    const [key, wanted] = selector[0] as [string, string];
    // A similar value under the key: each distinct value is compared once.
    for (const [value, workloads] of labels.byLabel.get(key) ?? []) {
      if (value === wanted || !isSimilar(value, wanted)) continue;
      for (const workload of workloads) candidates.add(workload);
    }
    // The wanted value under another key, on a template that lacks the key.
    for (const [other, byValue] of labels.byLabel) {
      if (other === key) continue;
      for (const workload of byValue.get(wanted) ?? []) {
        if (!Object.hasOwn(workload.podLabels, key)) candidates.add(workload);
      }
    }
  }
  const misses = [...candidates]
    .sort((a, b) => (labels.order.get(a) as number) - (labels.order.get(b) as number))
    .map((workload) => ({ workload, differences: differencesFrom(selector, workload) }))
    .filter(({ differences }) => {
      if (differences.length === 0) return false;
      if (differences.length < selector.length) return true;
      const [only] = differences;
      return (
        differences.length === 1 &&
        only !== undefined &&
        (only.found !== null ? isSimilar(only.found, only.wanted) : only.foundUnder !== null)
      );
    });
  const fewest = Math.min(...misses.map((miss) => miss.differences.length));
  return misses.filter((miss) => miss.differences.length === fewest);
}

/** How a template's labels differ from a selector, label by label. */
function differencesFrom(
  selector: ReadonlyArray<[string, string]>,
  workload: WorkloadView,
): NearMiss['differences'] {
  const labels = workload.podLabels;
  const differences: NearMiss['differences'] = [];
  for (const [key, wanted] of selector) {
    if (labels[key] === wanted) continue;
    let foundUnder: string | null = null;
    for (const label in labels) {
      if (label !== key && labels[label] === wanted && Object.hasOwn(labels, label)) {
        foundUnder = label;
        break;
      }
    }
    differences.push({
      key,
      wanted,
      found: Object.hasOwn(labels, key) ? (labels[key] ?? null) : null,
      foundUnder,
    });
  }
  return differences;
}

/**
 * Whether a label value looks like a slip for another: one contains the other, or a small edit
 * (a Levenshtein distance of at most a quarter of the longer length, and at least 1).
 */
export function isSimilar(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a.includes(b) || b.includes(a)) return true;
  const limit = Math.max(1, Math.floor(Math.max(a.length, b.length) / 4));
  // Every edit changes the length by at most one: values of too different lengths are not compared.
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistanceAtMost(a, b, limit);
}

/** The two rows editDistanceAtMost fills, reused: it runs for every label value near a selector's. */
let scratchRows = [new Uint32Array(64), new Uint32Array(64)] as const;

/** Levenshtein distance of `a` and `b` is at most `limit`; one row at a time, stopping once every cell exceeds it. */
function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  // A common prefix or suffix changes no distance (`app-1040` and `app-1080` differ in one
  // character of `4` and `8`): only what lies between them is compared.
  let from = 0;
  while (from < a.length && from < b.length && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let toA = a.length;
  let toB = b.length;
  while (toA > from && toB > from && a.charCodeAt(toA - 1) === b.charCodeAt(toB - 1)) {
    toA--;
    toB--;
  }
  const lengthA = toA - from;
  const lengthB = toB - from;
  if (scratchRows[0].length <= lengthB) {
    scratchRows = [new Uint32Array(lengthB + 1), new Uint32Array(lengthB + 1)];
  }
  let [previous, current] = scratchRows;
  for (let j = 0; j <= lengthB; j++) previous[j] = j;
  for (let i = 1; i <= lengthA; i++) {
    current[0] = i;
    let rowMinimum = i;
    const code = a.charCodeAt(from + i - 1);
    for (let j = 1; j <= lengthB; j++) {
      const substitution = (previous[j - 1] as number) + (code === b.charCodeAt(from + j - 1) ? 0 : 1);
      const cell = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    // Distances never decrease down the rows: past the limit on a whole row, past it at the end.
    if (rowMinimum > limit) return false;
    const filled = current;
    current = previous;
    previous = filled;
  }
  return (previous[lengthB] as number) <= limit;
}

/** The Service port an Ingress or route backend names, by number or by name. */
export function findServicePort(
  service: ServiceView,
  port: number | string | null,
): ServicePortView | undefined {
  if (port === null) return service.ports.length === 1 ? service.ports[0] : undefined;
  return service.ports.find((candidate) =>
    typeof port === 'number' ? candidate.port === port : candidate.name === port,
  );
}

export type TargetPortCheck =
  | { status: 'ok' }
  /** A named targetPort that some selected pod templates do not declare: traffic to them fails. */
  | { status: 'named-missing'; targetPort: string; workloads: WorkloadView[] }
  /** A numeric targetPort no container declares: works if the process listens, worth a look. */
  | { status: 'number-undeclared'; targetPort: number; workloads: WorkloadView[] };

/**
 * Checks one Service port's targetPort against the pod templates the Service selects. A name must be
 * declared with the Service port's protocol: the endpoint controller matches both (`FindPort` in
 * kubernetes/kubernetes `pkg/api/v1/pod/util.go`).
 */
export function checkTargetPort(port: ServicePortView, workloads: readonly WorkloadView[]): TargetPortCheck {
  const { targetPort, protocol } = port;
  if (typeof targetPort === 'string' && !/^\d+$/.test(targetPort)) {
    const missing = workloads.filter(
      (workload) =>
        !workload.containers.some((container) =>
          container.ports.some((declared) => declared.name === targetPort && declared.protocol === protocol),
        ),
    );
    return missing.length > 0
      ? { status: 'named-missing', targetPort, workloads: missing }
      : { status: 'ok' };
  }
  const number = Number(targetPort);
  const undeclared = workloads.filter(
    (workload) =>
      // Only templates that declare ports at all: one that declares none tells us nothing.
      workload.containers.some((container) => container.ports.length > 0) &&
      !workload.containers.some((container) =>
        container.ports.some(
          (declared) => declared.containerPort === number && declared.protocol === protocol,
        ),
      ),
  );
  return undeclared.length > 0
    ? { status: 'number-undeclared', targetPort: number, workloads: undeclared }
    : { status: 'ok' };
}

// --- Wording shared by the rules that report on Service → pod resolution ---------------------------

/** A workload as messages name it: `Deployment shop/api`. */
export function workloadName(workload: WorkloadView): string {
  return `${workload.object.kind} ${displayName(workload.object)}`;
}

/** A Service port as messages name it: its name, else its number; `dns/UDP` when not TCP. */
export function servicePortName(port: ServicePortView): string {
  const name = port.name ?? String(port.port);
  return port.protocol === 'TCP' ? name : `${name}/${port.protocol}`;
}

/** A Service's ports as `http/80, metrics/9090`, or `none`. */
export function describeServicePorts(service: ServiceView): string {
  if (service.ports.length === 0) return 'none';
  return service.ports
    .map((port) => (port.name ? `${port.name}/${port.port}` : String(port.port)))
    .join(', ');
}

/** The kinds among some workloads, in a fixed order: `Deployment, StatefulSet or Pod`. */
export function describeKinds(workloads: readonly WorkloadView[]): string {
  const kinds = WORKLOAD_KINDS.filter((kind) => workloads.some((workload) => workload.object.kind === kind));
  return joinWords(kinds.length > 0 ? kinds : ['pod template'], 'or');
}

/**
 * The kinds among a namespace's workloads, as describeKinds gives them: once per namespace, for a
 * message about a Service that selects no pods names them, and such Services come by the hundred.
 */
export function describeKindsIn(inventory: Inventory, namespace: string): string {
  const { kindsDescribed } = indexOf(inventory);
  let described = kindsDescribed.get(namespace);
  if (described === undefined) {
    described = describeKinds(workloadsIn(inventory, namespace));
    kindsDescribed.set(namespace, described);
  }
  return described;
}

/**
 * Pod templates with the container ports they do declare, by name or by number:
 * `Deployment shop/api (declares http, metrics)`. A port of another protocol than the Service
 * port's is shown with it (`dns/UDP`), since it cannot serve this port.
 */
export function describeDeclaredPorts(
  workloads: readonly WorkloadView[],
  by: 'name' | 'number',
  protocol: string,
): string {
  const described = workloads.map((workload) => {
    const declared = new Set<string>();
    for (const container of workload.containers) {
      for (const port of container.ports) {
        const label = by === 'name' ? port.name : String(port.containerPort);
        if (label !== null) declared.add(port.protocol === protocol ? label : `${label}/${port.protocol}`);
      }
    }
    const what =
      declared.size > 0
        ? `declares ${[...declared].join(', ')}`
        : `declares no ${by === 'name' ? 'named ' : ''}ports`;
    return `${workloadName(workload)} (${what})`;
  });
  return joinWords(described, 'and');
}

/** How the closest pod templates differ from a selector: `Deployment shop/api has app=api-v2 (not api)`. */
export function describeNearMisses(misses: readonly NearMiss[], limit = 3): string {
  const described = misses.slice(0, limit).map((miss) => {
    const differences = miss.differences.map(({ key, wanted, found, foundUnder }) => {
      if (found !== null) return `has ${key}=${found} (not ${wanted})`;
      return foundUnder !== null
        ? `has ${foundUnder}=${wanted} (not ${key}=${wanted})`
        : `lacks ${key}=${wanted}`;
    });
    return `${workloadName(miss.workload)} ${differences.join(' and ')}`;
  });
  if (misses.length > limit) described.push(`${misses.length - limit} more`);
  return described.join('; ');
}

/** `a`, `a or b`, `a, b or c`. */
function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Label selector as `key=value,key=value`, for messages. */
export function formatSelector(selector: Readonly<Record<string, string>> | null): string {
  if (selector === null) return '(none)';
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
