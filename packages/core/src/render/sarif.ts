/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding at its real line,
 * and a fingerprint that does not contain the line, so a result is tracked across edits.
 * Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html; GitHub's subset:
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
import { createHash } from 'node:crypto';
import type { FileResult } from '../manifests/load.js';
import type { Report } from '../report/model.js';
import type { Finding, Rule, Severity } from '../rules/define-rule.js';
import { RULES } from '../rules/index.js';
import { formatMarkdownTemplate } from './internal/markdown-text.js';
import { compareText, hasSourceFile, isLine, sortFindings } from './internal/report-facts.js';

export interface SarifOptions {
  /** Version of ingress-advisor, for `tool.driver.version`. */
  toolVersion: string;
}

/** The `$schema` of the log: the SARIF 2.1.0 schema as published by SchemaStore. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** `tool.driver.informationUri`. */
export const TOOL_INFORMATION_URI = 'https://github.com/ingress-advisor/ingress-advisor';
/** The `partialFingerprints` key; bump its version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'ingressAdvisorFinding/v1';
/** Paths are relative to the repository root, which upload tools bind to `%SRCROOT%`. */
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

/** Renders the Report as a SARIF 2.1.0 log with one run. */
export function renderSarif(report: Report, options: SarifOptions): string {
  const rules = [...RULES].sort((a, b) => compareText(a.id, b.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = sortFindings(report.findings).map((finding) =>
    resultOf(finding, ruleIndex.get(finding.ruleId)),
  );
  const notifications = report.files.filter((file) => file.status === 'error').map(notificationOf);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ingress-advisor',
            version: options.toolVersion,
            ...(isSemver(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map(descriptorOf),
          },
        },
        invocations: [
          {
            // Files that could not be parsed are not findings; code scanning lists them as tool notifications.
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The repository root.' } } },
        // Code scanning rejects a run without `results`, so it is always present, even empty.
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function descriptorOf(rule: Rule) {
  const fixText = rule.fix.replace(/\{\{\s*(\w+)\s*\}\}/g, '<$1>');
  const fixMarkdown = formatMarkdownTemplate(rule.fix, placeholderData(rule.fix));
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: {
      text: `${rule.why}\n\nFix: ${fixText}`,
      markdown: `${rule.why}\n\n**Fix:** ${fixMarkdown}`,
    },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: tagsOf(rule.id) },
  };
}

/** Placeholders of a template shown as `<name>` in rule help (there is no finding to fill them). */
function placeholderData(template: string): Record<string, string> {
  const data: Record<string, string> = {};
  for (const match of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    const name = match[1] as string;
    data[name] = `<${name}>`;
  }
  return data;
}

function resultOf(finding: Finding, ruleIndex: number | undefined) {
  const uri = hasSourceFile(finding) ? artifactUri(finding.file) : null;
  const location =
    uri === null
      ? null
      : {
          physicalLocation: {
            artifactLocation: uri,
            ...(isLine(finding.line) ? { region: { startLine: finding.line } } : {}),
          },
          ...(finding.resource
            ? {
                logicalLocations: [
                  {
                    name: finding.resource.name,
                    fullyQualifiedName: qualifiedName(finding),
                    kind: 'resource',
                  },
                ],
              }
            : {}),
        };
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    ...(location ? { locations: [location] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(finding) },
    properties: { fix: finding.fix, ...(finding.unit ? { unit: finding.unit } : {}) },
  };
}

/**
 * A stable identity for a finding: rule, file, resource, message id and data, but not the line, so
 * code scanning keeps tracking the result when lines above it change.
 */
export function fingerprintOf(finding: Finding): string {
  const data = Object.keys(finding.data)
    .sort(compareText)
    .map((key) => [key, finding.data[key]]);
  const resource = finding.resource
    ? [finding.resource.apiVersion, finding.resource.kind, finding.resource.namespace, finding.resource.name]
    : null;
  const identity = JSON.stringify([
    finding.ruleId,
    normalisePath(finding.file),
    resource,
    finding.messageId,
    data,
  ]);
  return createHash('sha256').update(identity).digest('hex');
}

function notificationOf(file: FileResult) {
  const uri = artifactUri(file.path);
  return {
    level: 'error',
    message: { text: `${file.path} could not be read: ${file.reason ?? 'unknown error.'}` },
    ...(uri === null
      ? {}
      : {
          locations: [
            {
              physicalLocation: {
                artifactLocation: uri,
                ...(isLine(file.line)
                  ? {
                      region: {
                        startLine: file.line,
                        ...(isLine(file.column) ? { startColumn: file.column } : {}),
                      },
                    }
                  : {}),
              },
            },
          ],
        }),
  };
}

/**
 * A relative path with forward slashes, percent-encoded per segment (a URI reference), based at the
 * repository root; absolute paths become `file:` URIs. Null for stdin.
 */
function artifactUri(path: string): { uri: string; uriBaseId?: string } | null {
  const normalised = normalisePath(path);
  if (normalised === '' || normalised === '-') return null;
  const windowsDrive = /^[A-Za-z]:\//.test(normalised);
  if (normalised.startsWith('/') || windowsDrive) {
    const segments = normalised
      .split('/')
      .map((segment, index) => (windowsDrive && index === 0 ? segment : encodeURIComponent(segment)));
    return { uri: `file://${windowsDrive ? '/' : ''}${segments.join('/')}` };
  }
  return { uri: normalised.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function qualifiedName(finding: Finding): string {
  const resource = finding.resource;
  if (!resource) return '';
  return `${resource.kind}/${resource.namespace ?? '-'}/${resource.name}`;
}

/** `lb-http-consolidate` → `LbHttpConsolidate`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

const AREA_TAGS: ReadonlyArray<[prefix: string, tag: string]> = [
  ['lb-', 'loadbalancer'],
  ['ingress-', 'ingress'],
  ['gateway-', 'gateway-api'],
  ['service-', 'service'],
  ['helm-', 'helm'],
  ['manifest-', 'manifest'],
  ['yaml-', 'manifest'],
  ['api-', 'api-version'],
];

function tagsOf(id: string): string[] {
  const area = AREA_TAGS.find(([prefix]) => id.startsWith(prefix))?.[1];
  return area ? ['kubernetes', area] : ['kubernetes'];
}

function isSemver(version: string): boolean {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
}
