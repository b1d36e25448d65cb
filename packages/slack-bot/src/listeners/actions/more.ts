/** The "More" button: the answer again, in its long form. */
import { decodeConversation } from '../../conversation.js';
import { ANSWER_ACTIONS } from '../../render/answer.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, STALE_BUTTON, showAnswer } from './button.js';

export const MORE_ACTION = new RegExp(`^${ANSWER_ACTIONS.more}$`);

export function moreCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'more', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    if (conversation === null) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, conversation, { long: true });
  });
}
