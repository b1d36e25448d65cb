/** Topics: questions that are not a choice between options ("what is the difference...?"). */

export const TOPIC_IDS = [
  'difference',
  'ingress-required',
  'controller-choice',
  'gateway-vs-ingress',
  'cost',
  'performance',
  'tls',
  'migration-lb-to-ingress',
  'migration-ingress-to-gateway',
  'troubleshoot-service-no-pods',
  'troubleshoot-ingress-rules-ignored',
  'troubleshoot-aws-wrong-lb',
  'troubleshoot-pending-external-ip',
  'bare-metal',
  'client-source-ip',
  'timeouts-websockets',
  'grpc',
  'mtls',
  'mixed-protocols',
  'internal-lb',
  'troubleshoot-502-health-checks',
  'share-load-balancer',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/** A source an answer cites. */
export interface Source {
  title: string;
  url: string;
}

/** The answer to a topic: short first, then details, an example where one helps, and sources. */
export interface Topic {
  id: TopicId;
  title: string;
  /** Two or three sentences that answer the question on their own (Markdown inline). */
  short: string;
  /** The details, in Markdown (paragraphs and lists; no headings above level 4). */
  details: string;
  /** YAML to copy or a command to run, when one helps. */
  example?: { language: 'yaml' | 'sh'; caption: string; code: string };
  /** What differs per platform, where it does (Markdown, a sentence or a short list each). */
  providers?: Partial<Record<Provider, string>>;
  sources: Source[];
  /**
   * How people ask about the topic, in our own words (6 to 12 questions, several styles: terse,
   * chatty, an error message pasted, a typo): what the retrieval index learns the topic from.
   */
  examples: string[];
  /** Words and phrases that point at the topic: product names, error strings, annotations, fields. */
  terms: string[];
  /** Whether the topic is about something broken, so a ranking of options would not help. */
  troubleshooting?: boolean;
}

/** Platforms a topic may have notes for. */
export const PROVIDERS = ['aws', 'gke', 'aks', 'bare-metal'] as const;
export type Provider = (typeof PROVIDERS)[number];
