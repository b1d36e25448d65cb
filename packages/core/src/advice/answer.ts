/**
 * `answer(question)`: one Answer for the bot, the CLI and the PR comment. A question about a topic
 * gets the topic; a situation gets the weighted ranking with its reasons and a YAML example; a
 * question that leaves out what decides gets follow-up questions with fixed choices and a
 * provisional recommendation. Pure: no I/O, no clock.
 */
import { formatMoney } from '../cost/cost.js';
import { sensitivePort } from '../known/ports.js';
import { DEFAULT_CURRENCY, LOAD_BALANCER_PRICES, type LoadBalancerProvider } from '../known/prices.js';
import { escapeMarkdown } from '../render/escape.js';
import type { CapabilityQuestion } from './capabilities/question.js';
import type { CapabilityFact } from './capabilities/types.js';
import { CRITERIA, normaliseWeights, OPTION_TITLES } from './criteria.js';
import { rankOptions } from './decide.js';
import { exampleFor } from './internal/examples.js';
import { sourcesFor } from './internal/sources.js';
import { needsHttp, needsLayer4, type Requirements, splitMixedTraffic } from './requirements.js';
import { topicById } from './topics/index.js';
import { PROVIDERS, type Provider, type Source, type Topic, type TopicId } from './topics/types.js';
import type { CriterionId, OptionId, RankedOption, Weights } from './types.js';
import { describeRequirements, listOf, situationSize, understand } from './understand.js';

/** A question asked back, with fixed choices (rendered as buttons by the bot). */
export interface FollowUp {
  /** Stable id: `protocol`, `services` or `constraint`. */
  id: string;
  question: string;
  choices: Array<{ value: string; label: string }>;
}

/** The answer to a question. Adapters render it; they do not re-decide. */
export interface Answer {
  /**
   * `recommendation`: a ranking for a situation; `topic`: an explanation or a troubleshooting guide;
   * `direct`: a yes/no answer to a capability question; `clarification`: questions asked back.
   */
  kind: 'recommendation' | 'topic' | 'direct' | 'clarification';
  /** The option recommended; for a clarification, the provisional one. */
  recommended?: OptionId;
  /** Every option with its weighted score (0–100) and reasons, best first. */
  ranking?: RankedOption[];
  /** The topic answered, for `kind: 'topic'`. */
  topic?: TopicId;
  /** What was understood, as requirements (pass back with a follow-up answer). */
  requirements: Requirements;
  /** What was understood, in words, so a user can correct it. */
  understood: string[];
  followUps: FollowUp[];
  /**
   * The answer sized for a chat, in Markdown: the direct answer or recommendation, a few lines of
   * why, and the one example. Adapters show it first.
   */
  short: string;
  /** The whole answer in Markdown: every reason, the ranking, platform notes and sources. */
  markdown: string;
  /** For `kind: 'direct'`: the yes/no answer and the fact behind it. */
  direct?: DirectAnswer;
  /** A follow-up choice that left the ranking as it was: `short` says so instead of repeating it. */
  unchanged?: true;
  sources: Source[];
  /** Ids of the follow-ups already answered in this conversation. */
  answeredFollowUps?: string[];
  /**
   * Mixed HTTP and TCP/UDP traffic is decided in two parts: `recommended` and `ranking` are then the
   * HTTP services', and this is the TCP/UDP part's.
   */
  layer4?: Layer4Part;
}

/** A yes/no answer from a checked capability fact. */
export interface DirectAnswer {
  answer: CapabilityFact['answer'];
  implementation: string;
  capability: string;
  /** The sentence that answers, starting with Yes, No or Partly. */
  statement: string;
  checkedAgainst: string;
}

/** The TCP/UDP part of a mixed question, decided on its own. */
export interface Layer4Part {
  recommended: OptionId;
  ranking: RankedOption[];
  /** The TCP/UDP traffic in words, e.g. "TCP 1883 (MQTT)". */
  traffic: string[];
}

/** What else `answer` may know. */
export interface AnswerContext {
  /** Criterion weights overriding the article's (any scale; normalised). */
  weights?: Partial<Record<CriterionId, number>>;
  /** The previous answer in the conversation. */
  previous?: Answer;
  /** The user's choice for one of `previous.followUps`. */
  followUp?: { id: string; choice: string };
}

/** The follow-up questions, with what each choice adds to the requirements. */
const FOLLOW_UPS: ReadonlyArray<
  FollowUp & {
    missing: (r: Requirements) => boolean;
    apply: (r: Requirements, choice: string) => Requirements;
  }
> = [
  {
    id: 'protocol',
    question: 'What does the traffic speak?',
    choices: [
      { value: 'http', label: 'HTTP(S)' },
      { value: 'tcp', label: 'TCP' },
      { value: 'udp', label: 'UDP' },
      { value: 'mixed', label: 'Mixed (HTTP and TCP/UDP)' },
    ],
    missing: (r) => r.protocols === undefined && r.ports === undefined,
    apply: (r, choice) => {
      const protocols: Requirements['protocols'] =
        choice === 'http'
          ? ['http']
          : choice === 'tcp'
            ? ['tcp']
            : choice === 'udp'
              ? ['udp']
              : ['http', 'tcp'];
      return { ...r, protocols };
    },
  },
  {
    id: 'services',
    question: 'How many services need exposing?',
    choices: [
      { value: '1', label: '1' },
      { value: '2-5', label: '2–5' },
      { value: 'more', label: 'More than 5' },
    ],
    missing: (r) =>
      r.serviceCount === undefined &&
      r.manyServices === undefined &&
      !r.hostRouting &&
      !r.pathRouting &&
      !r.existing?.manyLoadBalancers,
    apply: (r, choice) => {
      const next: Requirements = { ...r };
      if (choice === '1') {
        next.serviceCount = 1;
        delete next.manyServices;
      } else {
        delete next.serviceCount;
        next.manyServices = true;
      }
      return next;
    },
  },
  {
    id: 'constraint',
    question: 'Anything that must hold?',
    choices: [
      { value: 'none', label: 'Nothing special' },
      { value: 'no-inbound', label: 'No inbound ports' },
      { value: 'latency', label: 'Lowest latency' },
      { value: 'cost', label: 'Lowest cost' },
      { value: 'teams', label: 'Separate platform and app teams' },
      { value: 'internal', label: 'Internal only' },
    ],
    missing: (r) =>
      r.noInboundPorts === undefined &&
      r.latencySensitive === undefined &&
      r.costSensitive === undefined &&
      r.roleSeparation === undefined &&
      r.internalOnly === undefined &&
      r.trafficSplitting === undefined,
    apply: (r, choice) => {
      switch (choice) {
        case 'no-inbound':
          return { ...r, noInboundPorts: true };
        case 'latency':
          return { ...r, latencySensitive: true };
        case 'cost':
          return { ...r, costSensitive: true };
        case 'teams':
          return { ...r, roleSeparation: true };
        case 'internal':
          return { ...r, internalOnly: true };
        default:
          return { ...r };
      }
    },
  },
];

/** The follow-up that asks which topic an unclear question is about. */
const TOPIC_FOLLOW_UP = 'topic';
/** Its choice for "none of these: help me choose how to expose a service". */
const CHOOSE_INSTEAD = 'choose';

/** Answers a question; never throws. */
export function answer(question: string, context: AnswerContext = {}): Answer {
  const weights = normaliseWeights(context.weights ?? {});
  const previous = context.previous;
  if (previous !== undefined && context.followUp !== undefined) {
    const { id, choice } = context.followUp;
    const asked = previous.followUps.find((followUp) => followUp.id === id);
    if (id === TOPIC_FOLLOW_UP && asked?.choices.some((c) => c.value === choice) === true) {
      const requirements = previous.requirements ?? {};
      return choice === CHOOSE_INSTEAD
        ? decide(requirements, weights, [TOPIC_FOLLOW_UP])
        : topicAnswer(choice as TopicId, requirements);
    }
    const spec = FOLLOW_UPS.find((f) => f.id === id);
    const valid = spec?.choices.some((c) => c.value === choice) === true;
    if (spec !== undefined && valid) {
      const requirements = spec.apply(previous.requirements ?? {}, choice);
      const answered = [...new Set([...(previous.answeredFollowUps ?? []), spec.id])];
      const next = decide(requirements, weights, answered);
      return previous.kind === 'recommendation' && sameRanking(previous, next)
        ? unchanged(next, spec.choices.find((c) => c.value === choice)?.label ?? choice)
        : next;
    }
  }
  const understanding = understand(typeof question === 'string' ? question : String(question));
  const { capability, requirements: understood } = understanding;
  if (capability?.fact !== undefined) return directAnswer(capability.fact, capability, understood);
  if (capability !== null) {
    const about =
      capability.implementation === undefined
        ? `whether that works depends on the implementation, and the question names none I have checked facts for`
        : `I have no checked fact on whether ${capability.implementation.name} supports ${capability.capability.name}`;
    return topicAnswer(
      capability.capability.topic,
      understood,
      `${capitalise(about)}; here is what decides it.`,
    );
  }
  if (understanding.topic !== null) return topicAnswer(understanding.topic, understood);
  if (understanding.unsureBetween.length > 0)
    return topicClarification(understanding.unsureBetween, understood);
  let requirements = understood;
  let answered: string[] = [];
  // A reply in words to a question we asked back refines the previous requirements.
  if (previous?.kind === 'clarification') {
    requirements = { ...previous.requirements, ...requirements };
    answered = previous.answeredFollowUps ?? [];
  }
  return decide(requirements, weights, answered);
}

function decide(requirements: Requirements, weights: Weights, answered: string[]): Answer {
  const open = FOLLOW_UPS.filter((f) => !answered.includes(f.id) && f.missing(requirements));
  const clarify = situationSize(requirements) === 0 && open.length > 0;
  const split = clarify ? undefined : splitMixedTraffic(requirements);
  const decided = split?.http ?? requirements;
  const ranking = rankOptions(decided, weights);
  const recommended = ranking[0]?.option ?? 'gateway-api';
  const layer4 = split === undefined ? undefined : layer4Part(split.layer4, weights);
  // Ask only what would change the answer; a clarification asks what is missing, up to three.
  const followUps = (clarify ? open : open.filter((f) => changesWinner(f, decided, weights, recommended)))
    .slice(0, clarify ? 3 : 2)
    .map(({ id, question, choices }) => ({ id, question, choices: choices.map((c) => ({ ...c })) }));
  const understood = describeRequirements(requirements);
  const runnerUp = ranking.find((r, index) => index > 0 && r.excludedBecause === undefined)?.option;
  const sources = sourcesFor(recommended, decided, runnerUp);
  if (split !== undefined && layer4 !== undefined) {
    for (const source of sourcesFor(layer4.recommended, split.layer4)) {
      if (!sources.some((s) => s.url === source.url)) sources.push(source);
    }
  }
  const { short, markdown } = renderRecommendation({
    clarify,
    ranking,
    recommended,
    requirements: decided,
    weights,
    understood,
    followUps,
    sources,
    layer4:
      split === undefined || layer4 === undefined ? undefined : { ...layer4, requirements: split.layer4 },
  });
  const result: Answer = {
    kind: clarify ? 'clarification' : 'recommendation',
    recommended,
    ranking,
    requirements,
    understood,
    followUps,
    short,
    markdown,
    sources,
  };
  if (answered.length > 0) result.answeredFollowUps = answered;
  if (layer4 !== undefined) result.layer4 = layer4;
  return result;
}

/** Whether two answers rank the options in the same order. */
function sameRanking(a: Answer, b: Answer): boolean {
  const order = (answer: Answer) => (answer.ranking ?? []).map((option) => option.option).join(',');
  return a.recommended === b.recommended && order(a) === order(b);
}

/** The answer to a follow-up choice that changed nothing: says so, keeps the rest to ask. */
function unchanged(next: Answer, choice: string): Answer {
  const title = OPTION_TITLES[next.recommended ?? 'gateway-api'];
  const score = next.ranking?.[0]?.score ?? 0;
  const rest = next.followUps.length === 0 ? '' : ' Other answers below may still change it.';
  return {
    ...next,
    unchanged: true,
    short: `**Still ${title}** (${score}/100): "${escapeMarkdown(choice)}" does not change the answer.${rest}\n`,
  };
}

function layer4Part(requirements: Requirements, weights: Weights): Layer4Part {
  const ranking = rankOptions(requirements, weights);
  const traffic = describeRequirements({
    ...(requirements.protocols ? { protocols: requirements.protocols } : {}),
    ...(requirements.ports ? { ports: requirements.ports } : {}),
  });
  return { recommended: ranking[0]?.option ?? 'loadbalancer', ranking, traffic };
}

function changesWinner(
  followUp: (typeof FOLLOW_UPS)[number],
  requirements: Requirements,
  weights: Weights,
  winner: OptionId,
): boolean {
  return followUp.choices.some(
    (choice) => rankOptions(followUp.apply(requirements, choice.value), weights)[0]?.option !== winner,
  );
}

// ---------------------------------------------------------------------------------------------
// Markdown.

function topicAnswer(id: TopicId, requirements: Requirements, lead?: string): Answer {
  const topic = topicById(id);
  const understood = describeRequirements(requirements);
  const opening = [`**${topic.title}**`, '', ...(lead === undefined ? [] : [lead, '']), topic.short];
  const example =
    topic.example === undefined
      ? []
      : ['', `**${topic.example.caption}**`, '', fence(topic.example.code, topic.example.language)];
  const lines: string[] = [...opening, '', topic.details, ...providerNotes(topic), ...example];
  const sources = topic.sources.map((s) => ({ ...s }));
  if (understood.length > 0)
    lines.push('', '**What I understood**', '', ...understood.map((u) => `- ${escapeMarkdown(u)}`));
  lines.push('', ...renderSources(sources));
  return {
    kind: 'topic',
    topic: id,
    requirements,
    understood,
    followUps: [],
    short: `${[...opening, ...example].join('\n').trim()}\n`,
    markdown: `${lines.join('\n').trim()}\n`,
    sources,
  };
}

/** A yes/no answer from a fact: the answer first, what to do instead, then the topic behind it. */
function directAnswer(
  fact: CapabilityFact,
  question: CapabilityQuestion,
  requirements: Requirements,
): Answer {
  const topic = topicById(question.capability.topic);
  const understood = describeRequirements(requirements);
  const checked = `Checked against ${fact.checkedAgainst} ([${escapeMarkdown(fact.source.title)}](${fact.source.url})).`;
  const opening = [
    fact.statement.replace(
      /^(Yes|No|Partly)\b[:,.]?\s*(.)/,
      (_, word: string, next: string) => `**${word}.** ${next.toUpperCase()}`,
    ),
    ...(fact.alternative === undefined ? [] : ['', fact.alternative]),
    '',
    checked,
  ];
  const example =
    topic.example === undefined
      ? []
      : ['', `**${topic.example.caption}**`, '', fence(topic.example.code, topic.example.language)];
  const sources = [fact.source, ...topic.sources.filter((s) => s.url !== fact.source.url)].map((s) => ({
    ...s,
  }));
  const lines = [
    ...opening,
    '',
    `**${topic.title}**`,
    '',
    topic.short,
    '',
    topic.details,
    ...providerNotes(topic),
    ...example,
    '',
    ...renderSources(sources),
  ];
  return {
    kind: 'direct',
    topic: topic.id,
    direct: {
      answer: fact.answer,
      implementation: fact.implementation,
      capability: fact.capability,
      statement: fact.statement,
      checkedAgainst: fact.checkedAgainst,
    },
    requirements,
    understood,
    followUps: [],
    short: `${[...opening, '', topic.short, ...example].join('\n').trim()}\n`,
    markdown: `${lines.join('\n').trim()}\n`,
    sources,
  };
}

/** A question near several topics and none clearly: ask which, with the likeliest as choices. */
function topicClarification(candidates: readonly TopicId[], requirements: Requirements): Answer {
  const followUp: FollowUp = {
    id: TOPIC_FOLLOW_UP,
    question: 'Which of these is your question about?',
    choices: [
      ...candidates.map((id) => ({ value: id, label: topicById(id).title })),
      { value: CHOOSE_INSTEAD, label: 'Choosing how to expose a service' },
    ],
  };
  const text = [
    '**I am not sure what you are asking.**',
    '',
    `${followUp.question} ${followUp.choices.map((choice) => choice.label).join(' / ')}. Or ask again with more detail: the platform, what you see, what you expected.`,
  ].join('\n');
  return {
    kind: 'clarification',
    requirements,
    understood: describeRequirements(requirements),
    followUps: [followUp],
    short: `${text}\n`,
    markdown: `${text}\n`,
    sources: [],
  };
}

/** The topic's notes per platform, as a list under a bold title; nothing when it has none. */
function providerNotes(topic: Topic): string[] {
  const notes = PROVIDERS.flatMap((provider) =>
    topic.providers?.[provider] === undefined
      ? []
      : [`- **${PROVIDER_TITLES[provider]}**: ${topic.providers[provider]}`],
  );
  return notes.length === 0 ? [] : ['', '**Per platform**', '', ...notes];
}

const PROVIDER_TITLES: Record<Provider, string> = {
  aws: 'AWS (EKS)',
  gke: 'Google Cloud (GKE)',
  aks: 'Azure (AKS)',
  'bare-metal': 'Bare metal and on-premises',
};

interface RenderInput {
  clarify: boolean;
  ranking: RankedOption[];
  recommended: OptionId;
  requirements: Requirements;
  weights: Weights;
  understood: string[];
  followUps: FollowUp[];
  sources: Source[];
  layer4: (Layer4Part & { requirements: Requirements }) | undefined;
}

function renderRecommendation(input: RenderInput): { short: string; markdown: string } {
  const { ranking, recommended, requirements, weights } = input;
  const top = ranking[0];
  const title = OPTION_TITLES[recommended];
  const lines: string[] = [];
  const why = (top?.reasons ?? [])
    .filter((reason) => reason.startsWith('+'))
    .slice(0, 2)
    .map((reason) => reason.slice(2));
  if (input.clarify) {
    lines.push('**To recommend one option I need a little more.**', '');
    for (const followUp of input.followUps) {
      lines.push(`- ${followUp.question} (${followUp.choices.map((c) => c.label).join(' / ')})`);
    }
    lines.push(
      '',
      `**Provisional answer: ${title}** (${top?.score ?? 0}/100 on the default criteria). ${PROVISIONAL[recommended]}`,
    );
  } else if (input.layer4 !== undefined) {
    const { layer4 } = input;
    const traffic = listOf(layer4.traffic);
    lines.push(
      layer4.recommended === recommended
        ? `**Recommendation: ${title}, for the HTTP services and for ${escapeMarkdown(traffic)} alike**`
        : `**Recommendation: ${title} for the HTTP services; ${OPTION_TITLES[layer4.recommended]} for ${escapeMarkdown(traffic)}**`,
      '',
      `Mixed traffic is decided in two parts: an HTTP entry point cannot carry ${escapeMarkdown(traffic)}, and the HTTP services need not pay for that. For the HTTP services, ${title} scores ${top?.score ?? 0}/100${why.length > 0 ? `: ${why.join('; ')}` : ''}. For ${escapeMarkdown(traffic)}, ${OPTION_TITLES[layer4.recommended]} scores ${layer4.ranking[0]?.score ?? 0}/100.`,
    );
  } else {
    lines.push(`**Recommendation: ${title}** (${top?.score ?? 0}/100)`);
    if (why.length > 0) lines.push('', `${capitalise(why.join('; '))}.`);
    const runnerUp = ranking[1];
    if (runnerUp !== undefined && runnerUp.excludedBecause === undefined) {
      lines.push('', `Runner-up: ${runnerUp.title} (${runnerUp.score}/100).`);
    }
  }
  const headline = [...lines];
  lines.push('', '**What I understood**', '');
  if (input.understood.length === 0)
    lines.push('- nothing specific yet: protocols, services and constraints are open');
  else lines.push(...input.understood.map((u) => `- ${escapeMarkdown(u)}`));
  lines.push('', 'Something wrong? Ask again with the detail corrected.');

  const weightText = CRITERIA.map(({ id, title: t }) => `${t} ${Math.round(weights[id] * 100)}%`).join(', ');
  const { layer4 } = input;
  lines.push(
    '',
    layer4 === undefined ? '**Ranking**' : '**Ranking for the HTTP services**',
    '',
    `Weighted criteria: ${weightText}.`,
    '',
  );
  lines.push(...renderRanking(ranking));
  if (layer4 !== undefined) {
    lines.push(
      '',
      `**Ranking for ${escapeMarkdown(listOf(layer4.traffic))}**`,
      '',
      ...renderRanking(layer4.ranking),
    );
  }

  const notes = notesFor(recommended, requirements);
  if (layer4 !== undefined) {
    for (const note of notesFor(layer4.recommended, layer4.requirements))
      if (!notes.includes(note)) notes.push(note);
  }
  if (notes.length > 0) lines.push('', '**Good to know**', '', ...notes.map((note) => `- ${note}`));

  const examples = [exampleFor(recommended, requirements)];
  if (layer4 !== undefined) examples.push(exampleFor(layer4.recommended, layer4.requirements));
  const exampleBlocks = examples.map((example) => [
    '',
    `**Example: ${example.caption}**`,
    '',
    fence(example.yaml, 'yaml'),
  ]);
  for (const block of exampleBlocks) lines.push(...block);
  lines.push('', ...renderSources(input.sources));
  // Short: the recommendation, why in up to four lines, the runner-up, two notes, the one example;
  // the ranking, the other notes and the sources stay in the long form.
  const runnerUp = ranking[1];
  const short =
    input.clarify || layer4 !== undefined
      ? [...headline, ...(exampleBlocks[0] ?? [])]
      : [
          `**Recommendation: ${title}** (${top?.score ?? 0}/100)`,
          '',
          ...(top?.reasons ?? []).slice(0, 4).map((reason) => `- ${reason}`),
          ...(runnerUp !== undefined && runnerUp.excludedBecause === undefined
            ? ['', `Runner-up: ${runnerUp.title} (${runnerUp.score}/100).`]
            : []),
          // The first notes carry what the reader must know now: a retirement, a provider's catch, the saving.
          ...notes.slice(0, 2).flatMap((note) => ['', note]),
          ...(exampleBlocks[0] ?? []),
        ];
  return { short: `${short.join('\n').trim()}\n`, markdown: `${lines.join('\n').trim()}\n` };
}

function renderRanking(ranking: readonly RankedOption[]): string[] {
  return ranking.flatMap((option, index) =>
    option.excludedBecause !== undefined
      ? [`${index + 1}. ${option.title}: ruled out: ${option.excludedBecause}`]
      : [
          `${index + 1}. **${option.title}**: ${option.score}/100`,
          ...option.reasons.slice(0, 3).map((reason) => `   - ${reason}`),
        ],
  );
}

const PROVISIONAL: Record<OptionId, string> = {
  'gateway-api':
    'Gateway API is the recommended successor of Ingress and covers HTTP, gRPC, TLS, TCP and UDP routes; a single L4 service is simpler with a LoadBalancer.',
  ingress:
    'An Ingress puts several HTTP(S) services behind one entry point; UDP or raw TCP cannot go through it.',
  loadbalancer: 'A LoadBalancer Service is the least to run for one service or for TCP/UDP.',
  'edge-tunnel': 'An edge tunnel publishes services without opening inbound ports.',
};

const PROVIDER_OF_CLOUD: Record<string, LoadBalancerProvider> = {
  aws: 'aws-nlb',
  gcp: 'gcp',
  azure: 'azure',
  digitalocean: 'digitalocean',
};

function notesFor(recommended: OptionId, r: Requirements): string[] {
  const notes: string[] = [];
  const { udp, tcp } = needsLayer4(r);
  if (r.existing?.ingressNginx) {
    notes.push(
      'The community ingress-nginx controller was retired in March 2026: no more releases or security fixes. The Kubernetes project recommends Gateway API; ingress2gateway converts Ingress resources.',
    );
  }
  if (recommended === 'ingress') {
    notes.push(
      'The Ingress API is frozen (not removed): pick a maintained controller, not the retired ingress-nginx. Gateway API is its recommended successor.',
    );
  }
  if (recommended === 'gateway-api' && (udp || tcp)) {
    notes.push(
      'TCPRoute and UDPRoute are GA (`v1`) only from Gateway API v1.6; older clusters have them in the experimental channel (`v1alpha2`) at most. Check that your controller supports them.',
    );
  }
  if (recommended === 'gateway-api' && r.cloud === 'gcp' && (udp || tcp)) {
    notes.push(
      "GKE's managed Gateway classes are L7 only: use a LoadBalancer Service for raw TCP or UDP on GKE.",
    );
  }
  if ((recommended === 'ingress' || recommended === 'gateway-api') && r.cloud === 'aws') {
    notes.push(
      'On EKS the AWS Load Balancer Controller makes one ALB per Ingress unless Ingresses share an IngressGroup (`alb.ingress.kubernetes.io/group.name`), and one load balancer per Gateway: put the Services on one group or one Gateway to pay for one.',
    );
  }
  if (recommended === 'gateway-api' && r.cloud === 'aws' && (udp || tcp)) {
    notes.push(
      'With the AWS Load Balancer Controller, HTTPRoutes get an ALB and TCP/UDP routes an NLB; one Gateway cannot mix the two.',
    );
  }
  if (needsHttp(r) && (udp || tcp) && recommended !== 'gateway-api') {
    notes.push(
      'Mixed traffic: the HTTP services can share one Ingress or Gateway while the TCP/UDP ports keep their own LoadBalancer (or an L4 Gateway).',
    );
  }
  if (udp && r.noInboundPorts) {
    notes.push(
      'Edge tunnels publish HTTP and TCP, not public UDP, and every in-cluster option needs an inbound port: public UDP behind CGNAT or a closed firewall needs a host with a public address in front of the cluster.',
    );
  }
  if ((r.ports ?? []).some((p) => p.port === 9092)) {
    notes.push(
      'Kafka brokers advertise their own addresses, so each broker needs its own route or load balancer.',
    );
  }
  const exposed = [
    ...new Set((r.ports ?? []).map((p) => sensitivePort(p.port)?.what).filter((w) => w !== undefined)),
  ];
  if (exposed.length > 0 && r.internalOnly !== true) {
    notes.push(
      `${exposed.join(', ')} should not face the internet unguarded: make the load balancer internal or restrict \`loadBalancerSourceRanges\`.`,
    );
  }
  if (recommended === 'loadbalancer' && (r.environment === 'bare-metal' || r.environment === 'home-lab')) {
    notes.push('Outside the clouds, `type: LoadBalancer` needs MetalLB or a similar implementation.');
  }
  const count = r.serviceCount;
  const consolidating = recommended === 'ingress' || recommended === 'gateway-api';
  if ((r.costSensitive || r.existing?.manyLoadBalancers) && consolidating) {
    const provider = PROVIDER_OF_CLOUD[r.cloud ?? ''] ?? 'unknown';
    const price = LOAD_BALANCER_PRICES[provider];
    const each = formatMoney(price.monthly, DEFAULT_CURRENCY);
    if (count !== undefined && count >= 2) {
      const saving = formatMoney((count - 1) * price.monthly, DEFAULT_CURRENCY);
      notes.push(
        `One load balancer per Service costs about ${count} × ${each} a month before usage (${price.basis}); one shared entry point saves about ${saving} a month, minus the controller's pods. Indicative prices of September 2026.`,
      );
    } else {
      notes.push(
        `Each \`type: LoadBalancer\` Service is one cloud load balancer, about ${each} a month before usage (${price.basis}); a shared entry point carries many HTTP Services on one. Indicative prices of September 2026.`,
      );
    }
  }
  return notes;
}

function renderSources(sources: readonly Source[]): string[] {
  if (sources.length === 0) return [];
  return ['**Sources**', '', ...sources.map((s) => `- [${escapeMarkdown(s.title)}](${s.url})`)];
}

function fence(code: string, language: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${code.replace(/\n+$/, '')}\n${ticks}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
