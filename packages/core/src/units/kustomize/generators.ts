/**
 * configMapGenerator and secretGenerator with local inputs, as kustomize's generators make them:
 * pairs from env files, then literals, then files; generator options merged with the
 * kustomization's; the content hash is added at the end of the build, not here.
 */
import { byCodePoint } from './merge.js';
import { isMap, type KMap, type KObject, scalarText } from './resource.js';

export class GeneratorError extends Error {}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  namespace: string;
  behavior: string;
  envs: string[];
  literals: string[];
  files: string[];
  type: string;
  options: GeneratorOptions | undefined;
}

/** Reads a generator input; undefined to leave it out (the reader says why). */
export type InputReader = (path: string) => string | undefined;

export function readGeneratorArgs(
  entry: unknown,
  kind: 'ConfigMap' | 'Secret',
  global: GeneratorOptions | undefined,
): GeneratorArgs {
  const spec = isMap(entry) ? entry : {};
  const metadata = isMap(spec.metadata) ? spec.metadata : {};
  const text = (value: unknown): string => (value === undefined || value === null ? '' : scalarText(value));
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);
  const envs = list(spec.envs);
  if (spec.env !== undefined && spec.env !== null && text(spec.env) !== '') envs.push(text(spec.env));
  return {
    kind,
    name: text(spec.name) || text(metadata.name),
    namespace: text(spec.namespace) || text(metadata.namespace),
    behavior: text(spec.behavior),
    envs,
    literals: list(spec.literals),
    files: list(spec.files),
    type: text(spec.type),
    options: mergeOptions(readOptions(spec.options), global),
  };
}

export function readOptions(value: unknown): GeneratorOptions | undefined {
  if (!isMap(value)) return undefined;
  const options: GeneratorOptions = {};
  if (isMap(value.labels)) options.labels = stringRecord(value.labels);
  if (isMap(value.annotations)) options.annotations = stringRecord(value.annotations);
  if (value.disableNameSuffixHash === true) options.disableNameSuffixHash = true;
  if (value.immutable === true) options.immutable = true;
  return options;
}

function stringRecord(map: KMap): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, scalarText(value)]));
}

/** kustomize's MergeGlobalOptionsIntoLocal: the generator's own options win. */
function mergeOptions(
  local: GeneratorOptions | undefined,
  global: GeneratorOptions | undefined,
): GeneratorOptions | undefined {
  if (global === undefined) return local;
  const merged: GeneratorOptions = { ...(local ?? {}) };
  if (global.labels) merged.labels = { ...global.labels, ...(merged.labels ?? {}) };
  if (global.annotations) merged.annotations = { ...global.annotations, ...(merged.annotations ?? {}) };
  if (global.disableNameSuffixHash) merged.disableNameSuffixHash = true;
  if (global.immutable) merged.immutable = true;
  return merged;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** The ConfigMap or Secret a generator entry makes. */
export function generate(args: GeneratorArgs, read: InputReader): KObject {
  if (args.name === '') throw new GeneratorError('a configmap must have a name');
  const pairs: Array<[string, string]> = [];
  for (const path of args.envs) {
    const text = read(path);
    if (text !== undefined) pairs.push(...envPairs(text));
  }
  for (const literal of args.literals) pairs.push(literalPair(literal));
  for (const source of args.files) {
    const [key, path] = fileSource(source);
    const text = read(path);
    if (text !== undefined) pairs.push([key, text]);
  }
  const data: Record<string, string> = {};
  for (const [key, value] of pairs) {
    if (key.length > 253 || !CONFIG_KEY.test(key)) {
      throw new GeneratorError(
        `"${key}" is not a valid key name for a ${args.kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.'`,
      );
    }
    if (Object.hasOwn(data, key)) {
      throw new GeneratorError(`configmap ${args.name} illegally repeats the key \`${key}\``);
    }
    data[key] = value;
  }
  const metadata: KMap = { name: args.name };
  if (args.namespace !== '') metadata.namespace = args.namespace;
  const object: KObject = { apiVersion: 'v1', kind: args.kind, metadata };
  const keys = Object.keys(data).sort(byCodePoint);
  if (args.kind === 'Secret') {
    object.type = args.type || 'Opaque';
    object.data = Object.fromEntries(keys.map((key) => [key, secretValue(data[key] as string)]));
  } else if (keys.length > 0) {
    object.data = Object.fromEntries(keys.map((key) => [key, data[key]]));
  }
  const options = args.options;
  if (options?.labels && Object.keys(options.labels).length > 0) metadata.labels = { ...options.labels };
  if (options?.annotations && Object.keys(options.annotations).length > 0) {
    metadata.annotations = { ...options.annotations };
  }
  if (options?.immutable) object.immutable = true;
  return object;
}

/** kyaml's encodeBase64: lines of 70 characters, each ending with a newline when there are several. */
function secretValue(value: string): string {
  const encoded = Buffer.from(value, 'utf8').toString('base64');
  const lines = Math.floor(encoded.length / 70) + 1;
  if (lines <= 1) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += 70) out += `${encoded.slice(i, i + 70)}\n`;
  return out;
}

function envPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  text.split('\n').forEach((raw, index) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    const key = equals < 0 ? line : line.slice(0, equals);
    if (!ENV_NAME.test(key)) {
      throw new GeneratorError(
        `"${key}" is not a valid environment variable name (line ${index + 1} of an env file)`,
      );
    }
    pairs.push([key, equals < 0 ? '' : line.slice(equals + 1)]);
  });
  return pairs;
}

function literalPair(source: string): [string, string] {
  const equals = source.indexOf('=');
  if (equals <= 0) throw new GeneratorError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, equals), removeQuotes(source.slice(equals + 1))];
}

function removeQuotes(text: string): string {
  if (text.length < 2 || text[0] !== text[text.length - 1]) return text;
  return text[0] === '"' || text[0] === "'" ? text.slice(1, -1) : text;
}

/** `[key=]path`; the key defaults to the file's name. */
function fileSource(source: string): [string, string] {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [source.slice(source.lastIndexOf('/') + 1), source];
  if (separators === 1 && source.startsWith('=')) {
    throw new GeneratorError(`missing key name for file path "${source.slice(1)}" in source "${source}"`);
  }
  if (separators === 1 && source.endsWith('=')) {
    throw new GeneratorError(`missing file path for key name "${source.slice(0, -1)}" in source "${source}"`);
  }
  if (separators > 1) throw new GeneratorError(`source "${source}" key name or file path contains '='`);
  const [key, path] = source.split('=') as [string, string];
  return [key, path];
}

/** The paths a generator reads, for checking them before it runs. */
export function inputPaths(args: GeneratorArgs): string[] {
  const paths = [...args.envs];
  for (const source of args.files) {
    try {
      paths.push(fileSource(source)[1]);
    } catch {
      // reported when the generator runs
    }
  }
  return paths;
}
