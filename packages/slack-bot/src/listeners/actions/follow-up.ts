/** A follow-up button (`followup:<id>`): answers the conversation it carries, where the button was. */
import { decodeConversation } from '../../conversation.js';
import { ANSWER_ACTIONS } from '../../render/answer.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, STALE_BUTTON, showAnswer } from './button.js';

export const FOLLOW_UP_ACTION = new RegExp(`^${ANSWER_ACTIONS.followUpPrefix}`);

export function followUpCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'follow_up', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    if (conversation === null) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, conversation);
  });
}
