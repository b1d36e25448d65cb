/**
 * Console mode: with no SLACK_BOT_TOKEN, `pnpm start` explains how to connect Slack and holds the
 * same conversation in the terminal (`@ingress-advisor/terminal-chat`, as the CLI's `chat`), in
 * this process.
 */
import { DEFAULT_CONFIG, shouldUseColor } from '@ingress-advisor/core';
import { runTerminalChat, streamLines, type TerminalChatIO } from '@ingress-advisor/terminal-chat';

/** How to connect Slack, printed before the console chat starts. */
export const CONNECT_HINT = `No SLACK_BOT_TOKEN is set, so this is the console chat (the same answers as in Slack).
To connect Slack: create the app from packages/slack-bot/manifest.yml at https://api.slack.com/apps,
install it, then set SLACK_BOT_TOKEN and either SLACK_APP_TOKEN (Socket Mode) or
SLACK_SIGNING_SECRET (HTTP mode on PORT, default 3000) and run \`pnpm start\` again.
`;

/** The process's own streams, standard input line by line. */
function processChatIO(): TerminalChatIO {
  // `pnpm start | head` closes the pipe early: the conversation is over, not failed (as in the CLI).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdin: {
      isTTY: process.stdin.isTTY === true,
      lines: () => streamLines(process.stdin),
    },
    stdout: { write: (text) => void process.stdout.write(text) },
    stderr: { write: (text) => void process.stderr.write(text) },
  };
}

/** Colours as the CLI decides them: on a terminal, unless NO_COLOR (or FORCE_COLOR) says otherwise. */
function processColor(): boolean {
  return shouldUseColor({
    noColorFlag: false,
    toFile: false,
    isTTY: process.stdout.isTTY === true,
    env: { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR, TERM: process.env.TERM },
  });
}

/** Runs the console chat until `quit` or end of input; resolves with the exit code to use. */
export async function runConsole(
  io: TerminalChatIO = processChatIO(),
  color: boolean = processColor(),
): Promise<number> {
  io.stderr.write(CONNECT_HINT);
  // No configuration file, as in Slack: the default weights.
  await runTerminalChat(io, { config: DEFAULT_CONFIG, color });
  return 0;
}
