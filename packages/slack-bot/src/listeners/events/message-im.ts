/**
 * A direct message: answered in the DM (or its thread); words refine the last answer in a thread, or
 * outside one when that answer asked something back. Quiet elsewhere: channel messages the bot was
 * not called into are not read.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerConversation } from '../../conversation.js';
import { type BotContext, conversationFromMessages, guarded } from '../shared.js';
import { postTo, reply } from './reply.js';

/** What the direct-message listener reads from Bolt's `app.message` arguments. */
export type MessageImArgs = Pick<SlackEventMiddlewareArgs<'message'>, 'message'> &
  Pick<AllMiddlewareArgs, 'client' | 'context'>;

export function messageImCallback(ctx: BotContext): (args: MessageImArgs) => Promise<void> {
  return async ({ message, client, context }) => {
    // Direct messages only; edits, joins and bot messages (including ours) are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const threadTs =
      'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const post = postTo(client, message.channel, threadTs);
    await guarded(
      ctx,
      'direct_message',
      async () => {
        const history =
          threadTs !== undefined
            ? await client.conversations.replies({
                channel: message.channel,
                ts: threadTs,
                include_all_metadata: true,
                limit: 200,
              })
            : await client.conversations.history({
                channel: message.channel,
                include_all_metadata: true,
                limit: 20,
              });
        const messages = [...(history.messages ?? [])];
        // conversations.history is newest first; replies are oldest first.
        if (threadTs === undefined) messages.reverse();
        let previous = conversationFromMessages(messages, context.botId);
        // Outside a thread, words refine the last answer only when it asked something back.
        if (
          threadTs === undefined &&
          previous !== null &&
          answerConversation(previous).kind !== 'clarification'
        )
          previous = null;
        await reply(
          message.text ?? '',
          previous,
          {
            channel: message.channel,
            ts: message.ts,
            ...(threadTs === undefined ? {} : { thread: threadTs }),
          },
          post,
          ctx,
        );
      },
      (apologyText) => post({ text: apologyText }),
    );
  };
}
