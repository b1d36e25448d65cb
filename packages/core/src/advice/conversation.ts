/**
 * A conversation about one question, as every adapter holds it: the user's words so far and the
 * follow-up choices made. Each turn re-answers it from scratch (the engine takes a few
 * milliseconds), so it can travel anywhere (a Slack button value, a terminal session) and any
 * process can continue it.
 */
import { type Answer, type AnswerContext, answer, type FollowUp } from './answer.js';

export interface Conversation {
  /** The user's words so far, joined. */
  question: string;
  /** Follow-up choices made, in order: [follow-up id, choice value]. */
  choices: Array<[string, string]>;
}

/** A conversation that starts with a question. */
export function startConversation(question: string): Conversation {
  return { question, choices: [] };
}

/** The conversation with one more follow-up choice (replacing an earlier choice for the same id). */
export function withChoice(conversation: Conversation, id: string, choice: string): Conversation {
  return {
    question: conversation.question,
    choices: [...conversation.choices.filter(([each]) => each !== id), [id, choice]],
  };
}

/**
 * The conversation refined with more words, or null when the question would grow past `maxLength`
 * (what the place it travels in can carry).
 */
export function withMoreText(
  conversation: Conversation,
  text: string,
  maxLength = Number.POSITIVE_INFINITY,
): Conversation | null {
  const question = `${conversation.question}. ${text}`;
  return question.length > maxLength ? null : { question, choices: conversation.choices };
}

/**
 * Answers a conversation: the question first, then each choice that the answer so far still asks
 * about (a choice the words have since settled is dropped, so "actually it's UDP" wins).
 */
export function answerConversation(
  conversation: Conversation,
  context: Pick<AnswerContext, 'weights'> = {},
): Answer {
  let current = answer(conversation.question, context);
  for (const [id, choice] of conversation.choices) {
    if (!current.followUps.some((followUp) => followUp.id === id)) continue;
    current = answer(conversation.question, { ...context, previous: current, followUp: { id, choice } });
  }
  return current;
}

/** How a reply names a choice: `1a` for the first choice of the first follow-up (read by `matchChoice`). */
export function choiceId(followUpIndex: number, choiceIndex: number): string {
  return `${followUpIndex + 1}${String.fromCharCode(97 + choiceIndex)}`;
}

/**
 * The follow-up choice a reply picks: a `1a`-style id (`choiceId`), or a choice's label or value
 * (case and surrounding punctuation ignored). Undefined for anything else, which is then free text.
 */
export function matchChoice(
  followUps: readonly FollowUp[],
  reply: string,
): { id: string; choice: string } | undefined {
  const text = reply.trim().toLowerCase();
  const numbered = /^(\d+)\s*([a-z])\)?$/.exec(text);
  if (numbered !== null) {
    const followUp = followUps[Number(numbered[1]) - 1];
    const choice = followUp?.choices[(numbered[2] ?? 'a').charCodeAt(0) - 97];
    if (followUp !== undefined && choice !== undefined) return { id: followUp.id, choice: choice.value };
  }
  const normal = (value: string): string =>
    value
      .toLowerCase()
      .replace(/[–—]/g, '-')
      .replace(/^[\s"'.!?]+|[\s"'.!?]+$/g, '');
  const wanted = normal(text);
  for (const followUp of followUps) {
    for (const choice of followUp.choices) {
      if (normal(choice.value) === wanted || normal(choice.label) === wanted)
        return { id: followUp.id, choice: choice.value };
    }
  }
  return undefined;
}
