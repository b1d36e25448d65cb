import { describe, expect, it } from 'vitest';
import {
  buttonArgs,
  CHANNEL,
  failedErrorId,
  fakeSlack,
  openedMetadata,
  slackApiError,
  USER,
} from '../../test-support/listener-args.js';
import { OPEN_QUESTIONNAIRE_ACTION, openQuestionnaireCallback } from './open-questionnaire.js';

describe('open-questionnaire button', () => {
  it('opens the questionnaire, answering in the thread or privately where the button was', async () => {
    expect(OPEN_QUESTIONNAIRE_ACTION.test('open_questionnaire')).toBe(true);
    const threaded = fakeSlack();
    await openQuestionnaireCallback(threaded.ctx)(
      buttonArgs(threaded, { actionId: 'open_questionnaire', place: { kind: 'message', thread: '1.5' } }),
    );
    expect(openedMetadata(threaded)).toEqual({ c: CHANNEL, th: '1.5' });

    const ephemeral = fakeSlack();
    await openQuestionnaireCallback(ephemeral.ctx)(
      buttonArgs(ephemeral, { actionId: 'open_questionnaire', place: { kind: 'ephemeral' } }),
    );
    expect(openedMetadata(ephemeral)).toEqual({ c: CHANNEL, e: USER });
  });

  it('apologises in the user DM when the modal cannot be opened from App Home', async () => {
    const fake = fakeSlack({ failures: { 'views.open': slackApiError('expired_trigger_id') } });
    await openQuestionnaireCallback(fake.ctx)(
      buttonArgs(fake, { actionId: 'open_questionnaire', place: { kind: 'view' } }),
    );
    const errorId = failedErrorId(fake, 'open_questionnaire');
    const [apology] = fake.callsTo('chat.postMessage');
    expect(apology?.channel).toBe(USER);
    expect(String(apology?.text)).toContain(errorId);
  });
});
