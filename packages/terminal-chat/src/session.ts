/**
 * What each line typed into the terminal chat means, as data: a question (or a reply that refines
 * the last one), a word such as `quit` or `more`, or part of a pasted manifest. The session holds
 * the conversation and the paste in progress and returns turn results; `runTerminalChat` reads the
 * lines and renders the results, so this part is tested with plain strings and no clock.
 *
 * Two kinds of line mean something only once the next one is known: a blank line inside a pasted
 * manifest (manifests have blank lines too) and a `#` comment (a question, or the start of a
 * commented manifest). `undecided` says so; the next `handle`, `settle` (nothing followed at once)
 * or `end` (end of input) decides.
 */
import {
  type Answer,
  analyze,
  answerConversation,
  type Config,
  type Conversation,
  matchChoice,
  type Report,
  startConversation,
  withChoice,
  withMoreText,
} from '@ingress-advisor/core';

/** A pasted manifest larger than this is dropped with a message. */
export const MAX_PASTE_BYTES = 1024 * 1024;
/** The path a pasted manifest is reported under. */
export const PASTE_PATH = '<pasted>';
/** Words that end the conversation. */
const QUIT_WORDS = new Set(['quit', 'exit', 'bye', 'q', ':q']);
/** Words that ask for the whole of the last answer. */
const MORE_WORDS = new Set(['more', 'long', 'details', 'more please']);
/** Words that show the greeting again. */
const HELP_WORDS = new Set(['help', '?']);

/** What a line (or the end of a pause, or of the input) led to; a line may lead to none or several. */
export type TurnResult =
  /** A question answered, or the last one refined by a choice or more words. */
  | { kind: 'answer'; answer: Answer; conversation: Conversation }
  /** The whole of the last answer, asked for with `more`. */
  | { kind: 'more'; answer: Answer }
  /** A pasted manifest, analysed. */
  | { kind: 'report'; report: Report }
  /** A pasted manifest grew past `maxBytes`: it is dropped up to the next blank line. */
  | { kind: 'paste-too-large'; maxBytes: number }
  | { kind: 'help' }
  /** The conversation ends; later lines are ignored. */
  | { kind: 'quit' }
  /** The engine threw on this turn; the conversation goes on. */
  | { kind: 'failed'; message: string };

export interface ChatSessionOptions {
  /** Weights for answers; rules and thresholds for pasted manifests. */
  config: Config;
}

interface Paste {
  lines: string[];
  bytes: number;
  tooLarge: boolean;
  /** Blank lines read after the last line, not yet known to be part of the manifest. */
  blanks: number;
}

/** One terminal conversation: feed it lines, get turn results. */
export class ChatSession {
  readonly #config: Config;
  /** The conversation so far (core's model, as the bot's), and its last answer. */
  #conversation: Conversation | undefined;
  #last: Answer | undefined;
  #paste: Paste | undefined;
  /** A `#` line that starts a manifest if YAML follows at once, else is a question. */
  #comment: string | undefined;
  #ended = false;

  constructor(options: ChatSessionOptions) {
    this.#config = options.config;
  }

  /** Whether lines are being read into a pasted manifest. */
  get pasting(): boolean {
    return this.#paste !== undefined;
  }

  /** Whether the last line's meaning waits on the next one (see the module comment). */
  get undecided(): boolean {
    return this.#comment !== undefined || (this.#paste?.blanks ?? 0) > 0;
  }

  /** Whether `quit` ended the conversation. */
  get ended(): boolean {
    return this.#ended;
  }

  /** One line of input, without its line ending. */
  handle(line: string): TurnResult[] {
    if (this.#ended) return [];
    const comment = this.#comment;
    if (comment !== undefined) {
      this.#comment = undefined;
      if (startsManifest(line) || (line.trim() !== '' && continuesManifest(line))) {
        this.#startPaste();
        return [...this.#addPasteLine(comment), ...this.#addPasteLine(line)];
      }
      return [this.#ask(comment.trim()), ...this.handle(line)];
    }
    if (this.#paste !== undefined) return this.#pasteLine(this.#paste, line);

    const text = line.trim();
    const word = text.toLowerCase();
    if (text === '') return [];
    if (QUIT_WORDS.has(word)) {
      this.#ended = true;
      return [{ kind: 'quit' }];
    }
    if (HELP_WORDS.has(text)) return [{ kind: 'help' }];
    if (startsManifest(line)) {
      this.#startPaste();
      return this.#addPasteLine(line);
    }
    if (/^\s*#/.test(line)) {
      this.#comment = line;
      return [];
    }
    if (MORE_WORDS.has(word) && this.#last !== undefined) return [{ kind: 'more', answer: this.#last }];
    return [this.#ask(text)];
  }

  /** No line followed the undecided one at once: a blank line ends the paste, a lone `#` line is a question. */
  settle(): TurnResult[] {
    const comment = this.#comment;
    if (comment !== undefined) {
      this.#comment = undefined;
      return [this.#ask(comment.trim())];
    }
    if (this.#paste !== undefined && this.#paste.blanks > 0) return this.#finishPaste();
    return [];
  }

  /** End of input: what is undecided is settled, and a manifest pasted without a closing blank line is analysed. */
  end(): TurnResult[] {
    if (this.#ended) return [];
    const results = this.settle();
    if (this.#paste !== undefined) results.push(...this.#finishPaste());
    this.#ended = true;
    return results;
  }

  #startPaste(): void {
    this.#paste = { lines: [], bytes: 0, tooLarge: false, blanks: 0 };
  }

  #pasteLine(paste: Paste, line: string): TurnResult[] {
    if (line.trim() === '') {
      paste.blanks += 1;
      return [];
    }
    if (paste.blanks === 0) return this.#addPasteLine(line);
    // After blank lines, more YAML continues the manifest; anything else ends it and is read anew.
    if (continuesManifest(line)) {
      const blanks = paste.blanks;
      paste.blanks = 0;
      const results: TurnResult[] = [];
      for (let blank = 0; blank < blanks; blank += 1) results.push(...this.#addPasteLine(''));
      results.push(...this.#addPasteLine(line));
      return results;
    }
    return [...this.#finishPaste(), ...this.handle(line)];
  }

  #addPasteLine(line: string): TurnResult[] {
    const paste = this.#paste;
    if (paste === undefined || paste.tooLarge) return [];
    paste.bytes += Buffer.byteLength(line, 'utf8') + 1;
    if (paste.bytes <= MAX_PASTE_BYTES) {
      paste.lines.push(line);
      return [];
    }
    paste.tooLarge = true;
    paste.lines = [];
    return [{ kind: 'paste-too-large', maxBytes: MAX_PASTE_BYTES }];
  }

  #finishPaste(): TurnResult[] {
    const paste = this.#paste;
    this.#paste = undefined;
    if (paste === undefined || paste.tooLarge) return [];
    try {
      // include/exclude globs select repository files; a paste is always analysed.
      const config = { ...this.#config, include: [], exclude: [] };
      const report = analyze([{ path: PASTE_PATH, text: `${paste.lines.join('\n')}\n` }], { config });
      // The next reply is a new question, not a refinement of one asked before the paste.
      this.#conversation = undefined;
      this.#last = undefined;
      return [{ kind: 'report', report }];
    } catch (error) {
      return [failed(error)];
    }
  }

  /**
   * A choice answers the last follow-up; words after a question asked back refine it; anything else
   * starts over.
   */
  #ask(text: string): TurnResult {
    try {
      const last = this.#last;
      const choice = last === undefined ? undefined : matchChoice(last.followUps, text);
      let conversation: Conversation;
      if (this.#conversation !== undefined && choice !== undefined) {
        conversation = withChoice(this.#conversation, choice.id, choice.choice);
      } else if (this.#conversation !== undefined && last?.kind === 'clarification') {
        conversation = withMoreText(this.#conversation, text) ?? startConversation(text);
      } else {
        conversation = startConversation(text);
      }
      const answer = answerConversation(conversation, { weights: this.#config.weights });
      this.#conversation = conversation;
      this.#last = answer;
      return { kind: 'answer', answer, conversation };
    } catch (error) {
      return failed(error);
    }
  }
}

function failed(error: unknown): TurnResult {
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** Whether a line after a blank one belongs to the manifest being pasted: indented, a list item, a comment, a document marker, or a `key:`. */
export function continuesManifest(line: string): boolean {
  return /^(\s|-|#|[}\]]|[\w."'/-]+\s*:(\s|$))/.test(line);
}

/** Whether a line starts a pasted manifest: YAML's `apiVersion:`, `kind:`, `---`, or JSON's `{`. */
export function startsManifest(line: string): boolean {
  return /^\s*(apiVersion:|kind:|---|\{)/.test(line);
}
