/** The terminal chat's text: its greeting, and each turn result as it is printed. */
import { escapeTerminal, renderAnswerText, renderFollowUpsText, renderText } from '@ingress-advisor/core';
import type { TurnResult } from './session.js';

/** Longest error message shown, in characters. */
const MAX_ERROR_LENGTH = 200;
/** Under a short answer: how to see the rest. */
const MORE_HINT = 'type more for every reason, the ranking and the sources';

/** The greeting printed when the conversation starts, and again on `help`. */
export function chatGreeting(): string {
  return `ingress-advisor chat: ask whether to use an Ingress, a LoadBalancer Service, Gateway API or a tunnel.
Examples:
  ingress or lb for 4 web apps on one domain with https?
  mosquitto on 1883 for devices outside the cluster
  do I need an ingress to expose my app?
Answers come short; type more for the whole answer.
Paste a manifest to have it analysed; a blank line ends a pasted manifest.
Type quit, or press Ctrl-D, to leave.
`;
}

/**
 * A turn result as text for standard output and standard error (either may be empty). `quit`
 * prints nothing here: its goodbye is a prompt, shown on a terminal only.
 */
export function renderTurn(result: TurnResult, options: { color: boolean }): { out: string; err: string } {
  const { color } = options;
  switch (result.kind) {
    case 'answer':
      return {
        out: `\n${renderAnswerText(result.answer, { color, moreHint: MORE_HINT })}${renderFollowUpsText(result.answer.followUps)}`,
        err: '',
      };
    case 'more':
      return { out: `\n${renderAnswerText(result.answer, { long: true, color })}`, err: '' };
    case 'report':
      return { out: `\n${renderText(result.report, { color })}\n`, err: '' };
    case 'paste-too-large':
      return {
        out: '',
        err: `The pasted manifest is larger than ${result.maxBytes / (1024 * 1024)} MiB and was not analysed; run \`ingress-advisor analyze FILE\` on it instead. Skipping to the next blank line.\n`,
      };
    case 'help':
      return { out: chatGreeting(), err: '' };
    case 'quit':
      return { out: '', err: '' };
    case 'failed':
      return { out: '', err: `Sorry, that failed: ${shortMessage(result.message)}\n` };
  }
}

/** An error message made terminal-safe and cut to one short line. */
export function shortMessage(message: string): string {
  const text = escapeTerminal(message);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
