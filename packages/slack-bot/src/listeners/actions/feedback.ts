/** The feedback buttons: a thumbs-up is logged and thanked; a thumbs-down opens the feedback modal. */
import { answerConversation, decodeConversation } from '../../conversation.js';
import type { FeedbackMetadata } from '../../payloads.js';
import { ANSWER_ACTIONS } from '../../render/answer.js';
import { feedbackView } from '../../render/views.js';
import { redactTokens } from '../../text/redact.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, placeOf } from './button.js';

export const FEEDBACK_ACTION = new RegExp(
  `^(?:${ANSWER_ACTIONS.feedbackUp}|${ANSWER_ACTIONS.feedbackDown})$`,
);

export function feedbackCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'feedback', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    const result = conversation === null ? null : answerConversation(conversation);
    const rating = action.action_id === ANSWER_ACTIONS.feedbackUp ? 'up' : 'down';
    ctx.logger.event('info', 'feedback', {
      rating,
      kind: result?.kind ?? null,
      recommended: result?.recommended ?? null,
      topic: result?.topic ?? null,
      question: conversation === null ? null : redactTokens(conversation.question),
      user: body.user.id,
    });
    if (rating === 'up') return note(body, client, respond, 'Thanks for the feedback!');
    const place = placeOf(body);
    const metadata = JSON.stringify({
      s: action.value ?? '',
      ...(place.kind === 'message' ? { c: place.channel, th: place.thread ?? place.ts } : {}),
    } satisfies FeedbackMetadata);
    await client.views.open({ trigger_id: body.trigger_id, view: feedbackView(metadata) });
  });
}
