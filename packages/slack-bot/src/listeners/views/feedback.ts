/** The feedback modal submitted: the reason and comment are logged (redacted), nothing is posted. */
import { decodeConversation } from '../../conversation.js';
import { decode, feedbackMetadataJson, viewValuesSchema } from '../../payloads.js';
import { VIEW_IDS } from '../../render/views.js';
import { redactTokens } from '../../text/redact.js';
import type { BotContext } from '../shared.js';
import type { ViewArgs } from './questionnaire.js';

export const FEEDBACK_VIEW = VIEW_IDS.feedback;

export function feedbackViewCallback(ctx: BotContext): (args: Omit<ViewArgs, 'client'>) => Promise<void> {
  return async ({ ack, view, body }) => {
    await ack();
    const values = decode(viewValuesSchema, view.state.values) ?? {};
    const metadata = decode(feedbackMetadataJson, view.private_metadata);
    const question = metadata === null ? null : (decodeConversation(metadata.s)?.question ?? null);
    ctx.logger.event('info', 'feedback_detail', {
      rating: 'down',
      reason: values.reason?.value?.selected_option?.value ?? null,
      comment: redactTokens(values.comment?.value?.value ?? '').slice(0, 1000),
      question: question === null ? null : redactTokens(question),
      user: body.user.id,
    });
  };
}
