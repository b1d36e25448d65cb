/**
 * Typed fakes of the CLI's edges: an in-memory file system, captured output and scripted standard
 * input. No real files are touched.
 */
import { posix } from 'node:path';
import type { ToolRunner } from '@ingress-advisor/core';
import type { CliDeps, CliEnvironment, DirectoryEntry, FileStat, FileSystem } from '../deps.js';

/** A node of the fake file system: file text (or bytes), a symbolic link, or an unreadable file. */
export type FakeNode =
  | string
  | Uint8Array
  | { symlink: string }
  | { unreadable: true }
  | { directory: true; unreadable?: boolean };

/** A fake file system from absolute paths; parent directories exist implicitly. */
export function createFakeFileSystem(tree: Record<string, FakeNode>): FileSystem & {
  written: Map<string, string>;
  reads: Array<{ path: string; maxBytes: number }>;
} {
  const nodes = new Map<string, FakeNode>();
  for (const [path, node] of Object.entries(tree)) {
    nodes.set(path, node);
    for (let dir = posix.dirname(path); !nodes.has(dir); dir = posix.dirname(dir)) {
      nodes.set(dir, { directory: true });
      if (dir === '/') break;
    }
  }
  const written = new Map<string, string>();
  const reads: Array<{ path: string; maxBytes: number }> = [];

  const fail = (code: string, path: string): never => {
    throw Object.assign(new Error(`${code}: ${path}`), { code });
  };
  /** Follows symbolic links in every component of the path, as stat and open do. */
  const follow = (path: string, depth = 0): [string, FakeNode] => {
    if (depth > 8) fail('ELOOP', path);
    let real = '/';
    for (const part of path.split('/').filter((segment) => segment !== '')) {
      const next = real === '/' ? `/${part}` : `${real}/${part}`;
      const node = nodes.get(next) ?? fail('ENOENT', path);
      real =
        typeof node === 'object' && 'symlink' in node
          ? follow(posix.resolve(posix.dirname(next), node.symlink), depth + 1)[0]
          : next;
    }
    return [real, nodes.get(real) ?? fail('ENOENT', path)];
  };
  const isDirectory = (node: FakeNode): boolean => typeof node === 'object' && 'directory' in node;
  const bytesOf = (node: FakeNode): Uint8Array =>
    typeof node === 'string' ? new TextEncoder().encode(node) : (node as Uint8Array);

  return {
    written,
    reads,
    async stat(path): Promise<FileStat> {
      const [, node] = follow(path);
      if (isDirectory(node)) return { kind: 'directory', size: 0 };
      if (typeof node === 'object' && 'unreadable' in node) return { kind: 'file', size: 10 };
      return { kind: 'file', size: bytesOf(node).length };
    },
    async readdir(path): Promise<DirectoryEntry[]> {
      const [real, node] = follow(path);
      if (!isDirectory(node)) fail('ENOTDIR', path);
      if ((node as { unreadable?: boolean }).unreadable) fail('EACCES', path);
      const prefix = real === '/' ? '/' : `${real}/`;
      const entries: DirectoryEntry[] = [];
      for (const [child, childNode] of nodes) {
        if (!child.startsWith(prefix) || child === real || child.slice(prefix.length).includes('/')) continue;
        const kind =
          typeof childNode === 'object' && 'symlink' in childNode
            ? 'symlink'
            : isDirectory(childNode)
              ? 'directory'
              : 'file';
        entries.push({ name: child.slice(prefix.length), kind });
      }
      // Real readdir order is unspecified: hand entries back reversed to prove the walk sorts.
      return entries.reverse();
    },
    readFile(path, maxBytes) {
      reads.push({ path, maxBytes });
      const [, node] = follow(path);
      if (isDirectory(node)) fail('EISDIR', path);
      if (typeof node === 'object' && 'unreadable' in node) fail('EACCES', path);
      return bytesOf(node).subarray(0, maxBytes);
    },
    async writeFile(path, text) {
      const parent = nodes.get(posix.dirname(path));
      if (parent === undefined || !isDirectory(parent)) fail('ENOENT', path);
      written.set(path, text);
    },
    async makeDirectory(path) {
      for (let dir = path; !nodes.has(dir); dir = posix.dirname(dir)) nodes.set(dir, { directory: true });
      const [, node] = follow(path);
      if (!isDirectory(node)) fail('EEXIST', path);
    },
  };
}

/** A machine with no kustomize, kubectl or helm. */
const NO_TOOLS: ToolRunner = {
  find: () => undefined,
  run: () => Promise.reject(new Error('no tool to run')),
  scratch: () => Promise.reject(new Error('no scratch folder')),
};

/** Options of `createFakeDeps`; everything has a happy-path default. */
export interface FakeDepsOptions {
  files?: Record<string, FakeNode>;
  cwd?: string;
  stdin?: string | Uint8Array;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  env?: CliEnvironment;
  version?: string;
  /** Rendering tools; by default none is found. */
  tools?: ToolRunner;
}

/** Fake deps plus what the command wrote. */
export interface FakeDeps extends CliDeps {
  fs: ReturnType<typeof createFakeFileSystem>;
  /** Everything written to standard output. */
  out(): string;
  /** Everything written to standard error. */
  err(): string;
  /** Byte limits standard input was read with. */
  stdinReads: number[];
}

/** Builds deps for a command run in `/repo` with no files, an empty stdin and no terminal. */
export function createFakeDeps(options: FakeDepsOptions = {}): FakeDeps {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stdinReads: number[] = [];
  const cwd = options.cwd ?? '/repo';
  const fs = createFakeFileSystem({ [cwd]: { directory: true }, ...options.files });
  return {
    stdout: { write: (text) => void stdout.push(text), isTTY: options.stdoutIsTTY ?? false },
    stderr: { write: (text) => void stderr.push(text), isTTY: false },
    stdin: {
      isTTY: options.stdinIsTTY ?? false,
      async read(maxBytes) {
        stdinReads.push(maxBytes);
        const input = options.stdin ?? '';
        const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
        return bytes.subarray(0, maxBytes);
      },
      async *lines() {
        const input = options.stdin ?? '';
        const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
        // As node:readline splits: \r\n, \n or a lone \r; a last line without a newline counts.
        const lines = text.split(/\r\n|\n|\r/);
        if (lines.at(-1) === '') lines.pop();
        yield* lines;
      },
    },
    fs,
    cwd,
    env: options.env ?? {},
    version: options.version ?? '9.9.9-test',
    tools: options.tools ?? NO_TOOLS,
    out: () => stdout.join(''),
    err: () => stderr.join(''),
    stdinReads,
  };
}
