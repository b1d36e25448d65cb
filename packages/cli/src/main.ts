/**
 * ingress-advisor (the CLI package): the terminal adapter. `main(argv, deps)` dispatches to a
 * command and resolves to the exit code; `index.ts` wires it to the real process.
 */

import { EXIT, type ExitCode } from './commands/definitions.js';
import { COMMANDS, commandByName } from './commands/index.js';
import type { CliDeps } from './deps.js';

export type { Command, ExitCode } from './commands/definitions.js';
export { EXIT } from './commands/definitions.js';
export type {
  CliDeps,
  CliEnvironment,
  DirectoryEntry,
  FileStat,
  FileSystem,
  InputStream,
  OutputStream,
} from './deps.js';
export { createNodeDeps } from './deps.js';

/** The program's `--help` text: the available commands only, and what is planned. */
export function programHelp(version: string): string {
  const available = COMMANDS.filter((command) => command.available);
  const planned = COMMANDS.filter((command) => !command.available);
  const width = Math.max(...available.map((command) => `${command.name} ${command.synopsis}`.length)) + 2;
  const lines = available.map(
    (command) => `  ${`${command.name} ${command.synopsis}`.padEnd(width)}${command.summary}`,
  );
  return `ingress-advisor ${version}: Ingress, LoadBalancer Service or Gateway API? Advice from your
Kubernetes manifests, and answers to your questions.

Usage: ingress-advisor <command> [options]

Commands:
${lines.join('\n')}
${
  planned.length > 0
    ? `\nPlanned, not available yet in this version: ${planned.map((command) => command.name).join(', ')}.\n`
    : ''
}
Options:
  -h, --help     Show this help. \`ingress-advisor <command> --help\` shows a command's options.
  -V, --version  Print the version.

Exit status: 0 on success, 1 when --fail-on trips, 2 on a usage error.
`;
}

/** Runs the CLI with the arguments after the program name; resolves to the exit code. */
export async function main(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    deps.stderr.write(programHelp(deps.version));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    deps.stdout.write(programHelp(deps.version));
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      deps.stdout.write(programHelp(deps.version));
      return EXIT.ok;
    }
    const command = commandByName(topic);
    if (command === undefined) return unknownCommand(deps, topic);
    deps.stdout.write(command.help(deps));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    deps.stdout.write(`${deps.version}\n`);
    return EXIT.ok;
  }
  const command = commandByName(first);
  if (command === undefined) return unknownCommand(deps, first);
  return command.run(deps, rest);
}

function unknownCommand(deps: CliDeps, name: string): ExitCode {
  const available = COMMANDS.filter((command) => command.available).map((command) => command.name);
  const what = name.startsWith('-') ? `option ${name}` : `command "${name}"`;
  deps.stderr.write(
    `Unknown ${what}. Available commands: ${available.join(', ')}.\nRun \`ingress-advisor --help\` for usage.\n`,
  );
  return EXIT.usage;
}
