/** The modals' submissions: one listener per file, registered here. */
import type { App } from '@slack/bolt';
import type { BotContext } from '../shared.js';
import { FEEDBACK_VIEW, feedbackViewCallback } from './feedback.js';
import { QUESTIONNAIRE_VIEW, questionnaireCallback } from './questionnaire.js';

export function register(app: App, ctx: BotContext): void {
  app.view(QUESTIONNAIRE_VIEW, questionnaireCallback(ctx));
  app.view(FEEDBACK_VIEW, feedbackViewCallback(ctx));
}
