/**
 * Plain manifests into units. A folder of manifests is a unit, and folders are one unit when their
 * objects refer to each other (a Service and the pods it selects, an Ingress or a route and the
 * Services and Gateways it names) or are put in the same namespace by name, other than `default`.
 * So `k8s/frontend/` and `k8s/backend/` of one app are read together, and a Service whose selector
 * misses the pods of its own app in another folder is still judged against them; unrelated example
 * folders that only share the default namespace are not checked against each other.
 */
import { posix } from 'node:path';
import {
  buildInventory,
  findObjects,
  findServices,
  type Inventory,
  type TypedViews,
} from '../inventory/inventory.js';
import { selectWorkloads } from '../inventory/selection.js';
import { GATEWAY_API_GROUP } from '../known/api-versions.js';
import { pruneValue } from '../manifests/keep.js';
import type { KeepOfKind, LoadResult } from '../manifests/load.js';
import { effectiveNamespace, type ManifestObject } from '../manifests/objects.js';
import type { UnitPlan } from './discover.js';

/** A files unit: its plan, its part of the load result and its inventory. */
export interface FilesUnit {
  plan: UnitPlan;
  loaded: LoadResult;
  /**
   * Built while grouping: of all loose files when the unit holds them all (selection index and all),
   * else of the unit's part, from the typed views made for the first (see buildInventory).
   */
  inventory: Inventory;
}

/**
 * The same object written in several places (a `release/` copy of a Service in
 * `kubernetes-manifests/`, a file duplicated across folders) is one object with several locations:
 * the first by path keeps the others as `copies`, so it is counted, priced and checked once. The same
 * name with other content, as far as `keepOfKind` keeps it (what the rules read), is two objects (a
 * dev and a prod version).
 */
export function withoutCopies(loaded: LoadResult, keepOfKind: KeepOfKind = () => 'all'): LoadResult {
  const contentOf = (object: ManifestObject): string =>
    JSON.stringify(pruneValue(object.raw, keepOfKind(object.apiVersion, object.kind)));
  // By name first: most names are written once, and a name's other objects are few (its Service,
  // its Deployment...), so no identity string is made per object.
  const byName = new Map<string, ManifestObject[]>();
  const copies = new Map<ManifestObject, Array<{ file: string; line: number }>>();
  const dropped = new Set<ManifestObject>();
  const byPlace = (a: ManifestObject, b: ManifestObject): number =>
    compare(a.file, b.file) || a.line - b.line;
  // Loaded objects mostly come in this order already: checked in one pass before sorting a copy.
  const ordered = isSorted(loaded.objects, byPlace) ? loaded.objects : [...loaded.objects].sort(byPlace);
  for (const object of ordered) {
    const namesakes = byName.get(object.name);
    if (namesakes === undefined) {
      byName.set(object.name, [object]);
      continue;
    }
    const namespace = effectiveNamespace(object);
    // Compared as written only when identities collide: most objects are written once.
    let content: string | undefined;
    let kept: ManifestObject | undefined;
    for (const candidate of namesakes) {
      if (
        candidate.kind !== object.kind ||
        candidate.apiVersion !== object.apiVersion ||
        effectiveNamespace(candidate) !== namespace
      ) {
        continue;
      }
      content ??= contentOf(object);
      if (contentOf(candidate) === content) {
        kept = candidate;
        break;
      }
    }
    if (kept === undefined) {
      namesakes.push(object);
      continue;
    }
    dropped.add(object);
    const list = copies.get(kept) ?? [];
    list.push({ file: object.file, line: object.line });
    copies.set(kept, list);
  }
  if (copies.size === 0) return loaded;
  return {
    ...loaded,
    objects: loaded.objects
      .filter((object) => !dropped.has(object))
      .map((object) => (copies.has(object) ? Object.assign(object, { copies: copies.get(object) }) : object)),
  };
}

/** The files units of loaded loose files, each with the part of the load result that is its own. */
export function groupFiles(loaded: LoadResult): FilesUnit[] {
  // Folders by number, each file's folder found once: objects name their file, and thousands of
  // references are joined by folder.
  const folders = new UnionFind();
  const folderNames: string[] = [];
  const folderNumbers = new Map<string, number>();
  const folderOfFile = new Map<string, number>();
  const folderOf = (file: string): number => {
    let folder = folderOfFile.get(file);
    if (folder === undefined) {
      const name = posix.dirname(file);
      folder = folderNumbers.get(name);
      if (folder === undefined) {
        folder = folders.add();
        folderNames.push(name);
        folderNumbers.set(name, folder);
      }
      folderOfFile.set(file, folder);
    }
    return folder;
  };
  for (const file of loaded.files) folderOf(file.path);
  const typedViews: TypedViews = new Map();
  const inventory = buildInventory(loaded, typedViews);
  const join = (a: string, b: string): void => folders.union(folderOf(a), folderOf(b));
  const namespaces = new Map<string, string>();
  for (const object of loaded.objects) {
    if (object.namespace === null || object.namespace === 'default') continue;
    const first = namespaces.get(object.namespace);
    if (first === undefined) namespaces.set(object.namespace, object.file);
    else if (first !== object.file) join(first, object.file);
  }
  for (const service of inventory.services) {
    const selection = selectWorkloads(inventory, service);
    if (selection.status !== 'matched') continue;
    for (const workload of selection.workloads) join(service.object.file, workload.object.file);
  }
  for (const ingress of inventory.ingresses) {
    const namespace = effectiveNamespace(ingress.object);
    for (const backend of ingress.backends) {
      if (backend.service === null) continue;
      for (const service of findServices(inventory, namespace, backend.service)) {
        join(ingress.object.file, service.object.file);
      }
    }
  }
  for (const route of inventory.routes) {
    const namespace = effectiveNamespace(route.object);
    for (const { ref } of route.backendRefs) {
      if ((ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '') continue;
      for (const service of findServices(inventory, ref.namespace ?? namespace, ref.name)) {
        join(route.object.file, service.object.file);
      }
    }
    for (const parent of route.parentRefs) {
      if ((parent.group ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP) continue;
      for (const gateway of findObjects(
        inventory,
        parent.kind ?? 'Gateway',
        parent.namespace ?? namespace,
        parent.name,
      )) {
        join(route.object.file, gateway.file);
      }
    }
  }

  const groups = new Map<number, string[]>();
  for (let folder = 0; folder < folderNames.length; folder++) {
    const root = folders.find(folder);
    const list = groups.get(root);
    if (list) list.push(folderNames[folder] as string);
    else groups.set(root, [folderNames[folder] as string]);
  }
  const unitOfFolder: UnitPlan[] = [];
  for (const members of groups.values()) {
    members.sort();
    const path = commonFolder(members);
    const plan: UnitPlan = {
      id: `files:${label(path, members)}`,
      kind: 'files',
      path,
      values: [],
      files: [],
    };
    for (const folder of members) unitOfFolder[folderNumbers.get(folder) as number] = plan;
  }
  const parts = new Map<UnitPlan, LoadResult>();
  const partOf = (file: string): LoadResult => {
    const plan = unitOfFolder[folderOf(file)] as UnitPlan;
    let part = parts.get(plan);
    if (part === undefined) {
      part = { files: [], objects: [], problems: [], helmValues: [] };
      parts.set(plan, part);
    }
    return part;
  };
  for (const file of loaded.files) {
    partOf(file.path).files.push(file);
    (unitOfFolder[folderOf(file.path)] as UnitPlan).files.push(file.path);
  }
  for (const object of loaded.objects) partOf(object.file).objects.push(object);
  for (const problem of loaded.problems) partOf(problem.file).problems.push(problem);
  for (const values of loaded.helmValues) partOf(values.file).helmValues.push(values);
  for (const plan of parts.keys()) plan.files.sort();
  // One unit of everything (one folder, or folders that refer to each other): its inventory is the
  // one built here, selection index and all. Several: each its own, from the typed views made here.
  if (parts.size === 1) {
    const [plan] = parts.keys() as IterableIterator<UnitPlan>;
    return [{ plan: plan as UnitPlan, loaded, inventory }];
  }
  return [...parts].map(([plan, part]) => ({
    plan,
    loaded: part,
    inventory: buildInventory(part, typedViews),
  }));
}

/** Whether `list` is already in `order`. */
function isSorted<T>(list: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (order(list[i - 1] as T, list[i] as T) > 0) return false;
  return true;
}

/** The deepest folder holding all of them. */
function commonFolder(folders: readonly string[]): string {
  const split = folders.map((folder) => (folder === '.' ? [] : folder.split('/')));
  const first = split[0] ?? [];
  let depth = 0;
  while (depth < first.length && split.every((parts) => parts[depth] === first[depth])) depth++;
  return depth === 0 ? '.' : first.slice(0, depth).join('/');
}

/** `k8s` for one folder; `k8s/{backend,frontend}` for folders read together. */
function label(common: string, folders: readonly string[]): string {
  if (folders.length === 1) return folders[0] as string;
  const rest = folders.map((folder) => (common === '.' ? folder : folder.slice(common.length + 1) || '.'));
  const shown = rest.length > 4 ? [...rest.slice(0, 3), `+${rest.length - 3}`] : rest;
  return `${common === '.' ? '' : `${common}/`}{${shown.join(',')}}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folders, by number, joined into groups. */
class UnionFind {
  readonly #parent: number[] = [];

  /** A new folder, a group of its own; returns its number. */
  add(): number {
    this.#parent.push(this.#parent.length);
    return this.#parent.length - 1;
  }

  find(member: number): number {
    const parent = this.#parent;
    let root = member;
    while (parent[root] !== root) root = parent[root] as number;
    // Path halving is not worth it at a repository's number of folders; compress once instead.
    let current = member;
    while (current !== root) {
      const next = parent[current] as number;
      parent[current] = root;
      current = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const parent = this.#parent;
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The lower number leads; groups are told apart by their members, not by which one leads.
    if (rootA < rootB) parent[rootB] = rootA;
    else if (rootB < rootA) parent[rootA] = rootB;
  }
}
