/** Test helper: checks a message or view against the Block Kit limits the bot relies on. */
import { expect } from 'vitest';
import { type Block, LIMITS } from '../render/blocks.js';

export function expectWithinLimits(blocks: Block[], maxBlocks: number = LIMITS.messageBlocks): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  if (maxBlocks === LIMITS.messageBlocks) expect(JSON.stringify(blocks).length).toBeLessThan(13_000);
  const ids = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'section')
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        expect(element.value?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonValue);
        expect(ids.has(element.action_id ?? '')).toBe(false);
        ids.add(element.action_id ?? '');
      }
    }
  }
  const text = JSON.stringify(blocks);
  expect(text).not.toMatch(/<!(?:channel|here|everyone|subteam)|<@[UW][A-Z0-9]/);
}
