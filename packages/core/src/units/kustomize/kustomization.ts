/**
 * Reading a kustomization file: which one a directory has, whether it parses, its kind, and the
 * fields the built-in build cannot honour (each said once, with what to do).
 */
import { KUSTOMIZATION_FILE_NAMES } from '../../manifests/kustomize.js';
import { parseYamlStream } from '../../manifests/parse-yaml.js';
import type { Position } from '../../manifests/positions.js';
import { isMap, type KMap } from './resource.js';

export { KUSTOMIZATION_FILE_NAMES };

export interface Kustomization {
  /** Directory, relative and posix (`.` for the top). */
  dir: string;
  /** The kustomization file. */
  file: string;
  kind: 'Kustomization' | 'Component';
  value: KMap;
  /** Index and position tree of the document that holds it. */
  doc: number;
  position: Position | null;
  /** The file's lines, to map the lines of inline patches. */
  lines: string[];
}

/** An error `kustomize build` would stop on, worded like kustomize's where it helps. */
export class BuildError extends Error {}

/** Fields of kustomize v5's Kustomization type. */
const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'buildMetadata',
]);

const RENDER_FOR_REAL = 'install kustomize or kubectl so the unit is rendered for real';

/** What each field the built-in build does not apply leaves out. */
const UNSUPPORTED: Record<string, string> = {
  helmCharts: 'Helm charts are not inflated, so their objects are missing',
  helmGlobals: 'Helm charts are not inflated, so their objects are missing',
  helmChartInflationGenerator: 'Helm charts are not inflated, so their objects are missing',
  replacements: 'replacements are not applied, so the fields they would copy keep their written values',
  vars: 'vars are not substituted, so $(VAR) references stay as written',
  validators: 'validator plugins are not run',
  openapi:
    'the custom OpenAPI schema is not used, so strategic-merge patches merge lists by the built-in schema only',
  crds: 'CRD schemas are not read, so patches and name references use the built-in kinds only',
};

export interface LoadedKustomization {
  kustomization: Kustomization;
  /** Approximations, one sentence each. */
  notes: string[];
}

export function joinPath(dir: string, relative: string): string {
  const parts: string[] = [];
  const all = dir === '.' || dir === '' ? relative.split('/') : [...dir.split('/'), ...relative.split('/')];
  for (const part of all) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** Whether `path` is `dir` itself or below it. */
export function isWithin(path: string, dir: string): boolean {
  if (path.startsWith('../') || path === '..') return false;
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

export function parseKustomization(dir: string, file: string, text: string): LoadedKustomization {
  const { documents, problem } = parseYamlStream(text);
  if (problem !== undefined) {
    throw new BuildError(`invalid Kustomization ${file}:${problem.line}: ${problem.message}`);
  }
  const document = documents.find((doc) => doc.value !== null && doc.value !== undefined);
  if (document === undefined) throw new BuildError(`${file}: kustomization.yaml is empty`);
  if (!isMap(document.value)) {
    throw new BuildError(`invalid Kustomization ${file}: the document is not a mapping`);
  }
  const value = document.value;
  const kind =
    value.kind === undefined || value.kind === null || value.kind === '' ? 'Kustomization' : value.kind;
  if (kind !== 'Kustomization' && kind !== 'Component') {
    throw new BuildError(
      `Failed to read kustomization file under ${dir}:\nkind should be Kustomization or Component`,
    );
  }
  const requiredVersion =
    kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  if (
    value.apiVersion !== undefined &&
    value.apiVersion !== null &&
    value.apiVersion !== '' &&
    value.apiVersion !== requiredVersion
  ) {
    throw new BuildError(
      `Failed to read kustomization file under ${dir}:\napiVersion for ${kind} should be ${requiredVersion}`,
    );
  }
  if (Object.keys(value).every((key) => key === 'apiVersion' || key === 'kind')) {
    throw new BuildError(`${file}: kustomization.yaml is empty`);
  }
  for (const field of ['resources', 'bases', 'components']) {
    const list = value[field];
    if (
      list !== undefined &&
      list !== null &&
      (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))
    ) {
      throw new BuildError(`invalid Kustomization ${file}: \`${field}\` must be a list of strings`);
    }
  }
  const notes: string[] = [];
  for (const [field, present] of Object.entries(value)) {
    if (present === null || present === undefined) continue;
    if (!KNOWN_FIELDS.has(field)) {
      notes.push(
        `${file} has the field \`${field}\`, which kustomize does not know (it would refuse the file); it is ignored here: fix the kustomization, then ${RENDER_FOR_REAL}.`,
      );
      continue;
    }
    const why = UNSUPPORTED[field];
    if (why !== undefined && !isEmptyValue(present)) {
      notes.push(
        `${file} uses \`${field}\`: the built-in renderer approximates kustomize and ${why}; ${RENDER_FOR_REAL}.`,
      );
    }
  }
  const buildMetadata = value.buildMetadata;
  if (Array.isArray(buildMetadata) && buildMetadata.length > 0) {
    notes.push(
      `${file} uses \`buildMetadata\` (${buildMetadata.join(', ')}): the labels and annotations it adds are not added here; ${RENDER_FOR_REAL}.`,
    );
  }
  return {
    kustomization: {
      dir,
      file,
      kind,
      value,
      doc: document.index,
      position: document.position,
      lines: text.split('\n'),
    },
    notes,
  };
}

function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isMap(value)) return Object.keys(value).length === 0;
  return value === '';
}

/** A reference kustomize would fetch over the network: a URL, a git repository, a remote file. */
export function isRemote(reference: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(reference)) return true;
  if (reference.startsWith('git::') || reference.startsWith('gh:') || /^[\w.-]+@[\w.-]+:/.test(reference))
    return true;
  if (reference.startsWith('.') || reference.startsWith('/')) return false;
  // github.com/org/repo, gitlab.example.com/group/repo//path?ref=v1: a host name first.
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\/[^/]+\/[^/]/i.test(reference);
}

export { RENDER_FOR_REAL };
