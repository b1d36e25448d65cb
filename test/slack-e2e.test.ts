/**
 * End-to-end: the built Slack bot (`packages/slack-bot/dist`) runs the real Bolt app in HTTP mode
 * on an ephemeral port, with SLACK_API_URL pointing at a local fake of the Slack Web API. Requests
 * are signed as Slack signs them; assertions are on what the fake received.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Types from the source; the code under test is the build.
import type * as SlackBotModule from '../packages/slack-bot/src/main.js';
import { type ApiCall, FAKE_BOT, FakeSlack, type ResponsePost } from './fakes/slack-api.js';
import { envWith, freePort, pause, runNode } from './support/processes.js';
import {
  actionIds,
  buttons,
  CallWindow,
  expectButton,
  expectNoMentions,
  expectWithinLimits,
  latestTs,
  socketAck,
  textOf,
} from './support/slack-checks.js';
import {
  appMention,
  type DeliveredWithReply,
  eventsApiEnvelope,
  input,
  messageContainer,
  messageEvent,
  SlackRequests,
  stateValues,
} from './support/slack-requests.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distMain = join(root, 'packages/slack-bot/dist/main.js');
const distIndex = join(root, 'packages/slack-bot/dist/index.js');
const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';

let fake: FakeSlack;
let botModule: typeof SlackBotModule;
let bot: SlackBotModule.SlackBot;
let baseUrl: string;
/** Slack, sending signed requests to the bot's /slack/events. */
let slack: SlackRequests;
const logs: string[] = [];

beforeAll(async () => {
  fake = await new FakeSlack().start();
  botModule = (await import(distMain)) as typeof SlackBotModule;
  const logger = botModule.createLogger('debug', (line) => logs.push(line));
  bot = createBot(
    { mode: 'http', botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, logLevel: 'debug' },
    logger,
    { host: '127.0.0.1' },
  );
  const server = await bot.start();
  if (server === undefined) throw new Error('HTTP mode must return its server');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  slack = new SlackRequests(`${baseUrl}/slack/events`, SECRET, fake);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The bot from dist, known to the fake as its bot user (no auth.test at start), with no Web API retries. */
function createBot(
  settings: Parameters<typeof SlackBotModule.createSlackBot>[0],
  logger: SlackBotModule.BotLogger,
  options: Partial<SlackBotModule.SlackBotOptions> = {},
): SlackBotModule.SlackBot {
  return botModule.createSlackBot(settings, {
    logger,
    botId: FAKE_BOT.botId,
    botUserId: FAKE_BOT.userId,
    retries: 0,
    ...options,
  });
}

/** Starts watching the Web API calls the bot makes from now on. */
const watchCalls = (): CallWindow => new CallWindow(fake);

/** Does `step`, then waits for the first `method` call to the Web API that came after it began. */
async function callAfter(step: () => Promise<unknown>, method: string): Promise<ApiCall> {
  const calls = watchCalls();
  await step();
  return calls.next(method);
}

/** Sends `event` and waits for the message the bot posts. */
const answerTo = (event: Record<string, unknown>): Promise<ApiCall> =>
  callAfter(() => slack.event(event), 'chat.postMessage');

/** Waits for the bot's post to the response_url of a request. */
const replyTo = async (request: Promise<DeliveredWithReply>): Promise<ResponsePost> =>
  (await request).reply();

/** The first line the bot logged that holds every fragment. */
const logLine = (...fragments: string[]): string | undefined =>
  logs.find((line) => fragments.every((fragment) => line.includes(fragment)));

// ---------------------------------------------------------------------------------------------

describe('HTTP receiver', () => {
  it('answers GET /healthz with 200', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it('refuses a request with a bad signature and does nothing', async () => {
    const calls = watchCalls();
    const result = await slack.slashCommand('ingress or lb?', { secret: 'not-the-secret' });
    expect(result.status).toBe(401);
    await pause(150);
    expect(calls.of()).toEqual([]);
  });

  it('refuses a correctly signed request with a stale timestamp', async () => {
    const result = await slack.slashCommand('ingress or lb?', {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(result.status).toBe(401);
  });

  it('answers url_verification with the challenge', async () => {
    const result = await slack.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(result.status).toBe(200);
    expect(result.text).toContain('abc123');
  });
});

describe('slash command', () => {
  it('acks at once, then answers ephemerally: short, with reasons, an example, More and Share', async () => {
    const command = await slack.slashCommand('ingress or lb for 3 http services with tls on aws?');
    expect(command.status).toBe(200);
    // Slack's own limit for the acknowledgement; the answer follows on response_url.
    expect(command.ms).toBeLessThan(3000);
    expect(command.text).toBe('');
    const response = await command.reply();
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
    const response = await replyTo(slack.slashCommand('mosquitto on 1883 for devices outside the cluster'));
    const share = expectButton(response.body.blocks, 'share_answer');
    const before = fake.responses.length;
    await slack.click(share, messageContainer('C1', '1700000000.000100', true), {
      channel: { id: 'C1', name: 'general' },
    });
    await fake.waitFor(() => fake.responses.length >= before + 2 || undefined);
    const [shared, deleted] = fake.responses.slice(before);
    expect(shared?.body.response_type).toBe('in_channel');
    expect(actionIds(expectWithinLimits(shared?.body.blocks))).not.toContain('share_answer');
    expect(deleted?.body.delete_original).toBe(true);
  });

  it('answers help with what the bot does and buttons to start', async () => {
    const response = await replyTo(slack.slashCommand('help'));
    const ids = actionIds(expectWithinLimits(response.body.blocks));
    expect(ids).toContain('open_questionnaire');
    expect(ids.some((i) => i.startsWith('example_question:'))).toBe(true);
  });

  it('refuses an oversized question with a clear message', async () => {
    const response = await replyTo(
      slack.slashCommand(`ingress or lb ${'for my very many services '.repeat(80)}`),
    );
    expect(String(response.body.text)).toMatch(/characters long; I take up to 1500/);
  });

  it('reviews pasted YAML with secrets redacted in the reply and the logs', async () => {
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
    const response = await replyTo(slack.slashCommand(yaml));
    const blocks = expectWithinLimits(response.body.blocks);
    expect(textOf(blocks)).toContain('Manifest review');
    expect(textOf(blocks)).toContain('LoadBalancer');
    const everything = `${JSON.stringify(fake.responses)}${JSON.stringify(fake.calls)}${logs.join('\n')}`;
    expect(everything).not.toContain('hunter2-very-secret');
    expect(everything).not.toContain('xoxb-1234567890-abcdefghij');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('opens the questionnaire for `quiz`', async () => {
    const call = await callAfter(() => slack.slashCommand('quiz'), 'views.open');
    const view = call.args.view as { callback_id: string; blocks: unknown[]; private_metadata: string };
    expect(view.callback_id).toBe('questionnaire');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: 'C1', e: 'U1' });
  });
});

describe('mentions and direct messages', () => {
  it('answers a mention in its thread, escaping what the user wrote', async () => {
    const ts = '1700000100.000100';
    fake.seedMessage('C2', { ts, user: 'U1', text: '<@UBOT> ingress or lb?' });
    const call = await answerTo(
      appMention({ channel: 'C2', ts, text: 'ingress or lb for 2 web apps at <!channel> on gcp?' }),
    );
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
    const first = await answerTo(appMention({ channel: 'C3', ts, text: '3 http services' }));
    expect(textOf(first.args.blocks)).not.toContain('AWS');
    const reply = '1700000300.000100';
    fake.seedMessage('C3', { ts: reply, user: 'U1', text: 'x', thread_ts: ts });
    const calls = watchCalls();
    await slack.event(
      appMention({ channel: 'C3', ts: reply, thread: ts, text: 'we run on aws and cost matters' }),
    );
    const second = await calls.next('chat.postMessage');
    expect(calls.of('conversations.replies')[0]?.args.ts).toBe(ts);
    expect(second.args.thread_ts).toBe(ts);
    const said = textOf(second.args.blocks);
    expect(said).toContain('3 HTTP services');
    expect(said).toContain('AWS');
  });

  it('answers help for an empty mention', async () => {
    const call = await answerTo(appMention({ channel: 'C4', ts: '1700000400.000100', text: '' }));
    expect(actionIds(expectWithinLimits(call.args.blocks))).toContain('open_questionnaire');
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const call = await answerTo(
      messageEvent({
        user: 'U1',
        text: 'do I need an ingress to expose my app?',
        ts: '1700000500.000100',
        client_msg_id: 'm1',
      }),
    );
    expect(call.args.channel).toBe('D1');
    expect(call.args.thread_ts).toBeUndefined();
    expectWithinLimits(call.args.blocks);
  });

  it('ignores bot messages, its own messages and channel messages it was not called into', async () => {
    const calls = watchCalls();
    await slack.event(messageEvent({ bot_id: 'B9', subtype: 'bot_message', ts: '1700000600.000100' }));
    await slack.event(
      messageEvent({ bot_id: FAKE_BOT.botId, user: FAKE_BOT.userId, ts: '1700000601.000100' }),
    );
    await slack.event(
      messageEvent({ channel_type: 'channel', channel: 'C1', user: 'U1', ts: '1700000602.000100' }),
    );
    await pause(300);
    expect(calls.of('chat.postMessage')).toEqual([]);
  });

  it('does not answer a retried delivery twice', async () => {
    const calls = watchCalls();
    const event = appMention({ channel: 'C5', ts: '1700000700.000100', text: 'ingress or lb?' });
    await slack.event(event);
    await calls.next('chat.postMessage');
    const retry = await slack.event(event, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await pause(300);
    expect(calls.of('chat.postMessage')).toHaveLength(1);
    expect(logLine('"retry_skipped"')).toBeDefined();
  });

  it('turns a failure into an apology with an error id that the log line carries too', async () => {
    const calls = watchCalls();
    // A thread in a channel the fake does not know: conversations.replies works, posting fails once.
    fake.notInChannel.add('C6');
    await slack.event(appMention({ channel: 'C6', ts: '1700000800.000100', text: 'ingress or lb?' }));
    const [, apology] = await calls.atLeast('chat.postMessage', 2);
    fake.notInChannel.delete('C6');
    const line = logLine('"handler_failed"', 'not_in_channel');
    expect(line).toBeDefined();
    const errorId = (JSON.parse(line ?? '{}') as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(String(apology?.args.text)).toContain(errorId);
    expect(line).not.toContain(TOKEN);
  });
});

describe('buttons and modals', () => {
  it('updates the answer in place when a follow-up choice is clicked', async () => {
    const ts = '1700000900.000100';
    const posted = await answerTo(appMention({ channel: 'C7', ts, text: 'ingress or lb?' }));
    const choice = expectButton(posted.args.blocks, 'followup:protocol:udp');
    const messageTs = latestTs(fake, 'C7');
    const calls = watchCalls();
    await slack.click(choice, messageContainer('C7', messageTs), {
      channel: { id: 'C7', name: 'x' },
      message: { type: 'message', ts: messageTs, thread_ts: ts },
    });
    const update = await calls.next('chat.update');
    expect(update.args.channel).toBe('C7');
    expect(update.args.ts).toBe(messageTs);
    expect(textOf(expectWithinLimits(update.args.blocks))).toContain('UDP');
    expect(calls.of('chat.postMessage')).toEqual([]);
  });

  it('shows the whole answer on "More", then explains "Why not X?" in the same message', async () => {
    const posted = await answerTo(
      appMention({ channel: 'C8', ts: '1700001000.000100', text: '5 http services on one domain with tls' }),
    );
    // The answer comes short; "More" shows the whole of it, ranking and "Why not X?" included.
    const more = expectButton(posted.args.blocks, 'answer_more');
    expect(actionIds(posted.args.blocks).some((id) => id.startsWith('why_not:'))).toBe(false);
    const answer = messageContainer('C8', latestTs(fake, 'C8'));
    const long = await callAfter(() => slack.click(more, answer), 'chat.update');
    expect(long.args.ts).toBe(answer.message_ts);
    const longBlocks = expectWithinLimits(long.args.blocks);
    expect(textOf(longBlocks)).toContain('Ranking (weighted criteria)');
    expect(textOf(longBlocks)).toContain('Sources:');
    const whyNot = expectButton(longBlocks, /^why_not:/);
    const update = await callAfter(() => slack.click(whyNot, answer), 'chat.update');
    expect(textOf(expectWithinLimits(update.args.blocks))).toContain('Why not');
  });

  it('logs 👍 as a structured event, and opens a "what was wrong?" modal for 👎 whose answer is logged', async () => {
    const value = JSON.stringify({ q: 'ingress or lb for 1 udp service', c: [] });
    const answer = messageContainer('C1', '1700000000.000100');
    await callAfter(() => slack.click({ action_id: 'feedback_up', value }, answer), 'chat.postEphemeral');
    expect(logLine('"event":"feedback"', '"rating":"up"')).toBeDefined();
    const open = await callAfter(
      () => slack.click({ action_id: 'feedback_down', value }, answer),
      'views.open',
    );
    const view = open.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('feedback');
    await slack.submitView({
      id: 'V1',
      callback_id: 'feedback',
      private_metadata: view.private_metadata,
      values: stateValues({
        reason: input.radio('unanswered'),
        comment: input.text('token ghp_abcdefghijklmnopqrstuvwxyz0123 leaked'),
      }),
    });
    const detail = await fake.waitFor(
      () => logLine('"feedback_detail"'),
      5000,
      'the feedback_detail log line',
    );
    expect(detail).toContain('"reason":"unanswered"');
    expect(detail).toContain('1 udp service');
    expect(detail).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123');
  });

  it('answers a questionnaire submission through the engine, where private_metadata says', async () => {
    const submission = {
      id: 'V2',
      callback_id: 'questionnaire',
      private_metadata: JSON.stringify({ c: 'C9', th: '1700001100.000100' }),
      values: stateValues({
        protocols: input.checkboxes('http'),
        services: input.select('3'),
        routing: input.checkboxes('host'),
        tls: input.radio('terminate'),
        priorities: input.checkboxes('cost'),
        cloud: input.select('aws'),
      }),
    };
    const call = await callAfter(() => slack.submitView(submission), 'chat.postMessage');
    expect(call.args.channel).toBe('C9');
    expect(call.args.thread_ts).toBe('1700001100.000100');
    const said = textOf(expectWithinLimits(call.args.blocks));
    expect(said).toContain('3 HTTP services');
    expect(said).toContain('AWS');
  });

  it('treats a tampered button value, private_metadata or view state as stale, without failing', async () => {
    const logMark = logs.length;
    const forgedButton = {
      action_id: 'show_yaml:gateway',
      value: '{"c":"<!channel>","t":"1","__proto__":{"f":"F1"}}',
    };
    const stale = await callAfter(
      () => slack.click(forgedButton, messageContainer('C1', '1700001400.000100', 'yes')),
      'chat.postEphemeral',
    );
    expect(stale.args.channel).toBe('C1');
    expect(String(stale.args.text)).toContain('Please ask again');

    const forgedView = {
      id: 'V3',
      callback_id: 'questionnaire',
      private_metadata: '{"c":{"__proto__":{"toString":1}},"th":[]}',
      // JSON, so that `__proto__` is a key as it would be in a forged payload.
      values: JSON.parse(
        JSON.stringify(
          stateValues({
            protocols: { type: 'checkboxes', selected_options: [{ value: 42 }] },
            ports: { type: 'plain_text_input', value: null, selected_options: [{ value: 443 }] },
            cloud: input.select('aws'),
          }),
        ).replace('{', '{"__proto__":{"value":{"value":"x"}},'),
      ),
    };
    // The destination is unreadable: the answer goes to the user's DM, from the answers that were readable.
    const answered = await callAfter(() => slack.submitView(forgedView), 'chat.postMessage');
    expect(answered.args.channel).toBe('U1');
    expect(textOf(expectWithinLimits(answered.args.blocks))).toContain('AWS');
    expect(logs.slice(logMark).filter((l) => /"(?:handler_failed|bolt_error)"/.test(l))).toEqual([]);
  });

  it('publishes App Home with examples and the questionnaire button', async () => {
    const homeOpened = {
      type: 'app_home_opened',
      user: 'U1',
      channel: 'D1',
      tab: 'home',
      event_ts: '1700001200.000100',
    };
    const call = await callAfter(() => slack.event(homeOpened), 'views.publish');
    expect(call.args.user_id).toBe('U1');
    const view = call.args.view as { type: string; blocks: unknown };
    expect(view.type).toBe('home');
    expect(actionIds(expectWithinLimits(view.blocks, 100))).toContain('open_questionnaire');
  });

  it("answers an example question clicked in App Home in the user's DM", async () => {
    const example = { action_id: 'example_question:2', value: 'Do I need an Ingress to expose my app?' };
    const call = await callAfter(
      () => slack.click(example, { type: 'view', view_id: 'V1' }),
      'chat.postMessage',
    );
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

  /** U1 runs "Review manifest" on a message of theirs in `channel` (#ops unless named). */
  const reviewManifest = (
    channel: string,
    message: { ts: string; text: string; files?: unknown[] },
    channelName = 'ops',
  ) =>
    slack.messageShortcut(
      'review_manifest',
      { id: channel, name: channelName },
      { type: 'message', user: 'U1', ...message },
    );

  /** A YAML file snippet attached to a message, downloadable from the fake. */
  const yamlSnippet = (id: string, name: string, size: number) => ({
    id,
    name,
    filetype: 'yaml',
    size,
    url_private_download: fake.fileUrl(id),
  });

  it('posts the core report in the thread, with "Show YAML" that posts the migration', async () => {
    const ts = '1700001300.000100';
    fake.seedMessage('C10', { ts, user: 'U1', text: manifest });
    const report = await callAfter(() => reviewManifest('C10', { ts, text: manifest }), 'chat.postMessage');
    expect(report.args.channel).toBe('C10');
    expect(report.args.thread_ts).toBe(ts);
    const blocks = expectWithinLimits(report.args.blocks);
    expect(textOf(blocks)).toContain('Manifest review');
    const show = expectButton(blocks, 'show_yaml:gateway');
    const reportTs = latestTs(fake, 'C10');
    const migration = await callAfter(
      () =>
        slack.click(show, messageContainer('C10', reportTs), {
          message: { type: 'message', ts: reportTs, thread_ts: ts },
        }),
      'chat.postMessage',
    );
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
    const message = { ts: '1700001400.000100', text: '', files: [yamlSnippet('F1', 'lb.yaml', 90)] };
    const report = await callAfter(() => reviewManifest('C11', message), 'chat.postMessage');
    expect(textOf(report.args.blocks)).toContain('1 LoadBalancer Service');
  });

  it('falls back to a private reply when it is not in the channel', async () => {
    fake.notInChannel.add('C12');
    const response = await replyTo(reviewManifest('C12', { ts: '1700001500.000100', text: manifest }));
    expect(response.body.response_type).toBe('ephemeral');
    expect(String(response.body.text)).toContain('/invite');
    fake.notInChannel.delete('C12');
  });

  it('refuses an oversized file snippet with a clear message, without downloading it', async () => {
    const calls = watchCalls();
    const message = {
      ts: '1700001700.000100',
      text: '',
      files: [yamlSnippet('F404', 'huge.yaml', 5_000_000)],
    };
    const response = await replyTo(reviewManifest('C1', message, 'general'));
    expect(String(response.body.text)).toMatch(/5000000 characters long; I review up to/);
    expect(calls.of('chat.postMessage')).toEqual([]);
  });

  it('says so when the message holds no YAML', async () => {
    const response = await replyTo(
      reviewManifest('C1', { ts: '1700001600.000100', text: 'lunch?' }, 'general'),
    );
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
    const cli = join(root, 'packages/cli/dist/index.js');
    const { stdout } = await promisify(execFile)(process.execPath, [
      cli,
      'analyze',
      deploy,
      '--format',
      'json',
      '--fail-on',
      'warning',
    ]);
    const report = JSON.parse(stdout) as {
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
  it('without SLACK_BOT_TOKEN says how to connect Slack, runs the console chat and exits 0 at end of input', async () => {
    const env = envWith({ NO_COLOR: '1' }, 'SLACK_BOT_TOKEN');
    const run = runNode(distIndex, env, 'ingress or lb for 3 http services on aws\n');
    expect(await run.exited).toBe(0);
    expect(run.output.stderr).toContain('No SLACK_BOT_TOKEN is set');
    expect(run.output.stdout).toMatch(/Recommendation/);
  });

  it('serves HTTP mode on PORT, and on SIGTERM fails readiness, drains and exits 0', async () => {
    const port = await freePort();
    const healthz = () => fetch(`http://127.0.0.1:${port}/healthz`);
    const env = envWith(
      {
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        SHUTDOWN_DELAY_MS: '1500',
      },
      'SLACK_APP_TOKEN',
    );
    const run = runNode(distIndex, env);
    const logged = (event: string) => () => run.output.stdout.includes(`"${event}"`) || undefined;
    await fake.waitFor(logged('started'), 10_000, 'the bot to start');
    expect((await healthz()).status).toBe(200);
    run.child.kill('SIGTERM');
    // While draining, readiness fails but the server still answers.
    await fake.waitFor(logged('shutdown'), 5000, 'the shutdown to begin');
    expect((await healthz()).status).toBe(503);
    expect(await run.exited).toBe(0);
    expect(run.output.stdout).toContain('"stopped"');
    expect(run.output.stdout).not.toContain(TOKEN);
  });

  it('runs Socket Mode against a local WebSocket server', async () => {
    const socketBot = createBot(
      {
        mode: 'socket',
        botToken: TOKEN,
        appToken: 'xapp-1-test',
        apiUrl: fake.apiUrl,
        port: 0,
        logLevel: 'error',
      },
      botModule.createLogger('error', () => undefined),
    );
    await fake.startSocketMode();
    await socketBot.start();
    try {
      await fake.waitFor(() => fake.socketCount > 0 || undefined, 5000, 'a Socket Mode connection');
      const calls = watchCalls();
      const ts = '1700002000.000100';
      fake.pushEnvelope(
        eventsApiEnvelope('e1', 'EvSocket', appMention({ channel: 'C13', ts, text: 'ingress or lb?' })),
      );
      await fake.waitFor(() => socketAck(fake, 'e1'), 5000, 'the ack of envelope e1');
      const call = await calls.next('chat.postMessage');
      expect(call.args.thread_ts).toBe(ts);
      expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
    } finally {
      await socketBot.stop();
    }
  });
});
