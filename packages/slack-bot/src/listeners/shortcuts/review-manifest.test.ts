import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  failedErrorId,
  fakeSlack,
  INGRESS_MANIFEST,
  MESSAGE_TS,
  shortcutArgs,
  slackApiError,
} from '../../test-support/listener-args.js';
import { reviewManifestCallback } from './review-manifest.js';

const pasted = `\`\`\`${INGRESS_MANIFEST}\`\`\``;

describe('review-manifest shortcut', () => {
  it('posts the review in the message thread, with Show YAML buttons', async () => {
    const fake = fakeSlack();
    await reviewManifestCallback(fake.ctx)(shortcutArgs(fake, { text: pasted }));
    expect(fake.acks()).toBe(1);
    const [post] = fake.callsTo('chat.postMessage');
    expect(post).toMatchObject({ channel: CHANNEL, thread_ts: MESSAGE_TS, unfurl_links: false });
    expect(JSON.stringify(post?.blocks)).toContain('show_yaml:gateway');
    expect(fake.logged('reviewed')).toHaveLength(1);
  });

  it('tells the user when the message holds no YAML', async () => {
    const fake = fakeSlack();
    await reviewManifestCallback(fake.ctx)(shortcutArgs(fake, { text: 'hello there' }));
    expect(fake.calls).toEqual([]);
    expect(fake.responses).toEqual([
      {
        response_type: 'ephemeral',
        text: 'I found no Kubernetes YAML in that message. Paste it inline or in a code block (```), or attach a .yaml file.',
      },
    ]);
  });

  it('shows the review to the user alone when not a member of the channel', async () => {
    const fake = fakeSlack({ failures: { 'chat.postMessage': slackApiError('not_in_channel') } });
    await reviewManifestCallback(fake.ctx)(shortcutArgs(fake, { text: pasted }));
    expect(fake.logged('handler_failed')).toEqual([]);
    const [response] = fake.responses;
    expect(response?.response_type).toBe('ephemeral');
    expect(response?.text).toMatch(/\(Only you can see this: invite me with \/invite/);
  });

  it('apologises on any other API error', async () => {
    const fake = fakeSlack({ failures: { 'chat.postMessage': slackApiError('ratelimited') } });
    await reviewManifestCallback(fake.ctx)(shortcutArgs(fake, { text: pasted }));
    const errorId = failedErrorId(fake, 'review_shortcut');
    expect(fake.responses).toEqual([{ response_type: 'ephemeral', text: expect.stringContaining(errorId) }]);
  });

  it('refuses a file snippet from a host it does not trust, without downloading it', async () => {
    const fake = fakeSlack();
    const files = [{ id: 'F1', name: 'web.yaml', url_private: 'https://evil.example/web.yaml', size: 100 }];
    await reviewManifestCallback(fake.ctx)(shortcutArgs(fake, { files }));
    expect(fake.logged('file_host_refused')).toEqual([expect.objectContaining({ host: 'evil.example' })]);
    expect(fake.responses[0]?.text).toMatch(/^I found no Kubernetes YAML/);
  });
});
