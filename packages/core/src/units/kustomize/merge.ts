/**
 * Strategic merge as `kustomize build` does it: a port of kyaml's merge2 walker (the one kustomize's
 * patchstrategicmerge filter runs, lists growing at the front), on plain values. Mappings merge field
 * by field; a list merges by its keys when the Kubernetes schema kustomize compiles in says so
 * (containers by name, ports by containerPort/port and protocol, env by name...), else the patch's
 * list replaces it; `null` deletes; `$patch: delete | replace | merge` in a mapping or as a list item.
 *
 * The walker mutates the destination in place and keeps the identity of the objects it merges into,
 * which the setBy bookkeeping relies on. Its quirks are kustomize's: patched list items come first,
 * then the others; a list keyed by port and protocol matches items the way kyaml does.
 */
import {
  MERGE_SCHEMA_DEFINITIONS,
  MERGE_SCHEMA_ROOTS,
  type MergeSchema,
  type MergeSchemaRef,
} from './merge-schema.js';
import { isMap, type KMap, scalarText } from './resource.js';

/** A merge kustomize would refuse; its message follows kyaml's. */
export class MergeError extends Error {}

/** A null kept in the output (kyaml's persistent null): a `null` the patch does not touch. */
const KEEP_NULL: unique symbol = Symbol('keep-null');
type Node = unknown;

/**
 * Mappings whose keys were written with nothing after the colon (`key:`), per mapping: kyaml drops
 * such empty values from a resource a strategic-merge patch goes through, but keeps a written `null`.
 */
export const EMPTY_VALUES = new WeakMap<object, Set<string>>();

/**
 * Merges `patch` into `target` (mutated). Returns the merged object, or undefined when the patch
 * deletes it (`$patch: delete`). The patch is consumed (directives are removed from it): pass a copy.
 */
export function strategicMerge(target: KMap, patch: KMap): KMap | undefined {
  const result = walk([target, patch], undefined, []);
  if (result === KEEP_NULL || !isMap(result)) return undefined;
  return result;
}

/** The schema of a kind, when kustomize knows one with merged lists. */
export function schemaForType(apiVersion: unknown, kind: unknown): MergeSchema | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const name = MERGE_SCHEMA_ROOTS[`${apiVersion}/${kind}`];
  return name === undefined ? undefined : MERGE_SCHEMA_DEFINITIONS[name];
}

export function resolveSchema(ref: MergeSchemaRef | undefined): MergeSchema | undefined {
  if (ref === undefined) return undefined;
  return typeof ref === 'string' ? MERGE_SCHEMA_DEFINITIONS[ref] : ref;
}

/** The schema of a mapping's field (its property, else the map's value type). */
export function fieldSchema(schema: MergeSchema | undefined, key: string): MergeSchema | undefined {
  if (schema === undefined) return undefined;
  const property = schema.props?.[key];
  return resolveSchema(property ?? schema.map);
}

export function itemSchema(schema: MergeSchema | undefined): MergeSchema | undefined {
  return schema === undefined ? undefined : resolveSchema(schema.items);
}

type Sources = [Node, Node];

function isMissingOrNull(node: Node): boolean {
  return node === undefined || node === null || node === KEEP_NULL;
}

function isEmptyMap(node: Node): boolean {
  return isMissingOrNull(node) || (isMap(node) && Object.keys(node).length === 0);
}

type Kind = 'map' | 'seq' | 'scalar';

function kindOf(node: Node): Kind {
  return Array.isArray(node) ? 'seq' : isMap(node) ? 'map' : 'scalar';
}

const KIND_NAMES: Record<Kind, string> = { map: 'MappingNode', seq: 'SequenceNode', scalar: 'ScalarNode' };

function getSchema(sources: Sources, schema: MergeSchema | undefined): MergeSchema | undefined {
  if (schema !== undefined) return schema;
  for (const source of sources) {
    if (!isMap(source)) continue;
    const found = schemaForType(source.apiVersion, source.kind);
    if (found !== undefined) return found;
  }
  return undefined;
}

function walk(sources: Sources, schema: MergeSchema | undefined, path: string[]): Node {
  const resolved = getSchema(sources, schema);
  let kind: Kind | undefined;
  for (const source of sources) {
    if (!isMissingOrNull(source)) {
      kind = kindOf(source);
      break;
    }
  }
  if (kind !== undefined) {
    for (const source of sources) {
      if (!isMissingOrNull(source) && kindOf(source) !== kind) {
        throw new MergeError(
          `wrong node kind: expected ${KIND_NAMES[kind]} but got ${KIND_NAMES[kindOf(source)]} at ${path.join('.') || 'the top'}`,
        );
      }
    }
  }
  switch (kind) {
    case 'seq':
      return resolved?.merge !== undefined
        ? walkAssociativeSequence(sources, resolved, path)
        : visitNonAssociativeList(sources);
    case 'scalar':
      return sources[1] !== undefined ? sources[1] : sources[0];
    default:
      return walkMap(sources, resolved, path);
  }
}

function walkMap(sources: Sources, schema: MergeSchema | undefined, path: string[]): Node {
  const dest = visitMap(sources);
  if (dest === undefined) return undefined;
  sources[0] = dest;
  if (!isMap(dest)) return dest;
  const names = new Set<string>();
  for (const source of sources) if (isMap(source)) for (const key of Object.keys(source)) names.add(key);
  for (const key of [...names].sort(byCodePoint)) {
    const values: Sources = [fieldOf(sources[0], key), fieldOf(sources[1], key)];
    if (values[0] === null && values[1] === undefined && EMPTY_VALUES.get(dest)?.has(key)) {
      delete dest[key]; // `key:` with nothing after it: kyaml drops it, as it keeps a written `null`
      continue;
    }
    const value = walk(values, fieldSchema(schema, key), [...path, key]);
    if (value === undefined || value === null) delete dest[key];
    else dest[key] = value === KEEP_NULL ? null : value;
  }
  return dest;
}

function fieldOf(node: Node, key: string): Node {
  return isMap(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

function visitMap(sources: Sources): Node {
  const [dest, origin] = sources;
  if (isMissingOrNull(dest)) {
    const directive = isMap(origin) || Array.isArray(origin) ? directiveOf(origin) : 'merge';
    if (directive === 'delete') return undefined;
    if (origin === undefined && dest !== undefined) return KEEP_NULL;
    return origin;
  }
  if (origin === null) return undefined;
  const directive = directiveOf(origin);
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return origin;
  return dest;
}

function visitNonAssociativeList(sources: Sources): Node {
  return sources[1] !== undefined ? sources[1] : sources[0];
}

function visitAssociativeList(sources: Sources): Node {
  const [dest, origin] = sources;
  if (isMissingOrNull(dest)) return origin;
  if (origin === null) return undefined;
  const directive = directiveOf(origin);
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return origin;
  return dest;
}

const DIRECTIVE = '$patch';

/** A patch node's `$patch` directive, removed from it once read (as kyaml does). */
function directiveOf(patch: Node): 'merge' | 'delete' | 'replace' {
  if (patch === undefined) return 'merge';
  if (Array.isArray(patch)) {
    const element = patch.find((item) => isMap(item) && Object.hasOwn(item, DIRECTIVE));
    if (!isMap(element) || Object.keys(element).length > 1) return 'merge';
    const value = scalarText(element[DIRECTIVE]);
    if (value !== 'delete' && value !== 'replace' && value !== 'merge') {
      throw new MergeError(`unknown patch strategy '${value}'`);
    }
    elementSetter(patch, undefined, [DIRECTIVE], [value]);
    return value;
  }
  if (isMap(patch)) {
    if (!Object.hasOwn(patch, DIRECTIVE)) return 'merge';
    const value = scalarText(patch[DIRECTIVE]);
    if (value !== 'delete' && value !== 'replace' && value !== 'merge') {
      throw new MergeError(`unknown patch strategy '${value}'`);
    }
    delete patch[DIRECTIVE];
    return value;
  }
  throw new MergeError('no implemented strategic merge patch strategy for a scalar');
}

function walkAssociativeSequence(sources: Sources, schema: MergeSchema, path: string[]): Node {
  const dest = visitAssociativeList(sources);
  if (dest === undefined) return undefined;
  sources[0] = dest;
  const keys = schema.merge ?? [];
  const values = elementValues(sources, keys);
  if (values.length > 0 || keys.length > 0)
    return setAssociativeElements(values, keys, sources, schema, path);
  return setAssociativeElements(elementPrimitiveValues(sources), [''], sources, schema, path);
}

/** The key values of each item, the patch's items first, without repeats. */
function elementValues(sources: Sources, keys: string[]): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const values = keys.map((key) => scalarText(fieldOf(item, key)));
      const id = JSON.stringify(values);
      if (values.length === 0 || seen.has(id)) continue;
      out.push(values);
      seen.add(id);
    }
  }
  return out;
}

function elementPrimitiveValues(sources: Sources): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const text = scalarText(item);
      if (seen.has(text)) continue;
      out.push([text]);
      seen.add(text);
    }
  }
  return out;
}

function setAssociativeElements(
  valuesList: string[][],
  keys: string[],
  sources: Sources,
  schema: MergeSchema,
  path: string[],
): Node {
  let dest = sources[0];
  const items: unknown[] = [];
  const elementSchema = itemSchema(schema);
  if (keys.length > 1) mergeValues(valuesList);
  let validKeys: string[] = [];
  let validValues: string[] = [];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    [validKeys, validValues] = validateKeys(valuesList, values, keys);
    const elementSources = elementValueList(sources, validKeys, validValues);
    const value = walk(elementSources, elementSchema, path);
    let exit = false;
    validKeys.forEach((key, i) => {
      if (isMissingOrNull(value) || isEmptyMap(value)) {
        if (Array.isArray(dest)) elementSetter(dest, undefined, validKeys, validValues);
        exit = true;
      } else if (isMap(value) && !Object.hasOwn(value, key) && validValues[i] !== '') {
        value[key] = scalarFromText(validValues[i] as string);
      }
    });
    if (exit) continue;
    elementSetter(items, value === KEEP_NULL ? null : value, validKeys, validValues);
  }
  if (valuesList.length > 0) dest = appendListNode(items, Array.isArray(dest) ? dest : [], validKeys);
  if (isMissingOrNull(dest)) return undefined;
  return dest;
}

/** A key value kyaml sets back as an untagged scalar: as YAML would read it. */
function scalarFromText(text: string): unknown {
  if (/^-?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function mergeValues(valuesList: string[][]): void {
  for (let i = 0; i < valuesList.length; i++) {
    const first = valuesList[i] as string[];
    for (let j = 0; j < valuesList.length; j++) {
      const [matched, merged] = matchValues(first, valuesList[j] as string[]);
      if (matched) {
        valuesList[i] = merged;
        valuesList[j] = merged;
      }
    }
  }
}

function matchValues(a: string[], b: string[]): [boolean, string[]] {
  if (a.length !== b.length) return [false, []];
  let common = false;
  const merged: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) {
      common = true;
      merged.push(x);
      continue;
    }
    if (x !== '' && y !== '') return [false, []];
    merged.push(x !== '' ? x : y);
  }
  return [common, merged];
}

function validateKeys(valuesList: string[][], values: string[], keys: string[]): [string[], string[]] {
  const valid = new Set<string>();
  for (const list of valuesList) {
    list.forEach((value, i) => {
      if (value !== '') valid.add(keys[i] as string);
    });
  }
  if (valid.size === 0) return [keys, values];
  return [
    keys.filter((key) => valid.has(key)),
    values.filter((value, i) => value !== '' || valid.has(keys[i] as string)),
  ];
}

function elementValueList(sources: Sources, keys: string[], values: string[]): Sources {
  const [validKeys, validValues] = validateKeys([values], values, keys);
  return [elementList(sources[0], validKeys, validValues), elementList(sources[1], validKeys, validValues)];
}

/** kyaml's ElementMatcher: the first item whose key fields hold these values. */
function elementList(list: Node, keys: string[], values: string[]): Node {
  if (!Array.isArray(list)) return undefined;
  const matchKeys = keys.length > 0 ? keys : [''];
  const matchValues = values.length > 0 ? values : [''];
  if (matchKeys[0] === '') return list.find((item) => scalarText(item) === matchValues[0]);
  for (const item of list) {
    if (!isMap(item)) continue;
    if (matchKeys.length !== matchValues.length) {
      throw new MergeError('length of keys must equal length of values');
    }
    if (matchKeys.every((key, i) => Object.hasOwn(item, key) && scalarText(item[key]) === matchValues[i])) {
      return item;
    }
  }
  return undefined;
}

/**
 * kyaml's ElementSetter, in place: replaces the items matching the key values with `element` (or
 * removes them when it is undefined), appending it when none matched; empty items are dropped.
 */
function elementSetter(list: unknown[], element: unknown, keys: string[], values: string[]): void {
  const setKeys = keys.length > 0 ? keys : [''];
  const mappingSetter = setKeys[0] !== '' && values.length > 0 && values[0] !== '';
  const content: unknown[] = [];
  let found = false;
  for (const item of list) {
    if (isMissingOrNull(item) || isEmptyMap(item)) continue;
    if (!isMap(item) && mappingSetter) {
      content.push(item);
      continue;
    }
    let matched = true;
    let last = false;
    for (let j = 0; j < setKeys.length; j++) {
      if (j < values.length) last = fieldMatches(item, setKeys[j] as string, values[j] as string);
      if (!last) {
        matched = false;
        break;
      }
    }
    if (!matched) {
      if (values.length > 0) content.push(item);
      continue;
    }
    found = true;
    if (element === undefined) continue;
    content.push(element);
  }
  list.splice(0, list.length, ...content);
  if (isMissingOrNull(element)) return;
  if (!found) list.push(element);
}

function fieldMatches(item: unknown, name: string, value: string): boolean {
  if (isMissingOrNull(item)) return false;
  if (name === '') {
    if (typeof item === 'object')
      throw new MergeError('wrong node kind: expected ScalarNode in a list of values');
    return scalarText(item) === value;
  }
  if (!isMap(item)) throw new MergeError('wrong node kind: expected MappingNode in a keyed list');
  if (!Object.hasOwn(item, name)) return false;
  return value === '' || scalarText(item[name]) === value;
}

function appendListNode(target: unknown[], source: unknown[], keys: string[]): unknown[] {
  for (const element of source) {
    if (keys[0] === '' || keys.length === 0) {
      elementSetter(target, element, [''], [scalarText(element)]);
      continue;
    }
    if (!isMap(element)) throw new MergeError('wrong node kind: expected MappingNode in a keyed list');
    const values: string[] = [];
    for (const key of keys) {
      if (!Object.hasOwn(element, key)) {
        target.push(element);
        continue;
      }
      values.push(scalarText(element[key]));
    }
    if (keys.length > 1) elementSetter(target, undefined, keys, values);
    elementSetter(target, element, keys, values);
  }
  return target;
}

/** Go's sort.Strings order: by UTF-8 bytes, which is code point order. */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = (x[i] as string).codePointAt(0) as number;
    const q = (y[i] as string).codePointAt(0) as number;
    if (p !== q) return p - q;
  }
  return x.length - y.length;
}
