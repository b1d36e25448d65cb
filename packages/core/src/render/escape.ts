/**
 * One escaping function per medium. Renderers apply them to text that comes from manifests or users
 * (names, paths, annotation values, parse errors), never to our own templates.
 */

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Bidirectional overrides and isolates: they reorder how text is displayed, so a name could read as
 * something it is not ("Trojan Source", CVE-2021-42574).
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Line breaks of any style; data is always shown on one line. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * ANSI escape sequences (ECMA-48): CSI (`ESC [ ... final`, or the 8-bit U+009B), OSC, DCS, SOS, PM
 * and APC strings (ended by BEL or `ESC \`), and every other escape with its intermediate and final
 * bytes (`ESC c` resets the terminal, `ESC 7` saves the cursor).
 */
const ANSI =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u001b[ -/]*[0-~]/g;

/** A zero-width space, as an entity so that it stays visible in the Markdown source. */
const ZERO_WIDTH_SPACE = '&#8203;';

/**
 * Escapes text from a manifest for GitHub-flavoured Markdown, inline or in a table cell: the result
 * shows the text literally and on one line, and cannot add links with hidden targets, images, HTML,
 * emphasis, math, table cells, @mentions or issue references (which would notify people or
 * cross-link issues). A bare URL may still be auto-linked, but it shows its own target.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(LINE_BREAK, ' ')
      .replace(CONTROL, '')
      .replace(BIDI, '')
      // Every ASCII punctuation character may be backslash-escaped (CommonMark 2.4); these are the
      // ones with a meaning in GFM: code, emphasis, links, HTML, headings, tables, strikethrough,
      // entities and GitHub's `$math$`.
      .replace(/[\\`*_{}[\]<>#|~&$]/g, '\\$&')
      // A list marker or ordered-list number at the very start would open a list.
      .replace(/^([-+])(?=\s|$)/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
      // GitHub links @user, @org/team, #123, GH-123 and owner/repo#123 after Markdown is rendered,
      // so backslashes do not help; a zero-width space breaks the pattern without changing the look.
      // One pass, so the `#` of an inserted entity is not matched again.
      .replace(/@|#(?=\d)|\bGH-(?=\d)/gi, (match) => `${match}${ZERO_WIDTH_SPACE}`)
  );
}

/** Where a code span sits. */
export interface CodeSpanOptions {
  /** The span sits in a table cell, where GFM splits cells at `|` even inside code. @default false */
  inTable?: boolean;
}

/**
 * Escapes text for the inside of a single-backtick Markdown code span (the caller supplies the
 * backticks). Code spans show text literally and GitHub neither links nor mentions inside them, so
 * only what could end the span, the line or the table cell needs care: backticks become a
 * look-alike (U+02CB), line breaks become spaces, and in a table `|` is escaped.
 */
export function escapeCodeSpan(text: string, options: CodeSpanOptions = {}): string {
  const escaped = text
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/`/g, '\u02cb');
  // An empty span would leave two backticks side by side, which open a longer span instead.
  if (escaped === '') return ' ';
  return options.inTable ? escaped.replace(/\|/g, '\\|') : escaped;
}

/**
 * Makes text from a manifest safe to print to a terminal: removes ANSI escape sequences and other
 * control characters (a manifest must not be able to move the cursor, retitle the window or hide
 * text), bidirectional overrides, and line breaks (data is shown on one line).
 */
export function escapeTerminal(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(LINE_BREAK, ' ')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(BIDI, '');
}
