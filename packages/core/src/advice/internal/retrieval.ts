/**
 * Which topics a question is near, by retrieval: BM25 (MiniSearch) over each topic's own example
 * questions and key terms, all read in the same canonical form as the question, with fuzzy and
 * prefix matching for the typos and word forms the vocabulary does not fold. The hand-written cues
 * of `intent.ts` are precise on the phrasings they know; this generalises to the ones they do not.
 */
import MiniSearch from 'minisearch';
import { TOPICS } from '../topics/index.js';
import type { TopicId } from '../topics/types.js';
import { canonicalise } from './canonical.js';

/** The class of questions that describe a workload and ask how to expose it: a ranking answers them. */
export const CHOOSE = 'choose';

/** A topic (or CHOOSE) and how near the question is to it; scores compare within one question only. */
export interface TopicMatch {
  topic: TopicId | typeof CHOOSE;
  score: number;
}

/**
 * How people describe a workload and ask what to expose it with, in our own words: the retrieval
 * index learns CHOOSE from these, so a situation is told from a question about a topic.
 */
const CHOICE_EXAMPLES: readonly string[] = [
  'three web apps on one domain with https, what should we use',
  'expose our api and frontend to the internet, ingress or a loadbalancer service',
  'one public http service, nothing to route, what is simplest',
  'postgres database needs to be reachable by a partner over tcp 5432',
  'game server on udp 7777 for players on the internet',
  'mqtt broker for devices in the field, port 8883',
  'dns resolver for clients outside the cluster on udp 53',
  'ten microservices each with its own hostname and tls certificates',
  'route /api and /web on the same host to two services',
  'canary release with 5 percent of traffic to the new version',
  'platform team owns the entry point, app teams own their routes',
  'home lab behind cgnat without a public ip, want to share a dashboard',
  'no inbound ports allowed by security, the app must still be public',
  'smtp relay on port 25 for internal mail',
  'grpc and rest apis for several teams on one address',
  'best way to publish a single tcp service with the lowest latency',
  'a redis cache that an app in another vpc must reach',
  'voip with sip on udp 5060 and rtp ports',
  'websocket chat app plus a rest api, one domain',
  'we are starting a new cluster, how should services be exposed',
  'kafka brokers for producers outside the cluster',
  'ldap server for the office network',
  'a static website and an admin panel behind one certificate',
  'expose prometheus and grafana to the team',
  'what to use for a few http services on gke with managed certificates',
  'options to expose a service on eks',
  'blue green deployment, shift traffic by weight between two versions',
  'mirror a share of production traffic to a new release',
];

/** Words that say nothing about a topic (after canonicalisation). */
const STOP_WORDS = new Set(
  `a about after all also am an and any are as at be because been before being but by can could did
  do does doing for from get gets got had has have having how i if in into is it its just me more my
  no not of on or our ours out over should so some such than that the their them then there these
  they this those to too up us very was we were what when where which while who why will with would
  you your yours want wants need needs use using used one ones way make makes thing things hey hi
  please thanks anyone someone know tell help`.split(/\s+/),
);

interface IndexedText {
  id: number;
  topic: TopicMatch['topic'];
  text: string;
}

let index: MiniSearch<IndexedText> | undefined;
/** How well a word tells topics apart: 1 for a word one class uses, less the more classes use it. */
let distinctiveness: (term: string) => number = () => 1;

function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  return STOP_WORDS.has(word) || word.length < 2 ? null : stem(word);
}

function buildIndex(): MiniSearch<IndexedText> {
  const texts = indexedTexts();
  // How many classes use each word: "nlb" or "ingress" turn up in many topics' examples and tell
  // them apart less than "pricier" or "passthrough" do, which BM25 over single examples misses.
  const classesOf = new Map<string, Set<string>>();
  for (const { topic, text } of texts) {
    for (const token of MiniSearch.getDefault('tokenize')(text) as string[]) {
      const term = processTerm(token);
      if (term === null) continue;
      const classes = classesOf.get(term) ?? new Set();
      classes.add(topic);
      classesOf.set(term, classes);
    }
  }
  const classCount = TOPICS.length + 1;
  distinctiveness = (term) => {
    const spread = classesOf.get(term)?.size ?? 1;
    return Math.log(1 + classCount / spread) / Math.log(1 + classCount);
  };
  const search = new MiniSearch<IndexedText>({
    fields: ['text'],
    storeFields: ['topic'],
    processTerm,
    searchOptions: {
      boostTerm: (term) => distinctiveness(term),
      combineWith: 'OR',
      // Typos of longer words the vocabulary does not know; short words must match as they are.
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      prefix: (term) => term.length >= 5,
      weights: { fuzzy: 0.4, prefix: 0.6 },
    },
  });
  search.addAll(texts);
  return search;
}

/** What the index holds: each topic's examples, and each of its terms on its own; CHOOSE's examples. */
function indexedTexts(): IndexedText[] {
  let id = 0;
  const texts: IndexedText[] = [];
  for (const topic of TOPICS) {
    for (const example of topic.examples) {
      texts.push({ id: id++, topic: topic.id, text: canonicalise(example).text });
    }
    // Each term a text of its own: a short text that matches ranks high, as a key term should.
    for (const term of [topic.title, ...topic.terms]) {
      texts.push({ id: id++, topic: topic.id, text: canonicalise(term).text });
    }
  }
  for (const example of CHOICE_EXAMPLES) {
    texts.push({ id: id++, topic: CHOOSE, text: canonicalise(example).text });
  }
  return texts;
}

/**
 * The topics nearest to a canonical question text, best first: each topic scores its best matching
 * text plus a third of its second, so a topic many of whose examples match beats one lucky example.
 */
export function retrieveTopics(canonicalText: string): TopicMatch[] {
  index ??= buildIndex();
  const perTopic = new Map<TopicMatch['topic'], number[]>();
  for (const hit of index.search(canonicalText)) {
    const topic = hit.topic as TopicMatch['topic'];
    // A text that shares only words every topic uses ("api", "gke", "public") is no evidence.
    const telling = Math.max(...(hit.terms as string[]).map(distinctiveness));
    const scores = perTopic.get(topic) ?? [];
    scores.push(hit.score * telling * telling);
    perTopic.set(topic, scores);
  }
  // The best two after weighting, which need not be the first two MiniSearch ranked.
  for (const scores of perTopic.values()) scores.sort((a, b) => b - a);
  return [...perTopic]
    .map(([topic, [best = 0, second = 0]]) => ({ topic, score: best + second / 3 }))
    .sort((a, b) => b.score - a.score);
}

/** A light suffix stripper: plurals and common verb endings, so "timeouts", "timing out" meet. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
