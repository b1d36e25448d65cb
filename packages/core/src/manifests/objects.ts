/** The objects the loader hands to the inventory: what they are and where they were written. */
import { IGNORE_ANNOTATION } from '../known/annotations.js';
import { lineAt, type NodePath, type Position } from './positions.js';

/** Identifies a Kubernetes object. `namespace` is null when the manifest sets none. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
}

/** Where something was written: file path, 1-based line, 0-based document index. */
export interface SourceLocation {
  file: string;
  line: number;
  doc: number;
}

/** A Kubernetes object read from a manifest, with its source position. */
export interface ManifestObject extends ObjectRef, SourceLocation {
  /** The object as parsed. Rules read typed views of it built by the inventory. */
  raw: Record<string, unknown>;
  /**
   * Positions of the object's nodes (for an item of a `kind: List`, of that item). Located on first
   * read, so objects nobody reports on cost nothing.
   */
  readonly position: Position | null;
  annotations: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  /** Fields set elsewhere than in the object's own source (by a patch or a values file), and where. */
  setBy?: readonly PlacedField[];
  /** Where else the same object (same apiVersion, kind, namespace and name) is written. */
  copies?: ReadonlyArray<{ file: string; line: number }>;
}

/** Where a field of an object was set, when not in its own source. */
export interface PlacedField {
  path: NodePath;
  file: string;
  line: number;
}

/** The line of the node at `path` inside the object, falling back to the object's own line. */
export function lineOf(object: ManifestObject, path: NodePath): number {
  return object.position === null ? object.line : lineAt(object.position, path);
}

/**
 * Where the node at `path` was written: in the patch or values file that set it or one of its
 * parents, else in the object's own source.
 */
export function placeOf(object: ManifestObject, path: NodePath): { file: string; line: number } {
  const setBy = object.setBy?.findLast((field) => isPrefix(field.path, path));
  return setBy ? { file: setBy.file, line: setBy.line } : { file: object.file, line: lineOf(object, path) };
}

function isPrefix(prefix: NodePath, path: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => step === path[index]);
}

/** The namespace used to match references: objects without one are read as `default`. */
export function effectiveNamespace(object: { namespace: string | null }): string {
  return object.namespace ?? 'default';
}

/** `kind/namespace/name`, the key references resolve by. */
export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/** A readable name: `namespace/name` when a namespace is set, else `name`. */
export function displayName(object: { name: string; namespace: string | null }): string {
  return object.namespace ? `${object.namespace}/${object.name}` : object.name;
}

/** Whether the object's `ingress-advisor.io/ignore` annotation silences a rule. */
export function isIgnored(
  object: { annotations: Readonly<Record<string, string>> },
  ruleId: string,
): boolean {
  const value = object.annotations[IGNORE_ANNOTATION];
  if (value === undefined) return false;
  return value
    .split(',')
    .map((part) => part.trim())
    .some((part) => part === 'all' || part === ruleId);
}
