/**
 * `ingress-advisor chat`: a terminal conversation (`@ingress-advisor/terminal-chat`, which the Slack
 * bot's console mode runs too). This command reads its options and configuration, then hands over.
 */
import { CONFIG_FILE_NAME, type Config, shouldUseColor } from '@ingress-advisor/core';
import { runTerminalChat } from '@ingress-advisor/terminal-chat';
import type { CliDeps } from '../deps.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../input/config-file.js';
import { defineCommand, EXIT, type ExitCode, helpHint } from './definitions.js';
import type { OptionSpecs, ParsedOptions } from './internal/parse-options.js';

const OPTIONS = {
  'no-color': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

const HELP_HINT = helpHint('chat');

/** The `--help` text of `chat`. */
export function chatHelp(): string {
  return `Usage: ingress-advisor chat [options]

A conversation in the terminal about exposing workloads: Ingress, Service type LoadBalancer,
Gateway API or an edge tunnel. Type a question and press Enter. When the answer asks something
back, reply with a choice (its number and letter such as 1a, or its name) or with more detail in
words: the last question is refined. Answers come short; type more for the whole answer (every
reason, the ranking, the sources). Paste a manifest (a line starting with apiVersion:, kind:,
--- or {, or # comments followed at once by such a line) and end it with a blank line to have it
analysed; blank lines inside a manifest are kept when more YAML follows them. Type quit, or press
Ctrl-D, to leave.

With standard input piped, each line is one question and the conversation ends at end of input:
  printf 'ingress or lb?\\n1a\\n' | ingress-advisor chat

Options:
  -c, --config FILE   Configuration file (weights, rules). Default: ${CONFIG_FILE_NAME} in the
                      current directory, if any.
  --no-color          No colours in the analysis of a pasted manifest.
  -h, --help          Show this help.

Exit status: 0 when the conversation ends, 2 on a usage error.
`;
}

/** `chat`: see `chatHelp`. */
export const chatCommand = defineCommand({
  name: 'chat',
  synopsis: '',
  summary: 'Ask questions in a conversation; paste manifests to have them analysed.',
  available: true,
  help: chatHelp,
  options: OPTIONS,
  run: chatWith,
});

/** Runs `chat` with the arguments after the command name. */
export const runChat = chatCommand.run;

/** `chat` once its options are parsed (see `defineCommand` for `--help` and usage errors). */
async function chatWith(deps: CliDeps, { values, positionals }: ParsedOptions): Promise<ExitCode> {
  if (positionals.length > 0) {
    throw new UsageError(
      'chat takes no arguments: type questions once it has started, or use `ingress-advisor ask "QUESTION"`.',
      [HELP_HINT],
    );
  }
  const config: Config = await loadConfig(
    deps,
    typeof values.config === 'string' ? values.config : undefined,
  );
  const color = shouldUseColor({
    noColorFlag: values['no-color'] === true,
    toFile: false,
    isTTY: deps.stdout.isTTY,
    env: deps.env,
  });
  // Prompts and paste timing follow deps.stdin.isTTY.
  await runTerminalChat(deps, { config, color });
  return EXIT.ok;
}
