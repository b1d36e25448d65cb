/**
 * Test helper: typed fake arguments for the Bolt listeners, so each listener runs in a unit test
 * without a server. `fakeSlack()` gives the bot context, a Web API client recording every call
 * (with a result or a failure per method), and recorded `ack`/`respond`/`say`; the `*Args`
 * builders dress it as the arguments of one kind of listener.
 */
import type {
  Context,
  MessageShortcut,
  RespondArguments,
  RespondFn,
  SayFn,
  SlashCommand,
  ViewOutput,
  webApi,
} from '@slack/bolt';
import { type Conversation, encodeConversation, startConversation } from '../conversation.js';
import type { ButtonArgs, ButtonBody } from '../listeners/actions/button.js';
import type { CommandArgs } from '../listeners/commands/ingress-or-lb.js';
import type { AppHomeOpenedArgs } from '../listeners/events/app-home-opened.js';
import type { AppMentionArgs } from '../listeners/events/app-mention.js';
import type { MessageImArgs } from '../listeners/events/message-im.js';
import type { BotContext } from '../listeners/shared.js';
import type { ReviewShortcutArgs } from '../listeners/shortcuts/review-manifest.js';
import type { ViewArgs } from '../listeners/views/questionnaire.js';
import { createLogger } from '../log.js';

/** The Web API methods the listeners call. */
export const API_METHODS = [
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'views.open',
  'views.publish',
  'conversations.replies',
  'conversations.history',
  'files.info',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** One recorded Web API call. */
export interface ApiCall {
  method: ApiMethod;
  args: Record<string, unknown>;
}

export interface FakeSlackOptions {
  /** What a method resolves with; `{ ok: true }` when not given. */
  results?: Partial<Record<ApiMethod, Record<string, unknown>>>;
  /** Methods that reject, with this error (e.g. `slackApiError('not_in_channel')`). */
  failures?: Partial<Record<ApiMethod, unknown>>;
  /** `respond` rejects with this error. */
  respondFailure?: unknown;
  /** Hosts the bot token may be sent to. @default none */
  trustedFileHosts?: string[];
}

/** The fake Slack side of a listener call, and what the listener did to it. */
export interface FakeSlack {
  ctx: BotContext;
  client: webApi.WebClient;
  ack: () => Promise<void>;
  respond: RespondFn;
  say: SayFn;
  /** Every Web API call, in order. */
  calls: ApiCall[];
  /** How many times `ack` was called. */
  acks: () => number;
  /** Every `respond` (strings as `{ text }`), in order. */
  responses: RespondArguments[];
  /** Every `say`, in order. */
  said: unknown[];
  /** The arguments of each call to one method. */
  callsTo(method: ApiMethod): Record<string, unknown>[];
  /** The structured log records named `event`. */
  logged(event: string): Record<string, unknown>[];
}

/** An error as the Web API client throws it for a Slack error code, e.g. `not_in_channel`. */
export function slackApiError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

export function fakeSlack(options: FakeSlackOptions = {}): FakeSlack {
  const lines: string[] = [];
  const calls: ApiCall[] = [];
  const responses: RespondArguments[] = [];
  const said: unknown[] = [];
  let acks = 0;
  const method = (name: ApiMethod) => async (args: Record<string, unknown>) => {
    calls.push({ method: name, args });
    const failure = options.failures?.[name];
    if (failure !== undefined) throw failure;
    return { ok: true, ...options.results?.[name] };
  };
  const client: Record<string, Record<string, unknown>> = {};
  for (const name of API_METHODS) {
    const [family = '', call = ''] = name.split('.');
    client[family] ??= {};
    client[family][call] = method(name);
  }
  return {
    ctx: {
      logger: createLogger('debug', (line) => lines.push(line)),
      botToken: 'xoxb-test',
      trustedFileHosts: new Set(options.trustedFileHosts ?? []),
    },
    client: client as unknown as webApi.WebClient,
    ack: async () => {
      acks += 1;
    },
    respond: (async (message: string | RespondArguments) => {
      responses.push(typeof message === 'string' ? { text: message } : message);
      if (options.respondFailure !== undefined) throw options.respondFailure;
      return {};
    }) as RespondFn,
    say: (async (message: unknown) => {
      said.push(message);
      return { ok: true };
    }) as SayFn,
    calls,
    acks: () => acks,
    responses,
    said,
    callsTo: (name) => calls.filter((c) => c.method === name).map((c) => c.args),
    logged: (event) =>
      lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((record) => record.event === event),
  };
}

/** A button value carrying the conversation of `question`. */
export function conversationValue(question: string | Conversation): string {
  return encodeConversation(typeof question === 'string' ? startConversation(question) : question);
}

export const USER = 'U0USER';
export const CHANNEL = 'C0CHANNEL';
export const MESSAGE_TS = '1700000000.000100';

/** Where a clicked button sits: a channel message (optionally in a thread), an ephemeral, or a view. */
export type Place = { kind: 'message'; thread?: string } | { kind: 'ephemeral' } | { kind: 'view' };

/** Arguments of a button click (`app.action`). */
export function buttonArgs(
  fake: FakeSlack,
  button: { actionId: string; value?: string; place?: Place },
): ButtonArgs {
  const place = button.place ?? { kind: 'message' };
  const action = {
    type: 'button' as const,
    action_id: button.actionId,
    block_id: 'b',
    text: { type: 'plain_text' as const, text: 'button' },
    action_ts: '1700000001.000000',
    ...(button.value === undefined ? {} : { value: button.value }),
  };
  const container =
    place.kind === 'message'
      ? { type: 'message', channel_id: CHANNEL, message_ts: MESSAGE_TS, is_ephemeral: false }
      : place.kind === 'ephemeral'
        ? { type: 'message', channel_id: CHANNEL, message_ts: MESSAGE_TS, is_ephemeral: true }
        : { type: 'view', view_id: 'V0VIEW' };
  const body = {
    type: 'block_actions',
    actions: [action],
    team: { id: 'T0TEAM', domain: 'test' },
    user: { id: USER, name: 'user' },
    api_app_id: 'A0APP',
    token: 'verification',
    trigger_id: 'trigger-1',
    container,
    response_url: 'https://hooks.slack.test/response',
    ...(place.kind === 'view' ? {} : { channel: { id: CHANNEL, name: 'general' } }),
    ...(place.kind === 'message'
      ? {
          message: {
            type: 'message',
            ts: MESSAGE_TS,
            ...(place.thread === undefined ? {} : { thread_ts: place.thread }),
          },
        }
      : {}),
  } as unknown as ButtonBody;
  return { ack: fake.ack, body, action, respond: fake.respond, client: fake.client };
}

/** Arguments of the slash command (`app.command`). */
export function commandArgs(fake: FakeSlack, text: string): CommandArgs {
  const command: SlashCommand = {
    token: 'verification',
    command: '/ingress-or-lb',
    text,
    response_url: 'https://hooks.slack.test/commands',
    trigger_id: 'trigger-1',
    user_id: USER,
    user_name: 'user',
    team_id: 'T0TEAM',
    team_domain: 'test',
    channel_id: CHANNEL,
    channel_name: 'general',
    api_app_id: 'A0APP',
  };
  return { command, ack: fake.ack, respond: fake.respond, client: fake.client };
}

const CONTEXT: Context = { isEnterpriseInstall: false, botId: 'B0BOT', botUserId: 'U0BOT' };

/** Arguments of a mention (`app.event('app_mention')`). */
export function mentionArgs(
  fake: FakeSlack,
  mention: { text: string; thread_ts?: string; bot_id?: string },
): AppMentionArgs {
  const event: AppMentionArgs['event'] = {
    type: 'app_mention',
    user: USER,
    text: mention.text,
    ts: MESSAGE_TS,
    channel: CHANNEL,
    event_ts: MESSAGE_TS,
    ...(mention.thread_ts === undefined ? {} : { thread_ts: mention.thread_ts }),
    ...(mention.bot_id === undefined ? {} : { bot_id: mention.bot_id }),
  };
  return { event, client: fake.client, context: CONTEXT };
}

/** Arguments of a message (`app.message`); a direct message unless `channel_type` says otherwise. */
export function messageArgs(
  fake: FakeSlack,
  message: { text: string; thread_ts?: string; channel_type?: 'im' | 'channel' },
): MessageImArgs {
  const event = {
    type: 'message',
    subtype: undefined,
    event_ts: MESSAGE_TS,
    team: 'T0TEAM',
    channel: 'D0DIRECT',
    user: USER,
    text: message.text,
    ts: MESSAGE_TS,
    channel_type: message.channel_type ?? 'im',
    ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
  } as MessageImArgs['message'];
  return { message: event, client: fake.client, context: CONTEXT };
}

/** Arguments of the App Home tab opened (`app.event('app_home_opened')`). */
export function homeOpenedArgs(fake: FakeSlack, tab: 'home' | 'messages' = 'home'): AppHomeOpenedArgs {
  const event: AppHomeOpenedArgs['event'] = {
    type: 'app_home_opened',
    user: USER,
    channel: 'D0DIRECT',
    tab,
    event_ts: MESSAGE_TS,
  };
  return { event, client: fake.client };
}

/** Arguments of a modal submitted (`app.view`). */
export function viewArgs(
  fake: FakeSlack,
  view: { callbackId: string; privateMetadata: string; values?: Record<string, unknown> },
): ViewArgs {
  const output = {
    id: 'V0VIEW',
    callback_id: view.callbackId,
    private_metadata: view.privateMetadata,
    state: { values: view.values ?? {} },
    type: 'modal',
    team_id: 'T0TEAM',
    app_id: 'A0APP',
    bot_id: 'B0BOT',
    hash: 'hash',
    title: { type: 'plain_text', text: 'title' },
    blocks: [],
  } as unknown as ViewOutput;
  const body = {
    type: 'view_submission',
    team: { id: 'T0TEAM', domain: 'test' },
    user: { id: USER, name: 'user' },
    view: output,
    api_app_id: 'A0APP',
    token: 'verification',
    trigger_id: 'trigger-1',
  } as unknown as ViewArgs['body'];
  return { ack: fake.ack, view: output, body, client: fake.client };
}

/** Arguments of the message shortcut (`app.shortcut`) on a message. */
export function shortcutArgs(
  fake: FakeSlack,
  message: { text?: string; thread_ts?: string; files?: unknown[] },
): ReviewShortcutArgs {
  const shortcut = {
    type: 'message_action',
    callback_id: 'review_manifest',
    trigger_id: 'trigger-1',
    message_ts: MESSAGE_TS,
    response_url: 'https://hooks.slack.test/shortcut',
    message: {
      type: 'message',
      user: USER,
      ts: MESSAGE_TS,
      text: message.text ?? '',
      ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
      ...(message.files === undefined ? {} : { files: message.files }),
    },
    user: { id: USER, name: 'user' },
    channel: { id: CHANNEL, name: 'general' },
    team: { id: 'T0TEAM', domain: 'test' },
    token: 'verification',
    action_ts: '1700000001.000000',
  } as unknown as MessageShortcut;
  return { ack: fake.ack, shortcut, respond: fake.respond, client: fake.client };
}

/** A small Ingress manifest, as a user would paste it. */
export const INGRESS_MANIFEST = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

/** The error id of the one `handler_failed` record, checking the handler it names. */
export function failedErrorId(fake: FakeSlack, handler: string): string {
  const failures = fake.logged('handler_failed');
  if (failures.length !== 1 || failures[0]?.handler !== handler)
    throw new Error(`expected one handler_failed for ${handler}, got ${JSON.stringify(failures)}`);
  return String(failures[0].errorId);
}

/** The parsed `private_metadata` of the view in the `index`th `views.open` call. */
export function openedMetadata(fake: FakeSlack, index = 0): unknown {
  const view = fake.callsTo('views.open')[index]?.view as { private_metadata?: string } | undefined;
  return JSON.parse(view?.private_metadata ?? 'null');
}
