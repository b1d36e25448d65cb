/**
 * Patches as kustomize applies them: `patchesStrategicMerge`, `patches` (strategic-merge or JSON
 * 6902, with a target or naming their object) and `patchesJson6902`, and the same from built-in
 * transformer configurations. Each field a patch sets is recorded on the object (setBy) with the
 * patch file and the line the field is written on; an inline patch's lines are the kustomization's.
 */
import { parseYamlStream } from '../../manifests/parse-yaml.js';
import { lineAt, type NodePath, type Position, positionAt } from '../../manifests/positions.js';
import { idEquals, idKey, idString } from './ids.js';
import { applyJsonPatch, asJsonPatch, JsonPatchError, type JsonPatchOperation } from './json-patch.js';
import { BuildError, isRemote, joinPath, RENDER_FOR_REAL } from './kustomization.js';
import { fieldSchema, itemSchema, schemaForType, strategicMerge } from './merge.js';
import type { MergeSchema } from './merge-schema.js';
import { readLikeKustomize } from './read.js';
import {
  currentId,
  forgetSetByUnder,
  idOfValue,
  isMap,
  type KMap,
  type KObject,
  locateSetBy,
  metadataOf,
  nameOf,
  namespaceOf,
  previousIds,
  type Resource,
  recordSetBy,
  relocateSetBy,
  scalarText,
  storePreviousId,
} from './resource.js';
import { describeTarget, readTarget, selectResources, type Target } from './selector.js';

/** What the patches need from the build. */
export interface PatchContext {
  /** Says what the build approximates. */
  note(message: string): void;
  /** A patch that does not apply: an error, or a note once the build is approximated. */
  failOrSkip(message: string): void;
  /** A file a kustomization refers to, in or below its directory. */
  readFile(host: PatchHost, relative: string, what: string): string;
}

/** Where a patch is written: a kustomization, or a transformer's configuration. */
export interface PatchHost {
  /** The directory patch paths are relative to: the kustomization's. */
  dir: string;
  file: string;
  lines: string[];
  position: Position | null;
  /** The line to point at when the position is unknown. */
  line?: number;
}

/** A patch document with what is needed to say where its fields are. */
export interface PatchDocument {
  value: unknown;
  position: Position | null;
  /** The patch file, or the kustomization for an inline patch. */
  file: string;
  /** The line in `file` of a line of the patch text (identity for a patch file). */
  line: (lineInPatch: number) => number;
}

export class Patcher {
  constructor(private readonly context: PatchContext) {}

  /** `patchesStrategicMerge` entries (file paths or inline YAML): each applied to the object its id names. */
  strategicMergeEntries(
    resources: Resource[],
    host: PatchHost,
    entries: unknown[],
    path: NodePath,
    forceInline = false,
  ): void {
    entries.forEach((entry, index) => {
      if (typeof entry !== 'string') {
        throw new BuildError(`patchesStrategicMerge entry ${index + 1} is not a string`);
      }
      const inline = forceInline || entry.includes('\n') || isMap(parseYamlStream(entry).documents[0]?.value);
      const documents = inline
        ? this.inlinePatchDocuments(host, forceInline ? path : [...path, index], entry, false)
        : this.filePatchDocuments(host, entry, 'patchesStrategicMerge');
      if (documents === undefined) return;
      for (const patch of this.strategicPatches(documents, inline ? '[inline patch]' : entry)) {
        const target = this.uniqueTarget(resources, patch);
        if (target !== undefined) this.applyStrategic(resources, [target], patch, {});
      }
    });
  }

  /** A `patches` entry (or a PatchTransformer): a strategic-merge or JSON 6902 patch, with a target or not. */
  patchEntry(resources: Resource[], host: PatchHost, entry: unknown, path: NodePath, what: string): void {
    if (!isMap(entry)) throw new BuildError(`${what} is not a mapping`);
    const text = typeof entry.patch === 'string' ? entry.patch.trim() : '';
    const file = typeof entry.path === 'string' ? entry.path : '';
    if (text === '' && file === '') throw new BuildError(`${what}: must specify one of patch and path`);
    if (text !== '' && file !== '')
      throw new BuildError(`${what}: patch and path can't be set at the same time`);
    const source = text !== '' ? `[patch: ${JSON.stringify(text)}]` : `[path: "${file}"]`;
    const documents =
      text !== ''
        ? this.inlinePatchDocuments(host, [...path, 'patch'], entry.patch as string, true)
        : this.filePatchDocuments(host, file, 'patches');
    if (documents === undefined) return;
    const target = readTarget(entry.target);
    const options = isMap(entry.options) ? entry.options : {};
    const kind = patchKind(documents);
    if (kind === 'both') throw new BuildError(`illegally qualifies as both an SM and JSON patch: ${source}`);
    if (kind === 'neither') throw new BuildError(`unable to parse SM or JSON patch from ${source}`);
    if (kind === 'json') {
      if (target === undefined) throw new BuildError(`must specify a target for JSON patch ${source}`);
      this.applyJson(resources, target, documents[0] as PatchDocument, true);
      return;
    }
    const patches = this.strategicPatches(documents, source);
    const flags = {
      allowNameChange: options.allowNameChange === true,
      allowKindChange: options.allowKindChange === true,
    };
    if (target !== undefined) {
      if (patches.length > 1) {
        throw new BuildError(
          `Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field: ${source}`,
        );
      }
      const patch = patches[0];
      if (patch === undefined) return;
      this.applyStrategic(resources, selectResources(resources, target), patch, flags, true);
      return;
    }
    for (const patch of patches) {
      const found = this.uniqueTarget(resources, patch);
      if (found !== undefined) this.applyStrategic(resources, [found], patch, flags);
    }
  }

  /** A `patchesJson6902` entry (or a PatchJson6902Transformer, whose inline operations are `jsonOp`). */
  json6902Entry(
    resources: Resource[],
    host: PatchHost,
    entry: unknown,
    path: NodePath,
    inlineField: 'patch' | 'jsonOp',
  ): void {
    if (!isMap(entry)) throw new BuildError('a patchesJson6902 entry is not a mapping');
    const target = readTarget(entry.target);
    if (target === undefined || target.name === '') throw new BuildError('must specify the target name');
    const inline = typeof entry[inlineField] === 'string' ? (entry[inlineField] as string) : '';
    const file = typeof entry.path === 'string' ? entry.path : '';
    if (inline === '' && file === '') throw new BuildError('empty file path and empty jsonOp');
    if (inline !== '' && file !== '') throw new BuildError('must specify a file path or jsonOp, not both');
    const documents =
      inline !== ''
        ? this.inlinePatchDocuments(host, [...path, inlineField], inline, false)
        : this.filePatchDocuments(host, file, 'patchesJson6902');
    if (documents === undefined) return;
    const document = documents[0];
    if (document === undefined || asJsonPatch(document.value) === undefined) {
      throw new BuildError(
        `${host.file}: the JSON 6902 patch ${file || '(inline)'} is not a list of operations`,
      );
    }
    this.applyJson(resources, target, document, false);
  }

  /** A patch file's documents; undefined (and a note) for a remote one, which is not read. */
  private filePatchDocuments(host: PatchHost, relative: string, field: string): PatchDocument[] | undefined {
    const kustomization = host;
    if (isRemote(relative)) {
      this.context.note(
        `${kustomization.file}: the ${field} file ${relative} is remote and is not applied; ${RENDER_FOR_REAL}.`,
      );
      return undefined;
    }
    let text: string;
    try {
      text = this.context.readFile(kustomization, relative, `${field} path`);
    } catch (error) {
      if (error instanceof BuildError) {
        throw new BuildError(`failed to get the patch file from path(${relative}): ${error.message}`);
      }
      throw error;
    }
    const file = joinPath(kustomization.dir, relative);
    return this.patchDocuments(text, file, (line) => line);
  }

  /**
   * An inline patch (a string in the kustomization). Its lines map to the kustomization's when it is
   * written as a literal block (`patch: |`) whose lines can be checked one by one; else every field
   * points at the entry.
   */
  private inlinePatchDocuments(
    host: PatchHost,
    path: NodePath,
    raw: string,
    trimmed: boolean,
  ): PatchDocument[] {
    const kustomization = host;
    const text = trimmed ? raw.trim() : raw;
    const entryLine = host.position === null ? (host.line ?? 1) : lineAt(host.position, path);
    const lead = trimmed ? (raw.slice(0, raw.length - raw.trimStart().length).match(/\n/g) ?? []).length : 0;
    // The entry's line is the key's (`patch: |`) or, for a list item, the block's first line.
    const isHeader = (lineText: string | undefined): boolean =>
      lineText !== undefined && /(^|[\s:-])\|[-+1-9]*\s*(#.*)?$/.test(lineText);
    const start = isHeader(kustomization.lines[entryLine - 1])
      ? entryLine + 1
      : isHeader(kustomization.lines[entryLine - 2])
        ? entryLine
        : undefined;
    const textLines = text.split('\n');
    const mapped =
      start !== undefined &&
      textLines.every((lineText, i) => {
        const written = kustomization.lines[start + lead + i - 1];
        return lineText.trim() === '' || (written !== undefined && written.trim() === lineText.trim());
      });
    const line = mapped ? (n: number) => (start as number) + lead + n - 1 : () => entryLine;
    return this.patchDocuments(text, kustomization.file, line);
  }

  private patchDocuments(text: string, file: string, line: (n: number) => number): PatchDocument[] {
    const { documents, problem } = parseYamlStream(text);
    if (problem !== undefined) {
      throw new BuildError(`${file}:${line(problem.line)}: the patch does not parse: ${problem.message}`);
    }
    const lines = text.split('\n');
    return documents
      .filter((document) => document.value !== null && document.value !== undefined)
      .map((document) => {
        if (document.position !== null) readLikeKustomize(document.value, document.position, lines, false);
        return { value: document.value, position: document.position, file, line };
      });
  }

  /** The objects of a strategic-merge patch; kustomize wants each to have a kind and a name. */
  private strategicPatches(documents: PatchDocument[], source: string): PatchDocument[] {
    const out: PatchDocument[] = [];
    for (const document of documents) {
      const value = document.value;
      if (!isMap(value)) throw new BuildError(`unable to parse SM or JSON patch from ${source}`);
      if (Object.keys(value).length === 0) continue;
      const kind = value.kind;
      if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
        value.items.forEach((item, i) => {
          out.push({
            ...document,
            value: item,
            position:
              document.position === null ? null : (positionAt(document.position, ['items', i]) ?? null),
          });
        });
        continue;
      }
      if (kind === undefined || kind === null || kind === '' || nameOf(value) === '') {
        throw new BuildError(
          `unable to parse SM or JSON patch from ${source}: missing kind or metadata.name`,
        );
      }
      out.push(document);
    }
    return out;
  }

  /** The one object a targetless strategic-merge patch names (by any id it had). */
  private uniqueTarget(resources: Resource[], patch: PatchDocument): Resource | undefined {
    const id = idOfValue(patch.value as KMap);
    const matches = resources.filter((resource) =>
      [...previousIds(resource), currentId(resource)].some((other) => idEquals(id, other)),
    );
    if (matches.length === 1) return matches[0] as Resource;
    const what = matches.length === 0 ? 'no matches' : 'multiple matches';
    this.context.failOrSkip(
      `no resource matches strategic merge patch "${idString(id)}" (${patch.file}): ${what} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`,
    );
    return undefined;
  }

  private applyStrategic(
    resources: Resource[],
    targets: Resource[],
    patch: PatchDocument,
    flags: { allowNameChange?: boolean; allowKindChange?: boolean },
    fromTarget = false,
  ): void {
    const patchValue = patch.value as KMap;
    for (const resource of targets) {
      const index = resources.indexOf(resource);
      if (index < 0) continue;
      const copy = structuredClone(patchValue);
      if (fromTarget) copy.apiVersion = resource.value.apiVersion;
      const name = nameOf(resource.value);
      const namespace = namespaceOf(resource.value);
      const kind = resource.value.kind;
      if (flags.allowNameChange || flags.allowKindChange) storePreviousId(resource);
      const locators = locateSetBy(resource);
      const before = collections(resource.value);
      const merged = strategicMerge(resource.value, copy);
      if (merged === undefined) {
        resources.splice(index, 1);
        continue;
      }
      resource.value = merged as KObject;
      if (!flags.allowKindChange) resource.value.kind = kind;
      if (!flags.allowNameChange) metadataOf(resource.value).name = name;
      if (namespace !== '') metadataOf(resource.value).namespace = namespace;
      else if (isMap(resource.value.metadata)) delete resource.value.metadata.namespace;
      relocateSetBy(resource, locators);
      this.recordStrategic(
        resource,
        patch,
        patchValue,
        resource.value,
        [],
        [],
        schemaForType(resource.value.apiVersion, resource.value.kind),
        before,
        [],
      );
    }
    const seen = new Set<string>();
    for (const resource of resources) {
      const id = currentId(resource);
      const key = idKey(id);
      if (seen.has(key))
        throw new BuildError(`may not add resource with an already registered id: ${idString(id)}`);
      seen.add(key);
    }
  }

  /** Records the fields a strategic-merge patch set, at their lines in the patch. */
  private recordStrategic(
    resource: Resource,
    patch: PatchDocument,
    patchNode: unknown,
    resultNode: unknown,
    patchPath: Array<string | number>,
    resultPath: Array<string | number>,
    schema: MergeSchema | undefined,
    before: Set<unknown>,
    mergeKeys: string[],
  ): void {
    if (isMap(patchNode)) {
      if (!isMap(resultNode)) return;
      for (const [key, value] of Object.entries(patchNode)) {
        if (key === '$patch' || value === null || !Object.hasOwn(resultNode, key)) continue;
        // The keys of a list item that was there already name it; they set nothing.
        if (mergeKeys.includes(key) && before.has(resultNode)) continue;
        if (resultPath.length === 0 && (key === 'apiVersion' || key === 'kind')) continue;
        if (
          resultPath.length === 1 &&
          resultPath[0] === 'metadata' &&
          (key === 'name' || key === 'namespace')
        )
          continue;
        this.recordStrategic(
          resource,
          patch,
          value,
          resultNode[key],
          [...patchPath, key],
          [...resultPath, key],
          fieldSchema(schema, key),
          before,
          [],
        );
      }
      return;
    }
    if (Array.isArray(patchNode)) {
      if (!Array.isArray(resultNode)) return;
      const keys = schema?.merge;
      let position = 0;
      patchNode.forEach((item, i) => {
        if (isMap(item) && Object.hasOwn(item, '$patch')) return;
        let found = -1;
        if (keys === undefined) found = position;
        else if (keys.length > 0 && isMap(item)) {
          const present = keys.filter((key) => Object.hasOwn(item, key));
          found =
            present.length === 0
              ? -1
              : resultNode.findIndex(
                  (candidate) =>
                    isMap(candidate) &&
                    present.every((key) => scalarText(candidate[key]) === scalarText(item[key])),
                );
        } else {
          found = resultNode.findIndex(
            (candidate) => typeof candidate !== 'object' && scalarText(candidate) === scalarText(item),
          );
        }
        position++;
        if (found < 0 || found >= resultNode.length) return;
        this.recordStrategic(
          resource,
          patch,
          item,
          resultNode[found],
          [...patchPath, i],
          [...resultPath, found],
          itemSchema(schema),
          before,
          keys ?? [],
        );
      });
      return;
    }
    // Only what the patch's value became (kyaml's merge loses some, e.g. list items it cannot key).
    if (patch.position === null || resultNode !== patchNode) return;
    recordSetBy(resource, resultPath, patch.file, patch.line(lineAt(patch.position, patchPath)));
  }

  private applyJson(resources: Resource[], target: Target, patch: PatchDocument, storeIds: boolean): void {
    const operations = asJsonPatch(patch.value) as JsonPatchOperation[];
    const selected = selectResources(resources, target);
    for (const resource of selected) {
      if (storeIds) storePreviousId(resource);
      // kustomize keeps its build bookkeeping (previous names, prefixes, generator options) in
      // annotations while it builds: an object that has some has an annotations map a JSON patch
      // can add to, even when none was written.
      const bookkeeping =
        resource.previous.length > 0 ||
        resource.prefixes.length > 0 ||
        resource.suffixes.length > 0 ||
        resource.behavior !== undefined;
      if (bookkeeping) {
        const metadata = metadataOf(resource.value);
        if (!isMap(metadata.annotations)) metadata.annotations = {};
      }
      const locators = locateSetBy(resource);
      try {
        // Tried on a copy first: a patch that fails half-way leaves the object as it was.
        applyJsonPatch(structuredClone(resource.value), operations);
      } catch (error) {
        if (!(error instanceof JsonPatchError)) throw error;
        this.context.failOrSkip(
          `${patch.file}: the JSON patch for ${describeTarget(target)} does not apply to ${idString(currentId(resource))}: ${error.message}`,
        );
        continue;
      }
      const writes = applyJsonPatch(resource.value, operations);
      relocateSetBy(resource, locators);
      for (const write of writes) {
        forgetSetByUnder(resource, write.path);
        if (patch.position === null) continue;
        const base: Array<string | number> = [write.operation, write.source];
        recordSetBy(resource, write.path, patch.file, patch.line(lineAt(patch.position, base)));
        if (write.source === 'value') {
          const operation = operations[write.operation] as JsonPatchOperation;
          recordLeaves(operation.value, [], (sub) => {
            if (sub.length === 0) return;
            recordSetBy(
              resource,
              [...write.path, ...sub],
              patch.file,
              patch.line(lineAt(patch.position as Position, [...base, ...sub])),
            );
          });
        }
      }
    }
  }
}

/** The mappings and lists of a value, by identity. */
function collections(value: unknown, into = new Set<unknown>()): Set<unknown> {
  if (Array.isArray(value)) {
    into.add(value);
    for (const item of value) collections(item, into);
  } else if (isMap(value)) {
    into.add(value);
    for (const item of Object.values(value)) collections(item, into);
  }
  return into;
}

/** Calls `visit` with the path of each scalar under `value`. */
function recordLeaves(
  value: unknown,
  path: Array<string | number>,
  visit: (path: Array<string | number>) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      recordLeaves(item, [...path, i], visit);
    });
  } else if (isMap(value)) {
    for (const [key, item] of Object.entries(value)) recordLeaves(item, [...path, key], visit);
  } else visit(path);
}

/** Whether a patch's documents make a strategic-merge patch, a JSON 6902 patch, both or neither. */
function patchKind(documents: PatchDocument[]): 'strategic' | 'json' | 'both' | 'neither' {
  const json = documents.length > 0 && asJsonPatch(documents[0]?.value) !== undefined;
  const strategic = documents.every((document) => {
    const value = document.value;
    if (!isMap(value)) return false;
    if (Object.keys(value).length === 0) return true;
    const kind = value.kind;
    if (typeof kind !== 'string' || kind === '') return false;
    return kind.endsWith('List') || nameOf(value) !== '';
  });
  if (json && strategic) return 'both';
  if (json) return 'json';
  if (strategic && documents.length > 0) return 'strategic';
  return 'neither';
}
