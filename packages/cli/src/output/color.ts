/** Whether terminal output gets ANSI colours: decided once per run from flags, environment and TTY. */
import type { CliEnvironment } from '../deps.js';

/** What the colour decision reads. */
export interface ColorInputs {
  /** `--no-color` was given. */
  noColorFlag: boolean;
  /** The report goes to a file (`--output`), never coloured. */
  toFile: boolean;
  /** Standard output is a terminal. */
  isTTY: boolean;
  env: Readonly<CliEnvironment>;
}

/**
 * Colour when writing to a terminal, unless told otherwise. In order: `--no-color` and `--output`
 * turn it off; `FORCE_COLOR` forces it (off for `0` or `false`, as Node reads it) and wins over
 * `NO_COLOR`, as in Node; a non-empty `NO_COLOR` turns it off (https://no-color.org); then the
 * terminal decides, except a `TERM=dumb` one.
 */
export function shouldUseColor({ noColorFlag, toFile, isTTY, env }: ColorInputs): boolean {
  if (noColorFlag || toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}
