/**
 * Reading what a bot sent to the fake Slack: the Web API calls one step caused, and Block Kit
 * messages (checked against Slack's limits, searched for buttons and text).
 */
import { expect } from 'vitest';
import type { ApiCall, FakeSlack } from '../fakes/slack-api.js';
import type { ButtonValue } from './slack-requests.js';

/** The Web API calls the fake receives from the moment this is made: what the next step causes. */
export class CallWindow {
  private readonly mark: number;

  constructor(private readonly fake: FakeSlack) {
    this.mark = fake.calls.length;
  }

  /** The calls so far, all of them or those to `method`. */
  of(method?: string): ApiCall[] {
    const calls = this.fake.calls.slice(this.mark);
    return method === undefined ? calls : calls.filter((call) => call.method === method);
  }

  /** Waits for the first call to `method`. */
  next(method: string): Promise<ApiCall> {
    return this.fake.waitFor(() => this.of(method)[0], 5000, `a ${method} call`);
  }

  /** Waits until `count` calls to `method` have come; returns them. */
  atLeast(method: string, count: number): Promise<ApiCall[]> {
    return this.fake.waitFor(
      () => (this.of(method).length >= count ? this.of(method) : undefined),
      5000,
      `${count} ${method} calls`,
    );
  }
}

/** The frame a Socket Mode client sent to acknowledge `envelopeId`, if it did. */
export function socketAck(fake: FakeSlack, envelopeId: string): unknown {
  return fake.socketFrames.find((frame) => (frame as { envelope_id?: string }).envelope_id === envelopeId);
}

/** The ts of the latest message the fake keeps in `channel` ('' if none). */
export function latestTs(fake: FakeSlack, channel: string): string {
  return fake.channels.get(channel)?.at(-1)?.ts ?? '';
}

export type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; action_id?: string; value?: string; text?: { text: string } }>;
};

/** Every rule of Block Kit this bot relies on, plus "no mention or broadcast it did not mean". */
export function expectWithinLimits(blocks: unknown, maxBlocks = 50): Block[] {
  expect(Array.isArray(blocks)).toBe(true);
  const list = blocks as Block[];
  expect(list.length).toBeGreaterThan(0);
  expect(list.length).toBeLessThanOrEqual(maxBlocks);
  if (maxBlocks === 50) expect(JSON.stringify(list).length).toBeLessThan(13_000);
  const actionIds = new Set<string>();
  for (const block of list) {
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(150);
    for (const element of block.elements ?? []) {
      if (element.type !== 'button') continue;
      expect(element.value?.length ?? 0).toBeLessThanOrEqual(2000);
      expect(element.text?.text.length ?? 0).toBeLessThanOrEqual(75);
      expect(actionIds.has(element.action_id ?? '')).toBe(false);
      actionIds.add(element.action_id ?? '');
    }
  }
  expectNoMentions(JSON.stringify(list));
  return list;
}

/** No broadcast (`<!channel>`, `<!here>`, ...) and no user or group mention. */
export function expectNoMentions(text: string): void {
  expect(text).not.toMatch(/<!(?:channel|here|everyone|subteam)/);
  expect(text).not.toMatch(/<@[UW][A-Z0-9]+/);
}

/** The buttons in `blocks`, in order. */
export function buttons(blocks: unknown): Array<ButtonValue & { label: string }> {
  return (blocks as Block[]).flatMap((block) =>
    (block.elements ?? [])
      .filter((e) => e.type === 'button')
      .map((e) => ({ action_id: e.action_id ?? '', value: e.value ?? '', label: e.text?.text ?? '' })),
  );
}

/** The action ids of the buttons in `blocks`. */
export function actionIds(blocks: unknown): string[] {
  return buttons(blocks).map((b) => b.action_id);
}

/** The button whose action id is `actionId` (or matches it), which must be there. */
export function expectButton(blocks: unknown, actionId: string | RegExp): ButtonValue & { label: string } {
  const found = buttons(blocks).find((b) =>
    typeof actionId === 'string' ? b.action_id === actionId : actionId.test(b.action_id),
  );
  expect(found, `a button ${String(actionId)}`).toBeDefined();
  return found!;
}

/** Everything in `blocks` as one string, to search for what the user reads. */
export const textOf = (blocks: unknown): string => JSON.stringify(blocks);
