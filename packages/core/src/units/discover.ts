/**
 * Deployment units: what a repository deploys, each part on its own. A Kustomize root, a Helm chart
 * with one set of values, a folder of plain manifests, or standard input is rendered and analysed
 * alone, so an overlay's patch touches only what its kustomization builds, and unrelated apps that
 * share a namespace are not checked against each other.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../manifests/load.js';
import { type ParsedDocument, parseYamlStream } from '../manifests/parse-yaml.js';
import { KUSTOMIZATION_FILE_NAMES } from './kustomize/index.js';

export type UnitKind = 'kustomize' | 'helm' | 'files' | 'stdin';

/** A unit found in the analysed tree, before it is rendered. */
export interface UnitPlan {
  /** Stable and readable: `kustomize:overlays/prod`, `helm:charts/web`, `helm:charts/web@values-prod.yaml`, `files:k8s`, `stdin`. */
  id: string;
  kind: UnitKind;
  /** The unit's directory, relative like the source paths, posix; `-` for standard input. */
  path: string;
  /** Helm: values files relative to the chart, applied in order; [] = the chart's defaults. */
  values: string[];
  /** The source files the unit reads: plain manifests, kustomizations with what they list, a chart's files. */
  files: string[];
}

/** The path of the source read from standard input. */
export const STDIN_PATH = '<stdin>';

/** Extra Helm values sets: chart directory → list of sets, each a list of values files in order. */
export type HelmValuesSets = Readonly<Record<string, ReadonlyArray<readonly string[]>>>;

export interface DiscoverOptions {
  helmValuesSets?: HelmValuesSets;
}

interface Kustomization {
  /** The kustomization file. */
  file: string;
  dir: string;
  kind: 'Kustomization' | 'Component';
  /** Directories (of kustomizations) it refers to through resources, bases and components. */
  refersTo: string[];
  /** Files it reads directly: resources, patches, generator inputs. */
  reads: string[];
  /** Files it names that are not among the sources: generator inputs (`.env`, `.properties`), mostly. */
  missing: string[];
}

/** The units to render, and the files no unit reads (plain manifests, grouped by `groupFiles`). */
export interface Discovery {
  units: UnitPlan[];
  looseFiles: string[];
  /**
   * Files kustomizations name that are not among the sources (generator inputs such as `.env`
   * files, which a YAML walk does not collect): an adapter reads them and adds them to the sources.
   */
  missingInputs: string[];
}

/**
 * The Kustomize, Helm and standard input units of a set of source files. A Kustomize root is a
 * kustomization of kind Kustomization that no other kustomization of the set refers to; a Helm
 * chart (a directory with `Chart.yaml` outside another chart's `charts/`) gives a unit with its
 * default values and one per sibling `values-*.yaml` / `values.*.yaml`. Files none of them reads
 * are loose: plain manifests, which `groupFiles` makes into units.
 */
export function discoverUnits(sources: readonly SourceFile[], options: DiscoverOptions = {}): Discovery {
  const byPath = new Map(sources.map((source) => [normalise(source.path), source]));
  const units: UnitPlan[] = [];
  const consumed = new Set<string>();

  const charts = findCharts(byPath);
  for (const chart of charts) {
    const files = [...byPath.keys()].filter((path) => isInside(path, chart));
    for (const file of files) consumed.add(file);
    for (const values of valuesSetsOf(chart, files, options.helmValuesSets)) {
      const label = values.length === 0 ? '' : `@${values.join(',')}`;
      units.push({ id: `helm:${chart}${label}`, kind: 'helm', path: chart, values, files });
    }
  }

  const kustomizations = findKustomizations(byPath, charts);
  const referenced = new Set(kustomizations.flatMap((kustomization) => kustomization.refersTo));
  const byDir = new Map(kustomizations.map((kustomization) => [kustomization.dir, kustomization]));
  for (const kustomization of kustomizations) {
    consumed.add(kustomization.file);
    for (const file of kustomization.reads) consumed.add(file);
  }
  for (const root of kustomizations) {
    if (root.kind !== 'Kustomization' || referenced.has(root.dir)) continue;
    const files = [...reachableFiles(root, byDir)].sort();
    units.push({ id: `kustomize:${root.dir}`, kind: 'kustomize', path: root.dir, values: [], files });
  }

  const stdin = byPath.get(STDIN_PATH);
  if (stdin !== undefined) {
    consumed.add(STDIN_PATH);
    units.push({ id: 'stdin', kind: 'stdin', path: '-', values: [], files: [STDIN_PATH] });
  }

  const looseFiles = [...byPath.keys()].filter((path) => !consumed.has(path)).sort();
  const missingInputs = [...new Set(kustomizations.flatMap((kustomization) => kustomization.missing))].sort();
  return { units: units.sort((a, b) => compare(a.id, b.id)), looseFiles, missingInputs };
}

function findCharts(byPath: ReadonlyMap<string, SourceFile>): string[] {
  const dirs = [...byPath.keys()]
    .filter((path) => posix.basename(path) === 'Chart.yaml')
    .map((path) => posix.dirname(path))
    .sort((a, b) => a.length - b.length || compare(a, b));
  // A chart inside another chart's charts/ is a dependency, rendered with its parent.
  return dirs.filter(
    (dir) => !dirs.some((other) => other !== dir && isInside(dir, posix.join(other, 'charts'))),
  );
}

const VALUES_FILE = /^values[-.].+\.ya?ml$/;

function valuesSetsOf(
  chart: string,
  files: readonly string[],
  extra: HelmValuesSets | undefined,
): string[][] {
  const siblings = files
    .filter((file) => posix.dirname(file) === chart && VALUES_FILE.test(posix.basename(file)))
    .map((file) => posix.basename(file))
    .sort();
  const sets = [[], ...siblings.map((file) => [file])];
  for (const set of extra?.[chart] ?? []) sets.push([...set]);
  return sets;
}

function findKustomizations(
  byPath: ReadonlyMap<string, SourceFile>,
  charts: readonly string[],
): Kustomization[] {
  const found: Kustomization[] = [];
  for (const [path, source] of byPath) {
    if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(path))) continue;
    if (charts.some((chart) => isInside(path, chart))) continue;
    const document = firstMapping(parseYamlStream(source.text).documents);
    if (document === undefined) continue;
    found.push(readKustomization(path, document, byPath));
  }
  return found;
}

function firstMapping(documents: readonly ParsedDocument[]): Record<string, unknown> | undefined {
  const value = documents[0]?.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function readKustomization(
  file: string,
  value: Record<string, unknown>,
  byPath: ReadonlyMap<string, SourceFile>,
): Kustomization {
  const dir = posix.dirname(file);
  const kind = value.kind === 'Component' ? 'Component' : 'Kustomization';
  const refersTo: string[] = [];
  const reads: string[] = [];
  const missing: string[] = [];
  const resolve = (entry: unknown): string | undefined =>
    typeof entry === 'string' && !entry.includes('\n') && !isRemote(entry)
      ? posix.normalize(posix.join(dir, entry))
      : undefined;
  for (const entry of [...list(value.resources), ...list(value.bases), ...list(value.components)]) {
    const target = resolve(entry);
    if (target === undefined) continue;
    if (byPath.has(target)) reads.push(target);
    else refersTo.push(target);
  }
  const patchPaths = [
    ...list(value.patchesStrategicMerge),
    ...[...list(value.patches), ...list(value.patchesJson6902)].map((entry) =>
      typeof entry === 'object' && entry !== null ? (entry as { path?: unknown }).path : entry,
    ),
  ];
  for (const generator of [...list(value.configMapGenerator), ...list(value.secretGenerator)]) {
    if (typeof generator !== 'object' || generator === null) continue;
    const { files = [], envs = [], env } = generator as { files?: unknown; envs?: unknown; env?: unknown };
    for (const entry of [...list(files), ...list(envs), env]) {
      // `key=path` names the key a file is stored under.
      patchPaths.push(typeof entry === 'string' ? entry.slice(entry.indexOf('=') + 1) : entry);
    }
  }
  for (const entry of [
    ...patchPaths,
    ...list(value.crds),
    ...list(value.transformers),
    ...list(value.generators),
  ]) {
    const target = resolve(entry);
    if (target === undefined) continue;
    if (byPath.has(target)) reads.push(target);
    else missing.push(target);
  }
  return { file, dir, kind, refersTo, reads, missing };
}

/** Every file a root reads, through the kustomizations it refers to. */
function reachableFiles(root: Kustomization, byDir: ReadonlyMap<string, Kustomization>): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (kustomization: Kustomization): void => {
    if (seen.has(kustomization.dir)) return;
    seen.add(kustomization.dir);
    files.add(kustomization.file);
    for (const file of kustomization.reads) files.add(file);
    for (const dir of kustomization.refersTo) {
      const next = byDir.get(dir);
      if (next !== undefined) visit(next);
    }
  };
  visit(root);
  return files;
}

/** A remote resource: a URL or a git reference, which only the real kustomize can fetch. */
export function isRemote(entry: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/|ssh:)/i.test(entry);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether a posix path lies inside a folder (`.` holds every relative path). */
export function isInside(path: string, dir: string): boolean {
  return dir === '.' ? !path.startsWith('../') && !path.startsWith('/') : path.startsWith(`${dir}/`);
}

function normalise(path: string): string {
  return path === STDIN_PATH ? path : posix.normalize(path.replace(/\\/g, '/'));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
