/**
 * The "Review manifest" message shortcut: reviews the YAML in a message (inline, in a code block, or
 * an attached snippet) and posts the review in its thread, or to the user alone when not a member.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs, webApi } from '@slack/bolt';
import type { ManifestRef } from '../../render/report.js';
import { MAX_MANIFEST_CHARS } from '../../text/input.js';
import {
  type BotContext,
  downloadFile,
  guarded,
  manifestInMessage,
  PASTED_PATH,
  reviewManifest,
  slackErrorCode,
  yamlFileOf,
} from '../shared.js';

/** The message shortcut's callback id. */
export const REVIEW_SHORTCUT = 'review_manifest';

/** What the shortcut listener reads from Bolt's `app.shortcut` arguments. */
export type ReviewShortcutArgs = Pick<
  SlackShortcutMiddlewareArgs<MessageShortcut>,
  'ack' | 'shortcut' | 'respond'
> &
  Pick<AllMiddlewareArgs, 'client'>;

export function reviewManifestCallback(ctx: BotContext): (args: ReviewShortcutArgs) => Promise<void> {
  return async ({ ack, shortcut, client, respond }) => {
    await ack();
    await guarded(
      ctx,
      'review_shortcut',
      async () => {
        const thread =
          typeof shortcut.message.thread_ts === 'string' ? shortcut.message.thread_ts : undefined;
        const ref: ManifestRef = {
          channel: shortcut.channel.id,
          ts: shortcut.message.ts,
          ...(thread === undefined ? {} : { thread }),
        };
        const fromMessage = manifestInMessage(shortcut.message);
        const file = fromMessage === null ? yamlFileOf({ files: shortcut.message.files }) : null;
        if (file !== null) ref.file = file.id;
        // A file's size is known before downloading it: one too large is not fetched at all.
        const size = file !== null && file.size > MAX_MANIFEST_CHARS ? file.size : null;
        const text =
          size !== null ? null : (fromMessage ?? (file === null ? null : await downloadFile(file, ctx)));
        if (size !== null || (text !== null && text.length > MAX_MANIFEST_CHARS)) {
          await respond({
            response_type: 'ephemeral',
            text: `That manifest is ${size ?? text?.length} characters long; I review up to ${MAX_MANIFEST_CHARS} at a time. Run \`ingress-advisor analyze\` on the files instead.`,
          });
          return;
        }
        if (text === null) {
          await respond({
            response_type: 'ephemeral',
            text: 'I found no Kubernetes YAML in that message. Paste it inline or in a code block (```), or attach a .yaml file.',
          });
          return;
        }
        const { message } = reviewManifest(text, ref, ctx, file?.name ?? PASTED_PATH);
        try {
          await client.chat.postMessage({
            channel: ref.channel,
            thread_ts: thread ?? ref.ts,
            unfurl_links: false,
            ...message,
          } as webApi.ChatPostMessageArguments);
        } catch (error) {
          const code = slackErrorCode(error);
          if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
          // Not a member: the review goes to the user alone, with how to get it into the channel.
          await respond({
            response_type: 'ephemeral',
            ...message,
            text: `${message.text} (Only you can see this: invite me with /invite to post reviews in this channel.)`,
          });
        }
      },
      (text) => respond({ response_type: 'ephemeral', text }),
    );
  };
}
