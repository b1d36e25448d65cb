/**
 * The Report: the one model every adapter renders (PR comment, Slack, terminal, JSON, SARIF).
 * Its JSON form is a contract (DESIGN.md): change it only with a CHANGELOG entry and a new
 * `schemaVersion`. Fields may be added.
 */
import type { SetAdvice } from '../advice/types.js';
import type { Exposure } from '../exposure/exposure.js';
import type { ServiceTraffic } from '../exposure/traffic.js';
import type { PortProtocol } from '../known/ports.js';
import type { LoadBalancerProvider } from '../known/prices.js';
import type { FileResult } from '../manifests/load.js';
import type { ObjectRef } from '../manifests/objects.js';
import type { Finding, Severity } from '../rules/define-rule.js';

/** 2: units (`units[]`, `unit` on every entry and finding, `role` on load balancers); 1 had none. */
export const REPORT_SCHEMA_VERSION = 2;

/** A deployment unit, analysed on its own (see units/discover.ts). */
export interface UnitEntry {
  id: string;
  kind: 'kustomize' | 'helm' | 'files' | 'stdin';
  /** Its directory, relative, posix; `-` for standard input. */
  path: string;
  /** Helm: values files relative to the chart, in order; [] = the chart's defaults. */
  values: string[];
  renderer: 'kustomize' | 'kubectl' | 'helm' | 'builtin';
  status: 'rendered' | 'approximated' | 'error';
  /** What the renderer could not do, or why it failed, and what to do. */
  message?: string;
  /** The advice for this unit's load balancers and Ingresses, when it has any. */
  advice?: SetAdvice;
}

/** An object of the set: what it is and where it is written. */
export interface ResourceEntry extends ObjectRef {
  file: string;
  /** 1-based line where the object starts. */
  line: number;
  /** 0-based index of the YAML document in the file. */
  doc: number;
  /** The id of the unit that deploys it. */
  unit: string;
  /** Where else the same object is written (plain manifests copied into several folders): counted once. */
  copies?: Array<{ file: string; line: number }>;
}

export interface LoadBalancerPortEntry {
  name: string | null;
  port: number;
  targetPort: number | string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  appProtocol: string | null;
  /** What we believe the port carries, and from which hint. */
  detected: PortProtocol;
  what: string;
}

/** A Service of `type: LoadBalancer`; `line` is the line of `type: LoadBalancer`. */
export interface LoadBalancerEntry extends ResourceEntry {
  ports: LoadBalancerPortEntry[];
  traffic: ServiceTraffic;
  exposure: Exposure;
  exposureReason: string;
  loadBalancerClass: string | null;
  provider: LoadBalancerProvider;
  /**
   * `entry-point`: the Service of an ingress or gateway controller, the shared entry point that app
   * load balancers should join, never one to consolidate; `app` otherwise.
   */
  role: 'app' | 'entry-point';
  /** The controller an entry point fronts, e.g. `{ id: 'ingress-nginx', name: 'ingress-nginx' }`. */
  controller?: { id: string; name: string };
  /** What recognised an entry point (an image, a label, a name). */
  roleReason?: string;
  /** Indicative monthly base price of this load balancer. */
  monthlyCost: number;
}

export interface IngressEntry extends ResourceEntry {
  ingressClassName: string | null;
  hosts: string[];
  tls: boolean;
  backends: Array<{ service: string | null; port: number | string | null }>;
}

/**
 * Counts of the whole analysis. Load balancers and their cost count each Service once, however
 * many units deploy it (same apiVersion, kind, namespace and name); `loadBalancers[]` lists it per unit.
 */
export interface ReportSummary {
  units: Record<UnitEntry['status'], number>;
  files: Record<FileResult['status'], number>;
  resources: number;
  loadBalancers: { total: number; http: number; l4: number; mixed: number; unknown: number };
  findings: Record<Severity, number>;
  /** Findings silenced by `ingress-advisor.io/ignore` annotations. */
  suppressed: number;
  /** Indicative monthly base cost of the set's load balancers. */
  monthlyLoadBalancerCost: number;
  currency: string;
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  units: UnitEntry[];
  files: FileResult[];
  resources: ResourceEntry[];
  loadBalancers: LoadBalancerEntry[];
  ingresses: IngressEntry[];
  gatewayApi: ResourceEntry[];
  findings: Finding[];
  /** The recommendation: the unit's, when one unit has load balancers; else all units' plans together. */
  advice: SetAdvice;
  summary: ReportSummary;
}
