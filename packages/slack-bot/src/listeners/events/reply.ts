/** Answering a message in a conversation (mentions and direct messages): help, a review, or an answer. */
import type { webApi } from '@slack/bolt';
import { type Conversation, startConversation, withMoreText } from '../../conversation.js';
import { helpMessage } from '../../render/views.js';
import { classifyMessage, tooLongMessage } from '../../text/input.js';
import { answerMessage, answerMetadata, type BotContext, reviewManifest } from '../shared.js';

/** Posts a reply where the message was, with the conversation as metadata when there is one. */
export type Post = (
  message: { text: string; blocks?: unknown[] },
  metadata?: ReturnType<typeof answerMetadata>,
) => Promise<unknown>;

/** Posts into a channel (in `thread` when given), unfurling nothing. */
export function postTo(client: webApi.WebClient, channel: string, thread: string | undefined): Post {
  return (message, metadata) =>
    client.chat.postMessage({
      channel,
      ...(thread === undefined ? {} : { thread_ts: thread }),
      unfurl_links: false,
      unfurl_media: false,
      ...message,
      ...(metadata === undefined ? {} : { metadata }),
    } as webApi.ChatPostMessageArguments);
}

/** Answers a message in a conversation: help, a manifest review, or a (refined) question. */
export async function reply(
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
