import { describe, expect, it } from 'vitest';
import { ANSWER_METADATA } from '../../payloads.js';
import { EXAMPLE_QUESTIONS } from '../../render/views.js';
import { buttonArgs, fakeSlack, USER } from '../../test-support/listener-args.js';
import { STALE_BUTTON } from './button.js';
import { EXAMPLE_ACTION, exampleCallback } from './example.js';

describe('example-question button', () => {
  it('answers the example in the user DM from App Home', async () => {
    const fake = fakeSlack();
    expect(EXAMPLE_ACTION.test('example_question:0')).toBe(true);
    const args = buttonArgs(fake, {
      actionId: 'example_question:0',
      value: EXAMPLE_QUESTIONS[0],
      place: { kind: 'view' },
    });
    await exampleCallback(fake.ctx)(args);
    expect(fake.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({
        channel: USER,
        metadata: expect.objectContaining({ event_type: ANSWER_METADATA }),
      }),
    ]);
  });

  it('notes a question that is not one of the examples as stale', async () => {
    const fake = fakeSlack();
    const args = buttonArgs(fake, {
      actionId: 'example_question:9',
      value: 'rm -rf /',
      place: { kind: 'view' },
    });
    await exampleCallback(fake.ctx)(args);
    expect(fake.callsTo('chat.postMessage')).toEqual([{ channel: USER, text: STALE_BUTTON }]);
    expect(fake.logged('answered')).toEqual([]);
  });
});
