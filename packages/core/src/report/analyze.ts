/** The pipeline: text in, Report out. Pure: no files, network, clock or environment. */
import { posix } from 'node:path';
import { type AdvisedUnit, combineAdvice } from '../advice/combine.js';
import { normaliseWeights } from '../advice/criteria.js';
import { ADVICE_READS, adviseOnInventory } from '../advice/set-advice.js';
import type { Weights } from '../advice/types.js';
import { type Config, configuredSeverity, DEFAULT_CONFIG } from '../config/config.js';
import { monthlyPriceOf } from '../cost/cost.js';
import { matchesGlob } from '../internal/glob.js';
import { buildInventory, type Inventory } from '../inventory/inventory.js';
import { readPlan } from '../inventory/shapes.js';
import type { LoadBalancerView } from '../inventory/views.js';
import { isGatewayApiVersion } from '../known/api-versions.js';
import {
  type FileResult,
  type LoadOptions,
  type LoadResult,
  loadManifests,
  type SourceFile,
} from '../manifests/load.js';
import {
  displayName,
  isIgnored,
  type ManifestObject,
  type ObjectRef,
  placeOf,
} from '../manifests/objects.js';
import type { YamlParser } from '../manifests/parse-yaml.js';
import {
  type Finding,
  formatTemplate,
  type Rule,
  type RuleReport,
  type RuleSettings,
  type Severity,
} from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { discoverUnits, STDIN_PATH, type UnitPlan } from '../units/discover.js';
import { groupFiles, withoutCopies } from '../units/group-files.js';
import { buildKustomization } from '../units/kustomize/index.js';
import { loadRendered } from '../units/load-rendered.js';
import type { RenderResult } from '../units/placed.js';
import {
  type IngressEntry,
  type LoadBalancerEntry,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ResourceEntry,
  type UnitEntry,
} from './model.js';
import { distinctLoadBalancers, summarise } from './summary.js';

export interface AnalyzeOptions {
  /** The repository configuration; defaults apply when absent. */
  config?: Config;
  /** The rules to run; all of them by default. Objects keep what these rules and the advice read. */
  rules?: readonly Rule[];
  /** The YAML parser; ours by default. The differential test passes a reference one. */
  parser?: YamlParser;
  /**
   * Units an adapter rendered with a real tool, by unit id (see `planUnits`). The others are read
   * with the built-in readers, which say on the unit what they cannot do.
   */
  rendered?: ReadonlyMap<string, RenderedUnit>;
}

/** A unit rendered by a real tool. */
export interface RenderedUnit extends RenderResult {
  renderer: 'kustomize' | 'kubectl' | 'helm';
}

/**
 * What an adapter does before `analyze` (after include/exclude): the units a tool can render
 * (Kustomize roots, Helm charts with their values), to pass back in `AnalyzeOptions.rendered`, and
 * the files kustomizations name that the set lacks (generator inputs such as `.env`, which a walk for
 * YAML does not collect), to read and add to the sources so the built-in reader can generate them.
 */
export function planRendering(
  sources: readonly SourceFile[],
  config: Config = DEFAULT_CONFIG,
): { units: UnitPlan[]; missingInputs: string[] } {
  const { units, missingInputs } = discoverUnits(selectFiles(sources, config).included, {
    helmValuesSets: config.helmValues,
  });
  return { units: units.filter((unit) => unit.kind === 'kustomize' || unit.kind === 'helm'), missingInputs };
}

/** Analyses manifest files, unit by unit, and returns the Report. Never throws on input. */
export function analyze(sources: readonly SourceFile[], options: AnalyzeOptions = {}): Report {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? RULES;
  const { included, excluded } = selectFiles(sources, config);
  const settings = settingsOf(config);
  const weights = normaliseWeights(config.weights);
  const reading: UnitReading = {
    sources: new Map(included.map((source) => [normalisePath(source.path), source])),
    texts: new Map(included.map((source) => [normalisePath(source.path), source.text])),
    load: {
      keepOfKind: readPlan([...rules, { reads: ADVICE_READS }]),
      ...(options.parser ? { parser: options.parser } : {}),
    },
    rendered: options.rendered ?? new Map(),
  };
  const discovery = discoverUnits(included, { helmValuesSets: config.helmValues });
  const loose = loadManifests(sourcesIn(discovery.looseFiles, reading), reading.load);
  const read = [
    ...discovery.units.map((plan) => readUnit(plan, reading)),
    ...groupFiles(withoutCopies(loose, reading.load.keepOfKind)).map(({ plan, loaded, inventory }) => ({
      entry: unitEntry(plan, 'builtin', 'rendered'),
      loaded,
      inventory,
    })),
  ];
  const units = read.map(({ entry, loaded, inventory: built }: ReadUnit & { inventory?: Inventory }) => {
    const inventory = built ?? buildInventory(loaded);
    const { findings, suppressed } = runRules(rules, inventory, config, settings, entry.id);
    return { entry, loaded, inventory, findings, suppressed };
  });
  const files = mergeFileResults([...units.flatMap((unit) => unit.loaded.files), ...excluded]);
  return buildReport(units, files, settings, weights);
}

/** What reading the units needs: the sources by normalised path, load options, rendered units. */
interface UnitReading {
  sources: ReadonlyMap<string, SourceFile>;
  /** The same, as texts: what the built-in Kustomize reader reads. */
  texts: ReadonlyMap<string, string>;
  load: LoadOptions;
  rendered: ReadonlyMap<string, RenderedUnit>;
}

interface ReadUnit {
  entry: UnitEntry;
  loaded: LoadResult;
}

function unitEntry(
  plan: UnitPlan,
  renderer: UnitEntry['renderer'],
  status: UnitEntry['status'],
  message?: string,
): UnitEntry {
  return {
    id: plan.id,
    kind: plan.kind,
    path: plan.path,
    values: plan.values,
    renderer,
    status,
    ...(message ? { message } : {}),
  };
}

function sourcesIn(paths: readonly string[], reading: UnitReading): SourceFile[] {
  return paths.flatMap((path) => {
    const source = reading.sources.get(path);
    return source ? [source] : [];
  });
}

/** Reads a Kustomize, Helm or standard input unit: what a tool rendered, or what the built-in readers make of it. */
function readUnit(plan: UnitPlan, reading: UnitReading): ReadUnit {
  const entry = (renderer: UnitEntry['renderer'], status: UnitEntry['status'], message?: string) =>
    unitEntry(plan, renderer, status, message);
  const sourcesOf = (paths: readonly string[]) => sourcesIn(paths, reading);
  const rendered = reading.rendered.get(plan.id);
  if (rendered !== undefined) {
    return {
      entry: entry(rendered.renderer, rendered.status, rendered.messages.join(' ') || undefined),
      loaded: loadRendered(plan, rendered, rendered.renderer, reading.load),
    };
  }
  if (plan.kind === 'files' || plan.kind === 'stdin') {
    return {
      entry: entry('builtin', 'rendered'),
      loaded: loadManifests(sourcesOf(plan.files), reading.load),
    };
  }
  if (plan.kind === 'kustomize') {
    const built = buildKustomization(plan.path, reading.texts);
    return {
      entry: entry('builtin', built.status, built.messages.join(' ') || undefined),
      loaded: loadRendered(plan, built, 'the built-in Kustomize reader', reading.load),
    };
  }
  // A Helm chart without helm: its templates are not YAML until rendered; only its values files
  // are read, for the Service types they set.
  const valuesFiles = (plan.values.length === 0 ? ['values.yaml', 'values.yml'] : plan.values).map((file) =>
    posix.join(plan.path, file),
  );
  const loaded = loadManifests(sourcesOf(valuesFiles), {
    ...reading.load,
    valuesFiles: new Set(valuesFiles),
  });
  loaded.files.push(...chartFileResults(plan, valuesFiles));
  return {
    entry: entry(
      'builtin',
      'approximated',
      'helm was not found: only the values files are read, for the Service types they set. Install helm to render the chart.',
    ),
    loaded,
  };
}

/** The results of a chart's files that were not read (templates, Chart.yaml, other values files). */
function chartFileResults(plan: UnitPlan, read: readonly string[]): FileResult[] {
  return plan.files
    .filter((file) => !read.includes(file))
    .map((file) => ({
      path: file,
      status: 'skipped' as const,
      role: 'helm-chart' as const,
      reason: `part of Helm chart ${plan.path}, which is rendered as a whole (\`helm template\`).`,
      documents: 0,
    }));
}

/** One result per file: a file several units read is reported once, its worst status first. */
function mergeFileResults(results: readonly FileResult[]): FileResult[] {
  const rank = { error: 0, analyzed: 1, skipped: 2 } as const;
  const byPath = new Map<string, FileResult>();
  for (const result of results) {
    const known = byPath.get(result.path);
    if (known === undefined || rank[result.status] < rank[known.status]) byPath.set(result.path, result);
  }
  return [...byPath.values()].sort((a, b) => compare(a.path, b.path));
}

function normalisePath(path: string): string {
  return path === STDIN_PATH ? path : posix.normalize(path.replace(/\\/g, '/'));
}

/** Rule settings from the configuration. */
export function settingsOf(config: Config): RuleSettings {
  return { pricePerLoadBalancer: config.pricePerLoadBalancer ?? null, currency: config.currency };
}

function selectFiles(
  sources: readonly SourceFile[],
  config: Config,
): { included: SourceFile[]; excluded: FileResult[] } {
  const included: SourceFile[] = [];
  const excluded: FileResult[] = [];
  for (const source of sources) {
    const isIncluded =
      config.include.length === 0 || config.include.some((glob) => matchesGlob(source.path, glob));
    const isExcluded = config.exclude.some((glob) => matchesGlob(source.path, glob));
    if (isIncluded && !isExcluded) included.push(source);
    else
      excluded.push({
        path: source.path,
        status: 'skipped',
        role: 'excluded',
        reason: 'excluded by the configuration (include/exclude).',
        documents: 0,
      });
  }
  return { included, excluded };
}

function runRules(
  rules: readonly Rule[],
  inventory: Inventory,
  config: Config,
  settings: RuleSettings,
  unit: string,
): { findings: Finding[]; suppressed: number } {
  const findings: Finding[] = [];
  let suppressed = 0;
  for (const rule of rules) {
    const severity = configuredSeverity(config, rule.id, rule.severity);
    if (severity === null) continue;
    const report = (found: RuleReport<string>): void => {
      if (found.object && isIgnored(found.object, rule.id)) {
        suppressed++;
        return;
      }
      const object = found.object;
      // A path is placed where it was written: in the object, or in the patch that set it.
      const placed =
        object && found.path && found.line === undefined ? placeOf(object, found.path) : undefined;
      const line = found.line ?? placed?.line ?? object?.line ?? 1;
      findings.push({
        ruleId: rule.id,
        severity: pickSeverity(found.severity, severity, rule.severity),
        messageId: found.messageId,
        data: found.data,
        message: formatTemplate(rule.messages[found.messageId] ?? found.messageId, found.data),
        fix: formatTemplate(rule.fix, found.data),
        file: found.file ?? placed?.file ?? object?.file ?? '(unknown)',
        line,
        ...(object ? { resource: refOf(object) } : {}),
        unit,
      });
    };
    rule.check(inventory, { settings, report });
  }
  findings.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
  return { findings, suppressed };
}

/**
 * A finding may lower its rule's severity (a numeric targetPort is only a notice); the configured
 * severity replaces the default one, and a per-finding override keeps its distance from the default.
 */
function pickSeverity(override: Severity | undefined, configured: Severity, ruleDefault: Severity): Severity {
  if (override === undefined || configured !== ruleDefault) return configured;
  return override;
}

interface AnalysedUnit extends ReadUnit {
  inventory: Inventory;
  findings: Finding[];
  suppressed: number;
}

function buildReport(
  units: readonly AnalysedUnit[],
  files: FileResult[],
  settings: RuleSettings,
  weights: Weights,
): Report {
  const resources: ResourceEntry[] = [];
  const loadBalancers: LoadBalancerEntry[] = [];
  const ingresses: IngressEntry[] = [];
  const gatewayApi: ResourceEntry[] = [];
  const findings: Finding[] = [];
  const advised: AdvisedUnit[] = [];
  const unitEntries: UnitEntry[] = [];
  let suppressed = 0;
  for (const { entry, inventory, findings: unitFindings, suppressed: unitSuppressed } of units) {
    const unit = entry.id;
    resources.push(...inventory.objects.map((object) => resourceEntry(object, unit)));
    loadBalancers.push(...inventory.loadBalancers.map((lb) => loadBalancerEntry(lb, unit, settings)));
    ingresses.push(
      ...inventory.ingresses.map((ingress) => ({
        ...resourceEntry(ingress.object, unit),
        ingressClassName: ingress.className,
        hosts: ingress.hosts,
        tls: ingress.tls,
        backends: ingress.backends.map((backend) => ({ service: backend.service, port: backend.port })),
      })),
    );
    gatewayApi.push(
      ...inventory.objects
        .filter((object) => isGatewayApiVersion(object.apiVersion))
        .map((object) => resourceEntry(object, unit)),
    );
    findings.push(...unitFindings);
    suppressed += unitSuppressed;
    const hasObjects = inventory.objects.length > 0 || inventory.helmValues.length > 0;
    // A folder of files that hold no Kubernetes objects is not a unit anyone deploys.
    if (!hasObjects && entry.kind === 'files' && entry.status === 'rendered') continue;
    if (inventory.loadBalancers.length > 0 || inventory.ingresses.length > 0) {
      const advice = adviseOnInventory(inventory, settings, weights);
      advised.push({
        unit,
        advice,
        loadBalancers: inventory.loadBalancers.map((lb) => displayName(lb.object)),
      });
      unitEntries.push({ ...entry, advice });
    } else {
      unitEntries.push(entry);
    }
  }
  resources.sort(byLocation);
  loadBalancers.sort(byLocation);
  ingresses.sort(byLocation);
  gatewayApi.sort(byLocation);
  findings.sort(
    (a, b) =>
      compare(a.file, b.file) ||
      a.line - b.line ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message) ||
      compare(a.unit ?? '', b.unit ?? ''),
  );
  const emptyInventory = buildInventory({ files: [], objects: [], problems: [], helmValues: [] });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    units: unitEntries,
    files,
    resources,
    loadBalancers,
    ingresses,
    gatewayApi,
    findings,
    advice:
      advised.length === 1
        ? (advised[0] as AdvisedUnit).advice
        : advised.length === 0
          ? adviseOnInventory(emptyInventory, settings, weights)
          : combineAdvice(advised, distinctLoadBalancers(loadBalancers).length),
    summary: summarise({
      units: unitEntries,
      files,
      resources: resources.length,
      loadBalancers,
      findings,
      suppressed,
      currency: settings.currency,
    }),
  };
}

function loadBalancerEntry(lb: LoadBalancerView, unit: string, settings: RuleSettings): LoadBalancerEntry {
  return {
    // A patched Service is reported under its target's name, at the line that makes it a LoadBalancer.
    ...refOf(lb.object),
    file: lb.typeFile,
    line: lb.typeLine,
    doc: lb.object.doc,
    unit,
    ...(lb.object.copies ? { copies: [...lb.object.copies] } : {}),
    ports: lb.ports.map((port) => ({
      name: port.name,
      port: port.port,
      targetPort: port.targetPort,
      protocol: port.protocol,
      appProtocol: port.appProtocol,
      detected: port.classification.protocol,
      what: port.classification.what,
    })),
    traffic: lb.traffic,
    exposure: lb.exposure,
    exposureReason: lb.exposureReason,
    loadBalancerClass: lb.loadBalancerClass,
    provider: lb.provider,
    role: lb.role,
    ...(lb.controller ? { controller: { id: lb.controller.id, name: lb.controller.name } } : {}),
    ...(lb.roleReason ? { roleReason: lb.roleReason } : {}),
    monthlyCost: monthlyPriceOf(lb, settings),
  };
}

function resourceEntry(object: ManifestObject, unit: string): ResourceEntry {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    file: object.file,
    line: object.line,
    doc: object.doc,
    unit,
    ...(object.copies ? { copies: [...object.copies] } : {}),
  };
}

function refOf(object: ObjectRef): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace };
}

/** Report lists are sorted by file and line (then unit), so the same input gives the same bytes. */
function byLocation(a: ResourceEntry, b: ResourceEntry): number {
  return compare(a.file, b.file) || a.line - b.line || a.doc - b.doc || compare(a.unit, b.unit);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
