/**
 * Requests as Slack sends them to an app's Request URL, for end-to-end tests of a Bolt app in HTTP
 * mode: signed with the signing secret (`v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`), in Slack's
 * body formats (slash commands and interactions form-encoded, Events API callbacks as JSON), all
 * from one workspace (T1, "acme") and one user (U1, "alice"). Where Slack gives a `response_url`,
 * it points at the fake Slack, and `reply()` waits for what the app posts there.
 */
import { createHmac } from 'node:crypto';
import { FAKE_BOT, type FakeSlack, type ResponsePost } from '../fakes/slack-api.js';

const TEAM = { id: 'T1', domain: 'acme' } as const;
const USER = { id: 'U1', name: 'alice' } as const;
/** U1 as interaction payloads name the user. */
const INTERACTING_USER = { id: USER.id, username: USER.name, team_id: TEAM.id } as const;
const APP_ID = 'A1';
const TRIGGER_ID = '111.222.abc';

/** The `x-slack-signature` Slack sends with `body` at `timestamp` (seconds). */
export function signSlackRequest(body: string, timestamp: number, secret: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** How to deviate from a correctly signed, current request. */
export interface SendOptions {
  /** The request timestamp in seconds; now by default. */
  timestamp?: number;
  /** The secret to sign with; the app's by default. */
  secret?: string;
  /** More headers, such as Slack's retry headers. */
  headers?: Record<string, string>;
}

/** The app's HTTP answer to a request: status, body, and how long the ack took. */
export interface Delivered {
  status: number;
  text: string;
  ms: number;
}

/** A request that carried a `response_url`. */
export interface DeliveredWithReply extends Delivered {
  /** Waits for the app's post to the request's `response_url`. */
  reply(): Promise<ResponsePost>;
}

/** A button as `buttons()` reads it off a message, or as a test makes one up. */
export interface ButtonValue {
  action_id: string;
  value: string;
}

/** Sends signed requests to one app's Request URL, with `response_url`s on `fake`. */
export class SlackRequests {
  private counter = 0;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly fake: FakeSlack,
  ) {}

  /** Posts `body` signed as Slack signs it; Bolt compares the content type exactly (no charset). */
  async post(body: string, contentType: string, options: SendOptions = {}): Promise<Delivered> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const started = performance.now();
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(body, timestamp, options.secret ?? this.secret),
        ...options.headers,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  }

  /** `/ingress-or-lb text`, typed by U1 in C1 (#general). */
  slashCommand(text: string, options: SendOptions = {}): Promise<DeliveredWithReply> {
    const id = this.nextId('cmd');
    const body = new URLSearchParams({
      token: 'x',
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: 'C1',
      channel_name: 'general',
      user_id: USER.id,
      user_name: USER.name,
      command: '/ingress-or-lb',
      text,
      api_app_id: APP_ID,
      response_url: this.fake.responseUrl(id),
      trigger_id: TRIGGER_ID,
    }).toString();
    return this.withReply(id, this.post(body, 'application/x-www-form-urlencoded', options));
  }

  /** An Events API `event_callback` carrying `event`, authorized for the fake's bot user. */
  event(event: Record<string, unknown>, options: SendOptions = {}): Promise<Delivered> {
    const body = JSON.stringify({
      token: 'x',
      team_id: TEAM.id,
      api_app_id: APP_ID,
      type: 'event_callback',
      event_id: this.nextId('Ev'),
      event_time: 1_700_000_000,
      authorizations: [
        {
          enterprise_id: null,
          team_id: TEAM.id,
          user_id: FAKE_BOT.userId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      event,
    });
    return this.post(body, 'application/json', options);
  }

  /** An interaction payload (form field `payload`), with the token, app and team filled in. */
  interactive(payload: Record<string, unknown>): Promise<Delivered> {
    const body = new URLSearchParams({
      payload: JSON.stringify({ token: 'x', api_app_id: APP_ID, team: TEAM, ...payload }),
    }).toString();
    return this.post(body, 'application/x-www-form-urlencoded');
  }

  /** U1 clicks `button` in `container` (see `messageContainer`); `extra` adds payload fields. */
  click(
    button: ButtonValue,
    container: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): Promise<Delivered> {
    return this.interactive({
      type: 'block_actions',
      user: INTERACTING_USER,
      trigger_id: TRIGGER_ID,
      response_url: this.fake.responseUrl(this.nextId('act')),
      container,
      actions: [
        {
          type: 'button',
          block_id: 'b',
          action_ts: '1700000001.0',
          action_id: button.action_id,
          value: button.value,
        },
      ],
      state: { values: {} },
      ...extra,
    });
  }

  /** U1 submits a modal; `values` as `stateValues` builds them. */
  submitView(view: {
    id: string;
    callback_id: string;
    private_metadata: string;
    values: unknown;
  }): Promise<Delivered> {
    const { values, ...rest } = view;
    return this.interactive({
      type: 'view_submission',
      user: INTERACTING_USER,
      view: { ...rest, state: { values } },
    });
  }

  /** U1 runs the message shortcut `callbackId` on `message` in `channel`, a second after it. */
  messageShortcut(
    callbackId: string,
    channel: { id: string; name: string },
    message: { ts: string } & Record<string, unknown>,
  ): Promise<DeliveredWithReply> {
    const id = this.nextId('sc');
    const delivered = this.interactive({
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: TRIGGER_ID,
      response_url: this.fake.responseUrl(id),
      message_ts: message.ts,
      action_ts: `${Number(message.ts.split('.')[0]) + 1}.0`,
      user: { id: USER.id, name: USER.name },
      channel,
      message,
    });
    return this.withReply(id, delivered);
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  private async withReply(id: string, delivered: Promise<Delivered>): Promise<DeliveredWithReply> {
    const fake = this.fake;
    return {
      ...(await delivered),
      reply: () =>
        fake.waitFor(() => fake.responses.find((r) => r.id === id), 5000, `a post to response_url ${id}`),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Payload pieces.

/** An `app_mention` of the bot by U1: `<@bot> text` at `ts` in `channel`, in `thread` if given. */
export function appMention(mention: {
  channel: string;
  ts: string;
  text: string;
  thread?: string;
}): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: USER.id,
    text: mention.text === '' ? `<@${FAKE_BOT.userId}>` : `<@${FAKE_BOT.userId}> ${mention.text}`,
    ts: mention.ts,
    ...(mention.thread === undefined ? {} : { thread_ts: mention.thread }),
    channel: mention.channel,
    event_ts: mention.ts,
  };
}

/** A `message` event, by default in the DM D1 saying "ingress or lb?"; `fields` say who and when. */
export function messageEvent(fields: Record<string, unknown>): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', channel: 'D1', text: 'ingress or lb?', ...fields };
}

/** The `container` of a button clicked in a message. */
export function messageContainer(
  channel: string,
  messageTs: string,
  isEphemeral: unknown = false,
): { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: unknown } {
  return { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: isEphemeral };
}

/** A Socket Mode `events_api` envelope carrying `event`. */
export function eventsApiEnvelope(
  envelopeId: string,
  eventId: string,
  event: Record<string, unknown>,
): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    payload: { type: 'event_callback', team_id: TEAM.id, api_app_id: APP_ID, event_id: eventId, event },
  };
}

/** A modal's `state.values`: one input element (action_id `value`) per block id. */
export function stateValues(inputs: Record<string, unknown>): Record<string, { value: unknown }> {
  return Object.fromEntries(Object.entries(inputs).map(([block, element]) => [block, { value: element }]));
}

/** Input elements as a submitted view's state holds them. */
export const input = {
  select: (value: string) => ({ type: 'static_select', selected_option: { value } }),
  checkboxes: (...values: string[]) => ({
    type: 'checkboxes',
    selected_options: values.map((value) => ({ value })),
  }),
  radio: (value: string) => ({ type: 'radio_buttons', selected_option: { value } }),
  text: (value: string) => ({ type: 'plain_text_input', value }),
};
