/** An example-question button (App Home, help): answers that example. */
import { startConversation } from '../../conversation.js';
import { EXAMPLE_QUESTIONS, VIEW_IDS } from '../../render/views.js';
import type { BotContext } from '../shared.js';
import { type ButtonListener, buttonListener, note, STALE_BUTTON, showAnswer } from './button.js';

export const EXAMPLE_ACTION = new RegExp(`^${VIEW_IDS.example}:\\d+$`);

export function exampleCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'example', async ({ body, action, client, respond }) => {
    const question = EXAMPLE_QUESTIONS.find((q) => q === action.value);
    if (question === undefined) return note(body, client, respond, STALE_BUTTON);
    await showAnswer(body, client, respond, ctx, startConversation(question));
  });
}
