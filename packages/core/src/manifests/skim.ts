/**
 * Identifies YAML documents from their top-level lines, without parsing them. Most documents of a
 * repository are kinds no rule reads (ConfigMaps, RBAC, autoscalers); knowing their kind and name is
 * enough, and skipping their parse is the largest saving `pnpm bench` measured. Anything this
 * reader is unsure of is left to the YAML parser: it answers `parse`, never a guess.
 */
import type { DocumentIdentity } from './parse-yaml.js';

/** A document section: from a `---` line (or the start of the text) to the next one. */
export interface Section {
  /** Offset of the section's first character (the `---` line, when explicit). */
  start: number;
  end: number;
  /** Offset where the content starts: after the `---` line, or `start`. */
  contentStart: number;
  /** Opened by a `---` line: always one document, null when empty. */
  explicit: boolean;
}

/**
 * The text cut at its `---` lines; null when it uses what this reader does not follow (directives,
 * `...` end markers, content on a `---` line), so the caller parses it whole.
 */
export function splitSections(text: string): Section[] | null {
  const sections: Section[] = [];
  let start = 0;
  let contentStart = 0;
  let explicit = false;
  for (const at of markerLines(text)) {
    const marker = text.charCodeAt(at) === PERCENT ? '%' : text.slice(at, at + 3);
    const lineEnd = endOfLine(text, at);
    const rest = text.slice(at + marker.length, lineEnd);
    if (marker === '%') return null;
    // `---word` is a plain scalar, not a marker; a marker is followed by a blank or the line end.
    if (rest !== '' && !/^[ \t\r]/.test(rest)) continue;
    if (marker === '...' || !/^[ \t]*(?:#.*)?\r?$/.test(rest)) return null;
    sections.push({ start, end: at, contentStart, explicit });
    start = at;
    contentStart = Math.min(lineEnd + 1, text.length);
    explicit = true;
  }
  sections.push({ start, end: text.length, contentStart, explicit });
  return sections;
}

/**
 * Offsets of the lines starting with `---`, `...` or `%`, in order: where `/^(?:---|\.\.\.|%)/gm`
 * would match (after any line terminator), found by string searches, which `pnpm bench` measured faster.
 */
function markerLines(text: string): number[] {
  const found: number[] = [];
  let kinds = 0;
  for (const marker of MARKERS) {
    const before = found.length;
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
      if (at === 0 || isLineTerminator(text.charCodeAt(at - 1))) found.push(at);
    }
    if (found.length > before) kinds++;
  }
  return kinds > 1 ? found.sort((a, b) => a - b) : found;
}

const MARKERS = ['---', '...', '%'];

function isLineTerminator(code: number): boolean {
  return code === LF || code === CR || code === 0x2028 || code === 0x2029;
}

/** The offset of the first content line (not blank, not a comment) of a section, or -1. */
export function firstContentOffset(text: string, section: Section): number {
  let offset = section.contentStart;
  while (offset < section.end) {
    const lineEnd = Math.min(endOfLine(text, offset), section.end);
    let first = offset;
    while (first < lineEnd && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
    // Blank, a comment, or a lone `\r` (of a `\r\n` line end): not content.
    const code = text.charCodeAt(first);
    const blank = first === lineEnd || code === HASH || (code === CR && first === lineEnd - 1);
    if (!blank) return offset;
    offset = lineEnd + 1;
  }
  return -1;
}

/**
 * A block-mapping document's apiVersion, kind and metadata names, read from its lines; `parse` when
 * the document is written in a way this reader does not follow (flow style, quotes with escapes,
 * anchors, tags, complex keys, tabs, a root that is not a mapping, no kind).
 */
export function skimIdentity(text: string, section: Section): DocumentIdentity | 'parse' {
  const identity: DocumentIdentity = { metadata: {} };
  const seen = new Set<string>();
  let inMetadata = false;
  let childIndent = -1;
  let keysSeen = false;
  let offset = section.contentStart;
  while (offset < section.end) {
    const lineStart = offset;
    const lineEnd = Math.min(endOfLine(text, lineStart), section.end);
    offset = lineEnd + 1;
    const first = text.charCodeAt(lineStart);
    // Most lines are indented values of keys this reader does not need: pass them unread.
    if (first === SPACE && keysSeen && !inMetadata) continue;
    // The line without its `\r`; the patterns below are matched in place, sticky, to spare a copy.
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (matchesWhole(BLANK_OR_COMMENT, text, lineStart, contentEnd)) continue;
    if (first === TAB) return 'parse';
    if (first === SPACE) {
      if (!keysSeen) return 'parse';
      const line = text.slice(lineStart, contentEnd);
      const indent = line.length - line.trimStart().length;
      if (childIndent === -1) childIndent = indent;
      if (indent < childIndent) return 'parse';
      if (indent > childIndent) continue;
      const entry = /^ +([A-Za-z][\w.-]*):(?:[ \t]+(.*))?$/.exec(line);
      if (entry === null) return 'parse';
      const field = entry[1] as string;
      const value = simpleScalar(entry[2] ?? '');
      if (field === 'name' || field === 'namespace' || field === 'generateName') {
        if (value === undefined) return 'parse';
        identity.metadata[field] = value;
      } else if (value === undefined && /^[[{"'&*!]/.test(stripComment(entry[2] ?? ''))) {
        // A quoted or flow value may run over the next lines and look like keys there.
        return 'parse';
      }
      continue;
    }
    // A sequence written at column 0 belongs to the key above it (`rules:` then `- apiGroups:`).
    if (first === DASH && (contentEnd === lineStart + 1 || text.charCodeAt(lineStart + 1) === SPACE)) {
      if (!keysSeen || inMetadata) return 'parse';
      continue;
    }
    TOP_LEVEL_ENTRY.lastIndex = lineStart;
    const entry = TOP_LEVEL_ENTRY.exec(text);
    if (entry === null || TOP_LEVEL_ENTRY.lastIndex !== contentEnd) return 'parse';
    keysSeen = true;
    inMetadata = false;
    const key = entry[1] as string;
    const inline = entry[2] === undefined || entry[2] === '' ? '' : stripComment(entry[2]);
    if (seen.has(key)) return 'parse';
    seen.add(key);
    if (key === 'kind' || key === 'apiVersion') {
      const value = simpleScalar(inline);
      if (value === undefined || value === '') return 'parse';
      identity[key] = value;
    } else if (key === 'metadata') {
      if (inline !== '') return 'parse';
      inMetadata = true;
      childIndent = -1;
    } else if (/^[[{"'&*!]/.test(inline)) {
      // Flow collections, quoted scalars, anchors, aliases and tags may hide what this reader needs.
      return 'parse';
    }
  }
  return identity.kind === undefined ? 'parse' : identity;
}

/** Whether `pattern` (sticky) matches the text from `start` to exactly `end`. */
function matchesWhole(pattern: RegExp, text: string, start: number, end: number): boolean {
  pattern.lastIndex = start;
  return pattern.test(text) && pattern.lastIndex === end;
}

// `.` in the patterns of whole lines stops at line terminators (`\r`, U+2028, U+2029) as these do.
const BLANK_OR_COMMENT = /[ \t]*(?:#[^\n\r\u2028\u2029]*)?/y;
const TOP_LEVEL_ENTRY = /([A-Za-z][\w.-]*):(?:[ \t]+([^\n\r\u2028\u2029]*))?/y;
const TAB = 9;
const LF = 10;
const CR = 13;
const PERCENT = 37;
const HASH = 35;
const DASH = 45;
const SPACE = 32;

/**
 * The kind and apiVersion a section's top-level lines name, found by a search rather than a walk;
 * enough to know that a document will be parsed anyway, so skimming it would be wasted.
 */
export function peekKind(text: string, section: Section): DocumentIdentity {
  const peeked: DocumentIdentity = { metadata: UNNAMED };
  // Searched in the section alone: a search of the whole text from here would run on to its end for
  // every section without both lines, quadratic in a file of many small documents.
  const lines = text.slice(section.contentStart, section.end);
  HEADER.lastIndex = 0;
  for (let match = HEADER.exec(lines); match !== null; match = HEADER.exec(lines)) {
    const key = match[1] as 'apiVersion' | 'kind';
    peeked[key] ??= match[2];
    if (peeked.apiVersion !== undefined && peeked.kind !== undefined) break;
  }
  return peeked;
}

const HEADER = /^(apiVersion|kind):[ \t]*([^\s#]+)/gm;

/** The metadata of an identity found by peekKind, which reads no names. */
const UNNAMED: DocumentIdentity['metadata'] = Object.freeze({});

/** The value of a one-line plain or simply quoted scalar, or undefined when it is anything else. */
function simpleScalar(raw: string): string | undefined {
  const value = stripComment(raw);
  if (value === '') return '';
  const quoted = /^"([^"\\]*)"$|^'([^']*)'$/.exec(value);
  if (quoted !== null) return quoted[1] ?? quoted[2];
  // Plain: no indicator first, nothing that YAML would read as a structure or a reference.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |[{}[\],]/.test(value)) return undefined;
  return value;
}

function stripComment(value: string): string {
  return value.replace(/(?:^|[ \t])#.*$/, '').trim();
}

function endOfLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}
