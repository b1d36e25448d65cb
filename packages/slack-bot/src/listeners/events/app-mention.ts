/** A mention: answered in the mention's thread; later mentions there refine the conversation. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { stripMentions } from '../../text/input.js';
import { type BotContext, conversationFromMessages, guarded } from '../shared.js';
import { postTo, reply } from './reply.js';

/** What the mention listener reads from Bolt's `app.event('app_mention')` arguments. */
export type AppMentionArgs = Pick<SlackEventMiddlewareArgs<'app_mention'>, 'event'> &
  Pick<AllMiddlewareArgs, 'client' | 'context'>;

export function appMentionCallback(ctx: BotContext): (args: AppMentionArgs) => Promise<void> {
  return async ({ event, client, context }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    const thread = event.thread_ts ?? event.ts;
    const post = postTo(client, event.channel, thread);
    await guarded(
      ctx,
      'app_mention',
      async () => {
        const text = stripMentions(event.text ?? '', context.botUserId);
        const previous =
          event.thread_ts === undefined
            ? null
            : conversationFromMessages(
                (
                  await client.conversations.replies({
                    channel: event.channel,
                    ts: event.thread_ts,
                    include_all_metadata: true,
                    limit: 200,
                  })
                ).messages,
                context.botId,
              );
        await reply(text, previous, { channel: event.channel, ts: event.ts, thread }, post, ctx);
      },
      (apologyText) => post({ text: apologyText }),
    );
  };
}
