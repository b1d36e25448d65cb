import { describe, expect, it } from 'vitest';
import { ANSWER_METADATA } from '../../payloads.js';
import {
  buttonArgs,
  CHANNEL,
  conversationValue,
  failedErrorId,
  fakeSlack,
  MESSAGE_TS,
  slackApiError,
  USER,
} from '../../test-support/listener-args.js';
import { STALE_BUTTON } from './button.js';
import { FOLLOW_UP_ACTION, followUpCallback } from './follow-up.js';

describe('follow-up button', () => {
  it('matches follow-up action ids only', () => {
    expect(FOLLOW_UP_ACTION.test('followup:tls')).toBe(true);
    expect(FOLLOW_UP_ACTION.test('why_not:ingress')).toBe(false);
  });

  it('acks and answers in place, with the conversation as metadata', async () => {
    const fake = fakeSlack();
    const value = conversationValue('3 http services with tls on aws');
    await followUpCallback(fake.ctx)(buttonArgs(fake, { actionId: 'followup:tls', value }));
    expect(fake.acks()).toBe(1);
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.update']);
    const [update] = fake.callsTo('chat.update');
    expect(update).toMatchObject({
      channel: CHANNEL,
      ts: MESSAGE_TS,
      metadata: { event_type: ANSWER_METADATA },
    });
    expect(fake.logged('answered')).toHaveLength(1);
  });

  it('notes a stale button privately, in its thread', async () => {
    const fake = fakeSlack();
    const args = buttonArgs(fake, {
      actionId: 'followup:tls',
      value: '{',
      place: { kind: 'message', thread: '1.2' },
    });
    await followUpCallback(fake.ctx)(args);
    expect(fake.callsTo('chat.postEphemeral')).toEqual([
      { channel: CHANNEL, user: USER, text: STALE_BUTTON, thread_ts: '1.2' },
    ]);
    expect(fake.callsTo('chat.update')).toEqual([]);
  });

  it('turns an API error into an apology carrying the logged error id', async () => {
    const fake = fakeSlack({ failures: { 'chat.update': slackApiError('message_not_found') } });
    await followUpCallback(fake.ctx)(
      buttonArgs(fake, { actionId: 'followup:x', value: conversationValue('ingress or lb?') }),
    );
    const errorId = failedErrorId(fake, 'follow_up');
    expect(fake.logged('handler_failed')[0]?.slackError).toBe('message_not_found');
    expect(String(fake.callsTo('chat.postEphemeral')[0]?.text)).toContain(errorId);
  });
});
