/**
 * Keeping only part of a document: of a built value (`pruneValue`), or of its text before it is
 * parsed (`pruneText`), and building what is left when it is plain enough (`buildPlain`). Pod
 * templates are half of a typical repository's YAML, and most of each (env, resources, probes,
 * volumes) is read by no rule; cutting those lines before js-yaml tokenises them, then reading the
 * few left without it, were the largest savings left in `pnpm bench`.
 */
import type { Section } from './skim.js';

/**
 * What to keep of a node: all of it; of a mapping, some keys, each with what to keep of its value;
 * of a sequence, every item the same way. A node of another shape than expected is kept whole, so
 * the schema check still sees what is wrong with it.
 */
export type Keep = 'all' | { readonly keys: Readonly<Record<string, Keep>> } | { readonly items: Keep };

/** The parts of `value` that `keep` names; shares structure with `value`. */
export function pruneValue(value: unknown, keep: Keep): unknown {
  if (keep === 'all') return value;
  if ('items' in keep)
    return Array.isArray(value) ? value.map((item) => pruneValue(item, keep.items)) : value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const pruned: Record<string, unknown> = {};
  for (const key of Object.keys(keep.keys)) {
    if (Object.hasOwn(value, key)) {
      pruned[key] = pruneValue((value as Record<string, unknown>)[key], keep.keys[key] as Keep);
    }
  }
  return pruned;
}

/**
 * The ranges of a block-style YAML document's text worth parsing, `[start, end)` pairs in order,
 * such that `pruneValue` of the parsed ranges equals `pruneValue` of the whole document. Whole
 * mapping entries and sequence items are cut, never parts of lines. Null when the text is written
 * in a way this reader does not follow at a level it walks (flow or quoted keys, tags, tabs,
 * duplicate keys...): the caller then parses all of it.
 *
 * What is cut is not parsed, so a syntax error or a duplicate key inside it goes unnoticed, as in
 * a document of a kind no rule reads. The first entry of each mapping walked is always kept, so a
 * mapping never becomes empty (null) by cutting.
 */
export function pruneText(text: string, section: Section, keep: Keep): number[] | null {
  const { start, end } = section;
  if (keep === 'all') return [start, end];
  // Tags change how a value is built, and an unknown one is an error the whole parse must report.
  // (Searched in the section alone: searching the text from here would be quadratic in a file of
  // many documents.)
  if (text.slice(start, end).includes('!')) return null;
  try {
    return new TextPruner(text, start, end).document(section.contentStart, keep);
  } catch (error) {
    if (error === NOT_FOLLOWED) return null;
    throw error;
  }
}

const NOT_FOLLOWED = Symbol('not followed');

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const AMPERSAND = 0x26;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** A line of the text: where it starts, how far its content is indented, where it ends. */
interface Line {
  start: number;
  /** Offset of the first character that is not a space. */
  content: number;
  indent: number;
  /** Offset just past the line break (or the end of the range). */
  next: number;
}

/** A key as keyAt reads it. Compared by hash, then by text: no string is made for a key cut. */
interface KeyRead {
  hash: number;
  start: number;
  end: number;
  /** Nothing but a comment after the colon: a block follows, or the value is null. */
  valueEmpty: boolean;
}

/** The keys a Keep names, with their hashes, by Keep. */
const namedKeys = new WeakMap<object, Array<{ name: string; hash: number; keep: Keep }>>();

function keysOf(keep: {
  keys: Readonly<Record<string, Keep>>;
}): Array<{ name: string; hash: number; keep: Keep }> {
  let named = namedKeys.get(keep);
  if (named === undefined) {
    named = Object.entries(keep.keys).map(([name, value]) => ({ name, hash: hashOf(name), keep: value }));
    namedKeys.set(keep, named);
  }
  return named;
}

/** The hash keyAt computes as it reads a key, so a key read matches a name without a string made. */
function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

class TextPruner {
  readonly #ranges: number[] = [];

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The kept ranges of the document whose content (after any `---` line) starts at `contentStart`. */
  document(contentStart: number, keep: Exclude<Keep, 'all'>): number[] {
    const line = this.contentLine(contentStart);
    if (line === null || !('keys' in keep)) return [this.start, this.end];
    this.keep(this.start, line.start);
    const after = this.mapping(line, keep);
    if (after !== null) throw NOT_FOLLOWED; // content less indented than the root: not ours to judge
    return this.#ranges;
  }

  /**
   * The entries of a block mapping whose keys sit at `first.indent`, from the line `first` on;
   * returns the first content line after the mapping, or null at the end of the text. With
   * `done`, the caller has already kept the first entry (the one on a sequence item's line).
   */
  private mapping(
    first: Line,
    keep: { keys: Readonly<Record<string, Keep>> },
    done?: { key: KeyRead; after: Line | null },
  ): Line | null {
    const indent = first.indent;
    const named = keysOf(keep);
    // Hashes of the keys seen; two alike (a duplicate, or rarely a collision) leave it to the parser.
    const seen: number[] = [];
    let line: Line | null = first;
    if (done !== undefined) {
      seen.push(done.key.hash);
      line = done.after;
    }
    while (line !== null && line.indent === indent) {
      const key = this.keyAt(line, line.content);
      const { valueEmpty } = key;
      if (seen.includes(key.hash)) throw NOT_FOLLOWED;
      const isFirst = seen.length === 0;
      seen.push(key.hash);
      let wanted: Keep | undefined;
      for (const entry of named) {
        if (entry.hash !== key.hash || entry.name.length !== key.end - key.start) continue;
        if (this.text.startsWith(entry.name, key.start)) wanted = entry.keep;
      }
      let after: Line | null;
      if (wanted !== undefined && wanted !== 'all' && valueEmpty) {
        this.keep(line.start, line.next);
        after = this.nested(line, wanted);
      } else {
        after = this.afterEntry(line, valueEmpty);
        // Cut unless read; the first entry stays, so the mapping is not left empty.
        if (wanted !== undefined || isFirst) this.keep(line.start, after?.start ?? this.end);
      }
      line = after;
    }
    if (line !== null && line.indent > indent) throw NOT_FOLLOWED;
    return line;
  }

  /**
   * The block collection under the key on `keyLine`, whose value starts on the next lines; returns
   * the first content line after it.
   */
  private nested(keyLine: Line, keep: Exclude<Keep, 'all'>): Line | null {
    const indent = keyLine.indent;
    const child = this.contentLine(keyLine.next);
    if (child === null) return null;
    const isItem = this.isSequenceItem(child);
    if (child.indent < indent || (child.indent === indent && !isItem)) return child; // null
    let after: Line | null;
    if ('items' in keep && isItem) {
      this.keep(keyLine.next, child.start);
      after = this.sequence(child, keep.items);
    } else if ('keys' in keep && !isItem && child.indent > indent) {
      this.keep(keyLine.next, child.start);
      after = this.mapping(child, keep);
    } else {
      // Another shape than expected: kept whole, for the schema check to say what is wrong.
      after = this.afterEntry(keyLine, true);
      this.keep(keyLine.next, after?.start ?? this.end);
      return after;
    }
    // What follows must be the next entry of the key's mapping (or less indented).
    if (
      after !== null &&
      (after.indent > indent || (after.indent === indent && this.isSequenceItem(after)))
    ) {
      throw NOT_FOLLOWED;
    }
    return after;
  }

  /** The items of a block sequence whose dashes sit at `first.indent`; returns the line after it. */
  private sequence(first: Line, keep: Keep): Line | null {
    const indent = first.indent;
    let line: Line | null = first;
    while (line !== null && line.indent === indent && this.isSequenceItem(line)) {
      const content = this.skipSpaces(line.content + 1);
      if (keep === 'all' || !('keys' in keep) || !this.isKeyStart(content)) {
        const after = this.nextAtOrBelow(line.next, indent);
        this.keep(line.start, after?.start ?? this.end);
        line = after;
        continue;
      }
      // `- key: value`: a mapping whose keys sit at the column of this first key.
      const itemLine: Line = { start: line.start, content, indent: content - line.start, next: line.next };
      const key = this.keyAt(itemLine, content);
      const firstAfter = this.afterEntry(itemLine, key.valueEmpty);
      this.keep(line.start, firstAfter?.start ?? this.end);
      line = this.mapping(itemLine, keep, { key, after: firstAfter });
      if (line !== null && line.indent > indent) throw NOT_FOLLOWED;
    }
    return line;
  }

  /**
   * The first content line after the mapping entry on `line`: its value runs over every more
   * indented line and, when empty on the key's line, over a sequence written at the key's own
   * indent (`ports:` then `- name: http`).
   */
  private afterEntry(line: Line, valueEmpty: boolean): Line | null {
    let next = this.nextAtOrBelow(line.next, line.indent);
    if (!valueEmpty) return next;
    while (next !== null && next.indent === line.indent && this.isSequenceItem(next)) {
      next = this.nextAtOrBelow(next.next, line.indent);
    }
    return next;
  }

  /** The next content line from `offset` (a line start) indented `indent` or less; null at the end. */
  private nextAtOrBelow(offset: number, indent: number): Line | null {
    const { text, end } = this;
    let start = offset;
    while (start < end) {
      // More than `indent` spaces: a deeper line (or a blank one), passed without reading on.
      const deeper = Math.min(end, start + indent + 1);
      let content = start;
      while (content < deeper && text.charCodeAt(content) === SPACE) content++;
      if (content < deeper) {
        const code = text.charCodeAt(content);
        if (code === TAB) throw NOT_FOLLOWED; // tabs may not indent YAML; let the parser say so
        const isContent = code !== LINE_FEED && code !== CARRIAGE_RETURN && code !== HASH;
        if (isContent) return this.lineAt(start, content);
      }
      const lineEnd = text.indexOf('\n', content);
      start = lineEnd === -1 || lineEnd >= end ? end : lineEnd + 1;
    }
    return null;
  }

  /** The next line that is neither blank nor only a comment, from `offset` (a line start); null at the end. */
  private contentLine(offset: number): Line | null {
    return this.nextAtOrBelow(offset, Number.MAX_SAFE_INTEGER);
  }

  private lineAt(start: number, content: number): Line {
    const lineEnd = this.text.indexOf('\n', content);
    const next = lineEnd === -1 || lineEnd >= this.end ? this.end : lineEnd + 1;
    return { start, content, indent: content - start, next };
  }

  /** A plain key at `offset` and whether its value is empty on this line (a block follows, or null). */
  private keyAt(line: Line, offset: number): KeyRead {
    if (!this.isKeyStart(offset)) throw NOT_FOLLOWED;
    let colon = offset;
    let hash = 0;
    for (; colon < line.next; colon++) {
      const code = this.text.charCodeAt(colon);
      if (code === COLON) {
        const after = this.text.charCodeAt(colon + 1);
        if (colon + 1 >= this.end || after === SPACE || after === TAB || this.isBreak(after)) break;
      } else if (this.isBreak(code) || (code === HASH && this.text.charCodeAt(colon - 1) === SPACE)) {
        throw NOT_FOLLOWED; // not a `key:` line
      }
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    if (colon >= line.next || this.text.charCodeAt(colon - 1) === SPACE) throw NOT_FOLLOWED;
    const value = this.skipSpaces(colon + 1);
    this.checkOneLine(value, line.next);
    return { hash, start: offset, end: colon, valueEmpty: this.isLineEnd(value) };
  }

  /**
   * Quoted and flow values may go on over the next lines, at an indent that says nothing of the
   * structure; an anchor may hide one. Only those closed on their own line are followed.
   */
  private checkOneLine(value: number, lineEnd: number): void {
    const opener = this.text.charCodeAt(value);
    if (opener === AMPERSAND) throw NOT_FOLLOWED;
    let depth = 0;
    let at = value;
    do {
      const code = this.text.charCodeAt(at);
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) at = this.closingQuote(at, lineEnd);
      else if (code === OPEN_BRACKET || code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) depth--;
      at++;
      // A plain scalar (no opener) is one line by the indent rules; a flow or quote must close here.
    } while (depth > 0 && at < lineEnd);
    if (depth > 0) throw NOT_FOLLOWED;
  }

  /** The offset of the quote closing the one at `open`, on this line. */
  private closingQuote(open: number, lineEnd: number): number {
    const quote = this.text.charCodeAt(open);
    for (let at = open + 1; at < lineEnd; at++) {
      const code = this.text.charCodeAt(at);
      if (quote === DOUBLE_QUOTE && code === BACKSLASH) at++;
      else if (code === quote) {
        if (quote === SINGLE_QUOTE && this.text.charCodeAt(at + 1) === SINGLE_QUOTE)
          at++; // '' is a quote
        else return at;
      }
    }
    throw NOT_FOLLOWED;
  }

  /** Plain keys only: quoted, flow, complex (`?`), anchored and merge keys are left to the parser. */
  private isKeyStart(offset: number): boolean {
    const code = this.text.charCodeAt(offset);
    return (
      (code >= 0x61 && code <= 0x7a) || // a-z
      (code >= 0x41 && code <= 0x5a) || // A-Z
      (code >= 0x30 && code <= 0x39) || // 0-9
      code === 0x5f // _
    );
  }

  private isSequenceItem(line: Line): boolean {
    if (this.text.charCodeAt(line.content) !== DASH) return false;
    const after = this.text.charCodeAt(line.content + 1);
    return line.content + 1 >= this.end || after === SPACE || this.isBreak(after);
  }

  /** Whether only spaces and maybe a comment remain on the line from `offset`. */
  private isLineEnd(offset: number): boolean {
    return (
      offset >= this.end ||
      this.isBreak(this.text.charCodeAt(offset)) ||
      this.text.charCodeAt(offset) === HASH
    );
  }

  private skipSpaces(offset: number): number {
    let at = offset;
    while (at < this.end && (this.text.charCodeAt(at) === SPACE || this.text.charCodeAt(at) === TAB)) at++;
    return at;
  }

  private isBreak(code: number): boolean {
    return code === LINE_FEED || code === CARRIAGE_RETURN;
  }

  /** Adds `[from, to)` to the kept ranges, joined to the previous one when they touch. */
  private keep(from: number, to: number): void {
    if (to <= from) return;
    const ranges = this.#ranges;
    if (ranges.length > 0 && ranges[ranges.length - 1] === from) ranges[ranges.length - 1] = to;
    else ranges.push(from, to);
  }
}

/** A document built from its kept text, and where its content starts. */
export interface PlainDocument {
  value: unknown;
  /** Offset of the document's first content (its root's first key). */
  contentOffset: number;
}

/**
 * The value of kept ranges that hold only block mappings and sequences whose keys and scalars are
 * plain words of `[A-Za-z0-9._/-]` (what is left of a typical pod template once cut), built by
 * reading its lines, with the parser's own rules for what a plain scalar means (`resolve`: `80` is
 * a number, `true` a boolean). Undefined for anything else (quotes, flow, block scalars, anchors,
 * tags, duplicate keys, an indent it does not expect...), which the parser then reads: tokenising
 * what is left of pod templates was a third of the parser's time in `pnpm bench`.
 */
export function buildPlain(
  text: string,
  ranges: readonly number[],
  resolve: (plain: string) => unknown,
): PlainDocument | undefined {
  const lines: PlainLine[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    if (!readPlainLines(text, ranges[i] as number, ranges[i + 1] as number, lines)) return undefined;
  }
  const first = lines[0];
  if (first === undefined || first.dash) return undefined;
  const reader = new PlainReader(text, lines, resolve);
  try {
    const value = reader.mapping(first.indent, 0);
    // Every line must have found its place; one left over is an indent this reader does not expect.
    return reader.next === lines.length ? { value, contentOffset: first.key } : undefined;
  } catch (error) {
    if (error === NOT_FOLLOWED) return undefined;
    throw error;
  }
}

/** A content line of the subset: `key: value`, `key:`, `- key: value`, `- key:` or `- value`. */
interface PlainLine {
  /** Whether the line opens a sequence item, and the column of its dash. */
  dash: boolean;
  dashIndent: number;
  /** Column of the key (after any `- `), or of the value of a `- value` item. */
  indent: number;
  /** The key, `[key, keyEnd)`, empty for a `- value` item; the value, empty when none follows. */
  key: number;
  keyEnd: number;
  value: number;
  valueEnd: number;
}

/** Reads the lines of `[start, end)` into `lines`; false when one is outside the subset. */
function readPlainLines(text: string, start: number, end: number, lines: PlainLine[]): boolean {
  for (let at = start; at < end; ) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    let contentEnd = lineEnd;
    if (contentEnd > at && text.charCodeAt(contentEnd - 1) === CARRIAGE_RETURN) contentEnd--;
    let column = at;
    while (column < contentEnd && text.charCodeAt(column) === SPACE) column++;
    // Blank lines, comments and the `---` line opening the section say nothing of the value.
    const blank = column === contentEnd || text.charCodeAt(column) === HASH;
    if (!blank && !(lines.length === 0 && isMarkerLine(text, at, contentEnd))) {
      const line = plainLine(text, at, column, contentEnd);
      if (line === null) return false;
      lines.push(line);
    }
    at = lineEnd + 1;
  }
  return true;
}

function isMarkerLine(text: string, lineStart: number, end: number): boolean {
  return text.startsWith('---', lineStart) && isLineRest(text, lineStart + 3, end, true);
}

function plainLine(text: string, lineStart: number, column: number, end: number): PlainLine | null {
  const dash = text.charCodeAt(column) === DASH && text.charCodeAt(column + 1) === SPACE;
  let key = column;
  if (dash) {
    key += 2;
    while (key < end && text.charCodeAt(key) === SPACE) key++;
  }
  const keyEnd = plainWordEnd(text, key, end);
  if (keyEnd === key) return null;
  const line: PlainLine = {
    dash,
    dashIndent: column - lineStart,
    indent: key - lineStart,
    key,
    keyEnd,
    value: keyEnd,
    valueEnd: keyEnd,
  };
  if (keyEnd === end || text.charCodeAt(keyEnd) !== COLON) {
    // `- value`: a scalar item, with nothing but a comment after it.
    if (!dash || !isLineRest(text, keyEnd, end, false)) return null;
    line.keyEnd = key;
    line.value = key;
    return line;
  }
  let value = keyEnd + 1;
  if (value < end && text.charCodeAt(value) !== SPACE) return null; // `key:value` is one word
  while (value < end && text.charCodeAt(value) === SPACE) value++;
  line.value = value;
  line.valueEnd = value;
  if (value === end || text.charCodeAt(value) === HASH) return line;
  const valueEnd = plainWordEnd(text, value, end);
  if (valueEnd === value || !isLineRest(text, valueEnd, end, false)) return null;
  line.valueEnd = valueEnd;
  return line;
}

/**
 * The end of the plain word at `start` (`start` when there is none). A word may not open with what
 * YAML reads as an indicator there: a lone `-`, or `-` or `.` before nothing plain.
 */
function plainWordEnd(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isPlainChar(text.charCodeAt(at))) at++;
  if (at === start + 1 && (text.charCodeAt(start) === DASH || text.charCodeAt(start) === DOT)) return start;
  return at;
}

/** `[A-Za-z0-9._/-]` */
function isPlainChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x2d && code <= 0x39) || // - . / 0-9
    code === 0x5f // _
  );
}

/** Whether only spaces, then maybe a comment after a space, follow `offset` on the line. */
function isLineRest(text: string, offset: number, end: number, commentNow: boolean): boolean {
  let at = offset;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at === end || (text.charCodeAt(at) === HASH && (commentNow || at > offset));
}

/** Builds values from the lines of the subset; throws NOT_FOLLOWED where they leave it. */
class PlainReader {
  /** The next line to read. */
  next = 0;

  constructor(
    private readonly text: string,
    private readonly lines: readonly PlainLine[],
    private readonly resolve: (plain: string) => unknown,
  ) {}

  /** A block mapping whose keys sit at column `indent`; its first line may open a sequence item. */
  mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw NOT_FOLLOWED;
    const mapping: Record<string, unknown> = {};
    let first = true;
    for (let line = this.lines[this.next]; line !== undefined; line = this.lines[this.next]) {
      // Only its first line may open a sequence item (`- name: web`); a later dash is the next item.
      if (line.indent !== indent || (line.dash && !first) || line.key === line.keyEnd) break;
      first = false;
      // As the parser does: a key is its scalar's value as a string (`0x1F:` is the key "31").
      const key = String(this.resolve(this.text.slice(line.key, line.keyEnd)));
      if (key === '__proto__' || Object.hasOwn(mapping, key)) throw NOT_FOLLOWED;
      this.next++;
      mapping[key] = line.value < line.valueEnd ? this.scalar(line) : this.block(indent, depth);
    }
    return mapping;
  }

  /** The value of a key with nothing after its colon: a deeper mapping, a sequence, or null. */
  private block(keyIndent: number, depth: number): unknown {
    const line = this.lines[this.next];
    if (line === undefined) return null;
    if (line.dash) return line.dashIndent >= keyIndent ? this.sequence(line.dashIndent, depth + 1) : null;
    return line.indent > keyIndent ? this.mapping(line.indent, depth + 1) : null;
  }

  /** A block sequence whose dashes sit at column `dashIndent`. */
  private sequence(dashIndent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw NOT_FOLLOWED;
    const items: unknown[] = [];
    for (let line = this.lines[this.next]; line !== undefined; line = this.lines[this.next]) {
      if (!line.dash || line.dashIndent !== dashIndent) break;
      if (line.key === line.keyEnd) {
        this.next++;
        items.push(this.scalar(line));
      } else {
        items.push(this.mapping(line.indent, depth + 1));
      }
    }
    return items;
  }

  private scalar(line: PlainLine): unknown {
    return this.resolve(this.text.slice(line.value, line.valueEnd));
  }
}

/** As the parser's nesting bound (parse-yaml.ts). */
const MAX_DEPTH = 100;
