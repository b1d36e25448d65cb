import { describe, expect, it } from 'vitest';
import { type ColorInputs, shouldUseColor } from './terminal-color.js';

const terminal: ColorInputs = { noColorFlag: false, toFile: false, isTTY: true, env: {} };

describe('shouldUseColor', () => {
  it('colours a terminal', () => {
    expect(shouldUseColor(terminal)).toBe(true);
  });

  it('does not colour a pipe, a file or a dumb terminal', () => {
    expect(shouldUseColor({ ...terminal, isTTY: false })).toBe(false);
    expect(shouldUseColor({ ...terminal, toFile: true })).toBe(false);
    expect(shouldUseColor({ ...terminal, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('honours --no-color over everything, FORCE_COLOR', () => {
    expect(shouldUseColor({ ...terminal, noColorFlag: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });

  it('honours a non-empty NO_COLOR only', () => {
    expect(shouldUseColor({ ...terminal, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ ...terminal, env: { NO_COLOR: '' } })).toBe(true);
  });

  it('lets FORCE_COLOR force colours into a pipe, or turn them off with 0 or false', () => {
    expect(shouldUseColor({ ...terminal, isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ ...terminal, isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldUseColor({ ...terminal, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColor({ ...terminal, env: { FORCE_COLOR: 'false' } })).toBe(false);
    expect(shouldUseColor({ ...terminal, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
  });
});
