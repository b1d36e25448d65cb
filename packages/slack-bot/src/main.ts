/**
 * @ingress-advisor/slack-bot: the Bolt adapter. `index.ts` is the executable; this is its library
 * face, for tests and embedding.
 */
export { createSlackBot, type SlackBot, type SlackBotOptions } from './app.js';
export { CONNECT_HINT, cliExecutable, runConsole } from './console.js';
export { REVIEW_SHORTCUT } from './listeners/interactions.js';
export { COMMAND } from './listeners/messages.js';
export { type BotLogger, createLogger, type LogSink } from './log.js';
export { readSettings, type Settings, SettingsError } from './settings.js';
