/** The slash commands: one listener per file, registered here. */
import type { App } from '@slack/bolt';
import type { BotContext } from '../shared.js';
import { COMMAND, ingressOrLbCallback } from './ingress-or-lb.js';

export function register(app: App, ctx: BotContext): void {
  app.command(COMMAND, ingressOrLbCallback(ctx));
}
