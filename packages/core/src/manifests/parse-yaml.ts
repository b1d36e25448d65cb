/**
 * YAML text to documents, with source positions and bounded work. Built on js-yaml's event API so
 * the text is tokenised once: the same events give both the values and their lines.
 */
import {
  CORE_SCHEMA,
  constructFromEvents,
  EVENT_ID,
  type Event,
  getScalarValue,
  mergeTag,
  parseEvents,
  YAMLException,
} from 'js-yaml';
import { LineIndex, type Position, type PositionTree } from './positions.js';

/** Deepest collection nesting we parse; real manifests (CRD schemas included) stay far below. */
export const MAX_NESTING_DEPTH = 100;
/** Most nodes one document may expand to once aliases are followed (an "alias bomb" guard). */
export const MAX_EXPANDED_NODES = 200_000;

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** One YAML document of a stream. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Positions of the document's nodes; null for an empty document. */
  position: Position | null;
  /** Keys written twice in one mapping; the last one wins, as with `kubectl apply`. */
  duplicateKeys: Array<{ key: string; line: number }>;
}

/** A problem that stopped a part of the text from being read. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  /** True when the text uses YAML tags Kubernetes never writes (CloudFormation's `!Ref`, say). */
  foreignTags?: boolean;
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
export function parseYamlStream(text: string): ParseResult {
  const lines = new LineIndex(text);
  try {
    return { documents: parseChunk(text, lines, 0) };
  } catch (error) {
    const problem = toProblem(error, lines, 0);
    const documents = parseDocumentByDocument(text, lines);
    return { documents, problem };
  }
}

/** Recovery path: parse each `---` section alone and keep what parses. */
function parseDocumentByDocument(text: string, lines: LineIndex): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const separator = /^---(?:[ \t].*)?$/gm;
  const starts = [0];
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (match.index > 0) starts.push(match.index);
  }
  starts.forEach((start, chunkIndex) => {
    const end = starts[chunkIndex + 1] ?? text.length;
    // Pad with the text's own newlines blanked, so offsets (and lines) stay those of the whole file.
    const chunk = text.slice(0, start).replace(/[^\n]/g, ' ') + text.slice(start, end);
    try {
      for (const document of parseChunk(chunk, lines, chunkIndex)) {
        if (document.value !== null && document.value !== undefined) documents.push(document);
      }
    } catch {
      // This section is the broken one (or another broken one); the first problem is already reported.
    }
  });
  return documents.map((document, index) => ({ ...document, index }));
}

function parseChunk(text: string, lines: LineIndex, firstIndex: number): ParsedDocument[] {
  const events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
  const walked = walkDocuments(events, text, lines);
  // Duplicate keys are accepted (last wins) and reported by us with their line, instead of failing
  // the whole file as js-yaml's strict default would.
  const values = constructFromEvents(events, { source: text, schema: SCHEMA, json: true, maxAliases: -1 });
  return values.map((value, index) => ({
    index: firstIndex + index,
    value,
    position: walked[index]?.position ?? null,
    duplicateKeys: walked[index]?.duplicateKeys ?? [],
  }));
}

interface WalkedDocument {
  position: Position | null;
  duplicateKeys: Array<{ key: string; line: number }>;
}

/**
 * Walks the event stream once to record where each node starts, find duplicate keys and measure how
 * big each document becomes once aliases are expanded.
 */
function walkDocuments(events: Event[], text: string, lines: LineIndex): WalkedDocument[] {
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
          YAMLException.throwAt(
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

function toProblem(error: unknown, lines: LineIndex, offsetLines: number): ParseProblem {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    const position = mark ? lines.lineAndColumn(mark.position) : { line: 1, column: 1 };
    const reason = error.reason || 'the YAML could not be parsed';
    return {
      message: /maxDepth/.test(reason)
        ? `the YAML nests deeper than ${MAX_NESTING_DEPTH} levels; refusing to read it`
        : reason,
      line: position.line + offsetLines,
      column: position.column,
      ...(/unknown .*tag/i.test(reason) ? { foreignTags: true } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `the YAML could not be parsed: ${message}`, line: 1, column: 1 };
}
