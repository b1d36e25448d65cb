/**
 * Plain manifests into units. A folder of manifests is a unit, and folders are one unit when their
 * objects refer to each other (a Service and the pods it selects, an Ingress or a route and the
 * Services and Gateways it names) or are put in the same namespace by name, other than `default`.
 * So `k8s/frontend/` and `k8s/backend/` of one app are read together, and a Service whose selector
 * misses the pods of its own app in another folder is still judged against them; unrelated example
 * folders that only share the default namespace are not checked against each other.
 */
import { posix } from 'node:path';
import { buildInventory, findObjects, findServices, type Inventory } from '../inventory/inventory.js';
import { selectWorkloads } from '../inventory/selection.js';
import { GATEWAY_API_GROUP } from '../known/api-versions.js';
import { pruneValue } from '../manifests/keep.js';
import type { KeepOfKind, LoadResult } from '../manifests/load.js';
import { effectiveNamespace, type ManifestObject } from '../manifests/objects.js';
import type { UnitPlan } from './discover.js';

/** A files unit: its plan, its part of the load result and, when it is all of it, its inventory. */
export interface FilesUnit {
  plan: UnitPlan;
  loaded: LoadResult;
  /** Built while grouping, when the unit holds every loose file: the caller need not build it again. */
  inventory?: Inventory;
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
  const byIdentity = new Map<string, ManifestObject[]>();
  const copies = new Map<ManifestObject, Array<{ file: string; line: number }>>();
  const objects = new Set<ManifestObject>();
  const ordered = [...loaded.objects].sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  for (const object of ordered) {
    const key = `${object.apiVersion}\n${object.kind}\n${effectiveNamespace(object)}\n${object.name}`;
    const sameName = byIdentity.get(key) ?? [];
    // Compared as written only when names collide: most objects are written once.
    const content = sameName.length > 0 ? contentOf(object) : '';
    const kept = sameName.find((candidate) => contentOf(candidate) === content);
    if (kept === undefined || object.patchOf !== undefined) {
      sameName.push(object);
      byIdentity.set(key, sameName);
      objects.add(object);
      continue;
    }
    const list = copies.get(kept) ?? [];
    list.push({ file: object.file, line: object.line });
    copies.set(kept, list);
  }
  if (copies.size === 0) return loaded;
  return {
    ...loaded,
    objects: loaded.objects
      .filter((object) => objects.has(object))
      .map((object) => (copies.has(object) ? Object.assign(object, { copies: copies.get(object) }) : object)),
  };
}

/** The files units of loaded loose files, each with the part of the load result that is its own. */
export function groupFiles(loaded: LoadResult): FilesUnit[] {
  const folders = new UnionFind();
  for (const file of loaded.files) folders.add(posix.dirname(file.path));
  const inventory = buildInventory(loaded);
  const join = (a: string, b: string): void => folders.union(posix.dirname(a), posix.dirname(b));
  const namespaces = new Map<string, string>();
  for (const object of loaded.objects) {
    if (object.namespace === null || object.namespace === 'default') continue;
    const first = namespaces.get(object.namespace);
    if (first === undefined) namespaces.set(object.namespace, object.file);
    else join(first, object.file);
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

  const groups = new Map<string, string[]>();
  for (const folder of folders.members()) {
    const root = folders.find(folder);
    const list = groups.get(root);
    if (list) list.push(folder);
    else groups.set(root, [folder]);
  }
  const unitOfFolder = new Map<string, UnitPlan>();
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
    for (const folder of members) unitOfFolder.set(folder, plan);
  }
  const parts = new Map<UnitPlan, LoadResult>();
  const partOf = (file: string): LoadResult => {
    const plan = unitOfFolder.get(posix.dirname(file)) as UnitPlan;
    let part = parts.get(plan);
    if (part === undefined) {
      part = { files: [], objects: [], problems: [], helmValues: [] };
      parts.set(plan, part);
    }
    return part;
  };
  for (const file of loaded.files) {
    partOf(file.path).files.push(file);
    (unitOfFolder.get(posix.dirname(file.path)) as UnitPlan).files.push(file.path);
  }
  for (const object of loaded.objects) partOf(object.file).objects.push(object);
  for (const problem of loaded.problems) partOf(problem.file).problems.push(problem);
  for (const values of loaded.helmValues) partOf(values.file).helmValues.push(values);
  for (const plan of parts.keys()) plan.files.sort();
  // One unit of everything (one folder, or folders that refer to each other): its inventory is the
  // one built here, selection index and all.
  if (parts.size === 1) {
    const [plan] = parts.keys() as IterableIterator<UnitPlan>;
    return [{ plan: plan as UnitPlan, loaded, inventory }];
  }
  return [...parts].map(([plan, part]) => ({ plan, loaded: part }));
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

class UnionFind {
  readonly #parent = new Map<string, string>();

  add(member: string): void {
    if (!this.#parent.has(member)) this.#parent.set(member, member);
  }

  find(member: string): string {
    let root = member;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root) as string;
    // Path halving is not worth it at a repository's number of folders; compress once instead.
    let current = member;
    while (current !== root) {
      const next = this.#parent.get(current) as string;
      this.#parent.set(current, root);
      current = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller name leads, so the grouping does not depend on the order references are met.
    if (rootA === rootB) return;
    const [low, high] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.#parent.set(high, low);
  }

  members(): string[] {
    return [...this.#parent.keys()];
  }
}
