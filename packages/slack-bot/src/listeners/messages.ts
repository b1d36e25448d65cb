/**
 * The ways in by words: the slash command (ephemeral, with "Share in channel"), mentions (answered
 * in the mention's thread; later mentions there refine the conversation), direct messages, and the
 * App Home tab. Quiet by default: no listener reads channel messages the bot was not called into.
 */
import type { App, webApi } from '@slack/bolt';
import { answerConversation, type Conversation, startConversation, withMoreText } from '../conversation.js';
import type { Destination } from '../payloads.js';
import { helpMessage, homeView, questionnaireView } from '../render/views.js';
import { classifyMessage, stripMentions, tooLongMessage } from '../text/input.js';
import {
  answerMessage,
  answerMetadata,
  type BotContext,
  conversationFromMessages,
  guarded,
  reviewManifest,
  yieldToIo,
} from './shared.js';

/** The slash command. */
export const COMMAND = '/ingress-or-lb';

/** Words after the command that open the questionnaire. */
const QUESTIONNAIRE_WORDS = /^(?:quiz|questionnaire|questions|start)$/i;

export function registerMessageListeners(app: App, ctx: BotContext): void {
  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await guarded(
      ctx,
      'command',
      async () => {
        if (QUESTIONNAIRE_WORDS.test(command.text.trim())) {
          const destination: Destination = { c: command.channel_id, e: command.user_id };
          await client.views.open({
            trigger_id: command.trigger_id,
            view: questionnaireView(JSON.stringify(destination)),
          });
          return;
        }
        const input = classifyMessage(command.text);
        switch (input.kind) {
          case 'help':
            await respond({ response_type: 'ephemeral', ...helpMessage() });
            return;
          case 'too-long':
            await respond({ response_type: 'ephemeral', text: tooLongMessage(input) });
            return;
          case 'manifest': {
            // The command's text cannot be read again later, so no "Show YAML" here; the shortcut has it.
            const { message } = reviewManifest(input.text, null, ctx);
            await respond({ response_type: 'ephemeral', ...message });
            return;
          }
          case 'question': {
            const message = answerMessage(startConversation(input.text), true, ctx);
            // Sending is CPU work too (serialising, fetch): acks waiting behind it go first.
            await yieldToIo();
            await respond({ response_type: 'ephemeral', ...message });
          }
        }
      },
      (text) => respond({ response_type: 'ephemeral', text }),
    );
  });

  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    const thread = event.thread_ts ?? event.ts;
    const post = (
      message: { text: string; blocks?: unknown[] },
      metadata?: ReturnType<typeof answerMetadata>,
    ) =>
      client.chat.postMessage({
        channel: event.channel,
        thread_ts: thread,
        unfurl_links: false,
        unfurl_media: false,
        ...message,
        ...(metadata === undefined ? {} : { metadata }),
      } as webApi.ChatPostMessageArguments);
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
  });

  app.message(async ({ message, client, context }) => {
    // Direct messages only; edits, joins and bot messages (including ours) are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const threadTs =
      'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const post = (
      reply: { text: string; blocks?: unknown[] },
      metadata?: ReturnType<typeof answerMetadata>,
    ) =>
      client.chat.postMessage({
        channel: message.channel,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
        ...(metadata === undefined ? {} : { metadata }),
      } as webApi.ChatPostMessageArguments);
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
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await guarded(
      ctx,
      'app_home_opened',
      async () => {
        await client.views.publish({ user_id: event.user, view: homeView() });
      },
      async () => undefined,
    );
  });
}

type Post = (
  message: { text: string; blocks?: unknown[] },
  metadata?: ReturnType<typeof answerMetadata>,
) => Promise<unknown>;

/** Answers a message in a conversation: help, a manifest review, or a (refined) question. */
async function reply(
  rawText: string,
  previous: Conversation | null,
  source: { channel: string; ts: string; thread?: string },
  post: Post,
  ctx: BotContext,
): Promise<void> {
  const input = classifyMessage(rawText);
  switch (input.kind) {
    case 'help':
      await post(helpMessage());
      return;
    case 'too-long':
      await post({ text: tooLongMessage(input) });
      return;
    case 'manifest': {
      const { message } = reviewManifest(
        input.text,
        {
          channel: source.channel,
          ts: source.ts,
          ...(source.thread === undefined ? {} : { thread: source.thread }),
        },
        ctx,
      );
      await post(message);
      return;
    }
    case 'question': {
      const conversation =
        previous === null ? startConversation(input.text) : withMoreText(previous, input.text);
      if (conversation === null) {
        await post({
          text: 'This conversation has grown too long for me to refine further. Please start a new one with the whole question.',
        });
        return;
      }
      await post(answerMessage(conversation, false, ctx), answerMetadata(conversation));
    }
  }
}
