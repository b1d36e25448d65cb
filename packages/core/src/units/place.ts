/**
 * What a real renderer printed, placed back in the sources: kustomize's origin annotations name the
 * file each object came from, helm's `# Source:` comments the template. The objects keep their
 * deployed names and fields; their lines are those of their sources, and a `type: LoadBalancer`
 * that a patch or a values file set points there.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../manifests/load.js';
import type { PlacedField } from '../manifests/objects.js';
import { type ParsedDocument, parseYamlStream } from '../manifests/parse-yaml.js';
import { LineIndex, lineAt } from '../manifests/positions.js';
import type { UnitPlan } from './discover.js';
import type { PlacedObject, RenderResult } from './placed.js';

/** kustomize's annotation naming the file an object came from (with `buildMetadata: [originAnnotations]`). */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
/** kustomize's annotation listing the transformers that changed an object; ours to drop. */
const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

type KubernetesValue = Record<string, unknown> & { apiVersion: string; kind: string };

export interface PlaceOptions {
  /** The unit rendered, and the sources of the analysed tree by normalised path. */
  plan: UnitPlan;
  sources: ReadonlyMap<string, SourceFile>;
  /**
   * kustomize: an origin path (relative to where the build ran) as a source path. The adapter knows
   * both folders; by default, origins are taken as source paths.
   */
  resolveOrigin?: (origin: string) => string;
}

/** Places the objects of `kustomize build` output (built with origin annotations). */
export function placeKustomizeOutput(text: string, options: PlaceOptions): RenderResult {
  const parsed = parseYamlStream(text);
  if (parsed.problem) return unreadable(parsed.problem.message);
  const sources = new SourceDocuments(options.sources);
  const objects: PlacedObject[] = [];
  for (const document of parsed.documents) {
    const value = kubernetesObject(document.value);
    if (value === undefined) continue;
    const origin = originOf(value);
    withoutBuildAnnotations(value);
    const file =
      origin === undefined
        ? options.plan.path
        : posix.normalize((options.resolveOrigin ?? ((path) => path))(origin).replace(/\\/g, '/'));
    objects.push(place(value, file, sources, options.plan));
  }
  return { objects, status: 'rendered', messages: [] };
}

/** Places the objects of `helm template` output, from its `# Source: CHART/templates/...` comments. */
export function placeHelmOutput(text: string, options: PlaceOptions): RenderResult {
  const parsed = parseYamlStream(text);
  if (parsed.problem) return unreadable(parsed.problem.message);
  const lines = new LineIndex(text);
  const sourceLines = [...text.matchAll(/^# Source: (.+)$/gm)].map((match) => ({
    line: lines.line(match.index ?? 0),
    template: (match[1] as string).trim(),
  }));
  const objects: PlacedObject[] = [];
  for (const document of parsed.documents) {
    const value = kubernetesObject(document.value);
    if (value === undefined) continue;
    const source = sourceLines.findLast((candidate) => candidate.line < document.line);
    // `web/templates/svc.yaml` is the chart's own; `web/charts/redis/templates/...` a dependency's.
    const inChart = source?.template.split('/').slice(1).join('/');
    const file = inChart ? posix.join(options.plan.path, inChart) : options.plan.path;
    const placed = placeInTemplate(value, file, options.sources.get(file)?.text);
    const typeSet = loadBalancerSetByValues(value, options.plan, options.sources);
    objects.push(typeSet ? { ...placed, setBy: [typeSet] } : placed);
  }
  return { objects, status: 'rendered', messages: [] };
}

function unreadable(message: string): RenderResult {
  return { objects: [], status: 'error', messages: [`The renderer's output is not YAML (${message}).`] };
}

/** An object placed at its origin document, found by kind and name (names may have gained a prefix or suffix). */
function place(value: KubernetesValue, file: string, sources: SourceDocuments, plan: UnitPlan): PlacedObject {
  const documents = sources.of(file);
  const name = nameOf(value);
  const sameKind = documents.filter((document) => asObject(document.value)?.kind === value.kind);
  const origin =
    sameKind.find((document) => nameOf(asObject(document.value)) === name) ??
    sameKind.find((document) => {
      const written = nameOf(asObject(document.value));
      return written !== undefined && name?.includes(written) === true;
    }) ??
    (sameKind.length === 1 ? sameKind[0] : undefined);
  const placed: PlacedObject = {
    value,
    file,
    doc: origin?.index ?? 0,
    line: origin?.line ?? 1,
    position: origin?.position ?? null,
  };
  const writtenType = (asObject(origin?.value)?.spec as { type?: unknown } | undefined)?.type;
  if (isLoadBalancer(value) && writtenType !== 'LoadBalancer') {
    const setBy = loadBalancerSetByPatch(plan, sources, asObject(origin?.value) ?? value);
    if (setBy) placed.setBy = [setBy];
  }
  return placed;
}

/** The patch of the unit that sets `type: LoadBalancer` on the Service, as its kustomizations list it. */
function loadBalancerSetByPatch(
  plan: UnitPlan,
  sources: SourceDocuments,
  written: Record<string, unknown>,
): PlacedField | undefined {
  const name = nameOf(written);
  for (const file of plan.files) {
    for (const document of sources.of(file)) {
      const { value, position } = document;
      if (position === null) continue;
      if (Array.isArray(value)) {
        // A JSON 6902 patch: the `value` of the operation on /spec/type.
        const at = value.findIndex(
          (operation) =>
            asObject(operation)?.path === '/spec/type' && asObject(operation)?.value === 'LoadBalancer',
        );
        if (at !== -1) return { path: ['spec', 'type'], file, line: lineAt(position, [at, 'value']) };
        continue;
      }
      const object = asObject(value);
      if (object === undefined) continue;
      if (isLoadBalancer(object) && nameOf(object) === name) {
        if (sources.isResource(file, plan)) continue;
        return { path: ['spec', 'type'], file, line: lineAt(position, ['spec', 'type']) };
      }
      // An inline patch in a kustomization: the line of its entry.
      const patches = Array.isArray(object.patches) ? object.patches : [];
      const at = patches.findIndex((entry) => {
        const patch = asObject(entry)?.patch;
        return typeof patch === 'string' && /(?:^|\n)\s*(?:value|type):\s*["']?LoadBalancer\b/.test(patch);
      });
      if (at !== -1) return { path: ['spec', 'type'], file, line: lineAt(position, ['patches', at]) };
    }
  }
  return undefined;
}

/** A template is not YAML until rendered: its object is placed at the line that names its kind. */
function placeInTemplate(value: KubernetesValue, file: string, template: string | undefined): PlacedObject {
  const match =
    template === undefined ? null : new RegExp(`^kind:\\s*["']?${value.kind}\\b`, 'm').exec(template);
  const line = match === null || template === undefined ? 1 : lineOfOffset(template, match.index);
  return { value, file, doc: 0, line, position: null };
}

/** The values file line that makes a rendered Service a LoadBalancer: the last values file wins. */
function loadBalancerSetByValues(
  value: KubernetesValue,
  plan: UnitPlan,
  sources: ReadonlyMap<string, SourceFile>,
): PlacedField | undefined {
  if (!isLoadBalancer(value)) return undefined;
  for (const values of [...plan.values].reverse().concat('values.yaml')) {
    const file = posix.join(plan.path, values);
    const text = sources.get(file)?.text;
    if (text === undefined) continue;
    const match = /^[ \t]*(?:type|serviceType):[ \t]*["']?LoadBalancer["']?[ \t]*(?:#.*)?$/m.exec(text);
    if (match !== null) return { path: ['spec', 'type'], file, line: lineOfOffset(text, match.index) };
  }
  return undefined;
}

/** Parsed sources, each parsed once. */
class SourceDocuments {
  readonly #parsed = new Map<string, ParsedDocument[]>();

  constructor(private readonly sources: ReadonlyMap<string, SourceFile>) {}

  of(file: string): ParsedDocument[] {
    let documents = this.#parsed.get(file);
    if (documents === undefined) {
      const text = this.sources.get(file)?.text;
      documents = text === undefined ? [] : parseYamlStream(text).documents;
      this.#parsed.set(file, documents);
    }
    return documents;
  }

  /** Whether a file of the unit is listed as a resource rather than a patch: not a kustomization's patch. */
  isResource(file: string, plan: UnitPlan): boolean {
    for (const candidate of plan.files) {
      for (const document of this.of(candidate)) {
        const kustomization = asObject(document.value);
        if (kustomization === undefined) continue;
        const resources = [...list(kustomization.resources), ...list(kustomization.bases)];
        if (
          resources.some(
            (entry) => typeof entry === 'string' && posix.join(posix.dirname(candidate), entry) === file,
          )
        ) {
          return true;
        }
      }
    }
    return false;
  }
}

function originOf(value: KubernetesValue): string | undefined {
  const annotation = annotationsOf(value)?.[ORIGIN_ANNOTATION];
  if (typeof annotation !== 'string') return undefined;
  const origin = asObject(parseYamlStream(annotation).documents[0]?.value);
  // Remote origins (a repo and ref) have no file here.
  return typeof origin?.path === 'string' && origin.repo === undefined ? origin.path : undefined;
}

function withoutBuildAnnotations(value: KubernetesValue): void {
  const annotations = annotationsOf(value);
  if (annotations === undefined) return;
  delete annotations[ORIGIN_ANNOTATION];
  delete annotations[TRANSFORMATIONS_ANNOTATION];
  if (Object.keys(annotations).length === 0) delete (value.metadata as Record<string, unknown>).annotations;
}

function annotationsOf(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return asObject(asObject(value.metadata)?.annotations);
}

function nameOf(value: Record<string, unknown> | undefined): string | undefined {
  const name = asObject(value?.metadata)?.name;
  return typeof name === 'string' ? name : undefined;
}

function isLoadBalancer(value: Record<string, unknown>): boolean {
  return value.kind === 'Service' && asObject(value.spec)?.type === 'LoadBalancer';
}

function asObject(value: unknown): (KubernetesValue & Record<string, unknown>) | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as KubernetesValue)
    : undefined;
}

function kubernetesObject(value: unknown): KubernetesValue | undefined {
  const object = asObject(value);
  return typeof object?.apiVersion === 'string' && typeof object.kind === 'string' ? object : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
