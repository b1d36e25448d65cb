/**
 * @ingress-advisor/terminal-chat: the ingress-advisor conversation in a terminal, one library for
 * the CLI's `chat` and the Slack bot's console mode (adapters do not import each other).
 */
export { streamLines } from './line-reader.js';
export { chatGreeting, renderTurn } from './render.js';
export { PASTE_SETTLE_MS, runTerminalChat, type TerminalChatIO, type TerminalChatOptions } from './run.js';
export {
  ChatSession,
  type ChatSessionOptions,
  continuesManifest,
  MAX_PASTE_BYTES,
  PASTE_PATH,
  startsManifest,
  type TurnResult,
} from './session.js';
