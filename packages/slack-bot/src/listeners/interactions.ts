/**
 * Buttons, modals and the message shortcut. Every button carries what it needs (the conversation,
 * or where the reviewed manifest is), so a click can land on any replica.
 */
import { type MigrationTarget, migrate, type OptionId } from '@ingress-advisor/core';
import type { App, BlockAction, ButtonAction, MessageShortcut, RespondFn, webApi } from '@slack/bolt';
import {
  answerConversation,
  type Conversation,
  decodeConversation,
  startConversation,
} from '../conversation.js';
import {
  containerSchema,
  type Destination,
  decode,
  destinationJson,
  type FeedbackMetadata,
  feedbackMetadataJson,
  slackFileSchema,
  viewValuesSchema,
} from '../payloads.js';
import { questionFromAnswers } from '../questionnaire.js';
import { ANSWER_ACTIONS, type AnswerView } from '../render/answer.js';
import { type ManifestRef, parseManifestRef, renderMigration, SHOW_YAML_PREFIX } from '../render/report.js';
import { EXAMPLE_QUESTIONS, feedbackView, questionnaireView, VIEW_IDS } from '../render/views.js';
import { classifyMessage, looksLikeManifest, MAX_MANIFEST_CHARS, unescapeSlack } from '../text/input.js';
import { redactManifest, redactTokens } from '../text/redact.js';
import {
  answerMessage,
  answerMetadata,
  type BotContext,
  guarded,
  PASTED_PATH,
  reviewManifest,
  slackErrorCode,
} from './shared.js';

/** The message shortcut's callback id. */
export const REVIEW_SHORTCUT = 'review_manifest';

type Client = webApi.WebClient;
type ButtonBody = BlockAction<ButtonAction>;

const OPTION_IDS: readonly OptionId[] = ['ingress', 'loadbalancer', 'gateway-api', 'edge-tunnel'];

/** Where the clicked button sits. */
function placeOf(
  body: ButtonBody,
):
  | { kind: 'ephemeral' }
  | { kind: 'message'; channel: string; ts: string; thread?: string }
  | { kind: 'view' } {
  const container = decode(containerSchema, body.container) ?? {};
  if (container.type === 'message' && container.is_ephemeral === true) return { kind: 'ephemeral' };
  if (
    container.type === 'message' &&
    container.channel_id !== undefined &&
    container.message_ts !== undefined
  ) {
    const thread = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined;
    return {
      kind: 'message',
      channel: container.channel_id,
      ts: container.message_ts,
      ...(thread === undefined ? {} : { thread }),
    };
  }
  return { kind: 'view' };
}

/** Shows a (re-)answered conversation where the button was: in place, or in the user's DM from App Home. */
async function showAnswer(
  body: ButtonBody,
  client: Client,
  respond: RespondFn,
  ctx: BotContext,
  conversation: Conversation,
  view: Omit<AnswerView, 'ephemeral'> = {},
): Promise<void> {
  const place = placeOf(body);
  if (place.kind === 'ephemeral') {
    await respond({
      replace_original: true,
      response_type: 'ephemeral',
      ...answerMessage(conversation, true, ctx, view),
    });
  } else if (place.kind === 'message') {
    await client.chat.update({
      channel: place.channel,
      ts: place.ts,
      ...answerMessage(conversation, false, ctx, view),
      metadata: answerMetadata(conversation),
    } as webApi.ChatUpdateArguments);
  } else {
    await client.chat.postMessage({
      channel: body.user.id,
      ...answerMessage(conversation, false, ctx, view),
      metadata: answerMetadata(conversation),
      unfurl_links: false,
    } as webApi.ChatPostMessageArguments);
  }
}

/** A short private note to the user where the button was. */
async function note(body: ButtonBody, client: Client, respond: RespondFn, text: string): Promise<void> {
  const place = placeOf(body);
  if (place.kind === 'message') {
    await client.chat.postEphemeral({
      channel: place.channel,
      user: body.user.id,
      text,
      ...(place.thread === undefined ? {} : { thread_ts: place.thread }),
    });
  } else if (place.kind === 'ephemeral') {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } else {
    await client.chat.postMessage({ channel: body.user.id, text });
  }
}

const STALE_BUTTON = 'That button comes from a message I can no longer read. Please ask again.';

export function registerInteractionListeners(app: App, ctx: BotContext): void {
  const onButton = (
    pattern: RegExp,
    handler: string,
    run: (args: {
      body: ButtonBody;
      action: ButtonAction;
      client: Client;
      respond: RespondFn;
    }) => Promise<void>,
  ) => {
    app.action<ButtonBody>(
      { type: 'block_actions', action_id: pattern },
      async ({ ack, body, action, client, respond }) => {
        await ack();
        await guarded(
          ctx,
          handler,
          () => run({ body, action, client, respond }),
          (text) => note(body, client, respond, text),
        );
      },
    );
  };

  onButton(
    new RegExp(`^${ANSWER_ACTIONS.followUpPrefix}`),
    'follow_up',
    async ({ body, action, client, respond }) => {
      const conversation = decodeConversation(action.value);
      if (conversation === null) return note(body, client, respond, STALE_BUTTON);
      await showAnswer(body, client, respond, ctx, conversation);
    },
  );

  onButton(
    new RegExp(`^${ANSWER_ACTIONS.whyNotPrefix}`),
    'why_not',
    async ({ body, action, client, respond }) => {
      const conversation = decodeConversation(action.value);
      const option = OPTION_IDS.find((id) => action.action_id === `${ANSWER_ACTIONS.whyNotPrefix}${id}`);
      if (conversation === null || option === undefined) return note(body, client, respond, STALE_BUTTON);
      await showAnswer(body, client, respond, ctx, conversation, { whyNot: option });
    },
  );

  onButton(new RegExp(`^${ANSWER_ACTIONS.more}$`), 'more', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    if (conversation === null) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, conversation, { long: true });
  });

  onButton(new RegExp(`^${ANSWER_ACTIONS.share}$`), 'share', async ({ body, action, client, respond }) => {
    const conversation = decodeConversation(action.value);
    if (conversation === null) return note(body, client, respond, STALE_BUTTON);
    const message = answerMessage(conversation, false, ctx);
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  });

  onButton(
    new RegExp(`^(?:${ANSWER_ACTIONS.feedbackUp}|${ANSWER_ACTIONS.feedbackDown})$`),
    'feedback',
    async ({ body, action, client, respond }) => {
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
    },
  );

  onButton(new RegExp(`^${VIEW_IDS.example}:\\d+$`), 'example', async ({ body, action, client, respond }) => {
    const question = EXAMPLE_QUESTIONS.find((q) => q === action.value);
    if (question === undefined) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, startConversation(question));
  });

  onButton(new RegExp(`^${VIEW_IDS.openQuestionnaire}$`), 'open_questionnaire', async ({ body, client }) => {
    const place = placeOf(body);
    const destination: Destination =
      place.kind === 'message'
        ? { c: place.channel, th: place.thread ?? place.ts }
        : place.kind === 'ephemeral' && body.channel !== undefined
          ? { c: body.channel.id, e: body.user.id }
          : { c: body.user.id };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: questionnaireView(JSON.stringify(destination)),
    });
  });

  onButton(
    new RegExp(`^${SHOW_YAML_PREFIX}(?:gateway|ingress)$`),
    'show_yaml',
    async ({ body, action, client, respond }) => {
      const ref = parseManifestRef(action.value);
      const target: MigrationTarget = action.action_id.endsWith('gateway') ? 'gateway' : 'ingress';
      if (ref === null) return note(body, client, respond, STALE_BUTTON);
      const text = await readManifest(client, ref, ctx);
      if (text === null)
        return note(
          body,
          client,
          respond,
          'I could not read that manifest again: the message or file may have been deleted or edited.',
        );
      const migration = migrate([{ path: PASTED_PATH, text: redactManifest(text) }], { to: target });
      ctx.logger.event('info', 'migrated', {
        to: target,
        converted: migration.converted.length,
        warnings: migration.warnings.length,
      });
      const place = placeOf(body);
      for (const message of renderMigration(migration, target)) {
        if (place.kind === 'message') {
          await client.chat.postMessage({
            channel: place.channel,
            thread_ts: place.thread ?? place.ts,
            unfurl_links: false,
            ...message,
          } as webApi.ChatPostMessageArguments);
        } else await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      }
    },
  );

  app.view(VIEW_IDS.questionnaire, async ({ ack, view, body, client }) => {
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
  });

  app.view(VIEW_IDS.feedback, async ({ ack, view, body }) => {
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
  });

  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: REVIEW_SHORTCUT },
    async ({ ack, shortcut, client, respond }) => {
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
    },
  );
}

interface SlackFile {
  id: string;
  name: string;
  url: string;
  size: number;
}

/** A manifest in a message's text (inline or in a code block); null when there is none. */
function manifestInMessage(message: { text?: string }): string | null {
  const input = classifyMessage(message.text ?? '');
  if (input.kind === 'manifest') return input.text;
  if (input.kind === 'too-long' && input.what === 'manifest') return unescapeSlack(message.text ?? '');
  return null;
}

/** The first YAML or JSON file snippet of a message. */
function yamlFileOf(message: { files?: unknown }): SlackFile | null {
  const files: unknown[] = Array.isArray(message.files) ? message.files : [];
  for (const value of files) {
    const file = decode(slackFileSchema, value);
    if (file === null) continue;
    const name = file.name ?? '';
    const url = file.url_private_download ?? file.url_private ?? '';
    const typed = file.filetype === 'yaml' || /\.(?:ya?ml|json)$/i.test(name);
    if (typed && url !== '') return { id: file.id, name: name || 'snippet.yaml', url, size: file.size ?? 0 };
  }
  return null;
}

/** Downloads a file snippet with the bot token (`files:read`), only from Slack's own hosts. */
async function downloadFile(file: SlackFile, ctx: BotContext): Promise<string | null> {
  const url = new URL(file.url);
  if (!ctx.trustedFileHosts.has(url.host)) {
    ctx.logger.event('warn', 'file_host_refused', { host: url.host });
    return null;
  }
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${ctx.botToken}` },
    redirect: 'error',
    signal: AbortSignal.timeout(2500),
  });
  if (!response.ok) return null;
  const text = await response.text();
  return looksLikeManifest(text) || text.length > MAX_MANIFEST_CHARS ? text : null;
}

/** Reads the reviewed manifest again from Slack: the file snippet, or the message's text. */
async function readManifest(client: Client, ref: ManifestRef, ctx: BotContext): Promise<string | null> {
  if (ref.file !== undefined) {
    const info = await client.files.info({ file: ref.file });
    const file = info.file === undefined ? null : yamlFileOf({ files: [info.file] });
    return file === null ? null : downloadFile(file, ctx);
  }
  const history =
    ref.thread !== undefined && ref.thread !== ref.ts
      ? await client.conversations.replies({ channel: ref.channel, ts: ref.thread, limit: 200 })
      : await client.conversations.history({
          channel: ref.channel,
          latest: ref.ts,
          inclusive: true,
          limit: 1,
        });
  const message = history.messages?.find((m) => m.ts === ref.ts);
  return message === undefined ? null : manifestInMessage({ text: message.text ?? '' });
}
