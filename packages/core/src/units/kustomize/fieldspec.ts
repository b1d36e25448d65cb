/**
 * kustomize's field-spec walk: a slash-separated path into an object, through every item of the
 * lists on the way, creating what is missing when the spec says `create: true`.
 */
import { parseApiVersion } from './ids.js';
import { isMap, type KMap } from './resource.js';
import type { FieldSpec } from './specs.js';

/** A place holding a value: read it, write it. */
export interface Slot {
  get(): unknown;
  set(value: unknown): void;
}

export class FieldSpecError extends Error {}

/** kyaml's PathSplitter: `/` separates, `\/` is a slash inside a name (annotation keys). */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i] as string;
    if (char === '\\' && path[i + 1] === '/') {
      current += '/';
      i++;
    } else if (char === '/') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** Whether a field spec applies to an object of this apiVersion and kind. */
export function specMatches(spec: FieldSpec, object: KMap): boolean {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  if (spec.kind !== '' && spec.kind !== kind) return false;
  const { group, version } = parseApiVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  if (spec.group !== '' && spec.group !== group) return false;
  if (spec.version !== '' && spec.version !== version) return false;
  return true;
}

/**
 * Calls `set` on each node at the spec's path in `object` (when the spec applies to it). With
 * `createKind`, a spec with `create: true` creates missing fields: mappings on the way, then a
 * node of that kind.
 */
export function applyFieldSpec(
  object: KMap,
  spec: FieldSpec,
  set: (slot: Slot) => void,
  createKind?: 'map' | 'scalar',
): void {
  if (!specMatches(spec, object)) return;
  const root: Slot = { get: () => object, set: () => undefined };
  walk(root, splitPath(spec.path), spec, set, createKind);
}

function walk(
  slot: Slot,
  parts: string[],
  spec: FieldSpec,
  set: (slot: Slot) => void,
  createKind: 'map' | 'scalar' | undefined,
): void {
  if (parts.length === 0) {
    set(slot);
    return;
  }
  const node = slot.get();
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    node.forEach((_, index) => {
      walk(
        {
          get: () => node[index],
          set: (value) => {
            node[index] = value;
          },
        },
        parts,
        spec,
        set,
        createKind,
      );
    });
    return;
  }
  if (!isMap(node)) {
    throw new FieldSpecError(`considering field '${spec.path}': expected sequence or mapping node`);
  }
  const first = parts[0] as string;
  const isSequence = first.endsWith('[]');
  const field = isSequence ? first.slice(0, -2) : first;
  if (field === '') throw new FieldSpecError('cannot set or create an empty field name');
  const create =
    !spec.create || createKind === undefined || isSequence
      ? undefined
      : parts.length <= 1
        ? createKind
        : 'map';
  if (!Object.hasOwn(node, field) || node[field] === null) {
    if (create === undefined) {
      if (!Object.hasOwn(node, field)) return;
    } else {
      node[field] = create === 'map' ? {} : '';
    }
  }
  walk(
    {
      get: () => node[field],
      set: (value) => {
        node[field] = value;
      },
    },
    parts.slice(1),
    spec,
    set,
    createKind,
  );
}
