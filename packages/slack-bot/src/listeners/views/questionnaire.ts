/** The questionnaire modal submitted: the answer goes where the questionnaire was opened from. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, webApi } from '@slack/bolt';
import { startConversation } from '../../conversation.js';
import { decode, destinationJson, viewValuesSchema } from '../../payloads.js';
import { questionFromAnswers } from '../../questionnaire.js';
import { VIEW_IDS } from '../../render/views.js';
import { answerMessage, answerMetadata, type BotContext, guarded } from '../shared.js';

export const QUESTIONNAIRE_VIEW = VIEW_IDS.questionnaire;

/** What a view listener reads from Bolt's `app.view` arguments. */
export type ViewArgs = Pick<SlackViewMiddlewareArgs, 'ack' | 'view' | 'body'> &
  Pick<AllMiddlewareArgs, 'client'>;

export function questionnaireCallback(ctx: BotContext): (args: ViewArgs) => Promise<void> {
  return async ({ ack, view, body, client }) => {
    await ack();
    const destination = decode(destinationJson, view.private_metadata) ?? { c: body.user.id };
    const values = decode(viewValuesSchema, view.state.values) ?? {};
    const conversation = startConversation(questionFromAnswers(values));
    await guarded(
      ctx,
      'questionnaire',
      async () => {
        if (destination.e !== undefined) {
          await client.chat.postEphemeral({
            channel: destination.c,
            user: destination.e,
            ...answerMessage(conversation, false, ctx),
          } as webApi.ChatPostEphemeralArguments);
        } else {
          await client.chat.postMessage({
            channel: destination.c,
            ...(destination.th === undefined ? {} : { thread_ts: destination.th }),
            unfurl_links: false,
            ...answerMessage(conversation, false, ctx),
            metadata: answerMetadata(conversation),
          } as webApi.ChatPostMessageArguments);
        }
      },
      (text) => client.chat.postMessage({ channel: body.user.id, text }),
    );
  };
}
