import { describe, expect, it } from 'vitest';
import { reverseApplyPatch } from './patch.js';

describe('reverseApplyPatch', () => {
  const base = `${['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n')}\n`;

  it('rebuilds the base from the head and a patch with several hunks', () => {
    const head = `${['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n')}\n`;
    const patch = ['@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', '@@ -9,2 +9,3 @@', ' i', ' j', '+k'].join('\n');
    expect(reverseApplyPatch(head, patch)).toBe(base);
  });

  it('rebuilds the empty base of an added file, and the base of a file emptied at head', () => {
    expect(reverseApplyPatch('x\ny\n', '@@ -0,0 +1,2 @@\n+x\n+y')).toBe('');
    expect(reverseApplyPatch('', '@@ -1,2 +0,0 @@\n-x\n-y')).toBe('x\ny\n');
  });

  it('keeps carriage returns of CRLF files', () => {
    expect(reverseApplyPatch('a\r\nB\r\n', '@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r')).toBe('a\r\nb\r\n');
  });

  it('gives up on a patch that does not fit the head text', () => {
    expect(reverseApplyPatch('a\nX\nc\n', '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c')).toBeNull();
    expect(reverseApplyPatch('a\n', '@@ -1,1 +1,2 @@\n a\n+b')).toBeNull();
    expect(reverseApplyPatch('a\n', 'not a patch')).toBeNull();
  });

  it('gives up on files without a final newline', () => {
    expect(
      reverseApplyPatch(
        'a\nb',
        '@@ -1,2 +1,2 @@\n a\n-c\n\\ No newline at end of file\n+b\n\\ No newline at end of file',
      ),
    ).toBeNull();
  });
});
