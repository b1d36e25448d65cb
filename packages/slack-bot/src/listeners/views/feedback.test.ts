import { describe, expect, it } from 'vitest';
import { conversationValue, fakeSlack, USER, viewArgs } from '../../test-support/listener-args.js';
import { FEEDBACK_VIEW, feedbackViewCallback } from './feedback.js';

describe('feedback submitted', () => {
  it('logs the reason, comment and question, posting nothing', async () => {
    const fake = fakeSlack();
    const args = viewArgs(fake, {
      callbackId: FEEDBACK_VIEW,
      privateMetadata: JSON.stringify({ s: conversationValue('ingress or lb?') }),
      values: {
        reason: { value: { type: 'static_select', selected_option: { value: 'wrong' } } },
        comment: { value: { type: 'plain_text_input', value: 'it missed TLS' } },
      },
    });
    await feedbackViewCallback(fake.ctx)(args);
    expect(fake.acks()).toBe(1);
    expect(fake.calls).toEqual([]);
    expect(fake.logged('feedback_detail')).toEqual([
      expect.objectContaining({
        rating: 'down',
        reason: 'wrong',
        comment: 'it missed TLS',
        question: 'ingress or lb?',
        user: USER,
      }),
    ]);
  });

  it('logs without a question when the metadata is not ours, and redacts tokens in the comment', async () => {
    const fake = fakeSlack();
    const args = viewArgs(fake, {
      callbackId: FEEDBACK_VIEW,
      privateMetadata: 'not json',
      values: {
        comment: { value: { type: 'plain_text_input', value: 'my token xoxb-123456789012-abcdefabcdef' } },
      },
    });
    await feedbackViewCallback(fake.ctx)(args);
    const [record] = fake.logged('feedback_detail');
    expect(record).toMatchObject({ question: null, reason: null });
    expect(String(record?.comment)).not.toContain('xoxb-123456789012');
  });
});
