/**
 * An Answer as a Block Kit message: the recommendation first, what was understood, follow-up
 * buttons, the weighted ranking (as text too), "Why not X?", the engine's notes and YAML example,
 * sources, and 👍/👎. Every button carries the conversation, so any replica can continue it.
 */
import type { Answer, OptionId, RankedOption } from '@ingress-advisor/core';
import { OPTION_TITLES } from '@ingress-advisor/core';
import { type Conversation, encodeConversation, withChoice } from '../conversation.js';
import { escapeMrkdwn, markdownToMrkdwn } from '../text/mrkdwn.js';
import {
  actions,
  type Block,
  type Button,
  button,
  context,
  fitMessage,
  header,
  LIMITS,
  type Message,
  sections,
  truncate,
} from './blocks.js';

/** Action ids of answer buttons; listeners match on these. */
export const ANSWER_ACTIONS = {
  followUpPrefix: 'followup:',
  whyNotPrefix: 'why_not:',
  more: 'answer_more',
  share: 'share_answer',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

/** How the answer is shown. */
export interface AnswerView {
  /** An ephemeral answer (slash command) gets a "Share in channel" button. */
  ephemeral: boolean;
  /** Explains why an option lost, under the ranking (the whole answer is shown). */
  whyNot?: OptionId;
  /** The whole answer: every reason, the ranking, platform notes, sources. Short by default. */
  long?: boolean;
}

/** Sections of the engine's Markdown the bot renders from structured fields instead. */
const STRUCTURED_SECTIONS = /^(?:What I understood|Ranking|Sources)\b/;

interface MarkdownSection {
  title: string;
  rest: string;
  body: string[];
}

/** Splits the engine's Markdown at paragraphs that open with a bold title. */
function splitSections(markdown: string): MarkdownSection[] {
  const out: MarkdownSection[] = [];
  let previousBlank = true;
  for (const line of markdown.split('\n')) {
    const title = previousBlank ? /^\*\*(.+?)\*\*(.*)$/.exec(line) : null;
    if (title !== null) out.push({ title: title[1] ?? '', rest: title[2] ?? '', body: [] });
    else if (out.length === 0) out.push({ title: '', rest: '', body: [line] });
    else out[out.length - 1]?.body.push(line);
    previousBlank = line.trim() === '';
  }
  return out;
}

function rankingText(ranking: readonly RankedOption[], heading: string): string {
  const lines = ranking.map((option, index) =>
    option.excludedBecause !== undefined
      ? `${index + 1}. ${option.title}: ruled out (${escapeMrkdwn(option.excludedBecause)})`
      : `${index + 1}. *${option.title}*: ${option.score}/100${option.reasons.length > 0 ? ` (${option.reasons.slice(0, 2).map(escapeMrkdwn).join('; ')})` : ''}`,
  );
  return [`*${heading}*`, ...lines].join('\n');
}

function whyNotText(answer: Answer, option: OptionId): string {
  const ranking = answer.ranking ?? [];
  const winner = ranking[0];
  const entry = ranking.find((r) => r.option === option);
  if (entry === undefined || winner === undefined)
    return `*Why not ${OPTION_TITLES[option]}?*\nIt was not ranked for this question.`;
  const lines = [`*Why not ${entry.title}?*`];
  if (entry.excludedBecause !== undefined)
    lines.push(`It is ruled out: ${escapeMrkdwn(entry.excludedBecause)}.`);
  else lines.push(`It scores ${entry.score}/100 against ${winner.score}/100 for ${winner.title}.`);
  const against = entry.reasons.filter((reason) => !reason.startsWith('+'));
  for (const reason of (against.length > 0 ? against : entry.reasons).slice(0, 4))
    lines.push(`• ${escapeMrkdwn(reason)}`);
  return lines.join('\n');
}

/** The answer's one-line summary, for the notification text and logs. */
export function answerSummary(answer: Answer): string {
  const title = answer.recommended === undefined ? '' : OPTION_TITLES[answer.recommended];
  const score = answer.ranking?.[0]?.score;
  if (answer.kind === 'direct' && answer.direct !== undefined) return answer.direct.statement;
  if (answer.kind === 'topic') return splitSections(answer.markdown)[0]?.title ?? 'Answer';
  if (answer.kind === 'clarification' && answer.recommended === undefined)
    return answer.followUps[0]?.question ?? 'Could you say more?';
  if (answer.kind === 'clarification')
    return `To recommend one option I need a little more. Provisional answer: ${title}.`;
  return `Recommendation: ${title}${score === undefined ? '' : ` (${score}/100)`}.`;
}

/** Renders an answer as a message within Block Kit's limits: short, or whole when the view asks. */
export function renderAnswer(answer: Answer, conversation: Conversation, view: AnswerView): Message {
  if (view.long !== true && view.whyNot === undefined && answer.short !== answer.markdown) {
    return renderShort(answer, conversation, view);
  }
  const state = encodeConversation(conversation);
  const parts = splitSections(answer.markdown);
  const blocks: Block[] = [];
  const [first, ...others] = parts;

  if (answer.kind === 'topic' || answer.kind === 'direct') {
    blocks.push(header(headerOf(answer, first)));
    const lead = answer.kind === 'direct' ? [first?.rest ?? '', ...(first?.body ?? [])] : (first?.body ?? []);
    blocks.push(...sections(markdownToMrkdwn(lead.join('\n').trim())));
  } else {
    const title = answer.recommended === undefined ? 'Answer' : OPTION_TITLES[answer.recommended];
    const score = answer.ranking?.[0]?.score;
    const scored = score === undefined ? title : `${title} (${score}/100)`;
    blocks.push(
      header(answer.kind === 'clarification' ? `Provisional answer: ${scored}` : `Recommendation: ${scored}`),
    );
    // The title line's own score is in the header; its body is the why.
    const lead = first === undefined ? '' : first.body.join('\n').trim();
    if (answer.kind === 'recommendation' && lead !== '') blocks.push(...sections(markdownToMrkdwn(lead)));
    const provisional = others.find((p) => p.title.startsWith('Provisional answer'));
    if (provisional !== undefined)
      blocks.push(...sections(markdownToMrkdwn([provisional.rest, ...provisional.body].join('\n').trim())));
  }

  blocks.push(understoodContext(answer));

  blocks.push(...followUpBlocks(answer, conversation));

  if (answer.ranking !== undefined && answer.kind === 'recommendation') {
    blocks.push(
      ...sections(
        rankingText(
          answer.ranking,
          answer.layer4 === undefined ? 'Ranking (weighted criteria)' : 'Ranking for the HTTP services',
        ),
      ),
    );
    if (answer.layer4 !== undefined) {
      blocks.push(
        ...sections(
          rankingText(
            answer.layer4.ranking,
            `Ranking for ${answer.layer4.traffic.map(escapeMrkdwn).join(', ')}`,
          ),
        ),
      );
    }
    if (view.whyNot !== undefined) blocks.push(...sections(whyNotText(answer, view.whyNot)));
    const losers = answer.ranking.slice(1).filter((option) => option.option !== view.whyNot);
    if (losers.length > 0) {
      blocks.push(
        actions(
          losers.map((option) =>
            button(
              `Why not ${shortTitle(option.option)}?`,
              `${ANSWER_ACTIONS.whyNotPrefix}${option.option}`,
              state,
            ),
          ),
        ),
      );
    }
  }

  for (const part of others) {
    if (
      STRUCTURED_SECTIONS.test(part.title) ||
      part.title.startsWith('Provisional answer') ||
      part.title.startsWith('To recommend')
    )
      continue;
    const body = markdownToMrkdwn(part.body.join('\n').trim());
    blocks.push(...sections(`*${markdownToMrkdwn(part.title)}*${markdownToMrkdwn(part.rest)}\n${body}`));
  }

  if (answer.sources.length > 0) {
    const links = answer.sources
      .slice(0, 8)
      .map((s) => `<${s.url}|${escapeMrkdwn(s.title).replace(/\|/g, '¦')}>`);
    blocks.push(context(`Sources: ${links.join(' · ')}`));
  }

  blocks.push(answerButtons(state, view, []));

  return {
    text: answerText(answer),
    blocks: fitMessage(
      blocks,
      1,
      'The rest of this answer is too long for one message: run `ingress-advisor ask` in a terminal for all of it.',
    ),
  };
}

/**
 * The short answer: the header, the answer with a few lines of why and the one example, the
 * follow-ups, and "More" for the whole answer.
 */
function renderShort(answer: Answer, conversation: Conversation, view: AnswerView): Message {
  const state = encodeConversation(conversation);
  const [first, ...others] = splitSections(answer.short);
  const blocks: Block[] = [header(headerOf(answer, first))];
  // The header carries the first bold title; what follows it is the body.
  const lead =
    answer.kind === 'recommendation' || answer.kind === 'topic'
      ? (first?.body ?? [])
      : [first?.rest ?? '', ...(first?.body ?? [])];
  const body = [
    lead.join('\n').trim(),
    ...others.map((part) => `**${part.title}**${part.rest}\n${part.body.join('\n').trim()}`),
  ];
  blocks.push(...sections(markdownToMrkdwn(body.filter((part) => part !== '').join('\n\n'))));
  blocks.push(understoodContext(answer));
  blocks.push(...followUpBlocks(answer, conversation));
  blocks.push(answerButtons(state, view, [button('More', ANSWER_ACTIONS.more, state)]));
  return {
    text: answerText(answer),
    blocks: fitMessage(
      blocks,
      1,
      'The rest of this answer is too long for one message: press More, or run `ingress-advisor ask --long`.',
    ),
  };
}

/** The buttons under every answer: `first`, Share (on an ephemeral answer), 👍 and 👎. */
function answerButtons(state: string, view: AnswerView, first: Button[]): Block {
  const buttons = [...first];
  if (view.ephemeral) buttons.push(button('Share in channel', ANSWER_ACTIONS.share, state, 'primary'));
  buttons.push(
    button('👍 Helpful', ANSWER_ACTIONS.feedbackUp, state),
    button('👎 Not helpful', ANSWER_ACTIONS.feedbackDown, state),
  );
  return actions(buttons, 'answer_feedback');
}

/** The header of an answer: the topic's title, the yes/no, or the recommendation with its score. */
function headerOf(answer: Answer, first: MarkdownSection | undefined): string {
  if (answer.kind === 'direct') return `Short answer: ${capitalise(answer.direct?.answer ?? 'see below')}`;
  if (answer.kind === 'topic') return first?.title ?? 'Answer';
  const title = answer.recommended === undefined ? 'Answer' : OPTION_TITLES[answer.recommended];
  const score = answer.ranking?.[0]?.score;
  const scored = score === undefined ? title : `${title} (${score}/100)`;
  if (answer.kind === 'clarification')
    return answer.recommended === undefined ? 'A question first' : `Provisional answer: ${scored}`;
  return answer.unchanged === true ? `Still ${scored}` : `Recommendation: ${scored}`;
}

/** What was understood, so a user can correct it. */
function understoodContext(answer: Answer): Block {
  const understood =
    answer.understood.length > 0 ? answer.understood.map(escapeMrkdwn).join(', ') : 'nothing specific yet';
  return context(`You said: ${understood}. Something wrong? Reply in the thread with the detail corrected.`);
}

/** Each follow-up question with its choices as buttons that carry the conversation on. */
function followUpBlocks(answer: Answer, conversation: Conversation): Block[] {
  return answer.followUps.flatMap((followUp): Block[] => [
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(followUp.question)}*` } },
    actions(
      followUp.choices.map((choice) =>
        button(
          choice.label,
          `${ANSWER_ACTIONS.followUpPrefix}${followUp.id}:${choice.value}`,
          encodeConversation(withChoice(conversation, followUp.id, choice.value)),
        ),
      ),
    ),
  ]);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plain-text fallback: the recommendation, the ranking and what was understood. */
function answerText(answer: Answer): string {
  const parts = [answerSummary(answer)];
  if (answer.kind !== 'topic' && answer.ranking !== undefined) {
    parts.push(
      `Ranking: ${answer.ranking.map((r, i) => `${i + 1}. ${r.title} ${r.excludedBecause === undefined ? `${r.score}/100` : 'ruled out'}`).join('; ')}.`,
    );
  }
  if (answer.understood.length > 0) parts.push(`You said: ${answer.understood.join(', ')}.`);
  if (answer.followUps.length > 0) parts.push(answer.followUps.map((f) => f.question).join(' '));
  return truncate(escapeMrkdwn(parts.join(' ')), LIMITS.fallbackText);
}

function shortTitle(option: OptionId): string {
  return {
    ingress: 'Ingress',
    loadbalancer: 'LoadBalancer',
    'gateway-api': 'Gateway API',
    'edge-tunnel': 'a tunnel',
  }[option];
}
