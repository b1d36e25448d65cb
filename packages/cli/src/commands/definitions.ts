/** What a CLI command is: a name, its help beside it, and `run(deps, args)` returning the exit code. */
import type { CliDeps } from '../deps.js';
import { isUsageError } from '../errors.js';
import { type OptionSpecs, type ParsedOptions, parseOptions } from './internal/parse-options.js';

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

/** A command as declared: its options, and what it does with them once parsed. */
export interface CommandSpec extends Omit<Command, 'run'> {
  /** Its options; `--help` (`-h`) is added. */
  options: OptionSpecs;
  /** Runs with the parsed arguments; a `UsageError` it throws ends the command with exit 2. */
  run(deps: CliDeps, parsed: ParsedOptions): Promise<ExitCode>;
}

/**
 * Declares a command, and owns what every command does the same way: parsing its options strictly,
 * answering `--help`, and turning a usage error into its message and hints on stderr and exit 2.
 */
export function defineCommand(spec: CommandSpec): Command {
  const options: OptionSpecs = { ...spec.options, help: { type: 'boolean', short: 'h' } };
  return {
    name: spec.name,
    synopsis: spec.synopsis,
    summary: spec.summary,
    available: spec.available,
    help: spec.help,
    async run(deps, args) {
      try {
        const parsed = parseOptions(args, options, helpHint(spec.name));
        if (parsed.values.help === true) {
          deps.stdout.write(spec.help(deps));
          return EXIT.ok;
        }
        return await spec.run(deps, parsed);
      } catch (error) {
        if (!isUsageError(error)) throw error;
        deps.stderr.write(`${error.message}\n`);
        for (const hint of error.hints) deps.stderr.write(`${hint}\n`);
        return EXIT.usage;
      }
    },
  };
}

/** The line that points from a usage error to a command's help. */
export function helpHint(name: string): string {
  return `Run \`ingress-advisor ${name} --help\` for usage.`;
}
