/**
 * JSON 6902 patches as kustomize applies them (evanphx/json-patch v4): add, remove, replace, move,
 * copy and test, on the object in place. A path that does not resolve is an error, as it is for
 * kustomize, and stops the build.
 */
import { isMap } from './resource.js';

export class JsonPatchError extends Error {}

export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** What an operation set: the path it wrote (resolved, `-` as an index), for setBy. */
export interface JsonPatchWrite {
  operation: number;
  path: Array<string | number>;
  /** The field of the operation that holds what was written: `value`, or `from` for move and copy. */
  source: 'value' | 'from';
}

/** Whether a parsed document is a list of JSON patch operations. */
export function asJsonPatch(value: unknown): JsonPatchOperation[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  for (const item of value) {
    if (!isMap(item) || typeof item.op !== 'string') return undefined;
  }
  return value as JsonPatchOperation[];
}

/** Applies the operations to `document` in place (the root itself is never replaced). */
export function applyJsonPatch(
  document: Record<string, unknown>,
  operations: JsonPatchOperation[],
): JsonPatchWrite[] {
  const writes: JsonPatchWrite[] = [];
  operations.forEach((operation, index) => {
    const path = operation.path;
    if (typeof path !== 'string') throw new JsonPatchError(`operation ${index} has no path`);
    switch (operation.op) {
      case 'add': {
        if (!Object.hasOwn(operation, 'value'))
          throw new JsonPatchError(`add operation ${index} has no value`);
        writes.push({
          operation: index,
          path: add(document, path, structuredClone(operation.value), 'add'),
          source: 'value',
        });
        break;
      }
      case 'replace': {
        if (!Object.hasOwn(operation, 'value'))
          throw new JsonPatchError(`replace operation ${index} has no value`);
        writes.push({
          operation: index,
          path: replace(document, path, structuredClone(operation.value)),
          source: 'value',
        });
        break;
      }
      case 'remove':
        remove(document, path);
        break;
      case 'move': {
        const from = requireFrom(operation, index);
        const value = remove(document, from);
        writes.push({ operation: index, path: add(document, path, value, 'move'), source: 'from' });
        break;
      }
      case 'copy': {
        const from = requireFrom(operation, index);
        const value = structuredClone(get(document, from, 'copy'));
        writes.push({ operation: index, path: add(document, path, value, 'copy'), source: 'from' });
        break;
      }
      case 'test': {
        const actual = get(document, path, 'test');
        if (!deepEqual(actual, operation.value)) {
          throw new JsonPatchError(`testing value ${path} failed: test failed`);
        }
        break;
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(operation.op)}`);
    }
  });
  return writes;
}

function requireFrom(operation: JsonPatchOperation, index: number): string {
  if (typeof operation.from !== 'string')
    throw new JsonPatchError(`${operation.op} operation ${index} has no from`);
  return operation.from;
}

/** JSON pointer tokens; the empty pointer is the whole document. */
function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer '${pointer}'`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container holding the last token of `pointer`, and that token. */
function parentOf(
  document: unknown,
  pointer: string,
  op: string,
): { parent: unknown; key: string; path: Array<string | number> } {
  const parts = tokens(pointer);
  const key = parts.pop();
  if (key === undefined) throw new JsonPatchError(`${op} operation on the whole document is not supported`);
  let node = document;
  const path: Array<string | number> = [];
  for (const part of parts) {
    if (Array.isArray(node)) {
      const index = arrayIndex(part, node.length, false);
      if (index === undefined) throw missing(op, pointer);
      node = node[index];
      path.push(index);
    } else if (isMap(node)) {
      if (!Object.hasOwn(node, part)) throw missing(op, pointer);
      node = node[part];
      path.push(part);
    } else {
      throw missing(op, pointer);
    }
  }
  if (!Array.isArray(node) && !isMap(node)) throw missing(op, pointer);
  return { parent: node, key, path };
}

function missing(op: string, pointer: string): JsonPatchError {
  return new JsonPatchError(
    `${op} operation does not apply: doc is missing path: "${pointer}": missing value`,
  );
}

/** An array index (negative ones count from the end, as json-patch v4 allows); undefined when out of range. */
function arrayIndex(token: string, length: number, insert: boolean): number | undefined {
  if (!/^-?(0|[1-9][0-9]*)$/.test(token)) return undefined;
  let index = Number(token);
  if (index < 0) index += length;
  const limit = insert ? length : length - 1;
  return index < 0 || index > limit ? undefined : index;
}

function add(document: unknown, pointer: string, value: unknown, op: string): Array<string | number> {
  const { parent, key, path } = parentOf(document, pointer, op);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : arrayIndex(key, parent.length, true);
    if (index === undefined)
      throw new JsonPatchError(`${op} operation does not apply: index out of bounds: ${pointer}`);
    parent.splice(index, 0, value);
    return [...path, index];
  }
  (parent as Record<string, unknown>)[key] = value;
  return [...path, key];
}

function replace(document: unknown, pointer: string, value: unknown): Array<string | number> {
  const { parent, key, path } = parentOf(document, pointer, 'replace');
  if (Array.isArray(parent)) {
    const index = arrayIndex(key, parent.length, false);
    if (index === undefined)
      throw new JsonPatchError(`replace operation does not apply: index out of bounds: ${pointer}`);
    parent[index] = value;
    return [...path, index];
  }
  // kustomize (v5.6, checked with the binary) replaces a key a mapping lacks as if it were added:
  // overlays write `op: replace, path: /spec/type` on Services that never set a type.
  (parent as Record<string, unknown>)[key] = value;
  return [...path, key];
}

function remove(document: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(document, pointer, 'remove');
  if (Array.isArray(parent)) {
    const index = arrayIndex(key, parent.length, false);
    if (index === undefined)
      throw new JsonPatchError(`remove operation does not apply: index out of bounds: ${pointer}`);
    return parent.splice(index, 1)[0];
  }
  const map = parent as Record<string, unknown>;
  if (!Object.hasOwn(map, key)) {
    throw new JsonPatchError(
      `remove operation does not apply: doc is missing key: ${pointer}: missing value`,
    );
  }
  const value = map[key];
  delete map[key];
  return value;
}

function get(document: unknown, pointer: string, op: string): unknown {
  let node = document;
  for (const part of tokens(pointer)) {
    if (Array.isArray(node)) {
      const index = arrayIndex(part, node.length, false);
      if (index === undefined) throw missing(op, pointer);
      node = node[index];
    } else if (isMap(node) && Object.hasOwn(node, part)) {
      node = node[part];
    } else {
      throw missing(op, pointer);
    }
  }
  return node;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}
