/**
 * Enough of Kustomize to avoid its two classic false alarms: patches read as new objects, and
 * overlays that turn a Service into a LoadBalancer going unnoticed. Full fidelity needs
 * `kubectl kustomize DIR | ingress-advisor analyze -`; this reads what the files say.
 */
import { posix } from 'node:path';

/** Kustomization file names, as `kustomize build` looks for them. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** What a patch entry of a kustomization says about its target. */
export interface PatchTarget {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** A patch file listed by a kustomization. */
export interface PatchReference {
  /** Normalised path of the patch file. */
  path: string;
  target?: PatchTarget;
  /** The kustomization that lists it. */
  listedBy: string;
  /** The kustomization's `namespace:`, which kustomize sets on everything it builds. */
  namespace?: string;
}

/** Whether a parsed document is a kustomization (by file name or by its kind). */
export function isKustomization(path: string, value: unknown): boolean {
  return isKustomizationFileName(path) || isKustomizationObject(value);
}

/** Whether a file's name makes it a kustomization, whatever it holds. */
export function isKustomizationFileName(path: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(posix.basename(path));
}

/** Whether a parsed document is a kustomization by its kind. */
export function isKustomizationObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  return (
    (kind === 'Kustomization' || kind === 'Component') &&
    String(apiVersion).startsWith('kustomize.config.k8s.io/')
  );
}

/** The patch files a kustomization lists, resolved against its directory. */
export function listPatchFiles(kustomizationPath: string, value: unknown): PatchReference[] {
  if (typeof value !== 'object' || value === null) return [];
  const spec = value as Record<string, unknown>;
  const dir = posix.dirname(kustomizationPath);
  const references: PatchReference[] = [];
  const add = (relative: unknown, target?: unknown): void => {
    if (typeof relative !== 'string' || relative.includes('\n')) return;
    const reference: PatchReference = {
      path: posix.normalize(posix.join(dir, relative)),
      listedBy: kustomizationPath,
    };
    if (typeof spec.namespace === 'string' && spec.namespace !== '') reference.namespace = spec.namespace;
    const parsedTarget = toTarget(target);
    if (parsedTarget) reference.target = parsedTarget;
    references.push(reference);
  };
  for (const entry of asArray(spec.patchesStrategicMerge)) add(entry);
  for (const entry of [...asArray(spec.patches), ...asArray(spec.patchesJson6902)]) {
    if (typeof entry === 'string') add(entry);
    else if (typeof entry === 'object' && entry !== null) {
      const { path, target } = entry as { path?: unknown; target?: unknown };
      add(path, target);
    }
  }
  return references;
}

/** Inline patches (`patches: [{patch: "..."}]`) written in the kustomization itself. */
export function listInlinePatches(
  value: unknown,
): Array<{ text: string; target?: PatchTarget; index: number }> {
  if (typeof value !== 'object' || value === null) return [];
  const spec = value as Record<string, unknown>;
  const inline: Array<{ text: string; target?: PatchTarget; index: number }> = [];
  asArray(spec.patches).forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const { patch, target } = entry as { patch?: unknown; target?: unknown };
    if (typeof patch !== 'string') return;
    const parsedTarget = toTarget(target);
    inline.push({ text: patch, index, ...(parsedTarget ? { target: parsedTarget } : {}) });
  });
  asArray(spec.patchesStrategicMerge).forEach((entry, index) => {
    if (typeof entry === 'string' && entry.includes('\n')) inline.push({ text: entry, index });
  });
  return inline;
}

function toTarget(value: unknown): PatchTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, name, namespace } = value as Record<string, unknown>;
  const target: PatchTarget = {};
  if (typeof kind === 'string') target.kind = kind;
  if (typeof name === 'string') target.name = name;
  if (typeof namespace === 'string') target.namespace = namespace;
  return Object.keys(target).length > 0 ? target : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Applies a strategic-merge patch the way it matters for us: mappings merge, lists of named items
 * merge by `name` (by `port` for Service ports, `containerPort` for container ports), other lists
 * and scalars are replaced, and `null` deletes.
 */
export function strategicMerge(base: unknown, patch: unknown, key = ''): unknown {
  if (patch === null) return undefined;
  if (Array.isArray(patch)) {
    const mergeKey = key === 'ports' ? mergeKeyOfPorts(patch) : 'name';
    if (!Array.isArray(base) || mergeKey === undefined) return patch;
    const merged = [...base];
    for (const item of patch) {
      const id = itemKey(item, mergeKey);
      const at = id === undefined ? -1 : merged.findIndex((existing) => itemKey(existing, mergeKey) === id);
      if (at === -1) merged.push(item);
      else merged[at] = strategicMerge(merged[at], item);
    }
    return merged;
  }
  if (typeof patch === 'object') {
    const result: Record<string, unknown> =
      typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as object) } : {};
    for (const [field, value] of Object.entries(patch as Record<string, unknown>)) {
      if (field === '$patch') continue;
      const merged = strategicMerge(result[field], value, field);
      if (merged === undefined) delete result[field];
      else result[field] = merged;
    }
    return result;
  }
  return patch;
}

function mergeKeyOfPorts(items: unknown[]): string | undefined {
  const first = items[0];
  if (typeof first !== 'object' || first === null) return undefined;
  if ('containerPort' in first) return 'containerPort';
  if ('port' in first) return 'port';
  return 'name';
}

function itemKey(item: unknown, mergeKey: string): unknown {
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[mergeKey] : undefined;
}

/** A JSON 6902 operation, as kustomize accepts them. */
interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
}

/** Whether a parsed patch document is a JSON 6902 operation list. */
export function isJsonPatch(value: unknown): value is JsonPatchOperation[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (op) =>
        typeof op === 'object' && op !== null && typeof op.op === 'string' && typeof op.path === 'string',
    )
  );
}

/** Applies `add`, `replace` and `remove` operations; others (move, copy, test) are skipped. */
export function applyJsonPatch(base: unknown, operations: JsonPatchOperation[]): unknown {
  const root = structuredClone(base ?? {});
  for (const operation of operations) {
    const segments = operation.path
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    if (last === undefined) continue;
    let parent: unknown = root;
    for (const segment of segments) {
      if (typeof parent !== 'object' || parent === null) break;
      const container = parent as Record<string, unknown>;
      if (container[segment] === undefined && operation.op === 'add') container[segment] = {};
      parent = container[segment];
    }
    if (typeof parent !== 'object' || parent === null) continue;
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index)) continue;
      if (operation.op === 'remove') parent.splice(index, 1);
      else if (operation.op === 'add') parent.splice(index, 0, operation.value);
      else if (operation.op === 'replace') parent[index] = operation.value;
    } else {
      const container = parent as Record<string, unknown>;
      if (operation.op === 'remove') delete container[last];
      else if (operation.op === 'add' || operation.op === 'replace') container[last] = operation.value;
    }
  }
  return root;
}
