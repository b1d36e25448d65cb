/** Every command, in one list: a new command is one file plus one line here. */
import { analyzeCommand } from './analyze.js';
import { askCommand } from './ask.js';
import { chatCommand } from './chat.js';
import type { Command } from './definitions.js';
import { migrateCommand } from './migrate.js';

/** All commands, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [analyzeCommand, askCommand, chatCommand, migrateCommand];

/** Looks a command up by the name typed on the command line. */
export function commandByName(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
