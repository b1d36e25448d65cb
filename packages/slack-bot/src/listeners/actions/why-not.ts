/** A "Why not …?" button (`why_not:<option>`): the answer again, explaining why not that option. */
import { decodeConversation } from '../../conversation.js';
import { ANSWER_ACTIONS } from '../../render/answer.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, OPTION_IDS, STALE_BUTTON, showAnswer } from './button.js';

export const WHY_NOT_ACTION = new RegExp(`^${ANSWER_ACTIONS.whyNotPrefix}`);

export function whyNotCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'why_not', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    const option = OPTION_IDS.find((id) => action.action_id === `${ANSWER_ACTIONS.whyNotPrefix}${id}`);
    if (conversation === null || option === undefined) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, conversation, { whyNot: option });
  });
}
