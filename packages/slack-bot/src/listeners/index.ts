/**
 * Every listener, in the Bolt starter's shape: one listener per file under `listeners/<kind>/`, a
 * `register(app, ctx)` per kind, and this file registering all kinds. Quiet by default: no listener
 * reads channel messages the bot was not called into.
 */
import type { App } from '@slack/bolt';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import type { BotContext } from './shared.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';

export function registerListeners(app: App, ctx: BotContext): void {
  commands.register(app, ctx);
  events.register(app, ctx);
  actions.register(app, ctx);
  views.register(app, ctx);
  shortcuts.register(app, ctx);
}
