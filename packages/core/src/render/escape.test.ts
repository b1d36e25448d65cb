import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCodeSpan, escapeMarkdown, escapeTerminal } from './escape.js';

const ZWSP = '&#8203;';

describe('escapeMarkdown', () => {
  it('leaves ordinary names readable', () => {
    expect(escapeMarkdown('shop/web-2')).toBe('shop/web-2');
    expect(escapeMarkdown('api.example.com')).toBe('api.example.com');
  });

  it('neutralises @mentions of users and teams', () => {
    expect(escapeMarkdown('@org/team')).toBe(`@${ZWSP}org/team`);
    expect(escapeMarkdown('ping @octocat please')).toBe(`ping @${ZWSP}octocat please`);
    expect(escapeMarkdown('ops@example.com')).toBe(`ops@${ZWSP}example.com`);
  });

  it('neutralises issue references that would cross-link issues', () => {
    expect(escapeMarkdown('#123')).toBe(`\\#${ZWSP}123`);
    expect(escapeMarkdown('owner/repo#9')).toBe(`owner/repo\\#${ZWSP}9`);
    expect(escapeMarkdown('see GH-42')).toBe(`see GH-${ZWSP}42`);
  });

  it('does not break its own entities when a mention precedes a number', () => {
    expect(escapeMarkdown('@1')).toBe(`@${ZWSP}1`);
    expect(escapeMarkdown('@#1')).toBe(`@${ZWSP}\\#${ZWSP}1`);
  });

  it('escapes HTML so no tag, comment or details block is rendered', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('<!-- ingress-advisor -->')).toBe('\\<!-- ingress-advisor --\\>');
    expect(escapeMarkdown('<details><summary>x</summary>')).not.toMatch(/(?<!\\)</);
  });

  it('cannot open a link or an image', () => {
    expect(escapeMarkdown('](javascript:alert(1))')).toBe('\\](javascript:alert(1))');
    expect(escapeMarkdown('![x](https://evil.example/t.png)')).toBe('!\\[x\\](https://evil.example/t.png)');
  });

  it('keeps a table row intact: pipes are escaped and line breaks become spaces', () => {
    expect(escapeMarkdown('| pipes |')).toBe('\\| pipes \\|');
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e')).toBe('a b c d e');
  });

  it('escapes emphasis, code, strikethrough, entities and math delimiters', () => {
    expect(escapeMarkdown('*a* _b_ `c` ~d~ &amp; $x$ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\&amp; \\$x\\$ \\\\',
    );
  });

  it('cannot start a heading, list or quote', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
  });

  it('drops control characters and bidirectional overrides', () => {
    expect(escapeMarkdown('a\u0000b\u001b[31mc\u202ed\u2066e')).toBe('ab\\[31mcde');
  });
});

describe('escapeMarkdown on any input', () => {
  const hostile = fc.string({
    unit: fc.constantFrom(...'<>|@#`*_[]()!\\&$~-+1. \n\r\u001bazAZ09/:'.split('')),
    maxLength: 40,
  });

  it('never leaves an unescaped HTML, table, code, link or emphasis character, or a line break', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string()), (text) => {
        const escaped = escapeMarkdown(text).replace(/\\\\/g, '');
        expect(escaped).not.toMatch(/(?<!\\)[<>|`*_[\]~$]/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
        expect(escaped).not.toMatch(/[\r\n\u0000-\u001f]/);
      }),
    );
  });

  it('never leaves a mention or an issue reference', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        // What GitHub shows: entities decoded, and each backslash escape (CommonMark 2.4) undone
        // once, so an escaped backslash stays a backslash (`#\\0` shows `#\0`, not `#0`).
        const shown = escapeMarkdown(text)
          .replace(/&#8203;/g, '\u200b')
          .replace(/\\([!-/:-@[-`{-~])/g, '$1');
        expect(shown).not.toMatch(/@[\w-]/);
        expect(shown).not.toMatch(/#\d/);
      }),
    );
  });
});

describe('escapeCodeSpan', () => {
  it('keeps the text literal but cannot close the span or the line', () => {
    expect(escapeCodeSpan('a`b')).toBe('a\u02cbb');
    expect(escapeCodeSpan('a\nb')).toBe('a b');
    expect(escapeCodeSpan('@org/team <b>')).toBe('@org/team <b>');
  });

  it('escapes pipes only inside table cells', () => {
    expect(escapeCodeSpan('a|b')).toBe('a|b');
    expect(escapeCodeSpan('a|b', { inTable: true })).toBe('a\\|b');
  });

  it('never returns an empty span', () => {
    expect(escapeCodeSpan('')).toBe(' ');
  });
});

describe('escapeTerminal', () => {
  it('strips ANSI colour, cursor and screen sequences', () => {
    expect(escapeTerminal('\u001b[31mred\u001b[0m \u001b[2J\u001b[1;1H')).toBe('red ');
  });

  it('strips OSC sequences such as window titles and hyperlinks', () => {
    expect(escapeTerminal('a\u001b]0;pwned\u0007b')).toBe('ab');
    expect(escapeTerminal('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\')).toBe('click');
  });

  it('strips 8-bit CSI, lone escapes, other controls and bidi overrides', () => {
    expect(escapeTerminal('a\u009b31mb\u001bc\u0007d\u0008e\u202ef\u001b7g')).toBe('abdefg');
  });

  it('keeps text on one line', () => {
    expect(escapeTerminal('a\nb\r\nc\td')).toBe('a b c d');
  });

  it('leaves ordinary text and Unicode alone', () => {
    expect(escapeTerminal('shop/web ≈ $1.00 — ok ✓')).toBe('shop/web ≈ $1.00 — ok ✓');
  });
});
