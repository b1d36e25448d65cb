/** `node:util` parseArgs with messages that name the offending option and say what to do. */
import { parseArgs } from 'node:util';
import { UsageError } from '../../errors.js';

/** Option declarations as `parseArgs` takes them. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parsed options and positionals. */
export interface ParsedOptions {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly. An unknown option, a missing value or a value given to a
 * flag becomes a `UsageError` naming the option. A lone `-` is a positional (standard input), and
 * `--` ends the options.
 */
export function parseOptions(args: readonly string[], options: OptionSpecs, helpHint: string): ParsedOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedOptions['values'], positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error, args, options), [helpHint]);
  }
}

function describeParseError(error: unknown, args: readonly string[], options: OptionSpecs): string {
  const code = (error as { code?: unknown }).code;
  // Node's messages are long and suggest `--` tricks; find the token ourselves and say it plainly.
  const { tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) {
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${token.rawName}.`;
      continue;
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      return `Option ${token.rawName} takes no value.`;
    }
    if (spec.type === 'string') {
      const value = token.value;
      // As parseArgs does: a separate value starting with "-" (but not "-" itself) is taken as a
      // forgotten value, not as the value.
      if (value === undefined || (!token.inlineValue && value.length > 1 && value.startsWith('-'))) {
        return `Option ${token.rawName} needs a value.`;
      }
    }
  }
  return error instanceof Error ? error.message : String(error);
}
