/** The repository configuration file, as the CLI finds and reads it. */
import { resolve } from 'node:path';
import { CONFIG_FILE_NAME, type Config, DEFAULT_CONFIG, parseConfig } from '@ingress-advisor/core';
import type { CliDeps } from '../deps.js';
import { describeFileError, UsageError } from '../errors.js';
import { decodeManifest } from './collect-sources.js';

/**
 * The configuration: `--config FILE` (which must exist), else `.ingress-advisor.yml` in the working
 * directory when there is one, else the defaults.
 */
export async function loadConfig(deps: CliDeps, configFile: string | undefined): Promise<Config> {
  const shownAs = configFile ?? CONFIG_FILE_NAME;
  const absolute = resolve(deps.cwd, shownAs);
  let bytes: Uint8Array;
  try {
    const stat = await deps.fs.stat(absolute);
    if (stat.kind === 'directory') throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = deps.fs.readFile(absolute, MAX_CONFIG_BYTES + 1);
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    if (configFile === undefined && missing) return DEFAULT_CONFIG;
    throw new UsageError(`Cannot read the configuration file ${shownAs}: ${describeFileError(error)}.`);
  }
  if (bytes.length > MAX_CONFIG_BYTES) {
    throw new UsageError(`The configuration file ${shownAs} is larger than 1 MiB; is it the right file?`);
  }
  const parsed = parseConfig(decodeManifest(bytes));
  if (parsed.ok) return parsed.config;
  const lines = parsed.problems.map(
    (problem) => `  ${problem.path === '' ? '(file)' : problem.path}: ${problem.message}`,
  );
  throw new UsageError(`The configuration file ${shownAs} is not valid:\n${lines.join('\n')}`, [
    'Correct it and run again, or pass another file with --config FILE.',
  ]);
}

/** A configuration is a few lines; anything this large is the wrong file. */
const MAX_CONFIG_BYTES = 1024 * 1024;
