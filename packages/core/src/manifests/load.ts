/**
 * Loads manifest files into Kubernetes objects. Never throws: every file ends `analyzed`, `skipped`
 * (with a reason a user can act on) or `error` (with line and column), and whatever could be read
 * is kept.
 */
import { Buffer } from 'node:buffer';
import { posix } from 'node:path';
import { type Keep, pruneValue } from './keep.js';
import { isKustomizationFileName, isKustomizationObject } from './kustomize.js';
import type { ManifestObject, ObjectRef, PlacedField } from './objects.js';
import {
  type DocumentKind,
  type ParsedDocument,
  type ParseResult,
  parseYamlStream,
  Spellings,
  type YamlParser,
} from './parse-yaml.js';
import { entryOf, itemOf, KeyTable, lineOfPosition, type Position } from './positions.js';

/** Largest file we read: 8 MiB, well above Kubernetes' 1.5 MiB object limit, yet bounded. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** A file handed to the core: a path (for reports only) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export type FileStatus = 'analyzed' | 'skipped' | 'error';

/** What became of one input file. */
export interface FileResult {
  path: string;
  status: FileStatus;
  /** Why it was skipped or failed, or a note on how it was read. */
  reason?: string;
  /** Number of YAML documents read from it. */
  documents: number;
  /** Where the error is, for `error`. */
  line?: number;
  column?: number;
  /** How the file was read, when it is not a plain manifest. */
  role?: FileRole;
}

/** How a file was read, or why it was skipped. */
export type FileRole =
  | 'kustomization'
  | 'kustomize-resource'
  | 'helm-chart'
  | 'helm-values'
  | 'helm-template'
  | 'not-kubernetes'
  | 'excluded'
  | 'empty'
  | 'binary'
  | 'too-large';

/** A problem found while loading that belongs in the findings (not a reason to skip a file). */
export interface LoadProblem {
  kind: 'duplicate-key';
  file: string;
  line: number;
  key: string;
  object?: ObjectRef;
}

/** A Helm values file, kept for the rule that reads Service types from it. */
export interface HelmValuesFile {
  file: string;
  value: unknown;
  position: Position | null;
}

export interface LoadResult {
  files: FileResult[];
  objects: ManifestObject[];
  problems: LoadProblem[];
  helmValues: HelmValuesFile[];
}

interface ParsedFile {
  source: SourceFile;
  result: FileResult;
  documents: ParsedDocument[];
}

/** What the loader keeps of an object of a kind (see `readPlan`); by default, all of it. */
export type KeepOfKind = (apiVersion: string, kind: string) => Keep;

export interface LoadOptions {
  keepOfKind?: KeepOfKind;
  /** The YAML parser; ours by default (the differential test compares it with a reference). */
  parser?: YamlParser;
  /** Files to read as Helm values whatever their names (a chart's values set). */
  valuesFiles?: ReadonlySet<string>;
}

const KEEP_ALL: KeepOfKind = () => 'all';

/** Loads every file; see the module comment for what each status means. Each file is parsed once. */
export function loadManifests(sources: readonly SourceFile[], options: LoadOptions = {}): LoadResult {
  const keepOfKind = options.keepOfKind ?? KEEP_ALL;
  const parser = options.parser ?? parseYamlStream;
  // One table of position keys, and one of shared spellings, for every file.
  const keys = new KeyTable();
  const spellings = new Spellings();
  const parseFile = (source: SourceFile, keep: KeepOfKind): ParsedFile =>
    skipUnreadable(source) ??
    readParsed(source, parser(source.text, { keepOf: keepOfDocument(keep), keys, spellings }));
  const objects: ManifestObject[] = [];
  const problems: LoadProblem[] = [];
  const helmValues: HelmValuesFile[] = [];

  const files: FileResult[] = [];
  for (const source of sources) {
    const file = parseFile(source, keepOfKind);
    const { result } = file;
    files.push(result);
    if (result.status === 'skipped') continue;
    // By name once per file, then by kind per document. A kustomization in a folder is its own
    // deployment unit (units/discover.ts); one that reaches the loader alone (standard input, an
    // odd file name) builds nothing by itself, and its patches are not objects.
    if (
      isKustomizationFileName(source.path) ||
      file.documents.some((document) => isKustomizationObject(document.value))
    ) {
      result.status = 'skipped';
      result.role = 'kustomization';
      result.reason =
        'a Kustomize kustomization on its own: kustomize builds a folder whose kustomization file is named kustomization.yaml, kustomization.yml or Kustomization; analyse that folder, or pipe `kubectl kustomize DIR` in with `-`.';
      continue;
    }

    let found = 0;
    for (const document of file.documents) {
      const before = objects.length;
      collectObjects(document, source.path, objects, keepOfKind);
      found += objects.length - before;
      for (const duplicate of document.duplicateKeys) {
        // The object the key belongs to: the last one (of a List, say) starting before it.
        const owner = objects.slice(before).findLast((object) => object.line <= duplicate.line);
        problems.push({
          kind: 'duplicate-key',
          file: source.path,
          line: duplicate.line,
          key: duplicate.key,
          ...(owner ? { object: refOf(owner) } : {}),
        });
      }
    }
    if (found > 0 || result.status === 'error') continue;
    const valuesFile =
      isHelmValuesFile(source.path) || options.valuesFiles?.has(normalise(source.path)) === true;
    if (valuesFile && file.documents.some((d) => isPlainMapping(d.value))) {
      result.role = 'helm-values';
      result.reason = 'read as Helm values';
      for (const document of file.documents) {
        helmValues.push({ file: source.path, value: document.value, position: document.position });
      }
      continue;
    }
    result.status = 'skipped';
    result.role = 'not-kubernetes';
    result.reason = describeNonKubernetes(source.path, file.documents);
  }

  return { files, objects, problems, helmValues };
}

/**
 * What of a document to keep: of a Kubernetes object, what `keepOfKind` says; of a List, all (its
 * items are kept by their own kinds when collected); of anything else (kustomizations, Helm values,
 * files that are no manifests), all of it, for the loader reads them itself.
 */
function keepOfDocument(keepOfKind: KeepOfKind): (document: DocumentKind) => Keep {
  return ({ apiVersion, kind }) =>
    typeof apiVersion === 'string' &&
    typeof kind === 'string' &&
    apiVersion !== '' &&
    kind !== '' &&
    !kind.endsWith('List') &&
    !isKustomizationObject({ apiVersion, kind })
      ? keepOfKind(apiVersion, kind)
      : 'all';
}

function skippedFile(source: SourceFile, role: FileRole, reason: string): ParsedFile {
  return {
    source,
    result: { path: source.path, status: 'skipped', documents: 0, reason, role },
    documents: [],
  };
}

/** A file that is not text to parse (too large, binary, empty), as skipped; undefined otherwise. */
function skipUnreadable(source: SourceFile): ParsedFile | undefined {
  const { text } = source;
  if (utf8Length(text) > MAX_FILE_BYTES) {
    return skippedFile(
      source,
      'too-large',
      `larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for one file; split it or analyse the objects you need.`,
    );
  }
  if (looksBinary(text)) return skippedFile(source, 'binary', 'binary file, not YAML or JSON.');
  if (text.trim() === '') return skippedFile(source, 'empty', 'empty file.');
  return undefined;
}

/** What the parse of a file makes of it: its documents, or why it was skipped or failed. */
function readParsed(source: SourceFile, parsed: ParseResult): ParsedFile {
  const result: FileResult = { path: source.path, status: 'analyzed', documents: 0 };
  const { text } = source;
  const { documents, problem } = parsed;
  const kept = documents.filter((document) => document.value !== null && document.value !== undefined);
  result.documents = kept.length;
  if (problem !== undefined) {
    if (text.includes('{{')) {
      return skippedFile(
        source,
        'helm-template',
        'Helm template: it contains `{{ }}` and is not YAML until rendered. Run `helm template CHART | ingress-advisor analyze -` to analyse what it renders.',
      );
    }
    if (problem.foreignTags && !kept.some((document) => isKubernetesObject(document.value))) {
      return skippedFile(
        source,
        'not-kubernetes',
        `not a Kubernetes manifest: it uses custom YAML tags (${problem.message}).`,
      );
    }
    result.status = 'error';
    result.reason = `${problem.message} (line ${problem.line}, column ${problem.column})${kept.length > 0 ? `; the ${kept.length} other document(s) in the file were analysed` : ''}.`;
    result.line = problem.line;
    result.column = problem.column;
  }
  return { source, result, documents: kept };
}

function collectObjects(
  document: ParsedDocument,
  file: string,
  into: ManifestObject[],
  keepOfKind: KeepOfKind,
): void {
  const { value } = document;
  if (!isKubernetesObject(value)) return;
  if (isListOfItems(value)) {
    const { position } = document;
    value.items.forEach((item, index) => {
      if (!isKubernetesObject(item)) return;
      const itemPosition = position === null ? null : positionOfItem(position, index);
      const kept = pruneValue(item, keepOfKind(item.apiVersion, item.kind)) as KubernetesLike;
      into.push(toObject(kept, file, document.index, itemPosition));
    });
    return;
  }
  into.push(new LoadedObject(value, file, document.index, document.line, document.position));
}

/** A `kind: List` (or `ServiceList`, ...) with items, which count as objects. */
function isListOfItems(value: KubernetesLike): value is KubernetesLike & { items: unknown[] } {
  return value.kind.endsWith('List') && Array.isArray(value.items);
}

function positionOfItem(root: Position, index: number): Position {
  if (typeof root === 'number') return root;
  const items = entryOf(root, 'items')?.value;
  if (items === undefined || typeof items === 'number') return root.line;
  return itemOf(items, index) ?? items.line;
}

type KubernetesLike = Record<string, unknown> & { apiVersion: string; kind: string };

function isKubernetesObject(value: unknown): value is KubernetesLike {
  if (!isPlainMapping(value)) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string' && apiVersion !== '' && kind !== '';
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A loaded object: its identity read from its parsed values, and where its kept nodes are. */
class LoadedObject implements ManifestObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly setBy?: readonly PlacedField[];

  constructor(
    readonly raw: KubernetesLike,
    readonly file: string,
    readonly doc: number,
    readonly line: number,
    readonly position: Position | null,
    setBy?: readonly PlacedField[],
  ) {
    const metadata = isPlainMapping(raw.metadata) ? raw.metadata : {};
    this.apiVersion = raw.apiVersion;
    this.kind = raw.kind;
    const name = scalarText(metadata.name);
    const generateName = scalarText(metadata.generateName);
    this.name = name ?? (generateName === undefined ? '(unnamed)' : `${generateName}*`);
    this.namespace = scalarText(metadata.namespace) ?? null;
    this.annotations = stringEntries(metadata.annotations);
    this.labels = stringEntries(metadata.labels);
    if (setBy && setBy.length > 0) this.setBy = setBy;
  }
}

/**
 * An object a renderer placed in its source (see units/placed.ts), kept as `keepOfKind` says. Its
 * identity is read from its values, as for a parsed one.
 */
export function placedObject(
  value: Record<string, unknown> & { apiVersion: string; kind: string },
  where: {
    file: string;
    doc: number;
    line: number;
    position: Position | null;
    setBy?: readonly PlacedField[];
  },
  keepOfKind: KeepOfKind = KEEP_ALL,
): ManifestObject {
  const kept = pruneValue(value, keepOfKind(value.apiVersion, value.kind)) as KubernetesLike;
  return new LoadedObject(kept, where.file, where.doc, where.line, where.position, where.setBy);
}

/**
 * A name as a reader of the manifest sees it: `name: 12345` is the name 12345 (which Kubernetes
 * refuses, and the schema check reports); null, empty and collections are no name.
 */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Builds an object whose position is known. */
function toObject(
  value: KubernetesLike,
  file: string,
  doc: number,
  position: Position | null,
): ManifestObject {
  const line = position === null ? 1 : lineOfPosition(position);
  return new LoadedObject(value, file, doc, line, position);
}

const NO_ENTRIES: Readonly<Record<string, string>> = Object.freeze(Object.create(null));

/**
 * Keeps string values only: wrong types are reported by the schema check, not trusted here. The
 * common case (all strings) returns the mapping itself rather than a copy.
 */
function stringEntries(value: unknown): Readonly<Record<string, string>> {
  if (!isPlainMapping(value)) return NO_ENTRIES;
  let allStrings = true;
  for (const key in value) {
    if (typeof value[key] !== 'string') {
      allStrings = false;
      break;
    }
  }
  if (allStrings) return value as Record<string, string>;
  const entries: Record<string, string> = Object.create(null);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') entries[key] = entry;
  }
  return entries;
}

function refOf(object: ManifestObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace };
}

function normalise(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/'));
}

function isHelmValuesFile(path: string): boolean {
  return /^values(?:[-._][\w.-]*)?\.ya?ml$/i.test(posix.basename(normalise(path)));
}

/** UTF-8 size of a text, counted only when it could be over the cap (a UTF-16 unit is at most 3 bytes). */
function utf8Length(text: string): number {
  return text.length * 3 <= MAX_FILE_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
}

/** NUL bytes, or many replacement characters from a failed decode, in the first 8 KiB. */
function looksBinary(text: string): boolean {
  // Native searches, not a loop over characters: this runs on every file, once, before anything
  // has been optimised.
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  if (head.includes('\0')) return true;
  let replacements = 0;
  for (let at = head.indexOf('\uFFFD'); at !== -1 && replacements <= 8; at = head.indexOf('\uFFFD', at + 1)) {
    replacements++;
  }
  return replacements > 8;
}

/** A reason for a file without Kubernetes objects, naming what it looks like when we can tell. */
function describeNonKubernetes(path: string, documents: ParsedDocument[]): string {
  const first = documents[0]?.value;
  const keys = isPlainMapping(first) ? Object.keys(first) : [];
  const base = posix.basename(normalise(path));
  let what = '';
  if (keys.includes('jobs') && (keys.includes('on') || keys.includes('true')))
    what = 'a GitHub Actions workflow';
  else if (keys.includes('services') && !keys.includes('kind')) what = 'a Docker Compose file';
  else if (
    base === 'Chart.yaml' ||
    (keys.includes('name') && keys.includes('version') && keys.includes('apiVersion'))
  )
    what = 'a Helm Chart.yaml';
  else if (base.endsWith('.json')) what = 'JSON that is not a Kubernetes object';
  return what === ''
    ? 'no Kubernetes objects (no document has both apiVersion and kind).'
    : `no Kubernetes objects: looks like ${what}.`;
}
