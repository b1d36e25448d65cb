/** The buttons: one listener per file, registered here. */
import type { App } from '@slack/bolt';
import type { BotContext } from '../shared.js';
import type { ButtonBody } from './button.js';
import { EXAMPLE_ACTION, exampleCallback } from './example.js';
import { FEEDBACK_ACTION, feedbackCallback } from './feedback.js';
import { FOLLOW_UP_ACTION, followUpCallback } from './follow-up.js';
import { MORE_ACTION, moreCallback } from './more.js';
import { OPEN_QUESTIONNAIRE_ACTION, openQuestionnaireCallback } from './open-questionnaire.js';
import { SHARE_ACTION, shareCallback } from './share.js';
import { SHOW_YAML_ACTION, showYamlCallback } from './show-yaml.js';
import { WHY_NOT_ACTION, whyNotCallback } from './why-not.js';

const buttons = (actionId: RegExp) => ({ type: 'block_actions' as const, action_id: actionId });

export function register(app: App, ctx: BotContext): void {
  app.action<ButtonBody>(buttons(FOLLOW_UP_ACTION), followUpCallback(ctx));
  app.action<ButtonBody>(buttons(WHY_NOT_ACTION), whyNotCallback(ctx));
  app.action<ButtonBody>(buttons(MORE_ACTION), moreCallback(ctx));
  app.action<ButtonBody>(buttons(SHARE_ACTION), shareCallback(ctx));
  app.action<ButtonBody>(buttons(FEEDBACK_ACTION), feedbackCallback(ctx));
  app.action<ButtonBody>(buttons(EXAMPLE_ACTION), exampleCallback(ctx));
  app.action<ButtonBody>(buttons(OPEN_QUESTIONNAIRE_ACTION), openQuestionnaireCallback(ctx));
  app.action<ButtonBody>(buttons(SHOW_YAML_ACTION), showYamlCallback(ctx));
}
