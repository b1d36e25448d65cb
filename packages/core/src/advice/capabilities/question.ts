/**
 * Yes/no capability questions: "can the AWS Load Balancer Controller put TCP and HTTPS on one
 * Gateway?", "does GKE support mixed-protocol Services?". Recognised by their form and by naming a
 * known implementation and capability; answered from the facts, never from prose.
 */
import { YES_NO_QUESTION } from '../internal/intent.js';
import { CAPABILITIES, CAPABILITY_FACTS, IMPLEMENTATIONS } from './index.js';
import type { Capability, CapabilityFact, Implementation } from './types.js';

/** What a capability question names, and the fact that answers it when there is one. */
export interface CapabilityQuestion {
  capability: Capability;
  /** The implementation named; absent when the question names none ("does Gateway API support mTLS?"). */
  implementation?: Implementation;
  /** The fact for the pair; absent when none has been checked. */
  fact?: CapabilityFact;
}

/** "Can/does/is ... ?", or "... support(s) ...", "is it possible", "able to". */
const YES_NO_FORM = new RegExp(
  `${YES_NO_QUESTION.source}|\\bsupports?\\b|\\bsupported\\b|\\b(?:is it|is that) possible\\b|\\bable to\\b|\\bworks? with\\b`,
);

/**
 * The capability a canonical question asks about, with the implementation and fact, or null when
 * it is not a yes/no question about a known capability.
 */
export function readCapabilityQuestion(text: string): CapabilityQuestion | null {
  if (!YES_NO_FORM.test(text)) return null;
  // Of the capabilities and implementations named, the first pair with a checked fact, a product
  // before the specification it implements ("does Cilium support Gateway API TCPRoute?").
  const mixed = mixesLayers(text);
  const capabilities = mixed === undefined ? byPosition(mentions(CAPABILITIES, text)) : [mixed];
  if (capabilities.length === 0) return null;
  const named = mentions(IMPLEMENTATIONS, text)
    .sort(
      (a, b) =>
        Number(SPECIFICATIONS.has(a.entry.id)) - Number(SPECIFICATIONS.has(b.entry.id)) || a.at - b.at,
    )
    .map(({ entry }) => entry);
  for (const capability of capabilities) {
    for (const implementation of named) {
      const fact = CAPABILITY_FACTS.find(
        (candidate) =>
          candidate.implementation === implementation.id && candidate.capability === capability.id,
      );
      if (fact !== undefined) return { capability, implementation, fact };
    }
  }
  const capability = capabilities[0] as Capability;
  const implementation = named[0];
  return implementation === undefined ? { capability } : { capability, implementation };
}

/** Implementations that are specifications, named only when no product is. */
const SPECIFICATIONS = new Set(['gateway-api', 'kubernetes-service']);

const MIXED_LAYERS = CAPABILITIES.find((capability) => capability.id === 'mixed-l4-l7-gateway');

/**
 * L4 and L7 routes asked about on one Gateway ("a TCPRoute and an HTTPRoute on the same Gateway",
 * "TCP and HTTPS on a single Gateway"), however worded: the capability of mixing them.
 */
function mixesLayers(text: string): Capability | undefined {
  const layer4 = /\b(?:tcproutes?|udproutes?|tlsroutes?|tcp|udp)\b/.test(text);
  const layer7 = /\b(?:httproutes?|grpcroutes?|https?|grpc)\b/.test(text);
  const oneGateway = /\b(?:same|one|single|a|the)\s+gateway\b/.test(text);
  return layer4 && layer7 && oneGateway ? MIXED_LAYERS : undefined;
}

/** Every entry the text names, with where it first names it and how long that alias is. */
function mentions<T extends { aliases: string[] }>(
  entries: readonly T[],
  text: string,
): Array<{ entry: T; at: number; length: number }> {
  return entries.flatMap((entry) => {
    let found: { entry: T; at: number; length: number } | undefined;
    for (const alias of entry.aliases) {
      const at = indexOfWord(text, alias);
      if (at < 0) continue;
      if (found === undefined || at < found.at || (at === found.at && alias.length > found.length)) {
        found = { entry, at, length: alias.length };
      }
    }
    return found === undefined ? [] : [found];
  });
}

/** The entries in the order the text names them, the longer alias first at one place. */
function byPosition<T>(named: ReadonlyArray<{ entry: T; at: number; length: number }>): T[] {
  return [...named].sort((a, b) => a.at - b.at || b.length - a.length).map(({ entry }) => entry);
}

/** Where `phrase` occurs in `text` as whole words, or -1. */
function indexOfWord(text: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    const before = at === 0 ? ' ' : (text[at - 1] as string);
    const after = text[at + phrase.length] ?? ' ';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
    from = at + 1;
  }
}
