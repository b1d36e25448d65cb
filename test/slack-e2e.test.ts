/**
 * End-to-end: the built Slack bot (`packages/slack-bot/dist`) runs the real Bolt app in HTTP mode
 * on an ephemeral port, with SLACK_API_URL pointing at a local fake of the Slack Web API. Requests
 * are signed as Slack signs them; assertions are on what the fake received.
 */
import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Types from the source; the code under test is the build.
import type * as SlackBotModule from '../packages/slack-bot/src/main.js';
import { type ApiCall, FAKE_BOT, FakeSlack } from './fakes/slack-api.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distMain = join(root, 'packages/slack-bot/dist/main.js');
const distIndex = join(root, 'packages/slack-bot/dist/index.js');
const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';

let fake: FakeSlack;
let botModule: typeof SlackBotModule;
let bot: SlackBotModule.SlackBot;
let baseUrl: string;
const logs: string[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  botModule = (await import(distMain)) as typeof SlackBotModule;
  const logger = botModule.createLogger('debug', (line) => logs.push(line));
  bot = botModule.createSlackBot(
    { mode: 'http', botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, logLevel: 'debug' },
    { logger, host: '127.0.0.1', botId: FAKE_BOT.botId, botUserId: FAKE_BOT.userId, retries: 0 },
  );
  const server = await bot.start();
  if (server === undefined) throw new Error('HTTP mode must return its server');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers.

function sign(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

async function post(
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      // Bolt compares the content type exactly: no charset.
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

let counter = 0;
const nextId = (prefix: string): string => `${prefix}${++counter}`;

function slashCommand(text: string, responseId: string, channel = 'C1', options: SendOptions = {}) {
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: channel,
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'alice',
    command: '/ingress-or-lb',
    text,
    api_app_id: 'A1',
    response_url: fake.responseUrl(responseId),
    trigger_id: '111.222.abc',
  }).toString();
  return post(body, 'application/x-www-form-urlencoded', options);
}

function eventCallback(event: Record<string, unknown>, options: SendOptions = {}) {
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: nextId('Ev'),
    event_time: 1_700_000_000,
    authorizations: [
      {
        enterprise_id: null,
        team_id: 'T1',
        user_id: FAKE_BOT.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    event,
  });
  return post(body, 'application/json', options);
}

function interactive(payload: Record<string, unknown>) {
  const body = new URLSearchParams({
    payload: JSON.stringify({ token: 'x', api_app_id: 'A1', team: { id: 'T1', domain: 'acme' }, ...payload }),
  }).toString();
  return post(body, 'application/x-www-form-urlencoded');
}

function buttonClick(
  action: { action_id: string; value: string },
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return interactive({
    type: 'block_actions',
    user: { id: 'U1', username: 'alice', team_id: 'T1' },
    trigger_id: '111.222.abc',
    response_url: fake.responseUrl(nextId('act')),
    container,
    actions: [{ type: 'button', block_id: 'b', action_ts: '1700000001.0', ...action }],
    state: { values: {} },
    ...extra,
  });
}

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; action_id?: string; value?: string; text?: { text: string } }>;
};

/** Every rule of Block Kit this bot relies on, plus "no mention or broadcast it did not mean". */
function expectWithinLimits(blocks: unknown, maxBlocks = 50): Block[] {
  expect(Array.isArray(blocks)).toBe(true);
  const list = blocks as Block[];
  expect(list.length).toBeGreaterThan(0);
  expect(list.length).toBeLessThanOrEqual(maxBlocks);
  if (maxBlocks === 50) expect(JSON.stringify(list).length).toBeLessThan(13_000);
  const actionIds = new Set<string>();
  for (const block of list) {
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(150);
    for (const element of block.elements ?? []) {
      if (element.type !== 'button') continue;
      expect(element.value?.length ?? 0).toBeLessThanOrEqual(2000);
      expect(element.text?.text.length ?? 0).toBeLessThanOrEqual(75);
      expect(actionIds.has(element.action_id ?? '')).toBe(false);
      actionIds.add(element.action_id ?? '');
    }
  }
  expectNoMentions(JSON.stringify(list));
  return list;
}

function expectNoMentions(text: string): void {
  expect(text).not.toMatch(/<!(?:channel|here|everyone|subteam)/);
  expect(text).not.toMatch(/<@[UW][A-Z0-9]+/);
}

function buttons(blocks: Block[]): Array<{ action_id: string; value: string; label: string }> {
  return blocks.flatMap((block) =>
    (block.elements ?? [])
      .filter((e) => e.type === 'button')
      .map((e) => ({ action_id: e.action_id ?? '', value: e.value ?? '', label: e.text?.text ?? '' })),
  );
}

function since(mark: number, method: string): ApiCall[] {
  return fake.calls.slice(mark).filter((call) => call.method === method);
}

const textOf = (blocks: unknown): string => JSON.stringify(blocks);

// ---------------------------------------------------------------------------------------------

describe('HTTP receiver', () => {
  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('refuses a request with a bad signature and does nothing', async () => {
    const mark = fake.calls.length;
    const result = await slashCommand('ingress or lb?', nextId('bad'), 'C1', { secret: 'not-the-secret' });
    expect(result.status).toBe(401);
    await new Promise((done) => setTimeout(done, 150));
    expect(fake.calls.length).toBe(mark);
  });

  it('refuses a correctly signed request with a stale timestamp', async () => {
    const result = await slashCommand('ingress or lb?', nextId('stale'), 'C1', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(result.status).toBe(401);
  });

  it('answers url_verification with the challenge', async () => {
    const result = await post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(result.status).toBe(200);
    expect(result.text).toContain('abc123');
  });
});

describe('slash command', () => {
  it('acks at once, then answers ephemerally: short, with reasons, an example, More and Share', async () => {
    const id = nextId('cmd');
    const result = await slashCommand('ingress or lb for 3 http services with tls on aws?', id);
    expect(result.status).toBe(200);
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(response.body.response_type).toBe('ephemeral');
    expect(String(response.body.text)).toMatch(/^Recommendation: .+Ranking: 1\./);
    const blocks = expectWithinLimits(response.body.blocks);
    expect(textOf(blocks)).toContain('You said: 3 HTTP services');
    expect(textOf(blocks)).toContain('AWS');
    expect(textOf(blocks)).toContain('```');
    const labels = buttons(blocks).map((b) => b.label);
    expect(labels).toContain('Share in channel');
    expect(labels).toEqual(expect.arrayContaining(['More', '👍 Helpful', '👎 Not helpful']));
  });

  it('shares an ephemeral answer in the channel and removes the private one', async () => {
    const id = nextId('cmd');
    await slashCommand('mosquitto on 1883 for devices outside the cluster', id);
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    const share = buttons(response.body.blocks as Block[]).find((b) => b.action_id === 'share_answer');
    expect(share).toBeDefined();
    const before = fake.responses.length;
    await buttonClick(
      { action_id: 'share_answer', value: share?.value ?? '' },
      { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: true },
      { channel: { id: 'C1', name: 'general' } },
    );
    await fake.waitFor(() => fake.responses.length >= before + 2 || undefined);
    const [shared, deleted] = fake.responses.slice(before);
    expect(shared?.body.response_type).toBe('in_channel');
    const sharedBlocks = expectWithinLimits(shared?.body.blocks);
    expect(buttons(sharedBlocks).some((b) => b.action_id === 'share_answer')).toBe(false);
    expect(deleted?.body.delete_original).toBe(true);
  });

  it('answers help with what the bot does and buttons to start', async () => {
    const id = nextId('cmd');
    await slashCommand('help', id);
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    const ids = buttons(expectWithinLimits(response.body.blocks)).map((b) => b.action_id);
    expect(ids).toContain('open_questionnaire');
    expect(ids.some((i) => i.startsWith('example_question:'))).toBe(true);
  });

  it('refuses an oversized question with a clear message', async () => {
    const id = nextId('cmd');
    await slashCommand(`ingress or lb ${'for my very many services '.repeat(80)}`, id);
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(String(response.body.text)).toMatch(/characters long; I take up to 1500/);
  });

  it('reviews pasted YAML with secrets redacted in the reply and the logs', async () => {
    const id = nextId('cmd');
    const yaml = [
      '```apiVersion: v1',
      'kind: Secret',
      'metadata: {name: db}',
      'stringData:',
      '  password: hunter2-very-secret',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations: {note: "&lt;!channel&gt; xoxb-1234567890-abcdefghij"}',
      'spec:',
      '  type: LoadBalancer',
      '  ports: [{port: 443, targetPort: 8443}]',
      '```',
    ].join('\n');
    await slashCommand(yaml, id);
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    const blocks = expectWithinLimits(response.body.blocks);
    expect(textOf(blocks)).toContain('Manifest review');
    expect(textOf(blocks)).toContain('LoadBalancer');
    const everything = `${JSON.stringify(fake.responses)}${JSON.stringify(fake.calls)}${logs.join('\n')}`;
    expect(everything).not.toContain('hunter2-very-secret');
    expect(everything).not.toContain('xoxb-1234567890-abcdefghij');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('opens the questionnaire for `quiz`', async () => {
    const mark = fake.calls.length;
    await slashCommand('quiz', nextId('cmd'));
    const call = await fake.waitFor(() => since(mark, 'views.open')[0]);
    const view = call.args.view as { callback_id: string; blocks: unknown[]; private_metadata: string };
    expect(view.callback_id).toBe('questionnaire');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: 'C1', e: 'U1' });
  });
});

describe('mentions and direct messages', () => {
  it('answers a mention in its thread, escaping what the user wrote', async () => {
    const mark = fake.calls.length;
    const ts = '1700000100.000100';
    fake.seedMessage('C2', { ts, user: 'U1', text: '<@UBOT> ingress or lb?' });
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> ingress or lb for 2 web apps at <!channel> on gcp?`,
      ts,
      channel: 'C2',
      event_ts: ts,
    });
    const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(call.token).toBe(TOKEN);
    expect(call.args.channel).toBe('C2');
    expect(call.args.thread_ts).toBe(ts);
    expectWithinLimits(call.args.blocks);
    expectNoMentions(String(call.args.text));
    expect((call.args.metadata as { event_type: string }).event_type).toBe('ingress_advisor_answer');
  });

  it('refines the conversation with a later mention in the same thread, read back from Slack', async () => {
    const ts = '1700000200.000100';
    fake.seedMessage('C3', { ts, user: 'U1', text: 'q' });
    let mark = fake.calls.length;
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> 3 http services`,
      ts,
      channel: 'C3',
      event_ts: ts,
    });
    const first = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(textOf(first.args.blocks)).not.toContain('AWS');
    mark = fake.calls.length;
    const reply = '1700000300.000100';
    fake.seedMessage('C3', { ts: reply, user: 'U1', text: 'x', thread_ts: ts });
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> we run on aws and cost matters`,
      ts: reply,
      thread_ts: ts,
      channel: 'C3',
      event_ts: reply,
    });
    const second = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(since(mark, 'conversations.replies')[0]?.args.ts).toBe(ts);
    expect(second.args.thread_ts).toBe(ts);
    const said = textOf(second.args.blocks);
    expect(said).toContain('3 HTTP services');
    expect(said).toContain('AWS');
  });

  it('answers help for an empty mention', async () => {
    const mark = fake.calls.length;
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}>`,
      ts: '1700000400.000100',
      channel: 'C4',
      event_ts: '1700000400.000100',
    });
    const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(buttons(expectWithinLimits(call.args.blocks)).map((b) => b.action_id)).toContain(
      'open_questionnaire',
    );
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const mark = fake.calls.length;
    await eventCallback({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U1',
      text: 'do I need an ingress to expose my app?',
      ts: '1700000500.000100',
      client_msg_id: 'm1',
    });
    const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(call.args.channel).toBe('D1');
    expect(call.args.thread_ts).toBeUndefined();
    expectWithinLimits(call.args.blocks);
  });

  it('ignores bot messages, its own messages and channel messages it was not called into', async () => {
    const mark = fake.calls.length;
    await eventCallback({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      bot_id: 'B9',
      subtype: 'bot_message',
      text: 'ingress or lb?',
      ts: '1700000600.000100',
    });
    await eventCallback({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      bot_id: FAKE_BOT.botId,
      user: FAKE_BOT.userId,
      text: 'ingress or lb?',
      ts: '1700000601.000100',
    });
    await eventCallback({
      type: 'message',
      channel_type: 'channel',
      channel: 'C1',
      user: 'U1',
      text: 'ingress or lb?',
      ts: '1700000602.000100',
    });
    await new Promise((done) => setTimeout(done, 300));
    expect(since(mark, 'chat.postMessage')).toEqual([]);
  });

  it('does not answer a retried delivery twice', async () => {
    const mark = fake.calls.length;
    const event = {
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> ingress or lb?`,
      ts: '1700000700.000100',
      channel: 'C5',
      event_ts: '1700000700.000100',
    };
    await eventCallback(event);
    await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    const retry = await eventCallback(event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await new Promise((done) => setTimeout(done, 300));
    expect(since(mark, 'chat.postMessage')).toHaveLength(1);
    expect(logs.some((line) => line.includes('"retry_skipped"'))).toBe(true);
  });

  it('turns a failure into an apology with an error id that the log line carries too', async () => {
    const mark = fake.calls.length;
    // A thread in a channel the fake does not know: conversations.replies works, posting fails once.
    fake.notInChannel.add('C6');
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> ingress or lb?`,
      ts: '1700000800.000100',
      channel: 'C6',
      event_ts: '1700000800.000100',
    });
    await fake.waitFor(() => since(mark, 'chat.postMessage').length >= 2 || undefined);
    fake.notInChannel.delete('C6');
    const line = logs.find((l) => l.includes('"handler_failed"') && l.includes('not_in_channel'));
    expect(line).toBeDefined();
    const errorId = (JSON.parse(line ?? '{}') as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(String(since(mark, 'chat.postMessage')[1]?.args.text)).toContain(errorId);
    expect(line).not.toContain(TOKEN);
  });
});

describe('buttons and modals', () => {
  it('updates the answer in place when a follow-up choice is clicked', async () => {
    const ts = '1700000900.000100';
    let mark = fake.calls.length;
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> ingress or lb?`,
      ts,
      channel: 'C7',
      event_ts: ts,
    });
    const posted = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    const choice = buttons(posted.args.blocks as Block[]).find(
      (b) => b.action_id === 'followup:protocol:udp',
    );
    expect(choice).toBeDefined();
    const messageTs = fake.channels.get('C7')?.at(-1)?.ts ?? '';
    mark = fake.calls.length;
    await buttonClick(
      { action_id: 'followup:protocol:udp', value: choice?.value ?? '' },
      { type: 'message', message_ts: messageTs, channel_id: 'C7', is_ephemeral: false },
      { channel: { id: 'C7', name: 'x' }, message: { type: 'message', ts: messageTs, thread_ts: ts } },
    );
    const update = await fake.waitFor(() => since(mark, 'chat.update')[0]);
    expect(update.args.channel).toBe('C7');
    expect(update.args.ts).toBe(messageTs);
    expect(textOf(expectWithinLimits(update.args.blocks))).toContain('UDP');
    expect(since(mark, 'chat.postMessage')).toEqual([]);
  });

  it('shows the whole answer on "More", then explains "Why not X?" in the same message', async () => {
    const ts = '1700001000.000100';
    let mark = fake.calls.length;
    await eventCallback({
      type: 'app_mention',
      user: 'U1',
      text: `<@${FAKE_BOT.userId}> 5 http services on one domain with tls`,
      ts,
      channel: 'C8',
      event_ts: ts,
    });
    const posted = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    // The answer comes short; "More" shows the whole of it, ranking and "Why not X?" included.
    const more = buttons(posted.args.blocks as Block[]).find((b) => b.action_id === 'answer_more');
    expect(more).toBeDefined();
    expect(buttons(posted.args.blocks as Block[]).some((b) => b.action_id.startsWith('why_not:'))).toBe(
      false,
    );
    const messageTs = fake.channels.get('C8')?.at(-1)?.ts ?? '';
    mark = fake.calls.length;
    await buttonClick(
      { action_id: 'answer_more', value: more?.value ?? '' },
      { type: 'message', message_ts: messageTs, channel_id: 'C8', is_ephemeral: false },
    );
    const long = await fake.waitFor(() => since(mark, 'chat.update')[0]);
    expect(long.args.ts).toBe(messageTs);
    const longBlocks = expectWithinLimits(long.args.blocks);
    expect(textOf(longBlocks)).toContain('Ranking (weighted criteria)');
    expect(textOf(longBlocks)).toContain('Sources:');
    const whyNot = buttons(longBlocks).find((b) => b.action_id.startsWith('why_not:'));
    expect(whyNot).toBeDefined();
    mark = fake.calls.length;
    await buttonClick(
      { action_id: whyNot?.action_id ?? '', value: whyNot?.value ?? '' },
      { type: 'message', message_ts: messageTs, channel_id: 'C8', is_ephemeral: false },
    );
    const update = await fake.waitFor(() => since(mark, 'chat.update')[0]);
    expect(textOf(expectWithinLimits(update.args.blocks))).toContain('Why not');
  });

  it('logs 👍 as a structured event, and opens a "what was wrong?" modal for 👎 whose answer is logged', async () => {
    const value = JSON.stringify({ q: 'ingress or lb for 1 udp service', c: [] });
    let mark = fake.calls.length;
    await buttonClick(
      { action_id: 'feedback_up', value },
      { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: false },
    );
    await fake.waitFor(() => since(mark, 'chat.postEphemeral')[0]);
    expect(logs.some((l) => l.includes('"event":"feedback"') && l.includes('"rating":"up"'))).toBe(true);
    mark = fake.calls.length;
    await buttonClick(
      { action_id: 'feedback_down', value },
      { type: 'message', message_ts: '1700000000.000100', channel_id: 'C1', is_ephemeral: false },
    );
    const open = await fake.waitFor(() => since(mark, 'views.open')[0]);
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('feedback');
    await interactive({
      type: 'view_submission',
      user: { id: 'U1', username: 'alice', team_id: 'T1' },
      view: {
        id: 'V1',
        callback_id: 'feedback',
        private_metadata: view.private_metadata,
        state: {
          values: {
            reason: { value: { type: 'radio_buttons', selected_option: { value: 'unanswered' } } },
            comment: {
              value: { type: 'plain_text_input', value: 'token ghp_abcdefghijklmnopqrstuvwxyz0123 leaked' },
            },
          },
        },
      },
    });
    await fake.waitFor(() => logs.some((l) => l.includes('"feedback_detail"')) || undefined);
    const detail = logs.find((l) => l.includes('"feedback_detail"')) ?? '';
    expect(detail).toContain('"reason":"unanswered"');
    expect(detail).toContain('1 udp service');
    expect(detail).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
  });

  it('answers a questionnaire submission through the engine, where private_metadata says', async () => {
    const mark = fake.calls.length;
    const selected = (value: string) => ({ type: 'static_select', selected_option: { value } });
    const checked = (...values: string[]) => ({
      type: 'checkboxes',
      selected_options: values.map((value) => ({ value })),
    });
    await interactive({
      type: 'view_submission',
      user: { id: 'U1', username: 'alice', team_id: 'T1' },
      view: {
        id: 'V2',
        callback_id: 'questionnaire',
        private_metadata: JSON.stringify({ c: 'C9', th: '1700001100.000100' }),
        state: {
          values: {
            protocols: { value: checked('http') },
            services: { value: selected('3') },
            routing: { value: checked('host') },
            tls: { value: { type: 'radio_buttons', selected_option: { value: 'terminate' } } },
            priorities: { value: checked('cost') },
            cloud: { value: selected('aws') },
          },
        },
      },
    });
    const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(call.args.channel).toBe('C9');
    expect(call.args.thread_ts).toBe('1700001100.000100');
    const said = textOf(expectWithinLimits(call.args.blocks));
    expect(said).toContain('3 HTTP services');
    expect(said).toContain('AWS');
  });

  it('treats a tampered button value, private_metadata or view state as stale, without failing', async () => {
    let mark = fake.calls.length;
    const logMark = logs.length;
    await buttonClick(
      { action_id: 'show_yaml:gateway', value: '{"c":"<!channel>","t":"1","__proto__":{"f":"F1"}}' },
      { type: 'message', message_ts: '1700001400.000100', channel_id: 'C1', is_ephemeral: 'yes' },
    );
    const stale = await fake.waitFor(() => since(mark, 'chat.postEphemeral')[0]);
    expect(stale.args.channel).toBe('C1');
    expect(String(stale.args.text)).toContain('Please ask again');

    mark = fake.calls.length;
    await interactive({
      type: 'view_submission',
      user: { id: 'U1', username: 'alice', team_id: 'T1' },
      view: {
        id: 'V3',
        callback_id: 'questionnaire',
        private_metadata: '{"c":{"__proto__":{"toString":1}},"th":[]}',
        state: {
          // JSON, so that `__proto__` is a key as it would be in a forged payload.
          values: JSON.parse(
            JSON.stringify({
              protocols: { value: { type: 'checkboxes', selected_options: [{ value: 42 }] } },
              ports: { value: { type: 'plain_text_input', value: null, selected_options: [{ value: 443 }] } },
              cloud: { value: { type: 'static_select', selected_option: { value: 'aws' } } },
            }).replace('{', '{"__proto__":{"value":{"value":"x"}},'),
          ),
        },
      },
    });
    // The destination is unreadable: the answer goes to the user's DM, from the answers that were readable.
    const answered = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(answered.args.channel).toBe('U1');
    expect(textOf(expectWithinLimits(answered.args.blocks))).toContain('AWS');
    expect(logs.slice(logMark).filter((l) => /"(?:handler_failed|bolt_error)"/.test(l))).toEqual([]);
  });

  it('publishes App Home with examples and the questionnaire button', async () => {
    const mark = fake.calls.length;
    await eventCallback({
      type: 'app_home_opened',
      user: 'U1',
      channel: 'D1',
      tab: 'home',
      event_ts: '1700001200.000100',
    });
    const call = await fake.waitFor(() => since(mark, 'views.publish')[0]);
    expect(call.args.user_id).toBe('U1');
    const view = call.args.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    expect(buttons(expectWithinLimits(view.blocks, 100)).map((b) => b.action_id)).toContain(
      'open_questionnaire',
    );
  });

  it("answers an example question clicked in App Home in the user's DM", async () => {
    const mark = fake.calls.length;
    await buttonClick(
      { action_id: 'example_question:2', value: 'Do I need an Ingress to expose my app?' },
      { type: 'view', view_id: 'V1' },
    );
    const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(call.args.channel).toBe('U1');
  });
});

describe('message shortcut "Review manifest"', () => {
  const manifest = [
    'Here is our service:',
    '```',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: shop',
    '  namespace: web',
    'spec:',
    '  type: LoadBalancer',
    '  selector: {app: shop}',
    '  ports:',
    '  - name: https',
    '    port: 443',
    '    targetPort: 8443',
    '```',
  ].join('\n');

  it('posts the core report in the thread, with "Show YAML" that posts the migration', async () => {
    const ts = '1700001300.000100';
    fake.seedMessage('C10', { ts, user: 'U1', text: manifest });
    let mark = fake.calls.length;
    await interactive({
      type: 'message_action',
      callback_id: 'review_manifest',
      trigger_id: '111.222.abc',
      response_url: fake.responseUrl(nextId('sc')),
      message_ts: ts,
      action_ts: '1700001301.0',
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C10', name: 'ops' },
      message: { type: 'message', user: 'U1', ts, text: manifest },
    });
    const report = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(report.args.channel).toBe('C10');
    expect(report.args.thread_ts).toBe(ts);
    const blocks = expectWithinLimits(report.args.blocks);
    expect(textOf(blocks)).toContain('Manifest review');
    const show = buttons(blocks).find((b) => b.action_id === 'show_yaml:gateway');
    expect(show).toBeDefined();
    const reportTs = fake.channels.get('C10')?.at(-1)?.ts ?? '';
    mark = fake.calls.length;
    await buttonClick(
      { action_id: 'show_yaml:gateway', value: show?.value ?? '' },
      { type: 'message', message_ts: reportTs, channel_id: 'C10', is_ephemeral: false },
      { message: { type: 'message', ts: reportTs, thread_ts: ts } },
    );
    const migration = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(migration.args.thread_ts).toBe(ts);
    const yaml = textOf(expectWithinLimits(migration.args.blocks));
    expect(yaml).toContain('HTTPRoute');
    expect(yaml).toContain('```');
  });

  it('reviews a .yaml file snippet, downloaded with the bot token', async () => {
    fake.files.set('F1', {
      name: 'lb.yaml',
      text: 'apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  type: LoadBalancer\n  ports: [{port: 53, protocol: UDP}]\n',
    });
    const mark = fake.calls.length;
    const ts = '1700001400.000100';
    await interactive({
      type: 'message_action',
      callback_id: 'review_manifest',
      trigger_id: '111.222.abc',
      response_url: fake.responseUrl(nextId('sc')),
      message_ts: ts,
      action_ts: '1700001401.0',
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C11', name: 'ops' },
      message: {
        type: 'message',
        user: 'U1',
        ts,
        text: '',
        files: [
          { id: 'F1', name: 'lb.yaml', filetype: 'yaml', size: 90, url_private_download: fake.fileUrl('F1') },
        ],
      },
    });
    const report = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
    expect(textOf(report.args.blocks)).toContain('1 LoadBalancer Service');
  });

  it('falls back to a private reply when it is not in the channel', async () => {
    fake.notInChannel.add('C12');
    const id = nextId('sc');
    const ts = '1700001500.000100';
    await interactive({
      type: 'message_action',
      callback_id: 'review_manifest',
      trigger_id: '111.222.abc',
      response_url: fake.responseUrl(id),
      message_ts: ts,
      action_ts: '1700001501.0',
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C12', name: 'ops' },
      message: { type: 'message', user: 'U1', ts, text: manifest },
    });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(response.body.response_type).toBe('ephemeral');
    expect(String(response.body.text)).toContain('/invite');
    fake.notInChannel.delete('C12');
  });

  it('refuses an oversized file snippet with a clear message, without downloading it', async () => {
    const id = nextId('sc');
    const mark = fake.calls.length;
    await interactive({
      type: 'message_action',
      callback_id: 'review_manifest',
      trigger_id: '111.222.abc',
      response_url: fake.responseUrl(id),
      message_ts: '1700001700.000100',
      action_ts: '1700001701.0',
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C1', name: 'general' },
      message: {
        type: 'message',
        user: 'U1',
        ts: '1700001700.000100',
        text: '',
        files: [
          {
            id: 'F404',
            name: 'huge.yaml',
            filetype: 'yaml',
            size: 5_000_000,
            url_private_download: fake.fileUrl('F404'),
          },
        ],
      },
    });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(String(response.body.text)).toMatch(/5000000 characters long; I review up to/);
    expect(since(mark, 'chat.postMessage')).toEqual([]);
  });

  it('says so when the message holds no YAML', async () => {
    const id = nextId('sc');
    await interactive({
      type: 'message_action',
      callback_id: 'review_manifest',
      trigger_id: '111.222.abc',
      response_url: fake.responseUrl(id),
      message_ts: '1700001600.000100',
      action_ts: '1700001601.0',
      user: { id: 'U1', name: 'alice' },
      channel: { id: 'C1', name: 'general' },
      message: { type: 'message', user: 'U1', ts: '1700001600.000100', text: 'lunch?' },
    });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(String(response.body.text)).toContain('no Kubernetes YAML');
  });
});

describe('deployment', () => {
  it('has an app manifest with the command, shortcut, events and scopes the code uses', () => {
    const manifest = readFileSync(join(root, 'packages/slack-bot/manifest.yml'), 'utf8');
    expect(manifest).toContain(`command: ${botModule.COMMAND}`);
    expect(manifest).toContain(`callback_id: ${botModule.REVIEW_SHORTCUT}`);
    const listed = (key: string): string[] => {
      const block = new RegExp(`${key}:\\n((?:\\s+(?:- [\\w.:]+|#.*)\\n)+)`).exec(manifest)?.[1] ?? '';
      return [...block.matchAll(/- ([\w.:]+)/g)].map((m) => m[1] ?? '').sort();
    };
    expect(listed('bot_events')).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(listed('bot')).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'commands',
        'files:read',
        'groups:history',
        'im:history',
        'mpim:history',
      ].sort(),
    );
    // Everything the bot called in this run needs one of those scopes or none.
    const needs: Record<string, string | null> = {
      'chat.postMessage': 'chat:write',
      'chat.update': 'chat:write',
      'chat.postEphemeral': 'chat:write',
      'conversations.replies': 'channels:history',
      'conversations.history': 'channels:history',
      'files.info': 'files:read',
      'views.open': null,
      'views.publish': null,
    };
    for (const method of new Set(fake.calls.map((c) => c.method))) {
      expect(Object.keys(needs), `unexpected Web API method ${method}`).toContain(method);
    }
  });

  it('ships Kubernetes manifests that `analyze` passes cleanly: two replicas, ClusterIP, HTTPRoute, readiness on /healthz', async () => {
    const deploy = join(root, 'packages/slack-bot/deploy');
    const output = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        [
          join(root, 'packages/cli/dist/index.js'),
          'analyze',
          deploy,
          '--format',
          'json',
          '--fail-on',
          'warning',
        ],
        (error, stdout) => (error ? fail(error) : done(stdout)),
      ),
    );
    const report = JSON.parse(output) as {
      findings: unknown[];
      loadBalancers: unknown[];
      resources: Array<{ kind: string }>;
      files: Array<{ status: string }>;
    };
    expect(report.files.every((f) => f.status === 'analyzed')).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.loadBalancers).toEqual([]);
    expect(report.resources.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['Deployment', 'Service', 'HTTPRoute']),
    );
    const text = readFileSync(join(deploy, 'slack-bot.yaml'), 'utf8');
    expect(text).toMatch(/replicas: 2/);
    expect(text).toMatch(/readinessProbe:\s+httpGet: \{\s*path: \/healthz/);
    expect(text).toMatch(/type: ClusterIP/);
  });
});

describe('process', () => {
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    await new Promise((done) => server.close(done));
    return port;
  }

  it('without SLACK_BOT_TOKEN says how to connect Slack, runs the console chat and exits 0 at end of input', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.SLACK_BOT_TOKEN;
    const child = spawn(process.execPath, [distIndex], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdin.end('ingress or lb for 3 http services on aws\n');
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(0);
    expect(stderr).toContain('No SLACK_BOT_TOKEN is set');
    expect(stdout).toMatch(/Recommendation/);
  });

  it('serves HTTP mode on PORT, and on SIGTERM fails readiness, drains and exits 0', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      SHUTDOWN_DELAY_MS: '1500',
    };
    delete env.SLACK_APP_TOKEN;
    const child = spawn(process.execPath, [distIndex], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    await fake.waitFor(() => stdout.includes('"started"') || undefined, 10_000, 'the bot to start');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const exited = new Promise((done) => child.on('exit', done));
    child.kill('SIGTERM');
    // While draining, readiness fails but the server still answers.
    await fake.waitFor(() => stdout.includes('"shutdown"') || undefined, 5000, 'the shutdown to begin');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    const code = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('"stopped"');
    expect(stdout).not.toContain(TOKEN);
  });

  it('runs Socket Mode against a local WebSocket server', async () => {
    const logger = botModule.createLogger('error', () => undefined);
    const settings = {
      mode: 'socket',
      botToken: TOKEN,
      appToken: 'xapp-1-test',
      apiUrl: fake.apiUrl,
      port: 0,
      logLevel: 'error',
    } as const;
    const socketBot = botModule.createSlackBot(settings, {
      logger,
      botId: FAKE_BOT.botId,
      botUserId: FAKE_BOT.userId,
      retries: 0,
    });
    await fake.startSocketMode();
    await socketBot.start();
    try {
      await fake.waitFor(() => fake.socketCount > 0 || undefined, 5000, 'a Socket Mode connection');
      const mark = fake.calls.length;
      fake.pushEnvelope({
        envelope_id: 'e1',
        type: 'events_api',
        accepts_response_payload: false,
        payload: {
          type: 'event_callback',
          team_id: 'T1',
          api_app_id: 'A1',
          event_id: 'EvSocket',
          event: {
            type: 'app_mention',
            user: 'U1',
            text: `<@${FAKE_BOT.userId}> ingress or lb?`,
            ts: '1700002000.000100',
            channel: 'C13',
            event_ts: '1700002000.000100',
          },
        },
      });
      await fake.waitFor(() =>
        fake.socketFrames.find((f) => (f as { envelope_id?: string }).envelope_id === 'e1'),
      );
      const call = await fake.waitFor(() => since(mark, 'chat.postMessage')[0]);
      expect(call.args.thread_ts).toBe('1700002000.000100');
      expect(since(0, 'apps.connections.open')[0]?.token).toBe('xapp-1-test');
    } finally {
      await socketBot.stop();
    }
  });
});
