import { describe, expect, it } from 'vitest';
import { formatMarkdownTemplate, markdownFromText, splitCodeSpans } from './markdown-text.js';

describe('splitCodeSpans', () => {
  it('splits prose and code spans as CommonMark pairs backtick runs', () => {
    expect(splitCodeSpans('run `helm template` then ``a`b`` end')).toEqual([
      { text: 'run ' },
      { text: 'helm template', fence: '`' },
      { text: ' then ' },
      { text: 'a`b', fence: '``' },
      { text: ' end' },
    ]);
  });

  it('reads an unclosed backtick as text', () => {
    expect(splitCodeSpans('a ` b')).toEqual([{ text: 'a ` b' }]);
    expect(splitCodeSpans('``a` b')).toEqual([{ text: '``a` b' }]);
  });
});

describe('formatMarkdownTemplate', () => {
  it('escapes data as text in prose and as code inside the template’s code spans', () => {
    const template = 'Service {{name}} sets `{{annotation}}`.';
    expect(formatMarkdownTemplate(template, { name: '@team_a', annotation: 'x|y`z' })).toBe(
      'Service @&#8203;team\\_a sets `x|y\u02cbz`.',
    );
    expect(formatMarkdownTemplate(template, { name: 'a', annotation: 'x|y' }, { inTable: true })).toBe(
      'Service a sets `x\\|y`.',
    );
  });

  it('leaves unknown placeholders as they are', () => {
    expect(formatMarkdownTemplate('{{missing}}', {})).toBe('{{missing}}');
  });
});

describe('markdownFromText', () => {
  it('keeps the code spans of our own sentences and escapes the rest', () => {
    expect(markdownFromText('one Service: `type: LoadBalancer` for <b>@x</b>')).toBe(
      'one Service: `type: LoadBalancer` for \\<b\\>@&#8203;x\\</b\\>',
    );
  });
});
