/**
 * `ingress-advisor chat`: a terminal conversation. Each line is a question for the advice engine; a
 * reply to its follow-up questions (a choice, or more detail in words) refines the last question; a
 * pasted manifest, ended by a blank line, is analysed. Works with piped standard input too.
 */
import {
  type Answer,
  analyze,
  answerConversation,
  CONFIG_FILE_NAME,
  type Config,
  type Conversation,
  escapeTerminal,
  type FollowUp,
  renderText,
  startConversation,
  withChoice,
  withMoreText,
} from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../input/config-file.js';
import { shouldUseColor } from '../output/color.js';
import { renderAnswer } from './ask.js';
import { defineCommand, EXIT, type ExitCode, helpHint } from './definitions.js';
import type { OptionSpecs, ParsedOptions } from './internal/parse-options.js';

const OPTIONS = {
  'no-color': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpecs;

const HELP_HINT = helpHint('chat');
/** A pasted manifest larger than this is dropped with a message. */
export const MAX_PASTE_BYTES = 1024 * 1024;
/** The path a pasted manifest is reported under. */
export const PASTE_PATH = '<pasted>';
/** Words that end the conversation. */
const QUIT_WORDS = new Set(['quit', 'exit', 'bye', 'q', ':q']);
/** Words that ask for the whole of the last answer. */
const MORE_WORDS = new Set(['more', 'long', 'details', 'more please']);
/** Longest error message shown, in characters. */
const MAX_ERROR_LENGTH = 200;

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

/** The greeting printed when the conversation starts. */
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

/** `chat` once its options are parsed (see `defineCommand` for `--help` and usage errors). */
async function chatWith(deps: CliDeps, { values, positionals }: ParsedOptions): Promise<ExitCode> {
  if (positionals.length > 0) {
    throw new UsageError(
      'chat takes no arguments: type questions once it has started, or use `ingress-advisor ask "QUESTION"`.',
      [HELP_HINT],
    );
  }
  const noColor = values['no-color'] === true;
  const config: Config = await loadConfig(
    deps,
    typeof values.config === 'string' ? values.config : undefined,
  );

  const color = shouldUseColor({
    noColorFlag: noColor,
    toFile: false,
    isTTY: deps.stdout.isTTY,
    env: deps.env,
  });
  const interactive = deps.stdin.isTTY;
  const prompt = (text: string): void => {
    if (interactive) deps.stdout.write(text);
  };
  deps.stdout.write(chatGreeting());

  // The conversation so far (core's model, as the bot's), and its last answer.
  let conversation: Conversation | undefined;
  let last: Answer | undefined;
  let paste: { lines: string[]; bytes: number; tooLarge: boolean } | undefined;
  const finishPaste = (): void => {
    if (paste === undefined) return;
    const { lines, tooLarge } = paste;
    paste = undefined;
    if (tooLarge) return;
    turn(deps, () => {
      // include/exclude globs select repository files; a paste is always analysed.
      const pasteConfig = { ...config, include: [], exclude: [] };
      const report = analyze([{ path: PASTE_PATH, text: `${lines.join('\n')}\n` }], { config: pasteConfig });
      deps.stdout.write(`\n${renderText(report, { color })}\n`);
      // The next reply is a new question, not a refinement of one asked before the paste.
      conversation = undefined;
      last = undefined;
    });
  };

  const addPasteLine = (line: string): void => {
    if (paste === undefined || paste.tooLarge) return;
    paste.bytes += Buffer.byteLength(line, 'utf8') + 1;
    if (paste.bytes <= MAX_PASTE_BYTES) {
      paste.lines.push(line);
      return;
    }
    paste.tooLarge = true;
    paste.lines = [];
    deps.stderr.write(
      'The pasted manifest is larger than 1 MiB and was not analysed; run `ingress-advisor analyze FILE` on it instead. Skipping to the next blank line.\n',
    );
  };

  const input = lineReader(deps);
  // A line read ahead past a blank line that turned out not to continue the pasted manifest.
  let carried: string | undefined;
  for (;;) {
    if (carried === undefined) prompt(paste === undefined ? '\n> ' : '... ');
    const line = carried ?? (await input.next());
    carried = undefined;
    if (line === undefined) break;

    if (paste !== undefined) {
      if (line.trim() !== '') {
        addPasteLine(line);
        continue;
      }
      // Manifests have blank lines too: the paste ends at a blank line only when what follows is
      // not more YAML, or, on a terminal, when nothing follows at once (a paste arrives in a burst).
      let blanks = 1;
      let ahead = await input.nextWithin(interactive ? PASTE_SETTLE_MS : undefined);
      while (ahead !== undefined && ahead !== LATER && ahead.trim() === '') {
        blanks += 1;
        ahead = await input.nextWithin(interactive ? PASTE_SETTLE_MS : undefined);
      }
      if (typeof ahead === 'string' && continuesManifest(ahead)) {
        for (let blank = 0; blank < blanks; blank += 1) addPasteLine('');
        addPasteLine(ahead);
        continue;
      }
      finishPaste();
      if (ahead === undefined) break;
      if (ahead !== LATER) carried = ahead;
      continue;
    }

    const text = line.trim();
    if (text === '') continue;
    if (QUIT_WORDS.has(text.toLowerCase())) {
      prompt('Bye.\n');
      return EXIT.ok;
    }
    if (text === 'help' || text === '?') {
      deps.stdout.write(chatGreeting());
      continue;
    }
    // A `#` comment opens a pasted manifest when YAML follows at once; alone, it is a question.
    let opensPaste = startsManifest(line);
    if (!opensPaste && /^\s*#/.test(line)) {
      const ahead = await input.nextWithin(interactive ? PASTE_SETTLE_MS : undefined);
      if (typeof ahead === 'string') {
        carried = ahead;
        opensPaste = startsManifest(ahead) || (ahead.trim() !== '' && continuesManifest(ahead));
      }
    }
    if (opensPaste) {
      paste = { lines: [], bytes: 0, tooLarge: false };
      addPasteLine(line);
      continue;
    }

    if (MORE_WORDS.has(text.toLowerCase()) && last !== undefined) {
      deps.stdout.write(`\n${renderAnswer(last, { long: true, color })}`);
      continue;
    }

    turn(deps, () => {
      // A choice answers the last follow-up; words after a question asked back refine it; anything
      // else starts over.
      const choice = last === undefined ? undefined : matchChoice(last.followUps, text);
      if (conversation !== undefined && choice !== undefined) {
        conversation = withChoice(conversation, choice.id, choice.choice);
      } else if (conversation !== undefined && last?.kind === 'clarification') {
        conversation = withMoreText(conversation, text) ?? startConversation(text);
      } else {
        conversation = startConversation(text);
      }
      const result = answerConversation(conversation, { weights: config.weights });
      deps.stdout.write(
        `\n${renderAnswer(result, { color, moreHint: 'type more for every reason, the ranking and the sources' })}${renderFollowUps(result.followUps)}`,
      );
      last = result;
    });
  }
  // End of input: a manifest pasted without a closing blank line is still analysed.
  finishPaste();
  prompt('\n');
  return EXIT.ok;
}

/** How long, on a terminal, a blank line in a paste waits for more pasted lines. */
const PASTE_SETTLE_MS = 150;
/** `nextWithin` found no line within its wait; the line still arrives on a later call. */
const LATER = Symbol('later');

/**
 * Standard input one line at a time; `next` resolves to undefined at end of input (or when it
 * cannot be read, said on standard error); `nextWithin` resolves to LATER when its wait passes first.
 */
function lineReader(deps: CliDeps): {
  next(): Promise<string | undefined>;
  nextWithin(waitMs: number | undefined): Promise<string | undefined | typeof LATER>;
} {
  const iterator = deps.stdin.lines()[Symbol.asyncIterator]();
  let pending: Promise<string | undefined> | undefined;
  const read = async (): Promise<string | undefined> => {
    try {
      const result = await iterator.next();
      return result.done === true ? undefined : result.value;
    } catch (error) {
      deps.stderr.write(`Could not read standard input: ${shortMessage(error)}\n`);
      return undefined;
    }
  };
  return {
    next() {
      const line = pending ?? read();
      pending = undefined;
      return line;
    },
    async nextWithin(waitMs) {
      if (waitMs === undefined) return this.next();
      pending ??= read();
      const line = pending;
      let timer: NodeJS.Timeout | undefined;
      const later = new Promise<typeof LATER>((done) => {
        timer = setTimeout(() => done(LATER), waitMs);
      });
      const result = await Promise.race([line, later]);
      clearTimeout(timer);
      if (result !== LATER) pending = undefined;
      return result;
    },
  };
}

/** Runs one turn; anything it throws becomes one short line on standard error. */
function turn(deps: CliDeps, body: () => void): void {
  try {
    body();
  } catch (error) {
    deps.stderr.write(`Sorry, that failed: ${shortMessage(error)}\n`);
  }
}

function shortMessage(error: unknown): string {
  const text = escapeTerminal(error instanceof Error ? error.message : String(error));
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** Whether a line after a blank one belongs to the manifest being pasted: indented, a list item, a comment, a document marker, or a `key:`. */
export function continuesManifest(line: string): boolean {
  return /^(\s|-|#|[}\]]|[\w."'/-]+\s*:(\s|$))/.test(line);
}

/** Whether a line starts a pasted manifest: YAML's `apiVersion:`, `kind:`, `---`, or JSON's `{`. */
export function startsManifest(line: string): boolean {
  return /^\s*(apiVersion:|kind:|---|\{)/.test(line);
}

/** The follow-ups numbered, with their choices as `1a) HTTP(S)  1b) TCP ...`; empty when none. */
export function renderFollowUps(followUps: readonly FollowUp[]): string {
  if (followUps.length === 0) return '';
  const lines = ['', 'Reply with a choice (e.g. 1a) or add detail in words:'];
  followUps.forEach((followUp, index) => {
    lines.push(`  ${index + 1}. ${escapeTerminal(followUp.question)}`);
    const choices = followUp.choices.map(
      (choice, letter) => `${index + 1}${choiceLetter(letter)}) ${escapeTerminal(choice.label)}`,
    );
    lines.push(`     ${choices.join('  ')}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The follow-up choice a reply picks: a `1a`-style id, or a choice's label or value (case and
 * surrounding punctuation ignored). Undefined for anything else, which is then free text.
 */
export function matchChoice(
  followUps: readonly FollowUp[],
  reply: string,
): { id: string; choice: string } | undefined {
  const text = reply.trim().toLowerCase();
  const id = /^(\d+)\s*([a-z])\)?$/.exec(text);
  if (id !== null) {
    const followUp = followUps[Number(id[1]) - 1];
    const choice = followUp?.choices[(id[2] ?? 'a').charCodeAt(0) - 97];
    if (followUp !== undefined && choice !== undefined) return { id: followUp.id, choice: choice.value };
  }
  const normal = (value: string): string =>
    value
      .toLowerCase()
      .replace(/[–—]/g, '-')
      .replace(/^[\s"'.!?]+|[\s"'.!?]+$/g, '');
  const wanted = normal(text);
  for (const followUp of followUps) {
    for (const choice of followUp.choices) {
      if (normal(choice.value) === wanted || normal(choice.label) === wanted)
        return { id: followUp.id, choice: choice.value };
    }
  }
  return undefined;
}

function choiceLetter(index: number): string {
  return String.fromCharCode(97 + (index % 26));
}
