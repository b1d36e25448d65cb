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
  sources: Source[];
}
