/**
 * YAML text to documents, with source positions and bounded work. Each text is tokenised once by
 * js-yaml's event API; one walk over the events builds the values worth keeping and records their
 * lines, so no document is ever parsed again to place a finding. A text with tags, aliases or merge
 * keys (rare in Kubernetes YAML) is built whole by js-yaml's own constructor instead, and reduced.
 */
import type { Event, ScalarEvent } from 'js-yaml';
import { jsYaml } from '../internal/js-yaml.js';
import { type Keep, type KeepKeys, pruneValue } from './keep.js';
import { KeyTable, LineIndex, PackedPositions, type Position } from './positions.js';

/** Deepest collection nesting we parse; real manifests (CRD schemas included) stay far below. */
export const MAX_NESTING_DEPTH = 100;
/** Most nodes one document may expand to once aliases are followed (an "alias bomb" guard). */
export const MAX_EXPANDED_NODES = 200_000;

const {
  CORE_SCHEMA,
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  mergeTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
} = jsYaml;

/** The schema everything is read with: YAML 1.2 core, plus merge keys, which Kubernetes YAML uses. */
export const YAML_SCHEMA = CORE_SCHEMA.withTags(mergeTag);
const { ALIAS, DOCUMENT, MAPPING, POP, SCALAR, SEQUENCE } = EVENT_ID;

/** One YAML document of a stream. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The document as built, reduced to what `keepOf` keeps. */
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Where the kept nodes are; null for an empty document. */
  position: Position | null;
  /** Keys written twice in one mapping; the last one wins, as with `kubectl apply`. */
  duplicateKeys: DuplicateKey[];
}

export interface DuplicateKey {
  key: string;
  line: number;
}

/** A problem that stopped a part of the text from being read. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  /** True when the text uses YAML tags Kubernetes never writes (CloudFormation's `!Ref`, say). */
  foreignTags?: boolean;
}

/** What decides what is kept of a document: its kind, read from its events or its built value. */
export interface DocumentKind {
  apiVersion?: unknown;
  kind?: unknown;
}

export interface ParseOptions {
  /**
   * What to keep of a document, knowing its apiVersion and kind: the rest is not built and its
   * positions are not recorded. Syntax errors and duplicate keys are found in all of it. Default:
   * keep everything.
   */
  keepOf?: (document: DocumentKind) => Keep;
  /** Where the keys of the positions go: one table for the texts of a load. Default: one per text. */
  keys?: KeyTable;
  /** Where repeated keys and values are shared: one for the texts of a load. Default: not shared. */
  spellings?: Spellings;
}

/** A YAML parser as the loader uses it; `parseYamlStream` is ours, the differential test has another. */
export type YamlParser = (text: string, options: ParseOptions) => ParseResult;

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
  const withKeys = options.keys === undefined ? { ...options, keys: new KeyTable() } : options;
  try {
    return { documents: parseText(text, withKeys, 1, 0) };
  } catch (error) {
    const problem = toProblem(error, new LineIndex(text));
    return { documents: parseSectionBySection(text, withKeys), problem };
  }
}

/** Recovery: each `---` section parsed alone, keeping what parses. */
function parseSectionBySection(text: string, options: ParseOptions): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  const separator = /^---(?:[ \t].*)?$/gm;
  const starts = [0];
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (match.index > 0) starts.push(match.index);
  }
  const lines = new LineIndex(text);
  starts.forEach((start, section) => {
    const end = starts[section + 1] ?? text.length;
    try {
      for (const document of parseText(text.slice(start, end), options, lines.line(start), section)) {
        if (document.value !== null && document.value !== undefined) documents.push(document);
      }
    } catch {
      // This section is the broken one (or another broken one); the first problem is already reported.
    }
  });
  return documents.map((document, index) => ({ ...document, index }));
}

/** Parses a text whose first line is `firstLine` of its file; throws YAMLException when it is not YAML. */
function parseText(
  text: string,
  options: ParseOptions,
  firstLine: number,
  firstIndex: number,
): ParsedDocument[] {
  const events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
  const keepOf = options.keepOf ?? keepAll;
  // Tags, aliases and merge keys make a value depend on parts that would not be kept (an unknown
  // tag is an error; an alias needs its anchor; a merge, its source): such a text is built whole by
  // js-yaml, and reduced afterwards.
  const whole = needsWholeBuild(events, text);
  const walker = new EventWalker(
    events,
    text,
    new LineIndex(text, firstLine),
    whole,
    options.keys ?? new KeyTable(),
    options.spellings,
  );
  const walked: WalkedDocument[] = [];
  while (walker.hasDocument()) walked.push(walker.nextDocument(whole ? undefined : keepOf));
  const positions = walker.positions();
  const values = whole ? constructWhole(events, text, walked) : walked.map((document) => document.value);
  return walked.map((document, index) => {
    const value = values[index];
    // Built whole: reduced now that its kind is known (positions were recorded for all of it).
    const kept =
      document.keep === undefined ? pruneValue(value, keepOf(isMapping(value) ? value : {})) : value;
    return {
      index: firstIndex + index,
      value: kept,
      line: document.line,
      position: document.position === null ? null : positions.position(document.position),
      duplicateKeys: document.duplicateKeys,
    };
  });
}

/** js-yaml's constructor over a whole text, keys written twice accepted (the last wins, as with kubectl). */
function constructWhole(events: Event[], text: string, walked: readonly WalkedDocument[]): unknown[] {
  const duplicates = walked.some((document) => document.duplicateKeys.length > 0);
  try {
    return constructFromEvents(events, {
      source: text,
      schema: YAML_SCHEMA,
      json: duplicates,
      maxAliases: -1,
    });
  } catch (error) {
    // Keys written differently that js-yaml reads as one (`1` and `1.0`): a duplicate all the same.
    if (duplicates || !(error instanceof YAMLException) || !/duplicated mapping key/.test(error.reason)) {
      throw error;
    }
    return constructFromEvents(events, { source: text, schema: YAML_SCHEMA, json: true, maxAliases: -1 });
  }
}

const keepAll = (): Keep => 'all';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function needsWholeBuild(events: readonly Event[], text: string): boolean {
  for (const event of events) {
    if (event.type === ALIAS) return true;
    if (event.type === SCALAR) {
      if (event.tagStart >= 0 || (event.style === SCALAR_STYLE.PLAIN && isMergeKey(text, event))) return true;
    } else if ((event.type === MAPPING || event.type === SEQUENCE) && event.tagStart >= 0) {
      return true;
    }
  }
  return false;
}

interface WalkedDocument {
  line: number;
  /** Its root, as a child number of PackedPositions; null for an empty document. */
  position: number | null;
  duplicateKeys: DuplicateKey[];
  /** What was kept while walking; undefined when the document was walked whole, to be reduced once built. */
  keep: Keep | undefined;
  /** The value built while walking; undefined in a text built whole. */
  value: unknown;
}

/** Sentinel: a document whose kind cannot be told from its events alone. */
const UNKNOWN_KIND: DocumentKind = Object.freeze({});

/** Plain scalars that the YAML 1.2 core schema reads as null or booleans, though they look like names. */
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const NAME_LIKE = /^[A-Za-z][A-Za-z0-9._/-]*$/;

/**
 * Reads the events of a text document by document: the positions of the kept nodes, duplicate keys
 * anywhere, and, for a text built whole, the size of each document once aliases are expanded. For a
 * text built in parts, it also builds the kept values, as js-yaml's constructor would.
 */
class EventWalker {
  #cursor = 0;
  /**
   * The anchors of the document being read, made at its first anchor (most documents have none).
   * Positions are numbers here, written as PackedPositions describes (see `positions`).
   */
  #anchors: Map<string, { position: number; size: number }> | undefined;
  #duplicateKeys: DuplicateKey[] = [];
  #expanded = 0;
  /** The value of the node just read, when it was built (a side channel: no pair per node). */
  #built: unknown;
  /** The records of the collections read so far (see PackedPositions). */
  #records = SCRATCH_RECORDS.emptied();
  /** The children of the collections being read, innermost last, until their records are written. */
  #children = SCRATCH_CHILDREN.emptied();
  /** Emptied too: a walk that threw may have left items on it. */
  #items = emptied(SCRATCH_ITEMS);
  /** The keys of the mappings being read, innermost last (up to `#seenCount`), to find keys written twice. */
  #seenKeys: ScalarEvent[] = [];
  #seenCount = 0;

  constructor(
    private readonly events: Event[],
    private readonly text: string,
    private readonly lines: LineIndex,
    /** The text is built whole by js-yaml: count alias expansion, build nothing here. */
    private readonly whole: boolean,
    private readonly keys: KeyTable,
    private readonly spellings: Spellings | undefined,
  ) {}

  /** The positions of every document walked; the walker's numbers are children of it. */
  positions(): PackedPositions {
    return new PackedPositions(this.#records.copy(), this.keys.names);
  }

  hasDocument(): boolean {
    const { events } = this;
    while (this.#cursor < events.length && (events[this.#cursor] as Event).type !== DOCUMENT) this.#cursor++;
    return this.#cursor < events.length;
  }

  /**
   * Walks the next document. With `keepOf`, what it keeps is decided from its kind before it is
   * walked and built; without, it is walked whole (positions of all of it) and built by js-yaml.
   */
  nextDocument(keepOf: ((document: DocumentKind) => Keep) | undefined): WalkedDocument {
    const { events } = this;
    this.#cursor++; // the DOCUMENT event
    this.#anchors = undefined;
    this.#duplicateKeys = [];
    this.#expanded = 0;
    const first = events[this.#cursor] as Event;
    const start = this.lines.line(0);
    const line = first.type === POP ? start : this.lineOfEvent(first, start);
    let keep: Keep | undefined;
    const build = keepOf !== undefined;
    if (build) {
      const kind = first.type === POP ? {} : this.kindOf(this.#cursor);
      // A kind the events cannot tell: built whole and reduced once built.
      keep = kind === UNKNOWN_KIND ? undefined : keepOf(kind);
    }
    let position: number | null = null;
    // An empty document is null, as js-yaml has it.
    this.#built = null;
    while ((events[this.#cursor] as Event).type !== POP) {
      position = this.node(keep ?? 'all', line, build) ?? line;
    }
    this.#cursor++; // the POP closing the document
    const value = build ? this.#built : undefined;
    return { line, position, duplicateKeys: this.#duplicateKeys, keep, value };
  }

  /**
   * The apiVersion and kind of the document whose root starts at `index`, from its events: what
   * js-yaml would build for them, or UNKNOWN_KIND when that takes more than reading the text.
   */
  private kindOf(index: number): DocumentKind {
    const { events, text } = this;
    const root = events[index] as Event;
    if (root.type !== MAPPING) return {};
    const found: DocumentKind = {};
    let i = index + 1;
    while ((events[i] as Event).type !== POP) {
      const key = events[i] as Event;
      const value = events[i + 1] as Event;
      if (key.type === SCALAR) {
        // The other keys of the root (metadata, spec...) are not worth a string each.
        const name = scalarIs(text, key, 'apiVersion')
          ? 'apiVersion'
          : scalarIs(text, key, 'kind')
            ? 'kind'
            : undefined;
        if (name !== undefined) {
          if (value.type !== SCALAR) return UNKNOWN_KIND;
          const scalar = getScalarValue(text, value);
          if (value.style === SCALAR_STYLE.PLAIN && (!NAME_LIKE.test(scalar) || isNullOrBoolean(scalar))) {
            return UNKNOWN_KIND;
          }
          found[name] = scalar;
        }
        // No merge key can bring either in: a text with one is built whole, without this.
      } else {
        return UNKNOWN_KIND;
      }
      i = skipNode(events, skipNode(events, i));
    }
    return found;
  }

  /**
   * Reads the node at the cursor. `keep` says what of it to record (undefined: nothing); with
   * `build`, its value (reduced to `keep`) is left in `#built`. Returns its position when recorded:
   * a scalar's line, or the negative number that stands for a collection's record.
   */
  private node(keep: Keep | undefined, parentLine: number, build: boolean): number | undefined {
    if (keep === undefined && !build && !this.whole) {
      this.skip(parentLine);
      return undefined;
    }
    const { events } = this;
    const event = events[this.#cursor++] as Event;
    switch (event.type) {
      case SCALAR: {
        if (build) this.#built = scalarValue(this.text, event, this.spellings);
        if (this.whole) {
          this.count(1, Math.max(event.valueStart, 0));
          if (event.anchorStart >= 0) this.anchor(event, this.lineOfEvent(event, parentLine), 1);
        }
        return keep === undefined ? undefined : this.lineOfEvent(event, parentLine);
      }
      case ALIAS: {
        // Only in a text built whole, so nothing is built here.
        const target = this.#anchors?.get(this.text.slice(event.anchorStart, event.anchorEnd));
        this.count(target?.size ?? 1, event.anchorStart);
        if (keep === undefined) return undefined;
        // An anchor outside the recorded parts has no position: the alias's own line stands in.
        return target?.position ?? this.lines.line(event.anchorStart);
      }
      case MAPPING:
      case SEQUENCE: {
        const expandedBefore = this.#expanded;
        this.count(1, event.start);
        // A collection of another shape than the keep expects is kept whole, as pruning keeps it.
        const shapeFits =
          keep === undefined || keep === 'all' || (event.type === MAPPING ? 'keys' in keep : 'items' in keep);
        const nodeKeep = shapeFits ? keep : 'all';
        // A kept collection records its line and its children, gathered on a stack while they are
        // read, then written after theirs.
        const line = nodeKeep === undefined ? undefined : this.lines.line(event.start);
        const firstChild = this.#children.length;
        const built =
          event.type === MAPPING
            ? this.mapping(nodeKeep, line !== undefined, line ?? parentLine, build)
            : this.sequence(nodeKeep, line !== undefined, line ?? parentLine, build);
        this.#cursor++; // the POP closing this collection
        let tree: number | undefined;
        if (line !== undefined) {
          const records = this.#records;
          const children = this.#children;
          tree = -records.length - 1;
          const count =
            event.type === MAPPING ? (children.length - firstChild) / 3 : children.length - firstChild;
          records.push(line);
          records.push(2 * count + (event.type === MAPPING ? 0 : 1));
          for (let i = firstChild; i < children.length; i++) records.push(children.at(i));
          children.length = firstChild;
        }
        if (this.whole && event.anchorStart >= 0) {
          this.anchor(event, tree ?? this.lines.line(event.start), this.#expanded - expandedBefore);
        }
        if (build) this.#built = built;
        return tree;
      }
      default:
        return undefined;
    }
  }

  /**
   * Reads a mapping's entries; with `record`, their keys and positions go on the children stack;
   * with `build`, the kept entries are built into the object it returns. Keys are compared for
   * duplicates in every mapping, kept or not; in one not kept, by their text where it is written
   * plainly, so no string is made for them.
   */
  private mapping(
    keep: Keep | undefined,
    record: boolean,
    line: number,
    build: boolean,
  ): Record<string, unknown> | undefined {
    const { events, text } = this;
    const built: Record<string, unknown> | undefined = build ? {} : undefined;
    const keys = keep !== undefined && keep !== 'all' && 'keys' in keep ? keptKeys(keep) : undefined;
    const keepsAll = keep === 'all';
    const firstKey = this.#seenCount;
    let names: Set<string> | undefined;
    while ((events[this.#cursor] as Event).type !== POP) {
      const keyEvent = events[this.#cursor] as Event;
      const scalarKey = keyEvent.type === SCALAR ? keyEvent : undefined;
      // The key's text is needed to choose what to keep, and to record it.
      const key =
        scalarKey !== undefined && (keys !== undefined || record || !scalarKey.fast)
          ? this.spellings !== undefined && scalarKey.fast && scalarKey.valueStart >= 0
            ? this.spellings.key(text, scalarKey.valueStart, scalarKey.valueEnd)
            : getScalarValue(text, scalarKey)
          : undefined;
      const merge =
        scalarKey !== undefined && scalarKey.style === SCALAR_STYLE.PLAIN && isMergeKey(text, scalarKey);
      const valueKeep = keepsAll || merge ? 'all' : key !== undefined ? keys?.get(key) : undefined;
      const entryBuild = built !== undefined && valueKeep !== undefined;
      const keyLine = keep === undefined && !this.whole && !merge ? line : this.lineOfEvent(keyEvent, line);
      let builtKey: unknown;
      if (entryBuild && scalarKey !== undefined && key !== undefined) {
        // The key's text is at hand: no second read of it.
        this.#cursor++;
        builtKey = scalarKey.style === SCALAR_STYLE.PLAIN ? plainScalarValue(key) : key;
      } else {
        this.node(undefined, line, entryBuild);
        builtKey = this.#built;
      }
      // An empty value has no offset of its own: it sits on its key's line.
      const value = this.node(valueKeep, keyLine, entryBuild);
      if (entryBuild) addPair(text, built, builtKey, this.#built, keyEvent);
      if (scalarKey === undefined || merge) continue;
      names = this.seeKey(scalarKey, key, firstKey, names, line);
      if (record && value !== undefined && key !== undefined) {
        const children = this.#children;
        children.push(this.keys.indexOf(key));
        children.push(keyLine);
        children.push(value);
      }
    }
    this.#seenCount = firstKey;
    return built;
  }

  /**
   * Passes over a node nothing is kept of, in a text built in parts: what `node` does without a
   * keep or an output, which is to compare the keys of its mappings for duplicates.
   */
  private skip(line: number): void {
    const { events, text } = this;
    const event = events[this.#cursor++] as Event;
    if (event.type === SEQUENCE) {
      while ((events[this.#cursor] as Event).type !== POP) this.skip(line);
      this.#cursor++;
    } else if (event.type === MAPPING) {
      const firstKey = this.#seenCount;
      let names: Set<string> | undefined;
      while ((events[this.#cursor] as Event).type !== POP) {
        const keyEvent = events[this.#cursor] as Event;
        this.skip(line);
        this.skip(line);
        if (keyEvent.type !== SCALAR) continue;
        if (keyEvent.style === SCALAR_STYLE.PLAIN && isMergeKey(text, keyEvent)) continue;
        names = this.seeKey(keyEvent, undefined, firstKey, names, line);
      }
      this.#seenCount = firstKey;
      this.#cursor++;
    }
  }

  /**
   * Compares a key of a mapping with the keys before it (on the stack from `firstKey`) and reports
   * it when it repeats one. Past 16 keys, they are compared by their values in `names`, made then
   * and returned; `key` is the key's value when already made.
   */
  private seeKey(
    keyEvent: ScalarEvent,
    key: string | undefined,
    firstKey: number,
    names: Set<string> | undefined,
    line: number,
  ): Set<string> | undefined {
    const { text } = this;
    const seen = this.#seenKeys;
    let repeated: boolean;
    if (names === undefined) {
      repeated = false;
      for (let i = firstKey; i < this.#seenCount && !repeated; i++) {
        repeated = sameKey(text, seen[i] as ScalarEvent, keyEvent);
      }
      seen[this.#seenCount++] = keyEvent;
      if (this.#seenCount - firstKey === 16) {
        names = new Set();
        for (let i = firstKey; i < this.#seenCount; i++)
          names.add(getScalarValue(text, seen[i] as ScalarEvent));
      }
    } else {
      key ??= getScalarValue(text, keyEvent);
      repeated = names.has(key);
      names.add(key);
    }
    if (repeated) {
      this.#duplicateKeys.push({
        key: key ?? getScalarValue(text, keyEvent),
        line: this.lineOfEvent(keyEvent, line),
      });
    }
    return names;
  }

  /**
   * Reads a sequence's items; with `record`, their positions go on the children stack; with
   * `build`, the items are built into the array it returns.
   */
  private sequence(
    keep: Keep | undefined,
    record: boolean,
    line: number,
    build: boolean,
  ): unknown[] | undefined {
    const { events } = this;
    const itemKeep = keep === undefined ? undefined : keep !== 'all' && 'items' in keep ? keep.items : 'all';
    // The items go on a stack shared with the sequences inside them, then into an array of their
    // number: an array grown by push keeps room for 17 items however few it holds (152 bytes for
    // the one port of most lists), and every kept list stays alive until the report is written.
    const items = this.#items;
    const firstItem = items.length;
    while ((events[this.#cursor] as Event).type !== POP) {
      const item = this.node(itemKeep, line, build);
      if (build) items.push(this.#built);
      if (record) this.#children.push(item ?? line);
    }
    if (!build) return undefined;
    const built = items.slice(firstItem);
    items.length = firstItem;
    return built;
  }

  private anchor(event: { anchorStart: number; anchorEnd: number }, position: number, size: number): void {
    this.#anchors ??= new Map();
    this.#anchors.set(this.text.slice(event.anchorStart, event.anchorEnd), { position, size });
  }

  private count(size: number, at: number): void {
    if (!this.whole) return;
    this.#expanded += size;
    if (this.#expanded > MAX_EXPANDED_NODES) {
      YAMLException.throwAt(
        this.text,
        at,
        `the document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases; refusing to read it`,
      );
    }
  }

  private lineOfEvent(event: Event, fallback: number): number {
    if (event.type === MAPPING || event.type === SEQUENCE) return this.lines.line(event.start);
    if (event.type === SCALAR) return event.valueStart >= 0 ? this.lines.line(event.valueStart) : fallback;
    if (event.type === ALIAS) return this.lines.line(event.anchorStart);
    return fallback;
  }
}

/** A stack of whole numbers, cut back by setting its length: no array to grow and shrink per node. */
class NumberStack {
  #numbers: Int32Array;
  readonly #capacity: number;
  length = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#numbers = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.#numbers.length) this.grow();
    this.#numbers[this.length++] = value;
  }

  private grow(): void {
    const larger = new Int32Array(this.#numbers.length * 4);
    larger.set(this.#numbers);
    this.#numbers = larger;
  }

  at(index: number): number {
    return this.#numbers[index] as number;
  }

  /** The numbers, in an array of their own. */
  copy(): Int32Array {
    return this.#numbers.slice(0, this.length);
  }

  /** Itself with no numbers, its storage cut back to the first capacity after a large text. */
  emptied(): this {
    this.length = 0;
    if (this.#numbers.length > this.#capacity * 64) this.#numbers = new Int32Array(this.#capacity);
    return this;
  }
}

/**
 * The stacks every walk uses, one walk at a time (a walk starts no other, and its positions are
 * copied out before the next): two typed arrays per text were a measurable part of loading.
 */
const SCRATCH_RECORDS = new NumberStack(1024);
const SCRATCH_CHILDREN = new NumberStack(128);
/** The items of the sequences being built, innermost last (see `sequence`). */
const SCRATCH_ITEMS: unknown[] = [];

function emptied<T>(list: T[]): T[] {
  list.length = 0;
  return list;
}

/**
 * The keys a keep names, as a Map: looked up for every key of every kept mapping, with keys just
 * read from the text, which a Map finds faster than an object's properties do.
 */
function keptKeys(keep: KeepKeys): ReadonlyMap<string, Keep> {
  let keys = keptKeysOf.get(keep);
  if (keys === undefined) {
    keys = new Map(Object.entries(keep.keys));
    keptKeysOf.set(keep, keys);
  }
  return keys;
}

const keptKeysOf = new WeakMap<KeepKeys, ReadonlyMap<string, Keep>>();

/** A scalar's value as js-yaml builds it without tags: plain ones resolved by the schema (null, booleans, numbers), the others strings. */
function scalarValue(text: string, event: ScalarEvent, spellings: Spellings | undefined): unknown {
  const source =
    spellings !== undefined && event.fast && event.valueStart >= 0
      ? spellings.value(text, event.valueStart, event.valueEnd)
      : getScalarValue(text, event);
  return event.style === SCALAR_STYLE.PLAIN ? plainScalarValue(source) : source;
}

/**
 * A plain scalar's value. In the YAML 1.2 core schema, one that starts with a letter is a string
 * unless it is a spelling of null, true or false; the rest go through the schema.
 */
export function plainScalarValue(source: string): unknown {
  const first = source.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  return letter && !isNullOrBoolean(source) ? source : YAML_SCHEMA.resolveImplicitScalarTag(source).value;
}

/** A spelling of null, true or false: four or five letters, so most names are told apart by length. */
function isNullOrBoolean(source: string): boolean {
  return (source.length === 4 || source.length === 5) && NOT_STRINGS.has(source);
}

/**
 * The keys and values of a load's texts, shared by where they are written: a repository repeats a
 * few hundred keys (`name`, `metadata`, `containerPort`...) and values (`TCP`, `http`, its
 * namespaces and labels) hundreds of thousands of times. A spelling read again is the same string,
 * not a new one to make, hash and look up in V8's string table again for every property it names
 * and every Map it keys (measured: 4% of a CLI run's instructions on a repository of flow-style
 * manifests). A slot holds the last spelling of its hash; keys and values have slots apart, values
 * being more varied. One per load, so no spelling outlives the texts it was read from.
 */
export class Spellings {
  readonly #keys = new SpellingSlots();
  readonly #values = new SpellingSlots();

  /** A key's text, `text.slice(start, end)`: that string, or an equal one read before. */
  key(text: string, start: number, end: number): string {
    return this.#keys.read(text, start, end);
  }

  /** The same for a value. */
  value(text: string, start: number, end: number): string {
    return this.#values.read(text, start, end);
  }
}

class SpellingSlots {
  static readonly #COUNT = 4096;
  /** Longer spellings (rare) are made each time: comparing them costs what making them does. */
  static readonly #LONGEST = 48;
  readonly #slots: Array<string | undefined> = new Array(SpellingSlots.#COUNT).fill(undefined);

  read(text: string, start: number, end: number): string {
    const length = end - start;
    if (length > SpellingSlots.#LONGEST) return text.slice(start, end);
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const slot = hash & (SpellingSlots.#COUNT - 1);
    const known = this.#slots[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, start)) return known;
    const spelling = text.slice(start, end);
    this.#slots[slot] = spelling;
    return spelling;
  }
}

/**
 * Adds a built entry to a built mapping as js-yaml's object map does: the key as a string (`80`
 * and `1.0` read as numbers first), a key written again replacing the value in its first place,
 * `__proto__` as an own property; a collection as a key is the same error as js-yaml's.
 */
function addPair(
  text: string,
  mapping: Record<string, unknown>,
  key: unknown,
  value: unknown,
  keyEvent: Event,
): void {
  if (typeof key === 'object' && key !== null) {
    YAMLException.throwAt(
      text,
      keyEvent.type === MAPPING || keyEvent.type === SEQUENCE ? keyEvent.start : 0,
      'object-based map does not support complex keys',
    );
  }
  const name = String(key);
  if (name === '__proto__') {
    Object.defineProperty(mapping, name, { value, enumerable: true, configurable: true, writable: true });
  } else {
    mapping[name] = value;
  }
}

/** Whether two key scalars are the same key: by their text when both are written plainly. */
function sameKey(text: string, a: ScalarEvent, b: ScalarEvent): boolean {
  if (!a.fast || !b.fast) return getScalarValue(text, a) === getScalarValue(text, b);
  const length = a.valueEnd - a.valueStart;
  if (length !== b.valueEnd - b.valueStart) return false;
  for (let i = 0; i < length; i++) {
    if (text.charCodeAt(a.valueStart + i) !== text.charCodeAt(b.valueStart + i)) return false;
  }
  return true;
}

/** Whether a scalar's value is `name`: compared where it is written when that is its value. */
function scalarIs(text: string, scalar: ScalarEvent, name: string): boolean {
  if (!scalar.fast || scalar.valueStart < 0) return getScalarValue(text, scalar) === name;
  return scalar.valueEnd - scalar.valueStart === name.length && text.startsWith(name, scalar.valueStart);
}

/** A plain `<<`: YAML's merge key. */
function isMergeKey(text: string, key: ScalarEvent): boolean {
  return key.valueEnd - key.valueStart === 2 && text.startsWith('<<', key.valueStart);
}

/** The index just past the node that starts at `index`. */
function skipNode(events: Event[], index: number): number {
  const type = (events[index] as Event).type;
  if (type !== MAPPING && type !== SEQUENCE) return index + 1;
  let depth = 0;
  let i = index;
  do {
    const current = (events[i] as Event).type;
    if (current === MAPPING || current === SEQUENCE) depth++;
    else if (current === POP) depth--;
    i++;
  } while (depth > 0);
  return i;
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
