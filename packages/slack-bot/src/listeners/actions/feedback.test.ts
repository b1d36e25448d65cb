import { describe, expect, it } from 'vitest';
import {
  buttonArgs,
  CHANNEL,
  conversationValue,
  failedErrorId,
  fakeSlack,
  MESSAGE_TS,
  openedMetadata,
  slackApiError,
  USER,
} from '../../test-support/listener-args.js';
import { FEEDBACK_ACTION, feedbackCallback } from './feedback.js';

describe('feedback buttons', () => {
  it('logs a thumbs-up and thanks the user', async () => {
    const fake = fakeSlack();
    expect(FEEDBACK_ACTION.test('feedback_up')).toBe(true);
    const value = conversationValue('ingress or lb?');
    await feedbackCallback(fake.ctx)(buttonArgs(fake, { actionId: 'feedback_up', value }));
    expect(fake.logged('feedback')).toEqual([
      expect.objectContaining({ rating: 'up', question: 'ingress or lb?', user: USER }),
    ]);
    expect(fake.callsTo('chat.postEphemeral')).toEqual([
      { channel: CHANNEL, user: USER, text: 'Thanks for the feedback!' },
    ]);
  });

  it('opens the feedback modal on a thumbs-down, carrying the conversation and place', async () => {
    const fake = fakeSlack();
    const value = conversationValue('ingress or lb?');
    await feedbackCallback(fake.ctx)(buttonArgs(fake, { actionId: 'feedback_down', value }));
    expect(fake.callsTo('views.open')[0]?.trigger_id).toBe('trigger-1');
    expect(openedMetadata(fake)).toEqual({ s: value, c: CHANNEL, th: MESSAGE_TS });
  });

  it('apologises when the modal cannot be opened', async () => {
    const fake = fakeSlack({ failures: { 'views.open': slackApiError('expired_trigger_id') } });
    await feedbackCallback(fake.ctx)(buttonArgs(fake, { actionId: 'feedback_down', value: 'stale' }));
    expect(fake.logged('feedback')[0]).toMatchObject({ rating: 'down', question: null, kind: null });
    const errorId = failedErrorId(fake, 'feedback');
    expect(String(fake.callsTo('chat.postEphemeral')[0]?.text)).toContain(errorId);
  });
});
