/**
 * kustomize's name-reference fix-up (api/filters/nameref), run once at the end of a build: a field
 * that names another object of the build (an Ingress backend's Service, a Deployment's ConfigMap, a
 * RoleBinding's ServiceAccount...) follows that object's renames by prefix, suffix or content hash.
 * The candidates are chosen the way kustomize chooses them: by previous name, kind, namespace, then
 * by the prefixes and suffixes both went through. Gateway API routes are not in kustomize's list of
 * referring fields: their backendRefs keep the name written, as they do with the real kustomize.
 */
import { applyFieldSpec, type Slot } from './fieldspec.js';
import {
  effectiveNamespace,
  type Gvk,
  gvkSelected,
  idString,
  NOT_NAMESPACEABLE,
  type ResId,
  sameNamespace,
} from './ids.js';
import {
  currentId,
  isMap,
  kindString,
  nameOf,
  namespaceOf,
  originalId,
  previousIds,
  type Resource,
  scalarText,
} from './resource.js';
import { defaultConfig, type FieldSpec, type NameBackReference } from './specs.js';

export class NameReferenceError extends Error {}

interface Filter {
  spec: FieldSpec;
  target: Gvk;
}

/** The objects a referrer may name: what the name index gives, narrowed to those it can see. */
interface Candidates {
  /** Objects that had this name before, and that the referrer can refer to. */
  named(name: string): Resource[];
  /** Whether some object the referrer can refer to was first in this namespace. */
  originallyIn(namespace: string): boolean;
}

export function fixNameReferences(
  resources: Resource[],
  nameReference: NameBackReference[] = defaultConfig().nameReference,
): void {
  const filters = new Map<Resource, Filter[]>();
  const originals = resources.map(originalId);
  for (const backReference of nameReference) {
    for (const spec of backReference.referrers) {
      resources.forEach((resource, i) => {
        if (!gvkSelected(originals[i] as ResId, spec)) return;
        let list = filters.get(resource);
        if (list === undefined) {
          list = [];
          filters.set(resource, list);
        }
        list.push({ spec, target: backReference });
      });
    }
  }
  // Only objects renamed along the way (they have previous names) can be referral targets.
  const byPreviousName = new Map<string, Resource[]>();
  for (const resource of resources) {
    for (const name of new Set(previousIds(resource).map((id) => id.name))) {
      let list = byPreviousName.get(name);
      if (list === undefined) {
        list = [];
        byPreviousName.set(name, list);
      }
      list.push(resource);
    }
  }
  for (const [referrer, list] of filters) {
    const visible = couldBeReferencedBy(referrer);
    const candidates: Candidates = {
      named: (name) => (byPreviousName.get(name) ?? []).filter(visible),
      originallyIn: (namespace) =>
        resources.some((resource) => {
          const ns = effectiveNamespace(originalId(resource));
          return ns !== NOT_NAMESPACEABLE && ns === namespace && visible(resource);
        }),
    };
    for (const filter of list) {
      const spec: FieldSpec = { ...filter.spec, group: '', version: '', kind: '' };
      applyFieldSpec(referrer.value, spec, (slot) => setReference(slot, referrer, filter, candidates));
    }
  }
}

/** kustomize's SubsetThatCouldBeReferencedByResource, as a test. */
function couldBeReferencedBy(referrer: Resource): (target: Resource) => boolean {
  const referrerId = currentId(referrer);
  if (referrerId.clusterScoped) return () => true;
  const bindingNamespaces = new Set<string>();
  if (kindString(referrer.value) === 'RoleBinding' && Array.isArray(referrer.value.subjects)) {
    for (const subject of referrer.value.subjects) {
      if (isMap(subject) && subject.kind === 'ServiceAccount' && typeof subject.namespace === 'string') {
        bindingNamespaces.add(subject.namespace);
      }
    }
  }
  return (target) => {
    const id = currentId(target);
    return (
      id.clusterScoped || sameNamespace(id, referrerId) || bindingNamespaces.has(namespaceOf(target.value))
    );
  };
}

function setReference(slot: Slot, referrer: Resource, filter: Filter, candidates: Candidates): void {
  const node = slot.get();
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      const itemSlot: Slot = {
        get: () => node[index],
        set: (value) => {
          node[index] = value;
        },
      };
      if (item === null || item === undefined) return;
      if (isMap(item)) setMapping(item, referrer, filter, candidates);
      else if (typeof item !== 'object') setScalar(itemSlot, referrer, filter, candidates);
      else
        throw new NameReferenceError(`${filter.spec.path}: expected a string or a map of string in a list`);
    });
    return;
  }
  if (isMap(node)) setMapping(node, referrer, filter, candidates);
  else setScalar(slot, referrer, filter, candidates);
}

function setScalar(slot: Slot, referrer: Resource, filter: Filter, candidates: Candidates): void {
  const oldName = scalarText(slot.get());
  const referral = selectReferral(oldName, candidates.named(oldName), referrer, filter, allNamesSame);
  if (referral === undefined) return;
  const name = nameOf(referral.value);
  if (name !== oldName) slot.set(name);
}

function setMapping(
  node: Record<string, unknown>,
  referrer: Resource,
  filter: Filter,
  candidates: Candidates,
): void {
  if (!Object.hasOwn(node, 'name')) {
    throw new NameReferenceError(
      `updating name reference in '${filter.spec.path}' field of '${idString(currentId(referrer))}': path config error; no 'name' field in node`,
    );
  }
  const oldName = scalarText(node.name);
  let named = candidates.named(oldName);
  if (Object.hasOwn(node, 'namespace')) {
    // kustomize groups the candidates by their original namespace, else by their current one.
    const namespace = scalarText(node.namespace);
    const original = candidates.originallyIn(namespace);
    named = named.filter((candidate) => {
      const ns = effectiveNamespace(original ? originalId(candidate) : currentId(candidate));
      return ns !== NOT_NAMESPACEABLE && ns === namespace;
    });
  }
  const referral = selectReferral(oldName, named, referrer, filter, allNamesAndNamespacesSame);
  if (referral === undefined) return;
  const name = nameOf(referral.value);
  const namespace = namespaceOf(referral.value);
  if (name === oldName && namespace === '') return;
  node.name = name;
  if (namespace !== '') node.namespace = namespace;
}

function selectReferral(
  oldName: string,
  all: Resource[],
  referrer: Resource,
  filter: Filter,
  identical: (resources: Resource[]) => boolean,
): Resource | undefined {
  let candidates = all.filter((candidate) => previousIds(candidate).some((id) => id.name === oldName));
  candidates = candidates.filter((candidate) =>
    previousIds(candidate).some((id) => gvkSelected(id, filter.target)),
  );
  const roleRef = roleRefGvk(referrer, filter);
  if (roleRef !== undefined) {
    candidates = candidates.filter((candidate) =>
      previousIds(candidate).some((id) => gvkSelected(id, roleRef)),
    );
  }
  const referrerId = currentId(referrer);
  if (!referrerId.clusterScoped) {
    candidates = candidates.filter((candidate) => {
      const id = currentId(candidate);
      return (
        id.clusterScoped || kindString(candidate.value) === 'ServiceAccount' || sameNamespace(referrerId, id)
      );
    });
  }
  if (candidates.length === 1) return candidates[0];
  candidates = candidates.filter((candidate) => affixesEqual(candidate, referrer, true));
  if (candidates.length > 1)
    candidates = candidates.filter((candidate) => affixesEqual(candidate, referrer, false));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) return undefined;
  if (identical(candidates)) return candidates[0];
  throw new NameReferenceError(
    `found multiple possible referrals: ${candidates.map((candidate) => idString(currentId(candidate))).join(', ')}`,
  );
}

function roleRefGvk(referrer: Resource, filter: Filter): Partial<Gvk> | undefined {
  if (!filter.spec.path.endsWith('roleRef/name')) return undefined;
  const roleRef = referrer.value.roleRef;
  if (!isMap(roleRef) || roleRef.apiGroup === undefined || roleRef.kind === undefined) return undefined;
  return { group: scalarText(roleRef.apiGroup), kind: scalarText(roleRef.kind) };
}

function affixesEqual(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  if (allowEmpty) {
    const prefixesOk =
      a.prefixes.length === 0 || b.prefixes.length === 0 || sameEnding(a.prefixes, b.prefixes);
    const suffixesOk =
      a.suffixes.length === 0 || b.suffixes.length === 0 || sameEnding(a.suffixes, b.suffixes);
    return prefixesOk && suffixesOk;
  }
  return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
}

function sameEnding(first: string[], second: string[]): boolean {
  const [shortest, longest] = first.length > second.length ? [second, first] : [first, second];
  const diff = longest.length - shortest.length;
  if (shortest.length === 0) return diff === 0;
  for (let i = shortest.length - 1; i >= 0; i--) if (longest[i + diff] !== shortest[i]) return false;
  return true;
}

function allNamesSame(resources: Resource[]): boolean {
  const name = nameOf((resources[0] as Resource).value);
  return resources.every((resource) => nameOf(resource.value) === name);
}

function allNamesAndNamespacesSame(resources: Resource[]): boolean {
  const first = resources[0] as Resource;
  return resources.every(
    (resource) =>
      nameOf(resource.value) === nameOf(first.value) &&
      namespaceOf(resource.value) === namespaceOf(first.value),
  );
}
