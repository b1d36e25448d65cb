/**
 * A resource while a kustomization is built: its value (mutated by each transformer and patch), where
 * it comes from, the fields patches set, and what kustomize keeps in its build annotations (previous
 * ids, prefixes and suffixes, generator options), kept here as fields instead.
 */
import type { NodePath, Position } from '../../manifests/positions.js';
import type { PlacedField } from '../placed.js';
import { isClusterScoped, parseApiVersion, type ResId } from './ids.js';

export type KMap = Record<string, unknown>;

/** The object as deployed; `apiVersion` and `kind` are checked when it is read. */
export type KObject = KMap & { apiVersion: string; kind: string };

export interface Origin {
  file: string;
  doc: number;
  line: number;
  position: Position | null;
}

/** A previous name/namespace/kind, as kustomize stores them (namespace as the effective one). */
interface PreviousId {
  name: string;
  namespace: string;
  kind: string;
}

export interface Resource {
  value: KObject;
  origin: Origin;
  /** Fields set by patches, latest last; one entry per path. */
  setBy: PlacedField[];
  previous: PreviousId[];
  prefixes: string[];
  suffixes: string[];
  /** A generated ConfigMap or Secret whose name gets the content hash at the end. */
  needsHash: boolean;
  /** A generator's behavior (create, merge, replace); undefined for a resource read from a file. */
  behavior?: string;
}

export function isMap(value: unknown): value is KMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function metadataOf(value: KMap): KMap {
  let metadata = value.metadata;
  if (!isMap(metadata)) {
    metadata = {};
    value.metadata = metadata;
  }
  return metadata as KMap;
}

export function nameOf(value: KMap): string {
  const metadata = value.metadata;
  return isMap(metadata) && typeof metadata.name === 'string'
    ? metadata.name
    : scalarString(metadata, 'name');
}

export function namespaceOf(value: KMap): string {
  const metadata = value.metadata;
  return isMap(metadata) ? scalarString(metadata, 'namespace') : '';
}

function scalarString(map: unknown, key: string): string {
  if (!isMap(map)) return '';
  const value = map[key];
  return value === undefined || value === null ? '' : typeof value === 'object' ? '' : String(value);
}

export function apiVersionString(value: KMap): string {
  return typeof value.apiVersion === 'string' ? value.apiVersion : scalarString(value, 'apiVersion');
}

export function kindString(value: KMap): string {
  return typeof value.kind === 'string' ? value.kind : scalarString(value, 'kind');
}

export function currentId(resource: Resource): ResId {
  return idOfValue(resource.value);
}

export function idOfValue(value: KMap): ResId {
  const gvk = { ...parseApiVersion(apiVersionString(value)), kind: kindString(value) };
  return { ...gvk, name: nameOf(value), namespace: namespaceOf(value), clusterScoped: isClusterScoped(gvk) };
}

/** The ids a resource had before, oldest first; with the current group and version, as kustomize does. */
export function previousIds(resource: Resource): ResId[] {
  const { group, version } = parseApiVersion(apiVersionString(resource.value));
  return resource.previous.map((id) => ({
    group,
    version,
    kind: id.kind,
    name: id.name,
    namespace: id.namespace,
    clusterScoped: false,
  }));
}

/** The id it was read with. */
export function originalId(resource: Resource): ResId {
  return previousIds(resource)[0] ?? currentId(resource);
}

/** Records the current id among the previous ones, before a transformer changes it. */
export function storePreviousId(resource: Resource): void {
  const id = currentId(resource);
  const namespace = id.clusterScoped
    ? '_non_namespaceable_'
    : id.namespace === '' || id.namespace === 'default'
      ? 'default'
      : id.namespace;
  resource.previous.push({ name: id.name, namespace, kind: id.kind });
}

export function setName(value: KMap, name: string): void {
  metadataOf(value).name = name;
}

export function labelsOf(value: KMap): Record<string, string> {
  return stringMap(metadataField(value, 'labels'));
}

export function annotationsOf(value: KMap): Record<string, string> {
  return stringMap(metadataField(value, 'annotations'));
}

function metadataField(value: KMap, key: string): unknown {
  const metadata = value.metadata;
  return isMap(metadata) ? metadata[key] : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    out[key] = entry === null || entry === undefined ? '' : typeof entry === 'object' ? '' : String(entry);
  }
  return out;
}

/** The text kyaml sees in a scalar node, which is how it compares merge keys and matches fields. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  return String(value);
}

/** Adds or replaces a setBy entry; an entry for a field inside a replaced one goes. */
export function recordSetBy(resource: Resource, path: NodePath, file: string, line: number): void {
  resource.setBy = resource.setBy.filter((entry) => !samePath(entry.path, path));
  resource.setBy.push({ path: [...path], file, line });
}

/** Forgets what patches set at or under `path` (a later patch replaced it). */
export function forgetSetByUnder(resource: Resource, path: NodePath): void {
  resource.setBy = resource.setBy.filter((entry) => !startsWith(entry.path, path));
}

export function samePath(a: NodePath, b: NodePath): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

export function startsWith(path: NodePath, prefix: NodePath): boolean {
  return path.length >= prefix.length && prefix.every((step, i) => path[i] === step);
}

/**
 * Where each setBy entry is, in terms of the objects it goes through (items of lists by identity),
 * so that the entries can be found again after a patch moved list items around.
 */
type Locator = Array<{ key: string } | { item: unknown; index: number }>;

export function locateSetBy(resource: Resource): Array<Locator | undefined> {
  return resource.setBy.map((entry) => locate(resource.value, entry.path));
}

function locate(root: unknown, path: NodePath): Locator | undefined {
  const locator: Locator = [];
  let node = root;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return undefined;
      node = node[step];
      locator.push({ item: node, index: step });
    } else {
      if (!isMap(node) || !Object.hasOwn(node, step)) return undefined;
      node = node[step];
      locator.push({ key: step });
    }
  }
  return locator;
}

/** Re-resolves setBy entries after a patch, dropping those whose field is gone. */
export function relocateSetBy(resource: Resource, locators: Array<Locator | undefined>): void {
  const kept: PlacedField[] = [];
  resource.setBy.forEach((entry, i) => {
    const locator = locators[i];
    if (locator === undefined) return;
    const path: Array<string | number> = [];
    let node: unknown = resource.value;
    for (const step of locator) {
      if ('key' in step) {
        if (!isMap(node) || !Object.hasOwn(node, step.key)) return;
        node = node[step.key];
        path.push(step.key);
      } else {
        if (!Array.isArray(node)) return;
        const index = node.indexOf(step.item);
        if (index < 0) return;
        node = node[index];
        path.push(index);
      }
    }
    kept.push({ ...entry, path });
  });
  resource.setBy = kept;
}
