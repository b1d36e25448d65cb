/** The "Questionnaire" button: opens the questionnaire modal, answering where the button was. */
import type { Destination } from '../../payloads.js';
import { questionnaireView, VIEW_IDS } from '../../render/views.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, placeOf } from './button.js';

export const OPEN_QUESTIONNAIRE_ACTION = new RegExp(`^${VIEW_IDS.openQuestionnaire}$`);

export function openQuestionnaireCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'open_questionnaire', async ({ body, client }) => {
    const place = placeOf(body);
    const destination: Destination =
      place.kind === 'message'
        ? { c: place.channel, th: place.thread ?? place.ts }
        : place.kind === 'ephemeral' && body.channel !== undefined
          ? { c: body.channel.id, e: body.user.id }
          : { c: body.user.id };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: questionnaireView(JSON.stringify(destination)),
    });
  });
}
