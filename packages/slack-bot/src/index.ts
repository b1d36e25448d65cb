#!/usr/bin/env node
/**
 * `pnpm start`: the Slack bot when SLACK_BOT_TOKEN is set (Socket Mode with SLACK_APP_TOKEN, HTTP
 * otherwise), the console chat when it is not. SIGTERM and SIGINT stop it gracefully.
 */
import { createSlackBot } from './app.js';
import { runConsole } from './console.js';
import { createLogger } from './log.js';
import { readSettings, SettingsError } from './settings.js';

async function main(): Promise<number> {
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (settings.mode === 'console') return runConsole();

  const logger = createLogger(settings.logLevel);
  let bot: ReturnType<typeof createSlackBot>;
  try {
    bot = createSlackBot(settings, { logger });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.event('info', 'shutdown', { signal });
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('Stopping failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  await bot.start();
  return new Promise(() => {
    // Runs until a signal stops it.
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `The Slack bot stopped: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
