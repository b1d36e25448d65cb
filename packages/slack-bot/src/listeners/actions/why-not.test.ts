import { describe, expect, it } from 'vitest';
import { buttonArgs, conversationValue, fakeSlack, USER } from '../../test-support/listener-args.js';
import { STALE_BUTTON } from './button.js';
import { WHY_NOT_ACTION, whyNotCallback } from './why-not.js';

describe('why-not button', () => {
  it('answers again from App Home in the user DM', async () => {
    const fake = fakeSlack();
    expect(WHY_NOT_ACTION.test('why_not:ingress')).toBe(true);
    const args = buttonArgs(fake, {
      actionId: 'why_not:ingress',
      value: conversationValue('ingress or lb?'),
      place: { kind: 'view' },
    });
    await whyNotCallback(fake.ctx)(args);
    expect(fake.acks()).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({ channel: USER, unfurl_links: false }),
    ]);
  });

  it('notes an option it does not know as a stale button', async () => {
    const fake = fakeSlack();
    const args = buttonArgs(fake, {
      actionId: 'why_not:carrier-pigeon',
      value: conversationValue('ingress or lb?'),
      place: { kind: 'ephemeral' },
    });
    await whyNotCallback(fake.ctx)(args);
    expect(fake.calls).toEqual([]);
    expect(fake.responses).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON },
    ]);
  });
});
