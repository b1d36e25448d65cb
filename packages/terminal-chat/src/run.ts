/**
 * The terminal chat: a greeting, then a loop that reads lines, hands them to a `ChatSession` and
 * prints its turn results. Prompts (and the short wait that ends a paste) only on a terminal, so
 * piped input works too: `printf 'ingress or lb?\n1c\n' | ingress-advisor chat`.
 */
import type { Config } from '@ingress-advisor/core';
import { LATER, lineReader } from './line-reader.js';
import { chatGreeting, renderTurn } from './render.js';
import { ChatSession } from './session.js';

/** The streams the chat uses; the CLI's deps and `process` (via `node:readline`) both fit. */
export interface TerminalChatIO {
  stdin: {
    /** True when a person types the input. */
    readonly isTTY: boolean;
    /** The input line by line, without line endings; ends at end of input (Ctrl-D). */
    lines(): AsyncIterable<string>;
  };
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
}

export interface TerminalChatOptions {
  /** Weights for answers; rules and thresholds for pasted manifests. */
  config: Config;
  /** ANSI bold in answers and colours in reports. */
  color: boolean;
  /** Prompts, and pastes ended by a pause, as a person types. @default stdin.isTTY */
  interactive?: boolean;
}

/** How long, on a terminal, an undecided line (a blank one in a paste, a `#` one) waits for the next. */
export const PASTE_SETTLE_MS = 150;

/** Holds the conversation until `quit` or end of input. */
export async function runTerminalChat(io: TerminalChatIO, options: TerminalChatOptions): Promise<void> {
  const interactive = options.interactive ?? io.stdin.isTTY;
  const prompt = (text: string): void => {
    if (interactive) io.stdout.write(text);
  };
  const session = new ChatSession({ config: options.config });
  const input = lineReader(io.stdin.lines(), io.stderr);
  io.stdout.write(chatGreeting());
  try {
    for (;;) {
      // No prompt while reading ahead: that line belongs to what was just typed or pasted.
      const undecided = session.undecided;
      if (!undecided) prompt(session.pasting ? '... ' : '\n> ');
      const line = undecided
        ? await input.nextWithin(interactive ? PASTE_SETTLE_MS : undefined)
        : await input.next();
      const results =
        line === undefined ? session.end() : line === LATER ? session.settle() : session.handle(line);
      for (const result of results) {
        if (result.kind === 'quit') {
          prompt('Bye.\n');
          return;
        }
        const { out, err } = renderTurn(result, { color: options.color });
        if (out !== '') io.stdout.write(out);
        if (err !== '') io.stderr.write(err);
      }
      if (line === undefined) break;
    }
    prompt('\n');
  } finally {
    await input.close();
  }
}
