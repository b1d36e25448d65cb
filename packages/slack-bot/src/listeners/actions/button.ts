/**
 * What every button listener shares: its arguments, where the clicked button sits, and how an
 * answer or a short note is shown there. Every button carries what it needs (the conversation, or
 * where the reviewed manifest is), so a click can land on any replica.
 */
import type { OptionId } from '@ingress-advisor/core';
import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { Conversation } from '../../conversation.js';
import { containerSchema, decode } from '../../payloads.js';
import type { AnswerView } from '../../render/answer.js';
import { answerMessage, answerMetadata, type BotContext, guarded } from '../shared.js';

/** The body of a button click. */
export type ButtonBody = BlockAction<ButtonAction>;

/** What a button listener reads from Bolt's `app.action` arguments. */
export interface ButtonArgs {
  ack: () => Promise<void>;
  body: ButtonBody;
  action: ButtonAction;
  respond: RespondFn;
  client: webApi.WebClient;
}

/** A button listener, as registered with `app.action`. */
export type ButtonListener = (args: ButtonArgs) => Promise<void>;

export const OPTION_IDS: readonly OptionId[] = ['ingress', 'loadbalancer', 'gateway-api', 'edge-tunnel'];

export const STALE_BUTTON = 'That button comes from a message I can no longer read. Please ask again.';

/** Where the clicked button sits. */
export function placeOf(
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
export async function showAnswer(
  body: ButtonBody,
  client: webApi.WebClient,
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
export async function note(
  body: ButtonBody,
  client: webApi.WebClient,
  respond: RespondFn,
  text: string,
): Promise<void> {
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

/**
 * A button listener: acks at once, then runs `run` guarded, a failure ending in a note with the
 * error id where the button was.
 */
export function buttonListener(
  ctx: BotContext,
  handler: string,
  run: (args: Omit<ButtonArgs, 'ack'>) => Promise<void>,
): ButtonListener {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    await guarded(
      ctx,
      handler,
      () => run({ body, action, client, respond }),
      (text) => note(body, client, respond, text),
    );
  };
}
