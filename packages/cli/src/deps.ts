/**
 * The edges of the CLI, injected: output streams, standard input, the file system, the environment
 * and the version. Commands receive a `CliDeps` and touch nothing else, so tests run them with typed
 * fakes (`src/test-support/fake-deps.ts`) and no real files.
 */
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import type { ToolRunner } from '@ingress-advisor/core';
import { streamLines } from '@ingress-advisor/terminal-chat';
import { createNodeToolRunner } from '@ingress-advisor/tool-runner';

/** A place to write text: standard output or standard error. */
export interface OutputStream {
  write(text: string): void;
  /** True when the stream is a terminal (decides colour for stdout). */
  readonly isTTY: boolean;
}

/** Standard input. */
export interface InputStream {
  /** Reads to the end, or until `maxBytes` bytes have arrived, whichever comes first. */
  read(maxBytes: number): Promise<Uint8Array>;
  /**
   * The input line by line, without line endings (`\n`, `\r\n` or `\r`); a last line without a
   * newline is still a line. Ends at end of input (Ctrl-D on a terminal). For `chat`.
   */
  lines(): AsyncIterable<string>;
  /** True when a person would have to type the input. */
  readonly isTTY: boolean;
}

/** What `stat` says about a path; symbolic links are followed. */
export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  /** Size in bytes; 0 for anything but a regular file. */
  size: number;
}

/** One entry of a directory; a symbolic link is reported as such, not followed. */
export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

/**
 * The file system operations the CLI uses. They fail with Node-style errors carrying a `code`
 * (`ENOENT`, `EACCES`, ...), as `node:fs` does.
 */
export interface FileSystem {
  stat(path: string): Promise<FileStat>;
  readdir(path: string): Promise<DirectoryEntry[]>;
  /**
   * Reads at most `maxBytes` bytes from the start of the file (works on pipes and devices too).
   * Synchronous: a run reads thousands of small files one after the other and has nothing else to
   * do meanwhile, and a synchronous read costs no round trips through the event loop.
   */
  readFile(path: string, maxBytes: number): Uint8Array;
  writeFile(path: string, text: string): Promise<void>;
  /** Creates a directory and its missing parents; nothing when it exists. */
  makeDirectory(path: string): Promise<void>;
}

/** The environment variables the CLI reads, captured once at start-up. */
export interface CliEnvironment {
  /** Any non-empty value turns colour off (https://no-color.org). */
  NO_COLOR?: string | undefined;
  /** Forces colour on, or off with `0` / `false`, as Node itself reads it. */
  FORCE_COLOR?: string | undefined;
  /** `dumb` terminals get no colour. */
  TERM?: string | undefined;
  /** `1` prints stack traces of unexpected failures. */
  INGRESS_ADVISOR_DEBUG?: string | undefined;
}

/** Everything a command may touch. */
export interface CliDeps {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  fs: FileSystem;
  /** Absolute path of the working directory; relative paths and report paths are resolved against it. */
  cwd: string;
  env: Readonly<CliEnvironment>;
  /** Version of the CLI package, for `--version` and SARIF. */
  version: string;
  /** kustomize, kubectl and helm, when they are on PATH, to render deployment units. */
  tools: ToolRunner;
}

/** Reads the environment variables the CLI uses into a typed object. */
export function readEnvironment(env: NodeJS.ProcessEnv): CliEnvironment {
  return {
    NO_COLOR: env.NO_COLOR,
    FORCE_COLOR: env.FORCE_COLOR,
    TERM: env.TERM,
    INGRESS_ADVISOR_DEBUG: env.INGRESS_ADVISOR_DEBUG,
  };
}

/** Written into the bundle by `scripts/build.mjs`; not defined when running from the sources. */
declare const INGRESS_ADVISOR_CLI_VERSION: string | undefined;

/** The version in this package's package.json: built into the bundle, else read from `src/../`. */
export function readPackageVersion(): string {
  if (typeof INGRESS_ADVISOR_CLI_VERSION === 'string') return INGRESS_ADVISOR_CLI_VERSION;
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as { version?: unknown };
  return typeof version === 'string' ? version : '0.0.0';
}

/**
 * Writes to an output stream whose descriptor is `fd`. Redirected to a file (`> report.json`,
 * `> /dev/null`), the text goes straight to the descriptor, one synchronous write per text as
 * Node's stream for files makes them: that stream first copies every string into a Buffer, which
 * for a 20 MB JSON report cost more than the write itself. Terminals and pipes keep the stream (a
 * pipe's reader may be slow, and the stream waits for it).
 */
export function outputWriter(
  fd: number,
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>,
): (text: string) => void {
  let isFile = false;
  try {
    const stats = fstatSync(fd);
    isFile = stream.isTTY !== true && (stats.isFile() || stats.isCharacterDevice());
  } catch {
    // No such descriptor (closed by the parent): the stream reports that when written to.
  }
  if (!isFile) return (text) => void stream.write(text);
  return (text) => {
    writeSync(fd, text);
  };
}

/** The real edges: process streams, `node:fs`, `process.env` and `process.cwd()`. */
export function createNodeDeps(): CliDeps {
  return {
    stdout: {
      write: outputWriter(1, process.stdout),
      isTTY: process.stdout.isTTY === true,
    },
    stderr: {
      write: (text) => void process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    },
    stdin: {
      read: (maxBytes) => readStream(process.stdin, maxBytes),
      lines: () => streamLines(process.stdin),
      isTTY: process.stdin.isTTY === true,
    },
    fs: nodeFileSystem,
    cwd: process.cwd(),
    env: readEnvironment(process.env),
    version: readPackageVersion(),
    tools: createNodeToolRunner(process.env.PATH),
  };
}

/** `FileSystem` on `node:fs`. */
export const nodeFileSystem: FileSystem = {
  // Synchronous under the promise: a repository is walked one entry at a time, and a round trip
  // through libuv's thread pool per entry left the process idle most of the walk (measured).
  async stat(path) {
    const stats = statSync(path);
    return {
      kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
      size: stats.isFile() ? stats.size : 0,
    };
  },
  async readdir(path) {
    const entries = readdirSync(path, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      kind: entry.isSymbolicLink()
        ? 'symlink'
        : entry.isDirectory()
          ? 'directory'
          : entry.isFile()
            ? 'file'
            : 'other',
    }));
  },
  readFile(path, maxBytes) {
    const fd = openSync(path, 'r');
    try {
      const stats = fstatSync(fd);
      return stats.isFile() ? readRegularFile(fd, stats.size, maxBytes) : readChunks(fd, maxBytes, []);
    } finally {
      closeSync(fd);
    }
  },
  async writeFile(path, text) {
    await writeFile(path, text, 'utf8');
  },
  async makeDirectory(path) {
    await mkdir(path, { recursive: true });
  },
};

/**
 * A regular file: one buffer of the size `fstat` gives plus a byte, so a single read usually
 * gets it all and shows it ended; never more than `maxBytes`. A file larger than it said (it grew,
 * or it is in /proc and says 0) is read on in chunks, still up to `maxBytes`.
 */
function readRegularFile(fd: number, size: number, maxBytes: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(Math.min(size + 1, maxBytes));
  const length = readInto(fd, buffer);
  if (length < buffer.length) return buffer.subarray(0, length);
  return length >= maxBytes ? buffer : readChunks(fd, maxBytes - length, [buffer]);
}

/** Fills `buffer` from the current position of `fd`; the bytes read (fewer at the end of the file). */
function readInto(fd: number, buffer: Uint8Array): number {
  let length = 0;
  while (length < buffer.length) {
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length;
}

/** Chunk size for pipes and devices: what a pipe holds at once on Linux. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads on in chunks, at most `maxBytes` more, after the bytes in `chunks`: for pipes (`<(helm
 * template ...)`), FIFOs and devices, whose size `fstat` does not know. Bounded, so a huge file or
 * an endless device such as /dev/zero costs at most `maxBytes` of memory.
 */
function readChunks(fd: number, maxBytes: number, chunks: Uint8Array[]): Uint8Array {
  let total = 0;
  while (total < maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(maxBytes - total, CHUNK_BYTES));
    const bytesRead = readInto(fd, chunk);
    if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (bytesRead < chunk.length) break;
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const kept = buffer.subarray(0, maxBytes - total);
    chunks.push(kept);
    total += kept.length;
    // Stop at the cap: an endless producer (`yes | ...`) must not keep us reading forever.
    if (total >= maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}
