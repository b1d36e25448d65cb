/**
 * Standard input one line at a time, with a wait that can give up: on a terminal a paste arrives
 * in a burst, so whether a line follows "at once" tells a blank line inside a pasted manifest from
 * the one that ends it.
 */
import { createInterface } from 'node:readline';
import { shortMessage } from './render.js';

/** `nextWithin` found no line within its wait; the line still arrives on a later call. */
export const LATER = Symbol('later');

export interface LineReader {
  /** The next line; undefined at end of input (or when input cannot be read, said on `stderr`). */
  next(): Promise<string | undefined>;
  /** As `next`, or LATER when `waitMs` passes first; with no wait, as `next`. */
  nextWithin(waitMs: number | undefined): Promise<string | undefined | typeof LATER>;
  /** Stops reading, so an open standard input does not keep the process alive after `quit`. */
  close(): Promise<void>;
}

export function lineReader(lines: AsyncIterable<string>, stderr: { write(text: string): void }): LineReader {
  const iterator = lines[Symbol.asyncIterator]();
  let pending: Promise<string | undefined> | undefined;
  const read = async (): Promise<string | undefined> => {
    try {
      const result = await iterator.next();
      return result.done === true ? undefined : result.value;
    } catch (error) {
      stderr.write(
        `Could not read standard input: ${shortMessage(error instanceof Error ? error.message : String(error))}\n`,
      );
      return undefined;
    }
  };
  return {
    next() {
      const line = pending ?? read();
      pending = undefined;
      return line;
    },
    async nextWithin(waitMs) {
      if (waitMs === undefined) return this.next();
      pending ??= read();
      const line = pending;
      let timer: NodeJS.Timeout | undefined;
      const later = new Promise<typeof LATER>((done) => {
        timer = setTimeout(() => done(LATER), waitMs);
      });
      const result = await Promise.race([line, later]);
      clearTimeout(timer);
      if (result !== LATER) pending = undefined;
      return result;
    },
    async close() {
      try {
        await iterator.return?.();
      } catch {
        // Input that fails as it closes has nothing more to give.
      }
    },
  };
}

/**
 * The lines of a stream (standard input) through `node:readline`, without terminal handling so a
 * TTY keeps its own line editing. Closed when the reading stops: after `quit`, an open terminal
 * would otherwise keep the process alive.
 */
export async function* streamLines(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  try {
    yield* reader;
  } finally {
    reader.close();
  }
}
