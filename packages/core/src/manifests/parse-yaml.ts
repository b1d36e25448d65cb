/**
 * YAML text to documents, with source positions and bounded work. Built on js-yaml's event API so
 * the text is tokenised once: the same events give both the values and their lines.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { Event } from 'js-yaml';
import { LineIndex, lastAtOrBefore, type Position, type PositionTree } from './positions.js';
import { buildPlain, type Keep, pruneText } from './prune.js';
import { firstContentOffset, peekKind, type Section, skimIdentity, splitSections } from './skim.js';

/** Deepest collection nesting we parse; real manifests (CRD schemas included) stay far below. */
export const MAX_NESTING_DEPTH = 100;
/** Most nodes one document may expand to once aliases are followed (an "alias bomb" guard). */
export const MAX_EXPANDED_NODES = 200_000;

// js-yaml's ESM build parses about 3x slower than its CommonJS build on Node 20 (same version, same
// text; `pnpm bench` prints both), so the core loads the CommonJS build.
const { CORE_SCHEMA, constructFromEvents, EVENT_ID, getScalarValue, mergeTag, parseEvents, YAMLException } =
  createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);
/** What a plain scalar means, by the same rules js-yaml applies to the ones it parses. */
const resolvePlain = (plain: string): unknown => SCHEMA.resolveImplicitScalarTag(plain).value;
const { ALIAS, DOCUMENT, MAPPING, POP, SEQUENCE } = EVENT_ID;

/** One YAML document of a stream. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Where the document's nodes are (see DocumentLocation). */
  location: DocumentLocation;
  /** Keys written twice in one mapping; the last one wins, as with `kubectl apply`. */
  duplicateKeys: Array<{ key: string; line: number }>;
}

/**
 * Positions of a document's nodes; null for an empty document. Found on first use, by parsing its
 * text again: most objects never need more than their first line, and keeping a position tree for
 * every node of every file would double the work and the memory. An object rather than a closure:
 * one is kept for every object of the set, and closures with their contexts weighed three times as
 * much in the garbage collector's work.
 */
export interface DocumentLocation {
  /** The same answer on every call; found once. */
  locate(): Position | null;
}

/** A problem that stopped a part of the text from being read. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  /** True when the text uses YAML tags Kubernetes never writes (CloudFormation's `!Ref`, say). */
  foreignTags?: boolean;
}

/** What is known of a document from its events alone, before it is built. */
export interface DocumentIdentity {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; generateName?: string };
}

export interface ParseOptions {
  /**
   * Whether to build a document, knowing its identity; a document refused comes back as its identity
   * alone. Building only what some rule reads keeps memory and garbage collection down on large
   * repositories full of ConfigMaps, RBAC and CRDs (measured with `pnpm bench`). Default: build all.
   */
  buildDocument?: (identity: DocumentIdentity) => boolean;
  /**
   * With `buildDocument`, identify documents from their top-level lines first and do not parse the
   * refused ones at all (skim.ts). Default true; tests turn it off to compare. A syntax error inside
   * a refused document then goes unnoticed: no rule reads those kinds. For the same reason, and with
   * or without skimming, a refused document reports no duplicate keys.
   */
  skim?: boolean;
  /**
   * With skimming, what of a wanted document's text to parse, knowing its kind from its top-level
   * lines (prune.ts): the parts left out are not tokenised at all. Their syntax errors and
   * duplicate keys then go unnoticed, as in a refused document. Default: all of it.
   */
  keepInText?: (identity: { apiVersion?: string; kind?: string }) => Keep;
}

export interface ParseResult {
  documents: ParsedDocument[];
  /** The first problem, when part of the text could not be read. Documents before and after it are kept. */
  problem?: ParseProblem;
}

/**
 * Parses a multi-document YAML (or JSON) text. Never throws: a broken document is reported as a
 * problem, and the documents around it are still returned, so one bad `---` section does not hide
 * the rest of the file.
 */
export function parseYamlStream(text: string, options: ParseOptions = {}): ParseResult {
  const [result] = parseYamlStreams([text], options);
  return result as ParseResult;
}

/**
 * Parses several texts, each as `parseYamlStream` would. With `buildDocument`, the documents they
 * need are built in one js-yaml call for them all: each call has a fixed cost that `pnpm bench`
 * measured at a tenth of the analysis of a repository of small files.
 */
export function parseYamlStreams(texts: readonly string[], options: ParseOptions = {}): ParseResult[] {
  const wanted = options.buildDocument;
  if (wanted === undefined || options.skim === false) return texts.map((text) => parseWhole(text, options));
  const results: ParseResult[] = [];
  const batch: Array<{ index: number; skimmed: SkimmedText }> = [];
  texts.forEach((text, index) => {
    const sections = splitSections(text);
    if (sections === null) {
      results[index] = parseWhole(text, options);
      return;
    }
    const skimmed = skimSections(text, sections, wanted, options.keepInText);
    if (skimmed.kept.length === 0) results[index] = { documents: skimmed.slots as ParsedDocument[] };
    else if (texts.length > 1 && !canJoin(text)) results[index] = parseAlone(skimmed, options);
    else batch.push({ index, skimmed });
  });
  const skimmedTexts = batch.map((entry) => entry.skimmed);
  const parsed = batch.length === 0 ? [] : parseKept(skimmedTexts, options);
  batch.forEach(({ index, skimmed }, position) => {
    // A batch that does not parse: each text again alone, to find the broken one.
    results[index] = parsed === null ? parseAlone(skimmed, options) : (parsed[position] as ParseResult);
  });
  return results;
}

/** One skimmed text parsed on its own; whole, with error recovery, if its sections do not parse. */
function parseAlone(skimmed: SkimmedText, options: ParseOptions): ParseResult {
  return parseKept([skimmed], options)?.[0] ?? parseWhole(skimmed.text, options);
}

/**
 * Whether a text can be joined to others for one parse: it must end its last line (or the next
 * text's `---` would join it) and carry no byte order mark (valid only at the start of a stream).
 */
function canJoin(text: string): boolean {
  return text.endsWith('\n') && text.charCodeAt(0) !== 0xfeff;
}

/** The whole text parsed at once, and on failure section by section. */
function parseWhole(text: string, options: ParseOptions): ParseResult {
  try {
    return { documents: parseChunk(text, options) };
  } catch (error) {
    const problem = toProblem(error, new LineIndex(text));
    const documents = parseDocumentByDocument(text, options);
    return { documents, problem };
  }
}

/** A text whose refused documents are identified and whose wanted sections wait to be parsed. */
interface SkimmedText {
  text: string;
  lines: LineIndex;
  /** The documents in order: refused ones done, wanted ones still their section. */
  slots: Array<ParsedDocument | Section>;
  kept: KeptSection[];
  /** Whether a kept section's kind is unknown until parsed: it may be one to refuse after all. */
  keptUnknown: boolean;
}

/** A wanted section, with what of its text to parse. */
interface KeptSection {
  section: Section;
  keep: Keep;
}

/** Identifies the refused documents of a text from their lines (skim.ts), without parsing them. */
function skimSections(
  text: string,
  sections: readonly Section[],
  wanted: (identity: DocumentIdentity) => boolean,
  keepInText: ParseOptions['keepInText'],
): SkimmedText {
  const lines = new LineIndex(text);
  const slots: SkimmedText['slots'] = [];
  const kept: KeptSection[] = [];
  let keptUnknown = false;
  for (const section of sections) {
    const contentOffset = firstContentOffset(text, section);
    if (!section.explicit && contentOffset === -1) continue; // comments before the first `---`
    const peeked = contentOffset === -1 ? undefined : peekKind(text, section);
    const known = peeked === undefined || wanted(peeked);
    const identity = known ? 'parse' : skimIdentity(text, section);
    if (identity === 'parse' || wanted(identity)) {
      keptUnknown ||= !known;
      // Only a kind its lines name for sure decides what to leave out.
      const keep = known && peeked !== undefined && keepInText !== undefined ? keepInText(peeked) : 'all';
      kept.push({ section, keep });
      slots.push(section);
      continue;
    }
    slots.push({
      index: slots.length,
      value: identity,
      line: lines.line(contentOffset),
      location: new SectionLocation(text, section, lines.line(section.start)),
      duplicateKeys: [],
    });
  }
  return { text, lines, slots, kept, keptUnknown };
}

/**
 * Parses the kept sections of the texts, joined into one text, and completes each text's documents.
 * Null when the joined text does not parse or does not give one document per section: the caller
 * then parses each text whole, with its error recovery.
 */
function parseKept(skimmed: readonly SkimmedText[], options: ParseOptions): ParseResult[] | null {
  const pieces: JoinedPiece[] = [];
  const parts: string[] = [];
  let length = 0;
  // One document per kept section: built here when its cut text is plain enough, else by js-yaml.
  const documents: Array<ParsedDocument | undefined> = [];
  const joinedLocations: SectionLocation[] = [];
  for (const { text, lines, kept } of skimmed) {
    for (const { section, keep } of kept) {
      const location = new SectionLocation(text, section, lines.line(section.start));
      const cut = keep === 'all' ? null : pruneText(text, section, keep);
      const plain = cut === null ? undefined : buildPlain(text, cut, resolvePlain);
      if (plain !== undefined) {
        const line = lines.line(plain.contentOffset);
        documents.push({ index: 0, value: plain.value, line, location, duplicateKeys: [] });
        continue;
      }
      documents.push(undefined);
      joinedLocations.push(location);
      // Sections are cut at `---` lines, so each still starts its own document once joined; the
      // first section of a text may not, so it gets a marker of its own.
      if (!section.explicit && length > 0) {
        parts.push('---\n');
        length += 4;
      }
      const ranges = cut ?? [section.start, section.end];
      for (let i = 0; i < ranges.length; i += 2) {
        const start = ranges[i] as number;
        const end = ranges[i + 1] as number;
        pieces.push({ joinedStart: length, text, start, lines, opensSection: i === 0 && section.explicit });
        parts.push(text.slice(start, end));
        length += end - start;
      }
    }
  }
  let parsed: ParsedDocument[] = [];
  if (joinedLocations.length > 0) {
    try {
      parsed = parseChunk(parts.join(''), options, {
        lines: new JoinedLines(pieces),
        locationOf: (index) => joinedLocations[index] as SectionLocation,
        allWanted: skimmed.every((text) => !text.keptUnknown),
      });
    } catch {
      return null;
    }
    if (parsed.length !== joinedLocations.length) return null;
  }
  let fromParser = 0;
  for (let i = 0; i < documents.length; i++) documents[i] ??= parsed[fromParser++];
  let next = 0;
  return skimmed.map(({ slots }) => ({
    documents: slots.map((slot, index) => {
      if (!('explicit' in slot)) return slot;
      const document = documents[next++] as ParsedDocument; // made for this call alone
      document.index = index;
      return document;
    }),
  }));
}

/** The positions of one section's document, found by parsing that section alone. */
class SectionLocation implements DocumentLocation {
  readonly #start: number;
  readonly #end: number;
  #position: Position | null | undefined;

  constructor(
    private readonly text: string,
    section: Section,
    private readonly firstLine: number,
  ) {
    this.#start = section.start;
    this.#end = section.end;
  }

  locate(): Position | null {
    if (this.#position === undefined) {
      const text = this.text.slice(this.#start, this.#end);
      this.#position = locateDocuments(text, new LineIndex(text, this.firstLine))[0] ?? null;
    }
    return this.#position;
  }
}

/** A part of some text from `start`, placed at `joinedStart` in the joined text. */
interface JoinedPiece {
  joinedStart: number;
  text: string;
  start: number;
  lines: LineIndex;
  /** The first part of a section opened by a `---` line. */
  opensSection: boolean;
}

/** Lines in their own text for offsets of the joined text. */
class JoinedLines implements LineLookup {
  readonly #starts: number[];

  constructor(private readonly pieces: readonly JoinedPiece[]) {
    this.#starts = pieces.map((piece) => piece.joinedStart);
  }

  line(offset: number): number {
    const low = lastAtOrBefore(this.#starts, offset);
    // The first offset of a `---` section is also the end of the one before it, where an empty
    // node closing that one sits: it belongs there, as in its own text.
    const found = this.pieces[low] as JoinedPiece;
    const piece =
      low > 0 && found.joinedStart === offset && found.opensSection
        ? (this.pieces[low - 1] as JoinedPiece)
        : found;
    return piece.lines.line(piece.start + offset - piece.joinedStart);
  }
}

/** Recovery path: parse each `---` section alone and keep what parses. */
function parseDocumentByDocument(text: string, options: ParseOptions): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const separator = /^---(?:[ \t].*)?$/gm;
  const starts = [0];
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (match.index > 0) starts.push(match.index);
  }
  const lines = new LineIndex(text);
  starts.forEach((start, chunkIndex) => {
    const end = starts[chunkIndex + 1] ?? text.length;
    try {
      const chunk = { firstLine: lines.line(start), firstIndex: chunkIndex };
      for (const document of parseChunk(text.slice(start, end), options, chunk)) {
        if (document.value !== null && document.value !== undefined) documents.push(document);
      }
    } catch {
      // This section is the broken one (or another broken one); the first problem is already reported.
    }
  });
  return documents.map((document, index) => ({ ...document, index }));
}

/** Maps an offset of the text being parsed to its 1-based line in the file. */
interface LineLookup {
  line(offset: number): number;
}

/** Where a chunk sits in its file, and what its caller already knows of it. */
interface Chunk {
  /** Line of the chunk's first character in its file; default 1. */
  firstLine?: number;
  /** Index in its file of the chunk's first document; default 0. */
  firstIndex?: number;
  /** Lines for offsets of the chunk, when they are not consecutive (joined sections). */
  lines?: LineLookup;
  /** Positions of each document, when not the chunk's own (joined sections). */
  locationOf?: (index: number) => DocumentLocation;
  /**
   * The top-level lines of every document name a wanted kind: build them all without identifying
   * them from their events first. One that is refused after all (two `kind:` lines, say) is then
   * built whole, which costs time, not correctness.
   */
  allWanted?: boolean;
}

function parseChunk(text: string, options: ParseOptions, chunk: Chunk = {}): ParsedDocument[] {
  const { firstLine = 1, firstIndex = 0, locationOf } = chunk;
  const lines = chunk.lines ?? new LineIndex(text, firstLine);
  const events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
  const { ranges, hasAliases } = documentRanges(events);
  // Aliases can make a small text expand into a huge tree: measure before constructing.
  if (hasAliases) walkDocuments(events, text, lines);
  let values: unknown[];
  let walked: WalkedDocument[] | undefined;
  try {
    values = chunk.allWanted
      ? constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: -1 })
      : constructWanted(events, ranges, text, options);
  } catch (error) {
    if (!(error instanceof YAMLException) || !/duplicated mapping key/.test(error.reason)) throw error;
    // Duplicate keys are accepted (last wins, as kubectl does) and reported by us with their line,
    // instead of failing the whole file as js-yaml's strict default would.
    values = constructFromEvents(events, { source: text, schema: SCHEMA, json: true, maxAliases: -1 });
    walked = walkDocuments(events, text, lines);
    // A refused document stays its identity, duplicates and all, as when it is skimmed.
    const wanted = options.buildDocument;
    if (wanted !== undefined) {
      ranges.forEach((range, index) => {
        const identity = identify(events, range, text);
        if (identity === null || wanted(identity)) return;
        values[index] = identity;
        const document = walked?.[index];
        if (document !== undefined) document.duplicateKeys = [];
      });
    }
  }
  const locator =
    walked !== undefined || locationOf === undefined
      ? new ChunkLocator(
          text,
          firstLine,
          walked?.map((document) => document.position),
        )
      : undefined;
  return values.map((value, index) => {
    const start = ranges[index]?.contentOffset ?? -1;
    return {
      index: firstIndex + index,
      value,
      line: start >= 0 ? lines.line(start) : 1,
      location: locator?.locationOf(index) ?? (locationOf as (index: number) => DocumentLocation)(index),
      duplicateKeys: walked?.[index]?.duplicateKeys ?? [],
    };
  });
}

/**
 * Finds the positions of a chunk's documents on first use, by parsing its text again, once for all
 * of them. Kept apart from parseChunk on purpose: anything made there would keep its events and
 * line index alive for every object.
 */
class ChunkLocator {
  #positions: Array<Position | null> | undefined;

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
    positions?: Array<Position | null>,
  ) {
    this.#positions = positions;
  }

  locationOf(index: number): DocumentLocation {
    return new ChunkDocumentLocation(this, index);
  }

  locate(index: number): Position | null {
    this.#positions ??= locateDocuments(this.text, new LineIndex(this.text, this.firstLine));
    return this.#positions[index] ?? null;
  }
}

class ChunkDocumentLocation implements DocumentLocation {
  constructor(
    private readonly locator: ChunkLocator,
    private readonly index: number,
  ) {}

  locate(): Position | null {
    return this.locator.locate(this.index);
  }
}

/** Positions of each document of a text; none for a text that does not parse (a skimmed one). */
function locateDocuments(text: string, lines: LineIndex): Array<Position | null> {
  try {
    return walkDocuments(parseEvents(text, { maxDepth: MAX_NESTING_DEPTH }), text, lines).map(
      (document) => document.position,
    );
  } catch {
    return [];
  }
}

/** Where each document's events are, `[start, end)`, and the offset its content starts at. */
interface DocumentRange {
  start: number;
  end: number;
  contentOffset: number;
}

/** The documents' ranges, and whether any event is an alias; one pass over the events. */
function documentRanges(events: Event[]): { ranges: DocumentRange[]; hasAliases: boolean } {
  const ranges: DocumentRange[] = [];
  let hasAliases = false;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < events.length; i++) {
    const type = (events[i] as Event).type;
    if (type === DOCUMENT || type === MAPPING || type === SEQUENCE) {
      if (type === DOCUMENT) start = i;
      depth++;
    } else if (type === POP) {
      if (--depth === 0) ranges.push({ start, end: i + 1, contentOffset: offsetOf(events[start + 1]) });
    } else if (type === ALIAS) {
      hasAliases = true;
    }
  }
  return { ranges, hasAliases };
}

function offsetOf(event: Event | undefined): number {
  if (event === undefined) return -1;
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type === EVENT_ID.SCALAR) return event.valueStart;
  return -1;
}

/**
 * Builds the documents `options.buildDocument` wants and returns the others as their identity. When
 * every document is wanted, the stream is built in one call.
 */
function constructWanted(
  events: Event[],
  ranges: DocumentRange[],
  text: string,
  options: ParseOptions,
): unknown[] {
  const wanted = options.buildDocument;
  const identities = wanted ? ranges.map((range) => identify(events, range, text)) : [];
  if (!wanted || identities.every((identity) => identity === null || wanted(identity))) {
    return constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: -1 });
  }
  // Build the wanted documents in one call, from their events alone.
  const kept: Event[] = [];
  ranges.forEach((range, index) => {
    const identity = identities[index];
    if (identity && !wanted(identity)) return;
    for (let i = range.start; i < range.end; i++) kept.push(events[i] as Event);
  });
  const built = constructFromEvents(kept, { source: text, schema: SCHEMA, maxAliases: -1 });
  let next = 0;
  return ranges.map((_, index) => {
    const identity = identities[index];
    return identity && !wanted(identity) ? identity : built[next++];
  });
}

/**
 * A document's apiVersion, kind and metadata names, read from its events without building it; null
 * when its root is not a mapping with a kind.
 */
function identify(events: Event[], range: DocumentRange, text: string): DocumentIdentity | null {
  if (events[range.start + 1]?.type !== EVENT_ID.MAPPING) return null;
  const identity: DocumentIdentity = { metadata: {} };
  forEachEntry(events, range.start + 1, text, (key, valueIndex) => {
    const value = events[valueIndex] as Event;
    if ((key === 'apiVersion' || key === 'kind') && value.type === EVENT_ID.SCALAR) {
      identity[key] = getScalarValue(text, value);
    } else if (key === 'metadata' && value.type === EVENT_ID.MAPPING) {
      forEachEntry(events, valueIndex, text, (field, fieldIndex) => {
        const fieldValue = events[fieldIndex] as Event;
        if (
          (field === 'name' || field === 'namespace' || field === 'generateName') &&
          fieldValue.type === EVENT_ID.SCALAR
        ) {
          identity.metadata[field] = getScalarValue(text, fieldValue);
        }
      });
    }
  });
  return identity.kind === undefined ? null : identity;
}

/** Calls `visit` with each scalar key of the mapping at `mappingIndex` and the index of its value. */
function forEachEntry(
  events: Event[],
  mappingIndex: number,
  text: string,
  visit: (key: string, valueIndex: number) => void,
): void {
  let i = mappingIndex + 1;
  while ((events[i] as Event).type !== EVENT_ID.POP) {
    const key = events[i] as Event;
    const valueIndex = skipNode(events, i);
    if (key.type === EVENT_ID.SCALAR) visit(getScalarValue(text, key), valueIndex);
    i = skipNode(events, valueIndex);
  }
}

/** The index just past the node that starts at `index`. */
function skipNode(events: Event[], index: number): number {
  const type = (events[index] as Event).type;
  if (type !== EVENT_ID.MAPPING && type !== EVENT_ID.SEQUENCE) return index + 1;
  let depth = 0;
  let i = index;
  do {
    const current = (events[i] as Event).type;
    if (current === EVENT_ID.MAPPING || current === EVENT_ID.SEQUENCE) depth++;
    else if (current === EVENT_ID.POP) depth--;
    i++;
  } while (depth > 0);
  return i;
}

interface WalkedDocument {
  position: Position | null;
  duplicateKeys: Array<{ key: string; line: number }>;
}

/**
 * Walks the event stream once to record where each node starts, find duplicate keys and measure how
 * big each document becomes once aliases are expanded.
 */
function walkDocuments(events: Event[], text: string, lines: LineLookup): WalkedDocument[] {
  const documents: WalkedDocument[] = [];
  let cursor = 0;
  let anchors = new Map<string, { position: Position; size: number }>();
  let duplicateKeys: Array<{ key: string; line: number }> = [];
  let expanded = 0;

  const anchorOf = (start: number, end: number): string | undefined =>
    start >= 0 ? text.slice(start, end) : undefined;

  const countNodes = (size: number, at: number): void => {
    expanded += size;
    if (expanded > MAX_EXPANDED_NODES) {
      YAMLException.throwAt(
        text,
        at,
        `the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases; refusing to read it`,
      );
    }
  };

  // Returns the position and expanded size of the node starting at events[cursor], advancing cursor.
  const readNode = (parentLine: number): { position: Position; size: number } => {
    const event = events[cursor++] as Event;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const line = event.valueStart >= 0 ? lines.line(event.valueStart) : parentLine;
        countNodes(1, Math.max(event.valueStart, 0));
        const name = anchorOf(event.anchorStart, event.anchorEnd);
        if (name !== undefined) anchors.set(name, { position: line, size: 1 });
        return { position: line, size: 1 };
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(name);
        if (target === undefined) {
          return YAMLException.throwAt(
            text,
            event.anchorStart,
            `alias *${name} refers to an anchor that is not defined before it`,
          );
        }
        countNodes(target.size, event.anchorStart);
        return target;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const line = lines.line(event.start);
        const tree: PositionTree = { line };
        let size = 1;
        countNodes(1, event.start);
        if (event.type === EVENT_ID.MAPPING) {
          const keys = new Map<string, { keyLine: number; value: Position }>();
          while ((events[cursor] as Event).type !== EVENT_ID.POP) {
            const keyEvent = events[cursor] as Event;
            const keyNode = readNode(line);
            const valueNode = readNode(line);
            size += keyNode.size + valueNode.size;
            if (keyEvent.type !== EVENT_ID.SCALAR) continue;
            const key = getScalarValue(text, keyEvent);
            const keyLine = lineOfPositionValue(keyNode.position);
            if (keys.has(key) && key !== '<<') duplicateKeys.push({ key, line: keyLine });
            keys.set(key, { keyLine, value: valueNode.position });
          }
          tree.keys = keys;
        } else {
          const items: Position[] = [];
          while ((events[cursor] as Event).type !== EVENT_ID.POP) {
            const item = readNode(line);
            size += item.size;
            items.push(item.position);
          }
          tree.items = items;
        }
        cursor++; // the POP closing this collection
        const name = anchorOf(event.anchorStart, event.anchorEnd);
        if (name !== undefined) anchors.set(name, { position: tree, size });
        return { position: tree, size };
      }
      default:
        return { position: parentLine, size: 0 };
    }
  };

  while (cursor < events.length) {
    const event = events[cursor++] as Event;
    if (event.type !== EVENT_ID.DOCUMENT) continue;
    anchors = new Map();
    duplicateKeys = [];
    expanded = 0;
    let position: Position | null = null;
    while (cursor < events.length && (events[cursor] as Event).type !== EVENT_ID.POP) {
      position = readNode(1).position;
    }
    cursor++; // the POP closing the document
    documents.push({ position, duplicateKeys });
  }
  return documents;
}

function lineOfPositionValue(position: Position): number {
  return typeof position === 'number' ? position : position.line;
}

function toProblem(error: unknown, lines: LineIndex): ParseProblem {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    const position = mark ? lines.lineAndColumn(mark.position) : { line: 1, column: 1 };
    const reason = error.reason || 'the YAML could not be parsed';
    return {
      message: /maxDepth/.test(reason)
        ? `the YAML nests deeper than ${MAX_NESTING_DEPTH} levels; refusing to read it`
        : reason,
      line: position.line,
      column: position.column,
      ...(/unknown .*tag/i.test(reason) ? { foreignTags: true } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `the YAML could not be parsed: ${message}`, line: 1, column: 1 };
}
