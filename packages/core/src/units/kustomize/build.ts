/**
 * A built-in approximation of `kustomize build DIR`, pure: the files of the tree in, the objects it
 * deploys out, each placed at the file (document, line) it comes from, with the fields patches set
 * pointing at the patch. It follows kustomize v5.6's order of work: resources (files and
 * kustomization directories, recursively), `configurations`, generators, components, then the
 * transformers (patches, namespace, prefix and suffix, labels, annotations, JSON 6902 patches,
 * replicas, images, then the built-in transformers configured in `transformers`), and at the end
 * content hashes, name references and the legacy sort. What it cannot do (Helm charts, remote
 * resources, plugins other than kustomize's built-in ones, replacements, vars, CRD schemas...)
 * makes the result `approximated`, with one message each saying what is missing.
 */
import { parseYamlStream } from '../../manifests/parse-yaml.js';
import { lineAt, type Position, positionAt } from '../../manifests/positions.js';
import type { PlacedObject, RenderResult } from '../placed.js';
import { FieldSpecError } from './fieldspec.js';
import {
  type GeneratorArgs,
  GeneratorError,
  generate,
  inputPaths,
  readGeneratorArgs,
  readOptions,
} from './generators.js';
import { nameHash } from './hash.js';
import { idEquals, idKey, idString } from './ids.js';
import { JsonPatchError } from './json-patch.js';
import {
  BuildError,
  isRemote,
  isWithin,
  joinPath,
  KUSTOMIZATION_FILE_NAMES,
  type Kustomization,
  parseKustomization,
  RENDER_FOR_REAL,
} from './kustomization.js';
import { MergeError } from './merge.js';
import { fixNameReferences, NameReferenceError } from './nameref.js';
import { sortResources } from './order.js';
import { Patcher, type PatchHost } from './patches.js';
import { dropFinalLineBreak, readLikeKustomize } from './read.js';
import {
  annotationsOf,
  currentId,
  isMap,
  type KMap,
  type KObject,
  labelsOf,
  locateSetBy,
  metadataOf,
  nameOf,
  namespaceOf,
  type Origin,
  previousIds,
  type Resource,
  relocateSetBy,
  scalarText,
  setName,
  storePreviousId,
} from './resource.js';
import { SelectorError } from './selector.js';
import {
  defaultConfig,
  type FieldSpec,
  mergeConfigs,
  parseTransformerConfig,
  type TransformerConfig,
  toFieldSpec,
} from './specs.js';
import {
  applyAnnotations,
  applyImage,
  applyLabels,
  applyNameAffix,
  applyNamespace,
  applyReplicas,
  applyStringMap,
  type ImageEntry,
  type LabelsEntry,
  TransformError,
} from './transformers.js';

export interface BuildOptions {
  /** Deepest chain of kustomizations followed through resources and components (default 40). */
  maxDepth?: number;
  /** Most objects one build may hold (default 50,000). */
  maxObjects?: number;
}

/**
 * Builds the kustomization in `root` (a directory, relative and posix like the keys of `files`; `.`
 * for the top) from the texts of the tree's files. Never throws: a build kustomize would refuse is
 * an `error` result saying why.
 */
export function buildKustomization(
  root: string,
  files: ReadonlyMap<string, string>,
  options: BuildOptions = {},
): RenderResult {
  const builder = new Builder(files, options);
  try {
    const objects = builder.build(joinPath('.', root));
    const messages = builder.notes();
    return { objects, status: messages.length > 0 ? 'approximated' : 'rendered', messages };
  } catch (error) {
    const known =
      error instanceof BuildError ||
      error instanceof MergeError ||
      error instanceof JsonPatchError ||
      error instanceof TransformError ||
      error instanceof NameReferenceError ||
      error instanceof SelectorError ||
      error instanceof GeneratorError ||
      error instanceof FieldSpecError;
    const message = error instanceof Error ? error.message : String(error);
    return {
      objects: [],
      status: 'error',
      messages: [known ? message : `the built-in kustomize renderer failed: ${message}`, ...builder.notes()],
    };
  }
}

/** What building a kustomization gives: its objects, and the transformer configuration it used. */
interface Accumulator {
  resources: Resource[];
  config: TransformerConfig;
}

/** A plugin configuration a kustomization lists in `transformers` or `generators`. */
interface PluginConfig extends PatchHost {
  value: KMap;
}

/** Runs a transformer, turning the errors it may raise into build errors that name the file. */
function wrapErrors(file: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (
      error instanceof TransformError ||
      error instanceof FieldSpecError ||
      error instanceof SelectorError ||
      error instanceof MergeError ||
      error instanceof JsonPatchError
    ) {
      throw new BuildError(`${file}: ${error.message}`);
    }
    throw error;
  }
}

function imageEntry(image: KMap): ImageEntry {
  return {
    name: textOf(image.name),
    newName: textOf(image.newName),
    newTag: textOf(image.newTag),
    digest: textOf(image.digest),
    tagSuffix: textOf(image.tagSuffix),
  };
}

class Builder {
  private readonly patcher = new Patcher({
    note: (message) => this.note(message),
    failOrSkip: (message) => this.failOrSkip(message),
    readFile: (host, relative, what) => this.readFile(host, relative, what),
  });
  private readonly files: Map<string, string>;
  private readonly directories = new Set<string>();
  private readonly maxDepth: number;
  private readonly maxObjects: number;
  private readonly messages: string[] = [];
  private readonly kustomizations = new Map<string, Kustomization>();

  constructor(files: ReadonlyMap<string, string>, options: BuildOptions) {
    this.files = new Map();
    for (const [path, text] of files) {
      const normalized = joinPath('.', path);
      this.files.set(normalized, text);
      let dir = normalized;
      for (let slash = dir.lastIndexOf('/'); slash > 0; slash = dir.lastIndexOf('/')) {
        dir = dir.slice(0, slash);
        this.directories.add(dir);
      }
      this.directories.add('.');
    }
    this.maxDepth = options.maxDepth ?? 40;
    this.maxObjects = options.maxObjects ?? 50_000;
  }

  notes(): string[] {
    return [...this.messages];
  }

  private note(message: string): void {
    if (!this.messages.includes(message)) this.messages.push(message);
  }

  build(root: string): PlacedObject[] {
    const kustomization = this.load(root);
    const accumulated = this.accumulate(root, [root]);
    let resources = accumulated.resources;
    for (const resource of resources) {
      if (!resource.needsHash) continue;
      const hash = nameHash(resource.value);
      storePreviousId(resource);
      setName(resource.value, `${nameOf(resource.value)}-${hash}`);
    }
    fixNameReferences(resources, accumulated.config.nameReference);
    resources = resources.filter((resource) => {
      const local = annotationsOf(resource.value)['config.kubernetes.io/local-config'];
      return local === undefined || local === 'false';
    });
    resources = sortResources(resources, kustomization.value.sortOptions);
    return resources.map((resource) => this.placed(resource));
  }

  private placed(resource: Resource): PlacedObject {
    const value = resource.value;
    const metadata = value.metadata;
    if (isMap(metadata)) {
      const annotations = metadata.annotations;
      if (annotations === null || (isMap(annotations) && Object.keys(annotations).length === 0)) {
        delete metadata.annotations;
      }
    }
    if (typeof value.apiVersion !== 'string') {
      this.note(`${resource.origin.file}: the object ${nameOf(value)} has no apiVersion.`);
    }
    const placed: PlacedObject = {
      value,
      file: resource.origin.file,
      doc: resource.origin.doc,
      line: resource.origin.line,
      position: resource.origin.position,
    };
    const locators = locateSetBy(resource);
    relocateSetBy(resource, locators);
    if (resource.setBy.length > 0) placed.setBy = resource.setBy;
    return placed;
  }

  private load(dir: string): Kustomization {
    const cached = this.kustomizations.get(dir);
    if (cached !== undefined) return cached;
    const found = KUSTOMIZATION_FILE_NAMES.map((name) => joinPath(dir, name)).filter((file) =>
      this.files.has(file),
    );
    if (found.length === 0) {
      throw new BuildError(
        `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`,
      );
    }
    if (found.length > 1) throw new BuildError(`Found multiple kustomization files under: ${dir}`);
    const file = found[0] as string;
    const { kustomization, notes } = parseKustomization(dir, file, this.files.get(file) as string);
    for (const note of notes) this.note(note);
    this.kustomizations.set(dir, kustomization);
    return kustomization;
  }

  /** kustomize's accumulateTarget: a kustomization's resources, generators, components, transformers. */
  private accumulate(dir: string, chain: string[], inherited?: Accumulator): Accumulator {
    if (chain.length > this.maxDepth) {
      throw new BuildError(`kustomizations nest deeper than ${this.maxDepth} levels (${chain.join(' -> ')})`);
    }
    const kustomization = this.load(dir);
    const value = kustomization.value;
    const accumulator: Accumulator = inherited ?? { resources: [], config: defaultConfig() };
    const resources = accumulator.resources;
    const listed = [...stringList(value.resources), ...stringList(value.bases)];
    for (const entry of listed) this.accumulateResource(accumulator, kustomization, entry, chain);
    accumulator.config = mergeConfigs(accumulator.config, this.configurations(kustomization));
    this.runGenerators(resources, kustomization, chain);
    for (const entry of stringList(value.components)) {
      this.accumulateComponent(accumulator, kustomization, entry, chain);
    }
    this.runTransformers(resources, kustomization, chain, accumulator.config);
    return accumulator;
  }

  /** The transformer configurations (`configurations`) a kustomization adds to the defaults. */
  private configurations(kustomization: Kustomization): TransformerConfig {
    let config = defaultConfig();
    for (const entry of stringList(kustomization.value.configurations)) {
      if (isRemote(entry)) {
        this.note(
          `${kustomization.file}: the transformer configuration ${entry} is remote and is not read, so only the built-in field specs are used; ${RENDER_FOR_REAL}.`,
        );
        continue;
      }
      const text = this.readFile(kustomization, entry, 'configurations');
      const { documents, problem } = parseYamlStream(text);
      if (problem !== undefined) {
        throw new BuildError(
          `${joinPath(kustomization.dir, entry)}:${problem.line}: the YAML does not parse: ${problem.message}`,
        );
      }
      for (const document of documents) config = mergeConfigs(config, parseTransformerConfig(document.value));
    }
    return config;
  }

  private accumulateResource(
    accumulator: Accumulator,
    kustomization: Kustomization,
    entry: string,
    chain: string[],
  ): void {
    const { file, dir } = kustomization;
    if (entry.startsWith('/')) {
      throw new BuildError(
        `accumulating resources from '${entry}' (${file}): an absolute path cannot be read`,
      );
    }
    const path = joinPath(dir, entry);
    if (this.files.has(path)) {
      if (!isWithin(path, dir)) {
        throw new BuildError(
          `accumulating resources from '${entry}' (${file}): security; file '${path}' is not in or below '${dir}'`,
        );
      }
      this.appendAll(accumulator.resources, this.readResources(path), file);
      return;
    }
    if (isRemote(entry)) {
      this.note(
        `${file} lists the remote resource ${entry}: the built-in renderer reads local files only, so its objects are missing; ${RENDER_FOR_REAL}.`,
      );
      return;
    }
    if (this.directories.has(path)) {
      this.checkCycle(path, chain, file, entry);
      const sub = this.load(path);
      if (sub.kind === 'Component') {
        throw new BuildError(
          `accumulating resources from '${entry}' (${file}): expected kind != 'Component' for path '${path}'`,
        );
      }
      const built = this.accumulate(path, [...chain, path]);
      this.appendAll(accumulator.resources, built.resources, file);
      accumulator.config = mergeConfigs(accumulator.config, built.config);
      return;
    }
    throw new BuildError(
      `accumulating resources from '${entry}' (${file}): no such file or directory '${path}' in the analysed files`,
    );
  }

  private accumulateComponent(
    accumulator: Accumulator,
    kustomization: Kustomization,
    entry: string,
    chain: string[],
  ): void {
    const { file, dir } = kustomization;
    if (isRemote(entry)) {
      this.note(
        `${file} lists the remote component ${entry}: the built-in renderer reads local files only, so what it adds or changes is missing; ${RENDER_FOR_REAL}.`,
      );
      return;
    }
    const path = joinPath(dir, entry);
    if (!this.directories.has(path)) {
      throw new BuildError(
        `accumulating components from '${entry}' (${file}): '${path}' is not a directory of the analysed files`,
      );
    }
    this.checkCycle(path, chain, file, entry);
    const sub = this.load(path);
    if (sub.kind !== 'Component') {
      throw new BuildError(
        `accumulating components from '${entry}' (${file}): expected kind 'Component' for path '${path}' but got '${sub.kind}'`,
      );
    }
    this.accumulate(path, [...chain, path], accumulator);
  }

  private checkCycle(candidate: string, chain: string[], file: string, entry: string): void {
    for (const visited of chain) {
      if (candidate === '.' || visited === candidate || visited.startsWith(`${candidate}/`)) {
        throw new BuildError(
          `accumulating '${entry}' (${file}): cycle detected: candidate root '${candidate}' contains visited root '${visited}'`,
        );
      }
    }
  }

  private appendAll(resources: Resource[], added: Resource[], file: string): void {
    const registered = new Set(resources.map((resource) => idKey(currentId(resource))));
    for (const resource of added) {
      const id = currentId(resource);
      const key = idKey(id);
      if (registered.has(key)) {
        throw new BuildError(`${file}: may not add resource with an already registered id: ${idString(id)}`);
      }
      registered.add(key);
      resources.push(resource);
      if (resources.length > this.maxObjects) {
        throw new BuildError(`the build holds more than ${this.maxObjects} objects; refusing to go on`);
      }
    }
  }

  /** The objects of a resource file, each a fresh copy placed at its document. */
  private readResources(file: string): Resource[] {
    const text = this.files.get(file) as string;
    const { documents, problem } = parseYamlStream(text);
    if (problem !== undefined) {
      throw new BuildError(`${file}:${problem.line}: the YAML does not parse: ${problem.message}`);
    }
    const lines = text.split('\n');
    const last = documents[documents.length - 1];
    if (last !== undefined && last.position !== null && text !== '' && !text.endsWith('\n')) {
      dropFinalLineBreak(last.value, last.position, lines);
    }
    const out: Resource[] = [];
    for (const document of documents) {
      const value = document.value;
      if (value === null || value === undefined || (isMap(value) && Object.keys(value).length === 0))
        continue;
      const add = (object: unknown, position: Position | null, line: number): void => {
        if (!isMap(object)) {
          throw new BuildError(
            `${file}:${line}: expected a Kubernetes object (a mapping), found something else`,
          );
        }
        const kind = object.kind;
        if (kind === undefined || kind === null || kind === '') {
          throw new BuildError(`${file}:${line}: missing kind in object`);
        }
        const items = object.items;
        if (typeof kind === 'string' && kind.endsWith('List') && Object.hasOwn(object, 'items')) {
          if (items === null) return;
          if (!Array.isArray(items)) throw new BuildError(`${file}:${line}: expected array in ${kind}/items`);
          items.forEach((item, i) => {
            const itemPosition = position === null ? null : (positionAt(position, ['items', i]) ?? null);
            add(item, itemPosition, position === null ? line : lineAt(position, ['items', i]));
          });
          return;
        }
        if (!(typeof kind === 'string' && kind.endsWith('List')) && nameOf(object) === '') {
          throw new BuildError(`${file}:${line}: missing metadata.name in object of kind ${String(kind)}`);
        }
        const copy = structuredClone(object) as KObject;
        if (position !== null) readLikeKustomize(copy, position, lines, true);
        out.push(newResource(copy, { file, doc: document.index, line, position }));
      };
      add(value, document.position, document.line);
    }
    return out;
  }

  /** Reads a file a kustomization refers to (patch, generator input): it must be in or below its directory. */
  private readFile(kustomization: PatchHost, relative: string, what: string): string {
    const path = joinPath(kustomization.dir, relative);
    if (!isWithin(path, kustomization.dir)) {
      throw new BuildError(
        `${kustomization.file}: ${what} '${relative}': security; file '${path}' is not in or below '${kustomization.dir}'`,
      );
    }
    const text = this.files.get(path);
    if (text === undefined) {
      throw new BuildError(
        `${kustomization.file}: ${what} '${relative}': no such file '${path}' in the analysed files`,
      );
    }
    return text;
  }

  private runGenerators(resources: Resource[], kustomization: Kustomization, chain: string[]): void {
    const value = kustomization.value;
    const global = readOptions(value.generatorOptions);
    for (const [field, kind] of [
      ['configMapGenerator', 'ConfigMap'],
      ['secretGenerator', 'Secret'],
    ] as const) {
      const entries = value[field];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, index) => {
        const args = readGeneratorArgs(entry, kind, global);
        const line = kustomization.position === null ? 1 : lineAt(kustomization.position, [field, index]);
        this.generateOne(
          resources,
          kustomization,
          args,
          { file: kustomization.file, doc: kustomization.doc, line },
          field,
        );
      });
    }
    for (const config of this.pluginConfigs(kustomization, 'generators', chain)) {
      const kind = textOf(config.value.kind);
      if (
        textOf(config.value.apiVersion) === 'builtin' &&
        (kind === 'ConfigMapGenerator' || kind === 'SecretGenerator')
      ) {
        const args = readGeneratorArgs(
          config.value,
          kind === 'ConfigMapGenerator' ? 'ConfigMap' : 'Secret',
          undefined,
        );
        this.generateOne(
          resources,
          config,
          args,
          { file: config.file, doc: 0, line: config.line ?? 1 },
          kind,
        );
      } else {
        this.note(
          `${config.file}: the generator plugin ${textOf(config.value.apiVersion)}/${kind} is not run (the built-in renderer runs kustomize's built-in ConfigMap and Secret generators only), so what it makes is missing; ${RENDER_FOR_REAL}.`,
        );
      }
    }
  }

  private generateOne(
    resources: Resource[],
    host: PatchHost,
    args: GeneratorArgs,
    at: { file: string; doc: number; line: number },
    what: string,
  ): void {
    const remote = inputPaths(args).filter(isRemote);
    if (remote.length > 0) {
      this.note(
        `${host.file}: the ${args.kind} generator ${args.name} reads ${remote.join(', ')} over the network, so the ${args.kind} is missing; ${RENDER_FOR_REAL}.`,
      );
      return;
    }
    let object: KObject;
    try {
      object = generate(args, (path) => {
        const text = this.readFile(host, path, `${what} ${args.name}`);
        if (!text.includes('\uFFFD')) return text;
        // Not UTF-8: kustomize would put its bytes, base64, in binaryData; the text here lost them.
        this.note(
          `${host.file}: the ${args.kind} generator ${args.name} reads ${path}, which is not text: the built-in renderer leaves it out (and the name's hash differs); ${RENDER_FOR_REAL}.`,
        );
        return undefined;
      });
    } catch (error) {
      if (error instanceof GeneratorError) throw new GeneratorError(`${host.file}: ${error.message}`);
      throw error;
    }
    const resource = newResource(object, { ...at, position: null });
    resource.needsHash = args.options?.disableNameSuffixHash !== true;
    resource.behavior = args.behavior || 'create';
    this.absorb(resources, resource, host.file);
  }

  /** kustomize's appendReplaceOrMerge, for generated objects and their `behavior`. */
  private absorb(resources: Resource[], resource: Resource, file: string): void {
    const id = currentId(resource);
    const matches = resources.filter((other) =>
      [...previousIds(other), currentId(other)].some((otherId) => idEquals(id, otherId)),
    );
    const behavior = resource.behavior;
    if (matches.length === 0) {
      if (behavior === 'merge' || behavior === 'replace') {
        throw new BuildError(`${file}: id ${idString(id)} does not exist; cannot merge or replace`);
      }
      this.appendAll(resources, [resource], file);
      return;
    }
    if (matches.length > 1) {
      throw new BuildError(`${file}: found multiple objects that could accept merge of ${idString(id)}`);
    }
    const old = matches[0] as Resource;
    if (behavior !== 'merge' && behavior !== 'replace') {
      throw new BuildError(`${file}: id ${idString(id)} exists; behavior must be merge or replace`);
    }
    const value = resource.value;
    const metadata = metadataOf(value);
    const labels = { ...labelsOf(old.value), ...labelsOf(value) };
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    else delete metadata.labels;
    const annotations = { ...annotationsOf(old.value), ...annotationsOf(value) };
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
    metadata.name = nameOf(old.value);
    const namespace = namespaceOf(old.value);
    if (namespace !== '') metadata.namespace = namespace;
    else delete metadata.namespace;
    // kustomize keeps the old object's build annotations: it needs a hash only if both do.
    resource.needsHash = old.needsHash && resource.needsHash;
    resource.behavior = old.behavior;
    resource.previous = [...old.previous];
    resource.prefixes = [...old.prefixes];
    resource.suffixes = [...old.suffixes];
    if (behavior === 'merge') {
      for (const field of ['data', 'binaryData']) {
        const merged = {
          ...(isMap(old.value[field]) ? old.value[field] : {}),
          ...(isMap(value[field]) ? value[field] : {}),
        };
        if (Object.keys(merged).length > 0) value[field] = merged;
        else delete value[field];
      }
      resource.origin = old.origin;
      resource.setBy = old.setBy;
    }
    resources[resources.indexOf(old)] = resource;
  }

  private runTransformers(
    resources: Resource[],
    kustomization: Kustomization,
    chain: string[],
    config: TransformerConfig,
  ): void {
    const value = kustomization.value;
    const wrap = (run: () => void): void => wrapErrors(kustomization.file, run);
    wrap(() => {
      const entries = value.patchesStrategicMerge;
      if (Array.isArray(entries))
        this.patcher.strategicMergeEntries(resources, kustomization, entries, ['patchesStrategicMerge']);
    });
    wrap(() => {
      const entries = value.patches;
      if (!Array.isArray(entries)) return;
      entries.forEach((entry, index) => {
        this.patcher.patchEntry(
          resources,
          kustomization,
          entry,
          ['patches', index],
          `patches entry ${index + 1}`,
        );
      });
    });
    wrap(() =>
      applyNamespace(resources, textOf(value.namespace), {
        specs: config.namespace,
        unsetOnly: false,
        subjects: 'defaultOnly',
      }),
    );
    wrap(() => applyNameAffix(resources, textOf(value.namePrefix), 'prefix', config.namePrefix));
    wrap(() => applyNameAffix(resources, textOf(value.nameSuffix), 'suffix', config.nameSuffix));
    wrap(() => applyLabels(resources, labelsEntries(value.labels), stringRecord(value.commonLabels), config));
    wrap(() => applyAnnotations(resources, stringRecord(value.commonAnnotations), config));
    wrap(() => {
      const entries = value.patchesJson6902;
      if (!Array.isArray(entries)) return;
      entries.forEach((entry, index) => {
        this.patcher.json6902Entry(resources, kustomization, entry, ['patchesJson6902', index], 'patch');
      });
    });
    wrap(() => {
      for (const replica of Array.isArray(value.replicas) ? value.replicas : []) {
        if (!isMap(replica)) continue;
        applyReplicas(resources, textOf(replica.name), Number(replica.count ?? 0), config.replicas);
      }
    });
    wrap(() => {
      const images = [
        ...(Array.isArray(value.images) ? value.images : []),
        ...(Array.isArray(value.imageTags) ? value.imageTags : []),
      ];
      for (const image of images) if (isMap(image)) applyImage(resources, imageEntry(image), config.images);
    });
    for (const config of this.pluginConfigs(kustomization, 'transformers', chain)) {
      wrapErrors(config.file, () => this.builtinTransformer(resources, config));
    }
  }

  /**
   * The plugin configurations a kustomization's `transformers` (or `generators`) lists: inline YAML,
   * files, or directories holding a kustomization that makes them.
   */
  private pluginConfigs(
    kustomization: Kustomization,
    field: 'transformers' | 'generators',
    chain: string[],
  ): PluginConfig[] {
    const entries = kustomization.value[field];
    if (!Array.isArray(entries)) return [];
    const configs: PluginConfig[] = [];
    entries.forEach((entry, index) => {
      if (typeof entry !== 'string')
        throw new BuildError(`${kustomization.file}: ${field} entries must be strings`);
      const inline = entry.includes('\n') ? parseYamlStream(entry) : undefined;
      if (inline !== undefined && inline.problem === undefined) {
        const entryLine =
          kustomization.position === null ? 1 : lineAt(kustomization.position, [field, index]);
        for (const document of inline.documents) {
          if (!isMap(document.value)) continue;
          configs.push({
            value: document.value,
            file: kustomization.file,
            dir: kustomization.dir,
            lines: kustomization.lines,
            position: null,
            line: entryLine,
          });
        }
        return;
      }
      const path = joinPath(kustomization.dir, entry);
      if (this.files.has(path)) {
        const text = this.files.get(path) as string;
        const { documents, problem } = parseYamlStream(text);
        if (problem !== undefined) {
          throw new BuildError(`${path}:${problem.line}: the YAML does not parse: ${problem.message}`);
        }
        for (const document of documents) {
          if (!isMap(document.value)) continue;
          configs.push({
            value: document.value,
            file: path,
            dir: kustomization.dir,
            lines: text.split('\n'),
            position: document.position,
            line: document.line,
          });
        }
        return;
      }
      if (this.directories.has(path) && !isRemote(entry)) {
        this.checkCycle(path, chain, kustomization.file, entry);
        for (const resource of this.accumulate(path, [...chain, path]).resources) {
          const origin = resource.origin;
          const text = this.files.get(origin.file) ?? '';
          configs.push({
            value: resource.value,
            file: origin.file,
            dir: kustomization.dir,
            lines: text.split('\n'),
            position: origin.position,
            line: origin.line,
          });
        }
        return;
      }
      if (isRemote(entry)) {
        this.note(
          `${kustomization.file} lists the remote ${field} configuration ${entry}: it is not run; ${RENDER_FOR_REAL}.`,
        );
        return;
      }
      throw new BuildError(
        `${kustomization.file}: ${field} entry '${entry}': no such file or directory '${path}'`,
      );
    });
    return configs;
  }

  /** A built-in transformer configured in a file (`apiVersion: builtin`); other plugins are not run. */
  private builtinTransformer(resources: Resource[], config: PluginConfig): void {
    const value = config.value;
    const kind = textOf(value.kind);
    if (textOf(value.apiVersion) !== 'builtin') {
      this.note(
        `${config.file}: the transformer plugin ${textOf(value.apiVersion)}/${kind} is not run (the built-in renderer runs kustomize's built-in transformers only); ${RENDER_FOR_REAL}.`,
      );
      return;
    }
    const specs = (field = 'fieldSpecs'): FieldSpec[] =>
      Array.isArray(value[field]) ? (value[field] as unknown[]).map(toFieldSpec) : [];
    switch (kind) {
      case 'LabelTransformer':
        applyStringMap(resources, stringRecord(value.labels), specs());
        return;
      case 'AnnotationsTransformer':
        applyStringMap(resources, stringRecord(value.annotations), specs());
        return;
      case 'NamespaceTransformer': {
        const metadata = isMap(value.metadata) ? value.metadata : {};
        const mode = textOf(value.setRoleBindingSubjects) || 'defaultOnly';
        if (!['defaultOnly', 'allServiceAccounts', 'none'].includes(mode)) {
          throw new BuildError(
            `invalid value "${mode}" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"`,
          );
        }
        applyNamespace(resources, textOf(metadata.namespace), {
          specs: specs(),
          unsetOnly: value.unsetOnly === true,
          subjects: mode as 'defaultOnly' | 'allServiceAccounts' | 'none',
        });
        return;
      }
      case 'PrefixTransformer':
        applyNameAffix(resources, textOf(value.prefix), 'prefix', specs());
        return;
      case 'SuffixTransformer':
        applyNameAffix(resources, textOf(value.suffix), 'suffix', specs());
        return;
      case 'ImageTagTransformer':
        applyImage(resources, imageEntry(isMap(value.imageTag) ? value.imageTag : {}), specs());
        return;
      case 'ReplicaCountTransformer': {
        const replica = isMap(value.replica) ? value.replica : {};
        applyReplicas(resources, textOf(replica.name), Number(replica.count ?? 0), specs());
        return;
      }
      case 'PatchTransformer':
        this.patcher.patchEntry(
          resources,
          config,
          value,
          [],
          `${kind} ${textOf((value.metadata as KMap | undefined)?.name)}`,
        );
        return;
      case 'PatchStrategicMergeTransformer': {
        const paths = Array.isArray(value.paths) ? value.paths : [];
        this.patcher.strategicMergeEntries(resources, config, paths, ['paths']);
        if (typeof value.patches === 'string' && value.patches.trim() !== '') {
          this.patcher.strategicMergeEntries(resources, config, [value.patches], [], true);
        }
        return;
      }
      case 'PatchJson6902Transformer':
        this.patcher.json6902Entry(resources, config, value, [], 'jsonOp');
        return;
      default:
        this.note(
          `${config.file}: the built-in transformer ${kind} is not applied by the built-in renderer; ${RENDER_FOR_REAL}.`,
        );
    }
  }

  /**
   * A patch that does not apply stops the build, as with kustomize; once the build is approximated
   * (an object or a change is already missing), it is more likely a consequence, so it is skipped
   * and said instead.
   */
  private failOrSkip(message: string): void {
    if (this.messages.length === 0) throw new BuildError(message);
    this.note(
      `${message}; skipped, as the build is already approximated (see the other messages), which may be why.`,
    );
  }
}

function newResource(value: KObject, origin: Origin): Resource {
  return { value, origin, setBy: [], previous: [], prefixes: [], suffixes: [], needsHash: false };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : scalarText(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isMap(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, textOf(item)]));
}

function labelsEntries(value: unknown): LabelsEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isMap).map((entry) => ({
    pairs: stringRecord(entry.pairs),
    includeSelectors: entry.includeSelectors === true,
    includeTemplates: entry.includeTemplates === true,
    fields: Array.isArray(entry.fields) ? entry.fields.map(toFieldSpec) : [],
  }));
}
