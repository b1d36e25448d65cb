/** The events (mentions, direct messages, App Home): one listener per file, registered here. */
import type { App } from '@slack/bolt';
import type { BotContext } from '../shared.js';
import { appHomeOpenedCallback } from './app-home-opened.js';
import { appMentionCallback } from './app-mention.js';
import { messageImCallback } from './message-im.js';

export function register(app: App, ctx: BotContext): void {
  app.event('app_mention', appMentionCallback(ctx));
  app.message(messageImCallback(ctx));
  app.event('app_home_opened', appHomeOpenedCallback(ctx));
}
