/** The App Home tab opened: publishes the home view. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../render/views.js';
import { type BotContext, guarded } from '../shared.js';

/** What the App Home listener reads from Bolt's `app.event('app_home_opened')` arguments. */
export type AppHomeOpenedArgs = Pick<SlackEventMiddlewareArgs<'app_home_opened'>, 'event'> &
  Pick<AllMiddlewareArgs, 'client'>;

export function appHomeOpenedCallback(ctx: BotContext): (args: AppHomeOpenedArgs) => Promise<void> {
  return async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await guarded(
      ctx,
      'app_home_opened',
      async () => {
        await client.views.publish({ user_id: event.user, view: homeView() });
      },
      async () => undefined,
    );
  };
}
