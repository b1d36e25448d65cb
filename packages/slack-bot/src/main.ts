/**
 * @ingress-advisor/slack-bot: the Bolt adapter. `index.ts` is the executable; this is its library
 * face, for tests and embedding.
 */
export { createSlackBot, type SlackBot, type SlackBotOptions } from './app.js';
export { CONNECT_HINT, runConsole } from './console.js';
export { COMMAND } from './listeners/commands/ingress-or-lb.js';
export { REVIEW_SHORTCUT } from './listeners/shortcuts/review-manifest.js';
export { type BotLogger, createLogger, type LogSink } from './log.js';
export { readSettings, type Settings, SettingsError } from './settings.js';
