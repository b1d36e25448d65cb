/** What every generator shares while a migration runs: the inventory, the options, and what it reports. */
import type { Inventory } from '../../inventory/inventory.js';
import { effectiveNamespace, lineOf, type ManifestObject, type ObjectRef } from '../../manifests/objects.js';
import type { NodePath } from '../../manifests/positions.js';
import type { MigrationOptions, MigrationWarning } from '../types.js';
import { uniqueName } from './names.js';
import type { EmittedDocument } from './yaml.js';

/** The state one migration run shares across generators: what it read, and what it reports. */
export interface MigrationContext {
  inventory: Inventory;
  options: MigrationOptions;
  warnings: MigrationWarning[];
  converted: ObjectRef[];
  kept: Array<{ resource: ObjectRef; reason: string }>;
  requirements: string[];
  documents: EmittedDocument[];
  /** Names taken per `kind/namespace`: by objects of the set, and by generated ones. */
  takenNames: Map<string, Set<string>>;
}

/** A fresh context over an inventory. */
export function createContext(inventory: Inventory, options: MigrationOptions): MigrationContext {
  return {
    inventory,
    options,
    warnings: [],
    converted: [],
    kept: [],
    requirements: [],
    documents: [],
    takenNames: new Map(),
  };
}

/** The identity of a source object, under the name of the object a Kustomize patch changes. */
export function refOf(object: ManifestObject): ObjectRef {
  const source = object;
  return { apiVersion: source.apiVersion, kind: source.kind, name: source.name, namespace: source.namespace };
}

/** Records a warning about a source object (or about the migration as a whole). */
export function warn(
  context: MigrationContext,
  message: string,
  object?: ManifestObject,
  path: NodePath = [],
): void {
  if (object === undefined) {
    if (!context.warnings.some((warning) => warning.message === message && !warning.resource)) {
      context.warnings.push({ message });
    }
    return;
  }
  context.warnings.push({ message, file: object.file, line: lineOf(object, path), resource: refOf(object) });
}

/** Adds what the cluster needs, once. */
export function addRequirement(context: MigrationContext, requirement: string): void {
  if (!context.requirements.includes(requirement)) context.requirements.push(requirement);
}

/** Lists a source object as converted, once. */
export function markConverted(context: MigrationContext, object: ManifestObject): void {
  const ref = refOf(object);
  const seen = context.converted.some(
    (other) => other.kind === ref.kind && other.name === ref.name && other.namespace === ref.namespace,
  );
  if (!seen) context.converted.push(ref);
}

/** Lists a source object as left as it is, with why. */
export function keep(context: MigrationContext, object: ManifestObject, reason: string): void {
  context.kept.push({ resource: refOf(object), reason });
}

/** The namespace generated objects for `object` go in: its own, else `--namespace`, else none. */
export function namespaceFor(context: MigrationContext, object: { namespace: string | null }): string | null {
  return object.namespace ?? context.options.namespace ?? null;
}

/** `namespace/name`, with `default` for objects without a namespace, as references resolve them. */
export function namespacedKey(object: { namespace: string | null; name: string }): string {
  return `${effectiveNamespace(object)}/${object.name}`;
}

/** `metadata` for a generated object: name, and namespace when there is one. */
export function metadataOf(
  name: string,
  namespace: string | null,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, ...(namespace === null ? {} : { namespace }), ...extra };
}

/**
 * A name for a generated object of `kind` in `namespace`: `base`, or `base-2`... when an object of
 * the set or another generated one has it, so applying the output never overwrites an object.
 */
export function claimName(
  context: MigrationContext,
  kind: string,
  namespace: string | null,
  base: string,
): string {
  const key = `${kind}/${namespace ?? 'default'}`;
  let taken = context.takenNames.get(key);
  if (taken === undefined) {
    taken = new Set(
      context.inventory.objects
        .filter((object) => object.kind === kind && effectiveNamespace(object) === (namespace ?? 'default'))
        .map((object) => object.name),
    );
    context.takenNames.set(key, taken);
  }
  return uniqueName(base, taken);
}
