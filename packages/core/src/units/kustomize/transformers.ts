/**
 * kustomize's built-in transformers that are not patches: namespace, name prefix and suffix, labels,
 * annotations, images and replicas, each as its plugin does it (same fields, same skips).
 */
import { applyFieldSpec, type Slot } from './fieldspec.js';
import { type Gvk, gvkSelected, idKey, idString, isClusterScoped, parseApiVersion } from './ids.js';
import { byCodePoint } from './merge.js';
import {
  apiVersionString,
  currentId,
  isMap,
  kindString,
  metadataOf,
  originalId,
  previousIds,
  type Resource,
  scalarText,
  storePreviousId,
} from './resource.js';
import { NESTED_REPETITION } from './selector.js';
import { defaultConfig, type FieldSpec, type TransformerConfig } from './specs.js';

export class TransformError extends Error {}

export interface NamespaceOptions {
  /** Where else the namespace goes (default: kustomize's namespace field specs). */
  specs: FieldSpec[];
  /** Only where no namespace is set yet. */
  unsetOnly: boolean;
  /** Which RoleBinding subjects get it: those named `default` (kustomize's default), all ServiceAccounts, none. */
  subjects: 'defaultOnly' | 'allServiceAccounts' | 'none';
}

export function applyNamespace(resources: Resource[], namespace: string, options?: NamespaceOptions): void {
  if (namespace === '') return;
  const {
    specs: configured,
    unsetOnly,
    subjects: mode,
  } = options ?? {
    specs: defaultConfig().namespace,
    unsetOnly: false,
    subjects: 'defaultOnly' as const,
  };
  const set = (slot: Slot): void => {
    const current = slot.get();
    if (unsetOnly && current !== null && current !== undefined && scalarText(current) !== '') return;
    slot.set(namespace);
  };
  for (const resource of resources) {
    storePreviousId(resource);
    const value = resource.value;
    const apiVersion = apiVersionString(value);
    const kind = kindString(value);
    const gvk = { ...parseApiVersion(apiVersion), kind };
    let specs = configured.filter(
      (spec) => spec.path !== 'metadata/namespace' && !(apiVersion !== 'v1' && spec.path === 'metadata/name'),
    );
    if (!isClusterScoped(gvk)) {
      const metadata = metadataOf(value);
      set({
        get: () => metadata.namespace,
        set: (ns) => {
          metadata.namespace = ns;
        },
      });
    }
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
      specs = specs.filter(
        (spec) => !(spec.path === 'subjects/namespace' && spec.kind.endsWith('RoleBinding')),
      );
      const subjects = value.subjects;
      if (Array.isArray(subjects) && mode !== 'none') {
        for (const subject of subjects) {
          if (!isMap(subject)) continue;
          const chosen =
            mode === 'defaultOnly'
              ? scalarText(subject.name) === 'default'
              : scalarText(subject.kind) === 'ServiceAccount';
          if (!chosen) continue;
          set({
            get: () => subject.namespace,
            set: (ns) => {
              subject.namespace = ns;
            },
          });
        }
      }
    }
    for (const spec of specs) applyFieldSpec(value, spec, set, 'scalar');
  }
  // kustomize checks after each object; all get the same namespace, so checking once at the end
  // finds the same conflicts.
  const seen = new Set<string>();
  for (const resource of resources) {
    const id = currentId(resource);
    const key = idKey(id);
    if (seen.has(key))
      throw new TransformError(`namespace transformation produces ID conflict: ${idString(id)}`);
    seen.add(key);
  }
}

/** Kinds whose names never get a prefix or suffix. */
const NO_AFFIX: Array<Partial<Gvk>> = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

const NAME_SPEC: FieldSpec = { group: '', version: '', kind: '', path: 'metadata/name', create: false };

export function applyNameAffix(
  resources: Resource[],
  affix: string,
  where: 'prefix' | 'suffix',
  specs: FieldSpec[] = [NAME_SPEC],
): void {
  if (specs.length === 0) throw new TransformError('fieldSpecs is not expected to be nil');
  if (affix === '') return;
  for (const resource of resources) {
    const original = originalId(resource);
    if (NO_AFFIX.some((skip) => gvkSelected(original, skip))) continue;
    for (const spec of specs) {
      if (!gvkSelected(original, spec)) continue;
      if (spec.path === 'metadata/name') {
        (where === 'prefix' ? resource.prefixes : resource.suffixes).push(affix);
        storePreviousId(resource);
      }
      applyFieldSpec(
        resource.value,
        spec,
        (slot) => {
          const name = scalarText(slot.get());
          slot.set(where === 'prefix' ? `${affix}${name}` : `${name}${affix}`);
        },
        'scalar',
      );
    }
  }
}

/** Sets each label or annotation on the maps at the specs' paths (created where the spec says so). */
export function applyStringMap(
  resources: Resource[],
  entries: Record<string, string>,
  specs: FieldSpec[],
): void {
  const keys = Object.keys(entries).sort(byCodePoint);
  if (keys.length === 0) return;
  for (const resource of resources) {
    for (const key of keys) {
      for (const spec of specs) {
        applyFieldSpec(resource.value, spec, (slot) => setEntry(slot, key, entries[key] as string), 'map');
      }
    }
  }
}

function setEntry(slot: Slot, key: string, value: string): void {
  const node = slot.get();
  if (isMap(node)) node[key] = value;
  else if (node === null || node === undefined) slot.set({ [key]: value });
  else throw new TransformError(`wrong node kind: expected MappingNode to set '${key}'`);
}

/** Field specs merged without repeats (same group, version, kind and path: the first one stays). */
export function mergeSpecs(...lists: FieldSpec[][]): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const list of lists) {
    for (const spec of list) {
      const same = out.find(
        (other) =>
          other.group === spec.group &&
          other.version === spec.version &&
          other.kind === spec.kind &&
          other.path === spec.path,
      );
      if (same === undefined) out.push(spec);
    }
  }
  return out;
}

export interface LabelsEntry {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
  fields: FieldSpec[];
}

/** `labels:` entries, then `commonLabels`, as kustomize's LabelTransformer configurations. */
export function applyLabels(
  resources: Resource[],
  labels: LabelsEntry[],
  commonLabels: Record<string, string>,
  config: TransformerConfig = defaultConfig(),
): void {
  for (const entry of labels) {
    let specs = mergeSpecs(entry.fields, config.labels);
    if (entry.includeSelectors) specs = mergeSpecs(specs, config.commonLabels);
    else {
      if (entry.includeTemplates) specs = mergeSpecs(specs, config.templateLabels);
      specs = mergeSpecs(specs, [
        { group: '', version: '', kind: '', path: 'metadata/labels', create: true },
      ]);
    }
    applyStringMap(resources, entry.pairs, specs);
  }
  applyStringMap(resources, commonLabels, config.commonLabels);
}

export function applyAnnotations(
  resources: Resource[],
  annotations: Record<string, string>,
  config: TransformerConfig = defaultConfig(),
): void {
  applyStringMap(resources, annotations, config.commonAnnotations);
}

export interface ImageEntry {
  name: string;
  newName: string;
  newTag: string;
  digest: string;
  tagSuffix: string;
}

export function applyImage(
  resources: Resource[],
  image: ImageEntry,
  specs: FieldSpec[] = defaultConfig().images,
): void {
  const update = (slot: Slot): void => {
    const current = slot.get();
    if (typeof current !== 'string' || !imageMatches(current, image.name)) return;
    slot.set(updatedImage(current, image));
  };
  for (const resource of resources) {
    if (kindString(resource.value) === 'CustomResourceDefinition') continue;
    // The legacy pass: every `containers` and `initContainers` list anywhere in the object.
    findContainers(resource.value, update);
    for (const spec of specs) applyFieldSpec(resource.value, spec, update);
  }
}

function findContainers(node: unknown, update: (slot: Slot) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) findContainers(item, update);
    return;
  }
  if (!isMap(node)) return;
  for (const [key, value] of Object.entries(node)) {
    findContainers(value, update);
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value) {
        if (!isMap(container) || !Object.hasOwn(container, 'image')) continue;
        update({
          get: () => container.image,
          set: (image) => {
            container.image = image;
          },
        });
      }
    }
  }
}

function imageMatches(image: string, name: string): boolean {
  if (NESTED_REPETITION.test(name)) return false;
  try {
    return new RegExp(`^${name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`).test(image);
  } catch {
    return false;
  }
}

/** kustomize's image.Split: name, tag and digest of an image reference. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  let search = image;
  let slash = image.indexOf('/');
  if (slash > 0) search = image.slice(slash);
  else slash = 0;
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += slash;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += slash;
    colon += slash;
    return { name: image.slice(0, colon), tag: image.slice(colon + 1, at), digest: image.slice(at + 1) };
  }
  colon += slash;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

function updatedImage(current: string, image: ImageEntry): string {
  let { name, tag, digest } = splitImage(current);
  if (image.newName !== '') name = image.newName;
  if (image.newTag !== '' && image.digest !== '') {
    tag = image.newTag;
    digest = image.digest;
  } else if (image.newTag !== '') {
    tag = image.newTag;
    digest = '';
  } else if (image.digest !== '') {
    tag = '';
    digest = image.digest;
  } else if (image.tagSuffix !== '') {
    tag += image.tagSuffix;
    digest = '';
  }
  if (tag !== '') name += `:${tag}`;
  if (digest !== '') name += `@${digest}`;
  return name;
}

export function applyReplicas(
  resources: Resource[],
  name: string,
  count: number,
  specs: FieldSpec[] = defaultConfig().replicas,
): void {
  let found = false;
  for (const spec of specs) {
    const matched = resources.filter((resource) =>
      [...previousIds(resource), currentId(resource)].some((id) => id.name === name && gvkSelected(id, spec)),
    );
    if (matched.length === 0) continue;
    found = true;
    for (const resource of matched) applyFieldSpec(resource.value, spec, (slot) => slot.set(count), 'scalar');
  }
  if (!found) {
    throw new TransformError(
      `resource with name ${name} does not match a config with the following GVK [${specs
        .map((spec) => `${spec.kind}.${spec.version || '[noVer]'}.${spec.group || '[noGrp]'}`)
        .join(' ')}]`,
    );
  }
}
