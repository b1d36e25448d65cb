import { describe, expect, it } from 'vitest';
import { buttonArgs, conversationValue, fakeSlack, USER } from '../../test-support/listener-args.js';
import { STALE_BUTTON } from './button.js';
import { MORE_ACTION, moreCallback } from './more.js';

describe('more button', () => {
  it('replaces an ephemeral answer with the long form', async () => {
    const fake = fakeSlack();
    expect(MORE_ACTION.test('answer_more')).toBe(true);
    const args = buttonArgs(fake, {
      actionId: 'answer_more',
      value: conversationValue('ingress or lb?'),
      place: { kind: 'ephemeral' },
    });
    await moreCallback(fake.ctx)(args);
    expect(fake.calls).toEqual([]);
    expect(fake.responses).toEqual([
      expect.objectContaining({ replace_original: true, response_type: 'ephemeral' }),
    ]);
  });

  it('notes a stale button in the user DM when it sat in a view', async () => {
    const fake = fakeSlack();
    await moreCallback(fake.ctx)(buttonArgs(fake, { actionId: 'answer_more', place: { kind: 'view' } }));
    expect(fake.callsTo('chat.postMessage')).toEqual([{ channel: USER, text: STALE_BUTTON }]);
  });
});
