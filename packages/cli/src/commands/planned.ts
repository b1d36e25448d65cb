/**
 * Commands of the CLI contract (DESIGN.md) that this version does not have yet. They answer with a
 * plain "not available yet" and exit 2, so a script that calls them fails loudly instead of
 * receiving an empty answer.
 */
import { defineCommand, EXIT } from './definitions.js';

function plannedCommand(name: string, synopsis: string, summary: string) {
  const message = (version: string): string =>
    `The ${name} command is not available yet in this version of ingress-advisor (${version}). Run \`ingress-advisor --help\` for the commands it has.\n`;
  return defineCommand({
    name,
    synopsis,
    summary,
    available: false,
    help: (deps) => message(deps.version),
    async run(deps) {
      deps.stderr.write(message(deps.version));
      return EXIT.usage;
    },
  });
}

/** `migrate PATH... --to ingress|gateway`: planned. */
export const migrateCommand = plannedCommand(
  'migrate',
  'PATH... --to ingress|gateway',
  'Write Ingress or Gateway API YAML that replaces LoadBalancer Services.',
);
