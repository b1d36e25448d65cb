import { describe, expect, it } from 'vitest';
import { encodeConversation, startConversation } from '../conversation.js';
import { createLogger } from '../log.js';
import { ANSWER_METADATA } from '../payloads.js';
import { type BotContext, conversationFromMessages, guarded, reviewManifest } from './shared.js';

const metadata = (question: string) => ({
  event_type: ANSWER_METADATA,
  event_payload: { state: encodeConversation(startConversation(question)) },
});

function context(lines: string[] = []): BotContext {
  return {
    logger: createLogger('debug', (line) => lines.push(line)),
    botToken: 'xoxb-test',
    trustedFileHosts: new Set(),
  };
}

describe('conversationFromMessages', () => {
  it("reads the bot's latest answer, ignoring other bots and plain messages", () => {
    const messages = [
      { ts: '1', bot_id: 'B1', metadata: metadata('first question') },
      { ts: '2', user: 'U1', text: 'more' },
      { ts: '3', bot_id: 'B1', metadata: metadata('second question') },
      { ts: '4', bot_id: 'B9', metadata: metadata('another bot') },
    ];
    expect(conversationFromMessages(messages, 'B1')?.question).toBe('second question');
  });

  it('returns null when there is no answer, or its state is not ours', () => {
    expect(conversationFromMessages([{ ts: '1', text: 'hi' }], 'B1')).toBeNull();
    const forged = [
      { ts: '1', bot_id: 'B1', metadata: { event_type: ANSWER_METADATA, event_payload: { state: '{' } } },
    ];
    expect(conversationFromMessages(forged, 'B1')).toBeNull();
  });
});

describe('guarded', () => {
  it('turns a failure into an apology and a log line that share an error id', async () => {
    const lines: string[] = [];
    const said: string[] = [];
    await guarded(
      context(lines),
      'test',
      async () => {
        throw new Error('boom with xoxb-1234567890-abcdefghij inside');
      },
      async (text) => said.push(text),
    );
    const record = JSON.parse(lines.find((l) => l.includes('handler_failed')) ?? '{}') as {
      errorId: string;
      message: string;
    };
    expect(record.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(said[0]).toContain(record.errorId);
    expect(record.message).not.toContain('xoxb-1234567890');
  });
});

describe('reviewManifest', () => {
  it('logs the manifest only at debug, redacted', () => {
    const lines: string[] = [];
    const ctx = context(lines);
    ctx.logger.setLevel('info' as Parameters<typeof ctx.logger.setLevel>[0]);
    reviewManifest(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: hunter2hunter2\n',
      null,
      ctx,
    );
    expect(lines.join('\n')).not.toContain('kind: Secret');
    ctx.logger.setLevel('debug' as Parameters<typeof ctx.logger.setLevel>[0]);
    reviewManifest(
      'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: hunter2hunter2\n',
      null,
      ctx,
    );
    expect(lines.join('\n')).toContain('kind: Secret');
    expect(lines.join('\n')).not.toContain('hunter2hunter2');
  });
});
