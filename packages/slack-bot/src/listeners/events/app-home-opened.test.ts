import { describe, expect, it } from 'vitest';
import {
  failedErrorId,
  fakeSlack,
  homeOpenedArgs,
  slackApiError,
  USER,
} from '../../test-support/listener-args.js';
import { appHomeOpenedCallback } from './app-home-opened.js';

describe('app_home_opened', () => {
  it('publishes the home view for the home tab only', async () => {
    const fake = fakeSlack();
    await appHomeOpenedCallback(fake.ctx)(homeOpenedArgs(fake));
    await appHomeOpenedCallback(fake.ctx)(homeOpenedArgs(fake, 'messages'));
    expect(fake.callsTo('views.publish')).toEqual([
      { user_id: USER, view: expect.objectContaining({ type: 'home' }) },
    ]);
  });

  it('logs a failed publish and tells nobody', async () => {
    const fake = fakeSlack({ failures: { 'views.publish': slackApiError('invalid_blocks') } });
    await appHomeOpenedCallback(fake.ctx)(homeOpenedArgs(fake));
    failedErrorId(fake, 'app_home_opened');
    expect(fake.calls.map((c) => c.method)).toEqual(['views.publish']);
    expect(fake.logged('apology_failed')).toEqual([]);
  });
});
