/**
 * "Show YAML" under a manifest review (`show_yaml:gateway|ingress`): reads the manifest again from
 * Slack and posts the migrated YAML.
 */
import { type MigrationTarget, migrate } from '@ingress-advisor/core';
import type { webApi } from '@slack/bolt';
import { parseManifestRef, renderMigration, SHOW_YAML_PREFIX } from '../../render/report.js';
import { redactManifest } from '../../text/redact.js';
import { type BotContext, PASTED_PATH, readManifest } from '../shared.js';
import { type ButtonListener, buttonListener, note, placeOf, STALE_BUTTON } from './button.js';

export const SHOW_YAML_ACTION = new RegExp(`^${SHOW_YAML_PREFIX}(?:gateway|ingress)$`);

export function showYamlCallback(ctx: BotContext): ButtonListener {
  return buttonListener(ctx, 'show_yaml', async ({ body, action, client, respond }) => {
    const ref = parseManifestRef(action.value);
    const target: MigrationTarget = action.action_id.endsWith('gateway') ? 'gateway' : 'ingress';
    if (ref === null) return note(body, client, respond, STALE_BUTTON);
    const text = await readManifest(client, ref, ctx);
    if (text === null)
      return note(
        body,
        client,
        respond,
        'I could not read that manifest again: the message or file may have been deleted or edited.',
      );
    const migration = migrate([{ path: PASTED_PATH, text: redactManifest(text) }], { to: target });
    ctx.logger.event('info', 'migrated', {
      to: target,
      converted: migration.converted.length,
      warnings: migration.warnings.length,
    });
    const place = placeOf(body);
    for (const message of renderMigration(migration, target)) {
      if (place.kind === 'message') {
        await client.chat.postMessage({
          channel: place.channel,
          thread_ts: place.thread ?? place.ts,
          unfurl_links: false,
          ...message,
        } as webApi.ChatPostMessageArguments);
      } else await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    }
  });
}
