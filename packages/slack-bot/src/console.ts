/**
 * Console mode: with no SLACK_BOT_TOKEN, `pnpm start` explains how to connect Slack and opens the
 * CLI's `chat`, the same engine in a terminal. The CLI runs as a child process (adapters do not
 * import each other); its exit code is ours, and SIGINT/SIGTERM are passed on.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How to connect Slack, printed before the console chat starts. */
export const CONNECT_HINT = `No SLACK_BOT_TOKEN is set, so this is the console chat (the same answers as in Slack).
To connect Slack: create the app from packages/slack-bot/manifest.yml at https://api.slack.com/apps,
install it, then set SLACK_BOT_TOKEN and either SLACK_APP_TOKEN (Socket Mode) or
SLACK_SIGNING_SECRET (HTTP mode on PORT, default 3000) and run \`pnpm start\` again.
`;

/** The CLI's executable: the package's `dist/index.js` (one bundled file), found through its exports. */
export function cliExecutable(): string {
  return fileURLToPath(import.meta.resolve('ingress-advisor'));
}

/** Runs the console chat; resolves with the exit code to use. */
export function runConsole(
  write: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  write(CONNECT_HINT);
  const child = spawn(process.execPath, [cliExecutable(), 'chat'], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    child.on('error', (error) => {
      write(
        `Could not start the console chat (${error.message}). Build it first: pnpm -F ingress-advisor build\n`,
      );
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : 143)));
  });
}
