/** Block Kit building blocks, and the limits every message and view must stay within. */
import type { types } from '@slack/bolt';
import { plainText } from '../text/mrkdwn.js';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** Block Kit limits (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  /** Slack answers `msg_blocks_too_long` at about 13,200 characters of blocks (bolt-js#2509). */
  messageChars: 12_000,
  /** Top-level `text` is truncated above 40,000 and edits fail near 4,000 (msg_too_long). */
  fallbackText: 3500,
} as const;

/** Room kept below the section limit for a fence closed and reopened across a split. */
const SECTION_BUDGET = LIMITS.sectionText - 100;

/** A message: blocks plus the plain `text` used for notifications and screen readers. */
export interface Message {
  text: string;
  blocks: Block[];
}

export function header(text: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: plainText(text, LIMITS.headerText), emoji: true },
  };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) }] };
}

export function divider(): Block {
  return { type: 'divider' };
}

export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const result: Button = {
    type: 'button',
    text: { type: 'plain_text', text: plainText(label, LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, 255),
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style !== undefined) result.style = style;
  return result;
}

export function actions(elements: Button[], blockId?: string): Block {
  const block: types.ActionsBlock = { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

/**
 * mrkdwn as one or more section blocks of at most 3000 characters each. Splits at line ends, and
 * closes and reopens a ``` fence cut in two, so long YAML stays readable code in every part.
 */
export function sections(mrkdwn: string): Block[] {
  const out: Block[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  const flush = (): void => {
    if (current.length === 0) return;
    const text = current.join('\n') + (inFence ? '\n```' : '');
    if (text.trim() !== '' && text.trim() !== '```\n```')
      out.push({ type: 'section', text: { type: 'mrkdwn', text } });
    current = inFence ? ['```'] : [];
    length = current.join('\n').length;
  };
  for (const rawLine of mrkdwn.split('\n')) {
    // A single line longer than a section is cut; YAML lines this long are not readable anyway.
    const line = truncate(rawLine, SECTION_BUDGET - 10);
    if (length + line.length + 1 > SECTION_BUDGET) flush();
    current.push(line);
    length += line.length + 1;
    if (line.trim() === '```') inFence = !inFence;
    else if (line.startsWith('```') && !line.trimEnd().endsWith('```')) inFence = !inFence;
  }
  if (inFence) current.push('```');
  inFence = false;
  flush();
  return out;
}

/** Characters a block contributes to the message payload's text budget. */
function blockChars(block: Block): number {
  return JSON.stringify(block).length;
}

/**
 * Fits blocks into one message: at most 50 blocks and about 12k characters. The `keepLast` blocks
 * (buttons, feedback) are always kept; what does not fit before them is replaced by a note.
 */
export function fitMessage(blocks: Block[], keepLast: number, note: string): Block[] {
  const tail = blocks.slice(blocks.length - keepLast);
  const head = blocks.slice(0, blocks.length - keepLast);
  const noteBlock = context(note);
  let budget = LIMITS.messageChars - tail.reduce((sum, b) => sum + blockChars(b), 0) - blockChars(noteBlock);
  const room = LIMITS.messageBlocks - tail.length - 1;
  const kept: Block[] = [];
  for (const block of head) {
    const size = blockChars(block);
    if (kept.length >= room || size > budget) return [...kept, noteBlock, ...tail];
    kept.push(block);
    budget -= size;
  }
  return [...kept, ...tail];
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
