/** What a CLI command is: a name, its help beside it, and `run(deps, args)` returning the exit code. */
import type { CliDeps } from '../deps.js';

/** Exit codes (DESIGN.md): success, `--fail-on` tripped, usage error. */
export const EXIT = { ok: 0, failOn: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One command of `ingress-advisor`. */
export interface Command {
  /** The word typed after `ingress-advisor`. */
  name: string;
  /** Arguments as shown in the program help, e.g. `[PATH... | -]`. */
  synopsis: string;
  /** One line for the program help. */
  summary: string;
  /** False for commands planned but not in this version; they are not listed as available. */
  available: boolean;
  /** The full `--help` text of the command. */
  help(deps: CliDeps): string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(deps: CliDeps, args: readonly string[]): Promise<ExitCode>;
}

/** Declares a command; the identity function, for type checking and a uniform shape. */
export function defineCommand(command: Command): Command {
  return command;
}
