/**
 * Whether terminal output gets ANSI colours: one policy for every terminal adapter (the CLI's
 * commands, the bot's console chat), decided once per run from flags, environment and TTY. The
 * caller reads the environment; this only decides.
 */

/** The environment variables the decision reads. */
export interface ColorEnvironment {
  /** Any non-empty value turns colour off (https://no-color.org). */
  NO_COLOR?: string | undefined;
  /** Forces colour on, or off with `0` / `false`, as Node itself reads it. */
  FORCE_COLOR?: string | undefined;
  /** `dumb` terminals get no colour. */
  TERM?: string | undefined;
}

/** What the colour decision reads. */
export interface ColorInputs {
  /** `--no-color` was given. */
  noColorFlag: boolean;
  /** The report goes to a file (`--output`), never coloured. */
  toFile: boolean;
  /** Standard output is a terminal. */
  isTTY: boolean;
  env: Readonly<ColorEnvironment>;
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
