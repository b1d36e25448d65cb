import { describe, expect, it } from 'vitest';
import { buttonArgs, conversationValue, failedErrorId, fakeSlack } from '../../test-support/listener-args.js';
import { SHARE_ACTION, shareCallback } from './share.js';

describe('share button', () => {
  it('posts the answer in channel, then deletes the ephemeral one', async () => {
    const fake = fakeSlack();
    expect(SHARE_ACTION.test('share_answer')).toBe(true);
    const args = buttonArgs(fake, {
      actionId: 'share_answer',
      value: conversationValue('ingress or lb?'),
      place: { kind: 'ephemeral' },
    });
    await shareCallback(fake.ctx)(args);
    expect(fake.responses).toEqual([
      expect.objectContaining({ response_type: 'in_channel', replace_original: false }),
      { delete_original: true },
    ]);
  });

  it('logs a failing response_url, and the failed apology too', async () => {
    const fake = fakeSlack({ respondFailure: new Error('response_url expired') });
    const args = buttonArgs(fake, {
      actionId: 'share_answer',
      value: conversationValue('ingress or lb?'),
      place: { kind: 'ephemeral' },
    });
    await shareCallback(fake.ctx)(args);
    const errorId = failedErrorId(fake, 'share');
    expect(fake.logged('apology_failed')).toEqual([expect.objectContaining({ errorId })]);
  });
});
