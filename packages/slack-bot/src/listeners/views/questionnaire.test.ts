import { describe, expect, it } from 'vitest';
import { ANSWER_METADATA } from '../../payloads.js';
import {
  CHANNEL,
  failedErrorId,
  fakeSlack,
  slackApiError,
  USER,
  viewArgs,
} from '../../test-support/listener-args.js';
import { QUESTIONNAIRE_VIEW, questionnaireCallback } from './questionnaire.js';

describe('questionnaire submitted', () => {
  it('answers in the thread it was opened from, with the conversation as metadata', async () => {
    const fake = fakeSlack();
    const args = viewArgs(fake, {
      callbackId: QUESTIONNAIRE_VIEW,
      privateMetadata: JSON.stringify({ c: CHANNEL, th: '1.5' }),
    });
    await questionnaireCallback(fake.ctx)(args);
    expect(fake.acks()).toBe(1);
    expect(fake.callsTo('chat.postMessage')).toEqual([
      expect.objectContaining({
        channel: CHANNEL,
        thread_ts: '1.5',
        unfurl_links: false,
        metadata: expect.objectContaining({ event_type: ANSWER_METADATA }),
      }),
    ]);
  });

  it('answers privately when opened from the slash command', async () => {
    const fake = fakeSlack();
    const args = viewArgs(fake, {
      callbackId: QUESTIONNAIRE_VIEW,
      privateMetadata: JSON.stringify({ c: CHANNEL, e: USER }),
    });
    await questionnaireCallback(fake.ctx)(args);
    expect(fake.callsTo('chat.postEphemeral')).toEqual([
      expect.objectContaining({ channel: CHANNEL, user: USER }),
    ]);
  });

  it('apologises in the user DM when the channel refuses the answer', async () => {
    const fake = fakeSlack({ failures: { 'chat.postEphemeral': slackApiError('channel_not_found') } });
    const args = viewArgs(fake, {
      callbackId: QUESTIONNAIRE_VIEW,
      privateMetadata: JSON.stringify({ c: CHANNEL, e: USER }),
    });
    await questionnaireCallback(fake.ctx)(args);
    const errorId = failedErrorId(fake, 'questionnaire');
    const [apology] = fake.callsTo('chat.postMessage');
    expect(apology?.channel).toBe(USER);
    expect(String(apology?.text)).toContain(errorId);
  });
});
