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
  const { entries } = tree;
  if (entries === undefined) return undefined;
  for (let i = entries.length - 3; i >= 0; i -= 3) {
    if (entries[i] === key) return { keyLine: entries[i + 1] as number, value: entries[i + 2] as Position };
  }
  return undefined;
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
      const item: Position | undefined = current.items?.[step];
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
    current = typeof step === 'number' ? current.items?.[step] : entryOf(current, step)?.value;
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
    return lastAtOrBefore(this.starts, offset) + this.firstLine;
  }

  /** 1-based line and column of a 0-based offset. */
  lineAndColumn(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - (this.starts[line - this.firstLine] as number) + 1 };
  }
}
