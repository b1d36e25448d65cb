import { describe, expect, it } from 'vitest';
import { context, fitMessage, LIMITS, sections } from './blocks.js';

describe('sections', () => {
  it('splits long text into sections within the limit, closing and reopening a cut fence', () => {
    const yaml = Array.from({ length: 400 }, (_, i) => `  key${i}: value-${'x'.repeat(20)}`).join('\n');
    const blocks = sections(`*Example*\n\`\`\`\n${yaml}\n\`\`\``);
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) {
      const text = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect((text.match(/```/g) ?? []).length % 2).toBe(0);
    }
    const joined = blocks.map((b) => (b.type === 'section' ? b.text?.text : '')).join('\n');
    expect(joined).toContain('key0:');
    expect(joined).toContain('key399:');
  });

  it('cuts a single line longer than a section', () => {
    const [block] = sections('y'.repeat(10_000));
    expect(block?.type === 'section' ? block.text?.text.length : 0).toBeLessThanOrEqual(LIMITS.sectionText);
  });
});

describe('fitMessage', () => {
  it('keeps the last blocks, and replaces what does not fit with a note', () => {
    const many = Array.from({ length: 80 }, (_, i) => context(`line ${i} ${'z'.repeat(200)}`));
    const tail = context('buttons');
    const fitted = fitMessage([...many, tail], 1, 'truncated');
    expect(fitted.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(LIMITS.messageChars);
    expect(fitted.at(-1)).toEqual(tail);
    expect(JSON.stringify(fitted.at(-2))).toContain('truncated');
  });

  it('leaves a message that fits alone', () => {
    const blocks = [context('a'), context('b')];
    expect(fitMessage(blocks, 1, 'note')).toEqual(blocks);
  });
});
