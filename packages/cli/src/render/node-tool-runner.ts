/** `ToolRunner` on `node:child_process`: tools found on PATH, run with a timeout, scratch folders in the temp dir. */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ToolResult, ToolRunner } from '@ingress-advisor/core';

/** Largest output a renderer may print: a rendered unit is YAML, far below this. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export function createNodeToolRunner(path: string | undefined): ToolRunner {
  return {
    find(name) {
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
    },
    run(command, args, options) {
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
    },
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
