import { describe, expect, it } from 'vitest';
import { failedErrorId, fakeSlack, messageArgs, slackApiError } from '../../test-support/listener-args.js';
import { messageImCallback } from './message-im.js';

describe('direct message', () => {
  it('reads the recent DM history and answers in the DM', async () => {
    const fake = fakeSlack({ results: { 'conversations.history': { messages: [] } } });
    await messageImCallback(fake.ctx)(messageArgs(fake, { text: 'ingress or lb?' }));
    expect(fake.callsTo('conversations.history')).toEqual([
      { channel: 'D0DIRECT', include_all_metadata: true, limit: 20 },
    ]);
    const [post] = fake.callsTo('chat.postMessage');
    expect(post).toMatchObject({ channel: 'D0DIRECT', unfurl_links: false, unfurl_media: false });
    expect(post).not.toHaveProperty('thread_ts');
  });

  it('reads nothing outside direct messages', async () => {
    const fake = fakeSlack();
    await messageImCallback(fake.ctx)(messageArgs(fake, { text: 'ingress or lb?', channel_type: 'channel' }));
    expect(fake.calls).toEqual([]);
  });

  it('apologises in the DM thread when the thread cannot be read', async () => {
    const fake = fakeSlack({ failures: { 'conversations.replies': slackApiError('ratelimited') } });
    await messageImCallback(fake.ctx)(messageArgs(fake, { text: 'on aws', thread_ts: '1.0' }));
    const errorId = failedErrorId(fake, 'direct_message');
    const [apology] = fake.callsTo('chat.postMessage');
    expect(apology).toMatchObject({ channel: 'D0DIRECT', thread_ts: '1.0' });
    expect(String(apology?.text)).toContain(errorId);
  });
});
