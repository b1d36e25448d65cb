/**
 * Source positions of the nodes of a parsed YAML document, so findings can point at the line of
 * `type: LoadBalancer` rather than at the top of a file.
 */

/** Position of a node: a scalar is just its line; collections also map their children. */
export type Position = number | PositionTree;

/** A mapping or sequence: its own line, plus the positions of its keys' values or its items. */
export interface PositionTree {
  line: number;
  /**
   * For mappings: each key, the line of the key and the value's own position, one after the other
   * in one list (every object of a repository keeps its tree; a Map per mapping weighed three times
   * as much). Read it with `entryOf`.
   */
  entries?: Array<string | Position>;
  /** For sequences: the position of each item. */
  items?: Position[];
}

/** The line of a mapping's key and the position of its value; the last one of a duplicated key. */
export function entryOf(tree: PositionTree, key: string): { keyLine: number; value: Position } | undefined {
  if (tree instanceof PackedTree) return tree.entry(key);
  const { entries } = tree;
  if (entries === undefined) return undefined;
  for (let i = entries.length - 3; i >= 0; i -= 3) {
    if (entries[i] === key) return { keyLine: entries[i + 1] as number, value: entries[i + 2] as Position };
  }
  return undefined;
}

/** The position of a sequence's item. */
export function itemOf(tree: PositionTree, index: number): Position | undefined {
  return tree instanceof PackedTree ? tree.item(index) : tree.items?.[index];
}

/** Sets (or replaces) a mapping's entry for `key`. */
export function setEntry(tree: PositionTree, key: string, keyLine: number, value: Position): void {
  tree.entries ??= [];
  const { entries } = tree;
  for (let i = 0; i < entries.length; i += 3) {
    if (entries[i] === key) {
      entries[i + 1] = keyLine;
      entries[i + 2] = value;
      return;
    }
  }
  entries.push(key, keyLine, value);
}

/** A path into a document, as object keys and array indexes. */
export type NodePath = ReadonlyArray<string | number>;

/** The line a position starts on. */
export function lineOfPosition(position: Position): number {
  return typeof position === 'number' ? position : position.line;
}

/**
 * The line of the node at `path`. For a mapping key the line of the key itself is returned, since
 * that is the line `key: value` is written on. When the path leaves what is known, the deepest known
 * line is returned, so a finding always has a useful line.
 */
export function lineAt(root: Position, path: NodePath): number {
  let current: Position = root;
  let line = lineOfPosition(root);
  for (const step of path) {
    if (typeof current === 'number') return line;
    if (typeof step === 'number') {
      const item = itemOf(current, step);
      if (item === undefined) return line;
      current = item;
      line = lineOfPosition(item);
    } else {
      const entry = entryOf(current, step);
      if (entry === undefined) return line;
      current = entry.value;
      line = entry.keyLine;
    }
  }
  return line;
}

/** The position of the node at `path`, or undefined when the document holds no such node. */
export function positionAt(root: Position, path: NodePath): Position | undefined {
  let current: Position | undefined = root;
  for (const step of path) {
    if (current === undefined || typeof current === 'number') return undefined;
    current = typeof step === 'number' ? itemOf(current, step) : entryOf(current, step)?.value;
  }
  return current;
}

/** The index of the last of ascending `starts` that is at most `offset` (0 when none is). */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Maps character offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The index of the line found last: a parse asks for offsets in order, mostly on it or just after. */
  #last = 0;

  /** `firstLine` is the line number of the text's first line, for a part of a larger file. */
  constructor(
    text: string,
    private readonly firstLine = 1,
  ) {
    let index = text.indexOf('\n');
    while (index !== -1) {
      this.starts.push(index + 1);
      index = text.indexOf('\n', index + 1);
    }
  }

  /** 1-based line of a 0-based offset. */
  line(offset: number): number {
    const { starts } = this;
    let index = this.#last;
    if (offset >= (starts[index] as number)) {
      // A few lines on at most; further, or backwards, it is searched for.
      const stop = Math.min(index + 4, starts.length - 1);
      while (index < stop && (starts[index + 1] as number) <= offset) index++;
      if (index === stop && index < starts.length - 1 && (starts[index + 1] as number) <= offset) {
        index = lastAtOrBefore(starts, offset);
      }
    } else {
      index = lastAtOrBefore(starts, offset);
    }
    this.#last = index;
    return index + this.firstLine;
  }

  /** 1-based line and column of a 0-based offset. */
  lineAndColumn(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - (this.starts[line - this.firstLine] as number) + 1 };
  }
}

/**
 * The keys packed positions name, each once. One table serves the texts of a load, so the
 * positions of every file do not keep copies of their own of `metadata`, `name`, `spec`...
 */
export class KeyTable {
  /** Only grows: positions packed earlier keep their indexes. */
  readonly names: string[] = [];
  readonly #indexes = new Map<string, number>();

  indexOf(name: string): number {
    let index = this.#indexes.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.#indexes.set(name, index);
    }
    return index;
  }
}

/**
 * The positions of the kept nodes of one parsed text, packed in numbers: every object of a
 * repository keeps its positions until the rules have run, and an object and an array per
 * collection were the larger part of what an analysis held in memory, copied at every garbage
 * collection. Records are written children first:
 *   mapping:  line, 2 × entries,     then per entry: index of its key in `keys` (a KeyTable's
 *             names), key line, child
 *   sequence: line, 2 × items + 1,   then per item: child
 * A child is a scalar's line (1 or more), or −(offset + 1) of a collection's record.
 */
export class PackedPositions {
  constructor(
    readonly data: Int32Array,
    readonly keys: readonly string[],
  ) {}

  /** The position a child number stands for. */
  position(child: number): Position {
    return child > 0 ? child : new PackedTree(this, -child - 1);
  }
}

/**
 * A collection of packed positions, read like any PositionTree: `entryOf` and `itemOf` read the
 * numbers directly; `entries` and `items` are made on first read (for readers that walk them all).
 */
export class PackedTree implements PositionTree {
  private madeEntries: Array<string | Position> | undefined;
  private madeItems: Position[] | undefined;

  constructor(
    private readonly packed: PackedPositions,
    private readonly offset: number,
  ) {}

  get line(): number {
    return this.packed.data[this.offset] as number;
  }

  private get count(): number {
    return (this.packed.data[this.offset + 1] as number) >> 1;
  }

  private get isSequence(): boolean {
    return ((this.packed.data[this.offset + 1] as number) & 1) === 1;
  }

  get entries(): Array<string | Position> | undefined {
    if (this.isSequence) return undefined;
    if (this.madeEntries === undefined) {
      const { data, keys } = this.packed;
      const entries: Array<string | Position> = [];
      for (let i = 0, at = this.offset + 2; i < this.count; i++, at += 3) {
        entries.push(
          keys[data[at] as number] as string,
          data[at + 1] as number,
          this.packed.position(data[at + 2] as number),
        );
      }
      this.madeEntries = entries;
    }
    return this.madeEntries;
  }

  get items(): Position[] | undefined {
    if (!this.isSequence) return undefined;
    if (this.madeItems === undefined) {
      const items: Position[] = [];
      for (let i = 0; i < this.count; i++) items.push(this.item(i) as Position);
      this.madeItems = items;
    }
    return this.madeItems;
  }

  /** Like `entryOf`: the last entry of `key`. */
  entry(key: string): { keyLine: number; value: Position } | undefined {
    if (this.isSequence) return undefined;
    const { data, keys } = this.packed;
    for (let at = this.offset + 2 + 3 * (this.count - 1); at >= this.offset + 2; at -= 3) {
      if (keys[data[at] as number] === key) {
        return { keyLine: data[at + 1] as number, value: this.packed.position(data[at + 2] as number) };
      }
    }
    return undefined;
  }

  item(index: number): Position | undefined {
    if (!this.isSequence || !Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.packed.position(this.packed.data[this.offset + 2 + index] as number);
  }
}
