import { describe, expect, it } from 'vitest';
import { ANSWER_METADATA } from '../../payloads.js';
import {
  CHANNEL,
  conversationValue,
  failedErrorId,
  fakeSlack,
  MESSAGE_TS,
  mentionArgs,
  slackApiError,
} from '../../test-support/listener-args.js';
import { appMentionCallback } from './app-mention.js';

describe('app_mention', () => {
  it('answers in the mention thread, with the conversation as metadata', async () => {
    const fake = fakeSlack();
    await appMentionCallback(fake.ctx)(mentionArgs(fake, { text: '<@U0BOT> ingress or lb?' }));
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({
      channel: CHANNEL,
      thread_ts: MESSAGE_TS,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: ANSWER_METADATA },
    });
  });

  it('refines the conversation read back from the thread', async () => {
    const fake = fakeSlack({
      results: {
        'conversations.replies': {
          messages: [
            {
              ts: '1.0',
              bot_id: 'B0BOT',
              metadata: {
                event_type: ANSWER_METADATA,
                event_payload: { state: conversationValue('ingress or lb?') },
              },
            },
          ],
        },
      },
    });
    await appMentionCallback(fake.ctx)(mentionArgs(fake, { text: '<@U0BOT> on aws', thread_ts: '1.0' }));
    expect(fake.callsTo('conversations.replies')).toEqual([
      { channel: CHANNEL, ts: '1.0', include_all_metadata: true, limit: 200 },
    ]);
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({ thread_ts: '1.0' });
  });

  it('ignores bot mentions', async () => {
    const fake = fakeSlack();
    await appMentionCallback(fake.ctx)(mentionArgs(fake, { text: '<@U0BOT> hi', bot_id: 'B9' }));
    expect(fake.calls).toEqual([]);
  });

  it('apologises in the thread when the thread cannot be read', async () => {
    const fake = fakeSlack({ failures: { 'conversations.replies': slackApiError('missing_scope') } });
    await appMentionCallback(fake.ctx)(mentionArgs(fake, { text: '<@U0BOT> more', thread_ts: '1.0' }));
    const errorId = failedErrorId(fake, 'app_mention');
    const [apology] = fake.callsTo('chat.postMessage');
    expect(apology).toMatchObject({ channel: CHANNEL, thread_ts: '1.0' });
    expect(String(apology?.text)).toContain(errorId);
  });
});
