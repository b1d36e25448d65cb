/**
 * A conversation travels in Slack, not in server memory: a small state (the question so far and the
 * follow-up choices made) rides in button values, view metadata and message metadata, and each
 * turn re-answers it from scratch (the engine takes about 2 ms), so any replica can continue it.
 */
import { type Answer, answer } from '@ingress-advisor/core';
import { type ConversationState, conversationJson, decode } from './payloads.js';
import { MAX_QUESTION_CHARS, neutraliseTokens } from './text/input.js';
import { redactTokens } from './text/redact.js';

/** The state of a conversation. */
export interface Conversation {
  /** The user's words so far, joined. */
  question: string;
  /** Follow-up choices made, in order: [follow-up id, choice value]. */
  choices: Array<[string, string]>;
}

/** Slack caps a button value at 2000 characters; this leaves room for the action's own data. */
export const MAX_STATE_CHARS = 1900;

/** Serialises a conversation for a button value or metadata. */
export function encodeConversation(conversation: Conversation): string {
  return JSON.stringify({ q: conversation.question, c: conversation.choices } satisfies ConversationState);
}

/** Reads a serialised conversation; null when it is not one (a forged or stale value). */
export function decodeConversation(value: unknown): Conversation | null {
  const state = decode(conversationJson, value);
  return state === null ? null : { question: state.q, choices: state.c };
}

/**
 * A conversation that starts with a question. Slack's mention and broadcast syntax is turned into
 * plain words here too, so not even a button value carries a `<!channel>`; token-like strings are
 * redacted, since the question travels in button values and message metadata.
 */
export function startConversation(question: string): Conversation {
  return { question: redactTokens(neutraliseTokens(question)), choices: [] };
}

/** The conversation with one more follow-up choice (replacing an earlier choice for the same id). */
export function withChoice(conversation: Conversation, id: string, choice: string): Conversation {
  return {
    question: conversation.question,
    choices: [...conversation.choices.filter(([i]) => i !== id), [id, choice]],
  };
}

/**
 * The conversation refined with more words, or null when the question would grow past what a
 * button value can carry.
 */
export function withMoreText(conversation: Conversation, text: string): Conversation | null {
  const question = `${conversation.question}. ${redactTokens(neutraliseTokens(text))}`;
  if (question.length > MAX_QUESTION_CHARS) return null;
  return { question, choices: conversation.choices };
}

/**
 * Answers a conversation: the question first, then each choice that the answer so far still asks
 * about (a choice the words have since settled is dropped, so "actually it's UDP" wins).
 */
export function answerConversation(conversation: Conversation): Answer {
  let current = answer(conversation.question);
  for (const [id, choice] of conversation.choices) {
    if (!current.followUps.some((followUp) => followUp.id === id)) continue;
    current = answer(conversation.question, { previous: current, followUp: { id, choice } });
  }
  return current;
}
