/** "Share in channel" on an ephemeral answer: posts it in the channel and deletes the ephemeral one. */
import { decodeConversation } from '../../conversation.js';
import { ANSWER_ACTIONS } from '../../render/answer.js';
import { answerMessage, type BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, STALE_BUTTON } from './button.js';

export const SHARE_ACTION = new RegExp(`^${ANSWER_ACTIONS.share}$`);

export function shareCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'share', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    if (conversation === null) return note(body, client, respond, STALE_BUTTON);
    const message = answerMessage(conversation, false, ctx);
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  });
}
