/**
 * A conversation travels in Slack, not in server memory: core's model (the question so far and the
 * follow-up choices made) rides in button values, view metadata and message metadata, and each
 * turn re-answers it from scratch, so any replica can continue it.
 */
import {
  type Conversation,
  startConversation as startCoreConversation,
  withMoreText as withMoreCoreText,
} from '@ingress-advisor/core';
import { type ConversationState, conversationJson, decode } from './payloads.js';
import { MAX_QUESTION_CHARS, neutraliseTokens } from './text/input.js';
import { redactTokens } from './text/redact.js';

/** The conversation model is core's; what is Slack's here is how it travels and what it may hold. */
export { answerConversation, type Conversation, withChoice } from '@ingress-advisor/core';

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
  return startCoreConversation(redactTokens(neutraliseTokens(question)));
}

/**
 * The conversation refined with more words (made safe as a question is), or null when the question
 * would grow past what a button value can carry.
 */
export function withMoreText(conversation: Conversation, text: string): Conversation | null {
  return withMoreCoreText(conversation, redactTokens(neutraliseTokens(text)), MAX_QUESTION_CHARS);
}
