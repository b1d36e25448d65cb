/** The pipeline: text in, Report out. Pure: no files, network, clock or environment. */
import { normaliseWeights } from '../advice/criteria.js';
import { ADVICE_READS, adviseOnInventory } from '../advice/set-advice.js';
import type { Weights } from '../advice/types.js';
import { type Config, configuredSeverity, DEFAULT_CONFIG } from '../config/config.js';
import { monthlyPriceOf } from '../cost/cost.js';
import { matchesGlob } from '../internal/glob.js';
import { buildInventory, type Inventory } from '../inventory/inventory.js';
import { readPlan } from '../inventory/shapes.js';
import { isGatewayApiVersion } from '../known/api-versions.js';
import { type FileResult, loadManifests, type SourceFile } from '../manifests/load.js';
import { isIgnored, type ManifestObject, type ObjectRef } from '../manifests/objects.js';
import type { YamlParser } from '../manifests/parse-yaml.js';
import { lineAt } from '../manifests/positions.js';
import {
  type Finding,
  formatTemplate,
  type Rule,
  type RuleReport,
  type RuleSettings,
  type Severity,
} from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { REPORT_SCHEMA_VERSION, type Report, type ResourceEntry } from './model.js';

export interface AnalyzeOptions {
  /** The repository configuration; defaults apply when absent. */
  config?: Config;
  /** The rules to run; all of them by default. Objects keep what these rules and the advice read. */
  rules?: readonly Rule[];
  /** The YAML parser; ours by default. The differential test passes a reference one. */
  parser?: YamlParser;
}

/** Analyses manifest files and returns the Report. Never throws on input. */
export function analyze(sources: readonly SourceFile[], options: AnalyzeOptions = {}): Report {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? RULES;
  const { included, excluded } = selectFiles(sources, config);
  const loaded = loadManifests(included, {
    keepOfKind: readPlan([...rules, { reads: ADVICE_READS }]),
    ...(options.parser ? { parser: options.parser } : {}),
  });
  const inventory = buildInventory(loaded);
  const settings = settingsOf(config);
  const { findings, suppressed } = runRules(rules, inventory, config, settings);
  const files = [...loaded.files, ...excluded].sort((a, b) => compare(a.path, b.path));
  return buildReport(inventory, files, findings, suppressed, settings, normaliseWeights(config.weights));
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
      const line =
        found.line ??
        (object && found.path && object.position !== null
          ? lineAt(object.position, found.path)
          : object?.line) ??
        1;
      findings.push({
        ruleId: rule.id,
        severity: pickSeverity(found.severity, severity, rule.severity),
        messageId: found.messageId,
        data: found.data,
        message: formatTemplate(rule.messages[found.messageId] ?? found.messageId, found.data),
        fix: formatTemplate(rule.fix, found.data),
        file: found.file ?? object?.file ?? '(unknown)',
        line,
        ...(object ? { resource: refOf(object.patchOf ?? object) } : {}),
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

function buildReport(
  inventory: Inventory,
  files: FileResult[],
  findings: Finding[],
  suppressed: number,
  settings: RuleSettings,
  weights: Weights,
): Report {
  const resources = inventory.objects.map(resourceEntry).sort(byLocation);
  const loadBalancers = inventory.loadBalancers
    .map((lb) => ({
      // A patched Service is reported under its target's name, at the line of the patch.
      ...refOf(lb.object.patchOf ?? lb.object),
      file: lb.object.file,
      line: lb.typeLine,
      doc: lb.object.doc,
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
      monthlyCost: monthlyPriceOf(lb, settings),
      ...(lb.object.patchOf ? { patchOf: lb.object.patchOf } : {}),
    }))
    .sort(byLocation);
  const ingresses = inventory.ingresses
    .map((ingress) => ({
      ...resourceEntry(ingress.object),
      ingressClassName: ingress.className,
      hosts: ingress.hosts,
      tls: ingress.tls,
      backends: ingress.backends.map((backend) => ({ service: backend.service, port: backend.port })),
    }))
    .sort(byLocation);
  const gatewayApi = inventory.objects
    .filter((object) => isGatewayApiVersion(object.apiVersion))
    .map(resourceEntry)
    .sort(byLocation);
  const count = (status: FileResult['status']): number =>
    files.filter((file) => file.status === status).length;
  const severityCount = (severity: Severity): number =>
    findings.filter((f) => f.severity === severity).length;
  const trafficCount = (traffic: string): number =>
    loadBalancers.filter((lb) => lb.traffic === traffic).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    files,
    resources,
    loadBalancers,
    ingresses,
    gatewayApi,
    findings,
    advice: adviseOnInventory(inventory, settings, weights),
    summary: {
      files: { analyzed: count('analyzed'), skipped: count('skipped'), error: count('error') },
      resources: resources.length,
      loadBalancers: {
        total: loadBalancers.length,
        http: trafficCount('http'),
        l4: trafficCount('l4'),
        mixed: trafficCount('mixed'),
        unknown: trafficCount('unknown'),
      },
      findings: {
        error: severityCount('error'),
        warning: severityCount('warning'),
        notice: severityCount('notice'),
      },
      suppressed,
      monthlyLoadBalancerCost:
        Math.round(loadBalancers.reduce((sum, lb) => sum + lb.monthlyCost, 0) * 100) / 100,
      currency: settings.currency,
    },
  };
}

function resourceEntry(object: ManifestObject): ResourceEntry {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
    file: object.file,
    line: object.line,
    doc: object.doc,
  };
}

function refOf(object: ObjectRef): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace };
}

/** Report lists are sorted by file and line, so the same input gives the same bytes. */
function byLocation(a: ResourceEntry, b: ResourceEntry): number {
  return compare(a.file, b.file) || a.line - b.line || a.doc - b.doc;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
