/**
 * Capability facts: what an implementation (a cloud load balancer controller, an ingress or
 * Gateway API implementation) can and cannot do, each with its source and the version it was
 * checked against. Yes/no questions ("can X do Y?", "does X support Y?") are answered from these
 * facts, so they can be reviewed and updated as data rather than found in prose.
 */
import type { Source, TopicId } from '../topics/types.js';

/** Something that can or cannot do things: a controller, an implementation, a cloud load balancer. */
export interface Implementation {
  /** Stable id, kebab-case: `aws-load-balancer-controller`, `gke-gateway`, `ingress-nginx`, ... */
  id: string;
  /** How answers name it: "the AWS Load Balancer Controller". */
  name: string;
  /**
   * How questions name it, lower case, after the question text is made canonical (see
   * `understand.ts`: "load balancer" → "loadbalancer", "ingress-nginx" → "ingressnginx", ...).
   */
  aliases: string[];
}

/** A thing one may ask about: TCPRoute, mixed TCP and HTTP on one Gateway, client-certificate auth... */
export interface Capability {
  /** Stable id, kebab-case: `tcp-route`, `mixed-l4-l7-gateway`, `frontend-mtls`, ... */
  id: string;
  /** How answers name it: "TCPRoute". */
  name: string;
  /** How questions name it, lower case and canonical like `Implementation.aliases`. */
  aliases: string[];
  /** The topic whose answer explains it further. */
  topic: TopicId;
}

/** One fact: whether an implementation has a capability. */
export interface CapabilityFact {
  implementation: string;
  capability: string;
  answer: 'yes' | 'no' | 'partly';
  /**
   * The direct answer, starting with "Yes", "No" or "Partly" and naming the implementation:
   * "No: the AWS Load Balancer Controller puts TCP, UDP and TLS routes on an NLB and HTTP and gRPC
   * routes on an ALB, each Gateway class its own load balancer."
   */
  statement: string;
  /** What to do instead (or how to turn it on), when the answer is not a plain yes. */
  alternative?: string;
  source: Source;
  /** What it was checked against: "AWS Load Balancer Controller v3.5.0 docs (2026-08-03)". */
  checkedAgainst: string;
}
