import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../errors.js';
import { type OptionSpecs, parseOptions } from './parse-options.js';

const options = {
  format: { type: 'string', short: 'f' },
  verbose: { type: 'boolean', short: 'v' },
} satisfies OptionSpecs;

function messageOf(args: string[]): string {
  try {
    parseOptions(args, options, 'See --help.');
  } catch (error) {
    if (isUsageError(error)) return `${error.message} ${error.hints.join(' ')}`;
    throw error;
  }
  return 'no error';
}

describe('parseOptions', () => {
  it('keeps "-" as a positional and honours "--"', () => {
    expect(parseOptions(['a', '-', '-fjson', '--', '--b'], options, '')).toEqual({
      values: { format: 'json' },
      positionals: ['a', '-', '--b'],
    });
  });

  it('names an unknown option', () => {
    expect(messageOf(['--colour'])).toBe('Unknown option --colour. See --help.');
    expect(messageOf(['-x'])).toBe('Unknown option -x. See --help.');
  });

  it('names an option missing its value, also when the next word is another option', () => {
    expect(messageOf(['--format'])).toBe('Option --format needs a value. See --help.');
    expect(messageOf(['-f', '--verbose'])).toBe('Option -f needs a value. See --help.');
  });

  it('names a flag given a value', () => {
    expect(messageOf(['--verbose=yes'])).toBe('Option --verbose takes no value. See --help.');
  });
});
