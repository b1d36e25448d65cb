/**
 * An Answer as terminal text (`ask`, the terminal chat): its Markdown rendered plainly, and its
 * follow-up questions numbered so a reply such as `1a` can pick a choice (`choiceId`, `matchChoice`).
 */
import type { Answer, FollowUp } from '../advice/answer.js';
import { choiceId } from '../advice/conversation.js';
import { escapeTerminal } from './escape.js';

export interface AnswerTextOptions {
  /** The whole answer (every reason, the ranking, the sources) instead of the short one. @default false */
  long?: boolean;
  /** Bold text in bold (SGR 1). @default false */
  color?: boolean;
  /**
   * The line that says how to see the whole answer, shown under a short answer that leaves
   * something out; each adapter words it (a flag, a word to type).
   */
  moreHint?: string;
}

/** The Answer as terminal text: the short form and how to see more, or with `long` the whole answer. */
export function renderAnswerText(answer: Answer, options: AnswerTextOptions = {}): string {
  if (options.long === true || answer.short === answer.markdown) {
    return plainMarkdown(answer.markdown, { color: options.color });
  }
  const short = plainMarkdown(answer.short, { color: options.color });
  return options.moreHint === undefined ? short : `${short}\n(${options.moreHint})\n`;
}

/** The follow-ups numbered, with their choices as `1a) HTTP(S)  1b) TCP ...`; empty when none. */
export function renderFollowUpsText(followUps: readonly FollowUp[]): string {
  if (followUps.length === 0) return '';
  const lines = ['', 'Reply with a choice (e.g. 1a) or add detail in words:'];
  followUps.forEach((followUp, index) => {
    lines.push(`  ${index + 1}. ${escapeTerminal(followUp.question)}`);
    const choices = followUp.choices.map(
      (choice, letter) => `${choiceId(index, letter)}) ${escapeTerminal(choice.label)}`,
    );
    lines.push(`     ${choices.join('  ')}`);
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The Markdown the advice engine writes, as plain terminal text: no `**`, no backslash escapes,
 * code blocks indented, links as "title <url>", every line made terminal-safe; with `color`, bold
 * text is bold (SGR 1) rather than plain.
 */
export function plainMarkdown(markdown: string, options: { color?: boolean } = {}): string {
  const bold = options.color === true ? '\u001b[1m$1\u001b[22m' : '$1';
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^`{3,}/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(`    ${escapeTerminal(line)}`);
      continue;
    }
    // Escaped first, so only the bold codes added here reach the terminal.
    const plain = escapeTerminal(line)
      .replace(/&#8203;/g, '')
      .replace(/\*\*([^*]+)\*\*/g, bold)
      .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]<>#|~&$.)+-])/g, '$1');
    out.push(plain);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
