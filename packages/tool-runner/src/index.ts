/**
 * The processes ingress-advisor runs, on `node:child_process`, shared by the CLI and the Action:
 * the renderers behind core's `ToolRunner` (kustomize, kubectl, helm found on PATH) and git for the
 * Action's checkout. Every run is bounded by a timeout and never goes through a shell.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ToolResult, ToolRunner } from '@ingress-advisor/core';

/** Largest output a process may print: a rendered unit or a file listing is far below this. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export type { ToolResult };

/** A `ToolRunner` whose tools are looked up in `path` (a PATH value), scratch folders in the temp dir. */
export function createNodeToolRunner(path: string | undefined): ToolRunner {
  return {
    find: (name) => findOnPath(name, path),
    run: runProcess,
    async scratch() {
      const dir = await mkdtemp(join(tmpdir(), 'ingress-advisor-'));
      return {
        path: dir,
        write: (name, text) => writeFile(join(dir, name), text),
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  };
}

/** The absolute path of an executable file called `name` in the folders of `path`, or undefined. */
export function findOnPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs `command` with `args` (no shell), killed after `timeoutMs`; never rejects. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<ToolResult> {
  return new Promise<ToolResult>((resolvePromise) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        ...(options.env === undefined ? {} : { env: options.env }),
      },
      (error, stdout, stderr) => {
        const failure = error as
          | (NodeJS.ErrnoException & { code?: number | string; killed?: boolean })
          | null;
        resolvePromise({
          code: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null,
          stdout,
          stderr: stderr || (failure?.message ?? ''),
          timedOut: failure?.killed === true,
        });
      },
    );
  });
}
