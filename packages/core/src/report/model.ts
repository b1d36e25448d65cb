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

export const REPORT_SCHEMA_VERSION = 1;

/** An object of the set: what it is and where it is written. */
export interface ResourceEntry extends ObjectRef {
  file: string;
  /** 1-based line where the object starts. */
  line: number;
  /** 0-based index of the YAML document in the file. */
  doc: number;
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
  /** Indicative monthly base price of this load balancer. */
  monthlyCost: number;
  /** Set when a Kustomize patch makes this Service a LoadBalancer: the patched object. */
  patchOf?: ObjectRef;
}

export interface IngressEntry extends ResourceEntry {
  ingressClassName: string | null;
  hosts: string[];
  tls: boolean;
  backends: Array<{ service: string | null; port: number | string | null }>;
}

export interface ReportSummary {
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
  files: FileResult[];
  resources: ResourceEntry[];
  loadBalancers: LoadBalancerEntry[];
  ingresses: IngressEntry[];
  gatewayApi: ResourceEntry[];
  findings: Finding[];
  /** The recommendation for the set as a whole. */
  advice: SetAdvice;
  summary: ReportSummary;
}
