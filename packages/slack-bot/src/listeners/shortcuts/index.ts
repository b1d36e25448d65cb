/** The shortcuts: one listener per file, registered here. */
import type { App, MessageShortcut } from '@slack/bolt';
import type { BotContext } from '../shared.js';
import { REVIEW_SHORTCUT, reviewManifestCallback } from './review-manifest.js';

export function register(app: App, ctx: BotContext): void {
  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: REVIEW_SHORTCUT },
    reviewManifestCallback(ctx),
  );
}
