#!/usr/bin/env node
/**
 * `pnpm start`: builds core, the terminal chat and the Slack bot only when their sources changed
 * since the last build (scripts/fresh.mjs), then runs the built bot in this process: the Slack bot
 * with SLACK_BOT_TOKEN set, else the console chat. The CLI and the GitHub Action are not built: the
 * bot uses neither.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, PACKAGES, ROOT } from './fresh.mjs';

try {
  await ensureBuilt(['core', 'terminal-chat', 'slack-bot'], { log: (line) => process.stderr.write(line) });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
// The bot's entry point runs on import and reads process.argv and process.env as its own.
await import(pathToFileURL(join(ROOT, PACKAGES['slack-bot'].output)).href);
