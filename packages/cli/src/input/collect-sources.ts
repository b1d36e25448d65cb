/**
 * Turns the paths on the command line into the `SourceFile`s core analyses: walks directories, reads
 * files (bounded by MAX_FILE_BYTES) and standard input, and names every path it cannot use.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MAX_FILE_BYTES, type SourceFile } from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { describeFileError } from '../errors.js';

/** The path standard input is reported under. */
export { STDIN_PATH } from '@ingress-advisor/core';

import { STDIN_PATH } from '@ingress-advisor/core';

/** Extensions of the files a directory walk picks up (compared case-insensitively). */
export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/** File names a directory walk picks up whatever their extension: Kustomize's extension-less name. */
export const MANIFEST_FILE_NAMES: readonly string[] = ['Kustomization'];

/** Directory names a walk never enters (besides hidden ones). */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules'];

/** What the command line selected. */
export interface CollectedSources {
  /** In command-line order; files of a directory in name order. */
  sources: SourceFile[];
  /** One sentence per path that could not be used, naming it; any problem makes the run a usage error. */
  problems: string[];
  /** Directories given on the command line that held no manifest files. */
  emptyDirectories: string[];
  /** True when `-` was given. */
  usedStdin: boolean;
}

interface FileToRead {
  absolute: string;
  /** Path for the report: relative to the working directory, with forward slashes. */
  reportPath: string;
}

/**
 * Collects the sources named by `paths` (`.` when empty; `-` for standard input). Directories are
 * walked recursively for `*.yaml`, `*.yml`, `*.json` and `Kustomization` files, skipping hidden
 * entries and `node_modules`; symbolic links to files are read, symbolic links to directories are
 * not followed, so a walk cannot loop. A path named on the command line is always read, whatever
 * its name. A file is listed once however many arguments reach it.
 */
export async function collectSources(
  paths: readonly string[],
  deps: Pick<CliDeps, 'fs' | 'stdin' | 'stderr' | 'cwd'>,
): Promise<CollectedSources> {
  const result: CollectedSources = { sources: [], problems: [], emptyDirectories: [], usedStdin: false };
  const files: FileToRead[] = [];
  const seen = new Set<string>();
  let givenAbsolute = false;
  const addFile = (absolute: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, reportPath: toReportPath(deps.cwd, absolute, givenAbsolute) });
  };

  let stdinSource: SourceFile | undefined;
  const order: Array<FileToRead | 'stdin'> = [];
  for (const path of paths.length === 0 ? ['.'] : paths) {
    if (path === '-') {
      if (!result.usedStdin) order.push('stdin');
      result.usedStdin = true;
      continue;
    }
    const absolute = resolve(deps.cwd, path);
    givenAbsolute = isAbsolute(path);
    let kind: 'file' | 'directory' | 'other';
    try {
      kind = (await deps.fs.stat(absolute)).kind;
    } catch (error) {
      result.problems.push(`Cannot read ${path}: ${describeFileError(error)}.`);
      continue;
    }
    const before = files.length;
    if (kind === 'directory') {
      await walk(absolute, path, deps, addFile, result.problems);
      if (files.length === before) result.emptyDirectories.push(path);
    } else {
      // A regular file, or a pipe such as `<(helm template ...)`: read whatever its name.
      addFile(absolute);
    }
    order.push(...files.slice(before));
  }

  if (result.usedStdin) {
    if (deps.stdin.isTTY) {
      deps.stderr.write(
        'Reading manifests from standard input; end with Ctrl-D (Ctrl-Z, Enter on Windows).\n',
      );
    }
    try {
      stdinSource = { path: STDIN_PATH, text: decodeManifest(await deps.stdin.read(MAX_FILE_BYTES + 1)) };
    } catch (error) {
      result.problems.push(`Cannot read standard input: ${describeFileError(error)}.`);
    }
  }

  const texts = readAll(files, deps, result.problems);
  for (const entry of order) {
    if (entry === 'stdin') {
      if (stdinSource) result.sources.push(stdinSource);
      continue;
    }
    const text = texts.get(entry.absolute);
    if (text !== undefined) result.sources.push({ path: entry.reportPath, text });
  }
  return result;
}

async function walk(
  directory: string,
  shownAs: string,
  deps: Pick<CliDeps, 'fs'>,
  addFile: (absolute: string) => void,
  problems: string[],
): Promise<void> {
  let entries: Awaited<ReturnType<CliDeps['fs']['readdir']>>;
  try {
    entries = await deps.fs.readdir(directory);
  } catch (error) {
    problems.push(`Cannot list the directory ${shownAs}: ${describeFileError(error)}.`);
    return;
  }
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    // Hidden entries (.git, .github, .terraform, .gitlab-ci.yml, ...) are tooling, not manifests.
    if (entry.name.startsWith('.')) continue;
    const absolute = join(directory, entry.name);
    let kind = entry.kind;
    if (kind === 'symlink') {
      try {
        kind = (await deps.fs.stat(absolute)).kind;
      } catch {
        continue; // a dangling link: nothing to read
      }
      // Not following linked directories keeps the walk finite (a link to an ancestor loops).
      if (kind === 'directory') continue;
    }
    if (kind === 'directory') {
      if (SKIPPED_DIRECTORIES.includes(entry.name)) continue;
      await walk(absolute, joinShown(shownAs, entry.name), deps, addFile, problems);
    } else if (kind === 'file' && isManifestFileName(entry.name)) {
      addFile(absolute);
    }
  }
}

/** Whether a directory walk reads a file of this name. */
export function isManifestFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    MANIFEST_FILE_NAMES.includes(name) || MANIFEST_EXTENSIONS.some((extension) => lower.endsWith(extension))
  );
}

/** Reads the files one after the other (synchronous reads: see `FileSystem.readFile`). */
function readAll(
  files: readonly FileToRead[],
  deps: Pick<CliDeps, 'fs'>,
  problems: string[],
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files) {
    try {
      // One byte over the cap is enough to know the file is too large; the rest is never read.
      texts.set(file.absolute, decodeManifest(deps.fs.readFile(file.absolute, MAX_FILE_BYTES + 1)));
    } catch (error) {
      problems.push(`Cannot read ${file.reportPath}: ${describeFileError(error)}.`);
    }
  }
  return texts;
}

/** Drops a BOM and replaces invalid sequences with U+FFFD; keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8');

/**
 * Bytes to the text core reads. UTF-8, with a BOM dropped; invalid sequences become U+FFFD and NUL
 * bytes stay, so core can tell a binary file. Over the cap, the bounded prefix is decoded one
 * character per byte (latin1): core compares the text's length with MAX_FILE_BYTES before anything
 * else, and a UTF-8 decoding of multi-byte text could come out shorter than the cap and be parsed
 * truncated.
 */
/**
 * Files kustomizations name beside their YAML (generator inputs), read as text when they are there
 * and under the size cap; the others stay missing, and the unit says so.
 */
export function readKustomizeInputs(
  paths: readonly string[],
  deps: Pick<CliDeps, 'fs' | 'cwd'>,
): SourceFile[] {
  const read: SourceFile[] = [];
  for (const path of paths) {
    try {
      const bytes = deps.fs.readFile(resolve(deps.cwd, path), MAX_FILE_BYTES + 1);
      if (bytes.length <= MAX_FILE_BYTES) read.push({ path, text: decodeManifest(bytes) });
    } catch {
      // Not there, or not a file: the built-in reader reports it missing.
    }
  }
  return read;
}

export function decodeManifest(bytes: Uint8Array): string {
  if (bytes.length > MAX_FILE_BYTES) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
  return UTF8.decode(bytes);
}

/**
 * The path the report and the include/exclude globs use: relative to the working directory, with
 * forward slashes. A file outside the working directory reached from an absolute argument keeps
 * its absolute path (`<(helm template ...)` is `/dev/fd/63`, not `../../dev/fd/63`).
 */
export function toReportPath(cwd: string, absolute: string, givenAbsolute = false): string {
  const fromCwd = relative(cwd, absolute);
  const outside = fromCwd === '..' || fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd);
  const path = givenAbsolute && outside ? absolute : fromCwd === '' ? '.' : fromCwd;
  return sep === '/' ? path : path.split(sep).join('/');
}

function joinShown(parent: string, name: string): string {
  return parent === '.' ? name : `${parent.replace(/[\\/]+$/, '')}/${name}`;
}
