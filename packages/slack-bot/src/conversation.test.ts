import { answer } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import {
  answerConversation,
  decodeConversation,
  encodeConversation,
  MAX_STATE_CHARS,
  startConversation,
  withChoice,
  withMoreText,
} from './conversation.js';
import { MAX_QUESTION_CHARS } from './text/input.js';

describe('conversation state', () => {
  it('round-trips through a button value', () => {
    const conversation = withChoice(startConversation('ingress or lb?'), 'protocol', 'udp');
    expect(decodeConversation(encodeConversation(conversation))).toEqual(conversation);
  });

  it('rejects forged or malformed values', () => {
    for (const value of [
      '',
      'not json',
      '[]',
      '{"q":1}',
      '{"q":"x","c":[["a"]]}',
      '{"q":"x","c":[[1,2]]}',
      null,
    ]) {
      expect(decodeConversation(value)).toBeNull();
    }
  });

  it('fits a button value at the longest question and every follow-up', () => {
    let conversation = startConversation('x'.repeat(MAX_QUESTION_CHARS));
    for (const [id, choice] of [
      ['protocol', 'mixed'],
      ['services', 'more'],
      ['constraint', 'no-inbound'],
    ] as const) {
      conversation = withChoice(conversation, id, choice);
    }
    expect(encodeConversation(conversation).length).toBeLessThanOrEqual(MAX_STATE_CHARS);
  });

  it('carries no mention syntax and no token-like string', () => {
    const conversation = startConversation(
      'ingress or lb <!channel> <@U123> token xoxb-1234567890-abcdefghij?',
    );
    expect(encodeConversation(conversation)).not.toMatch(/<[!@]|xoxb-1234567890/);
  });

  it('refuses to grow the question past its limit', () => {
    expect(withMoreText(startConversation('x'.repeat(MAX_QUESTION_CHARS - 5)), 'and more words')).toBeNull();
  });
});

describe('answerConversation', () => {
  it('replays follow-up choices the way the engine answers them one by one', () => {
    const first = answer('ingress or lb?');
    const step = answer('ingress or lb?', { previous: first, followUp: { id: 'protocol', choice: 'udp' } });
    const replayed = answerConversation(withChoice(startConversation('ingress or lb?'), 'protocol', 'udp'));
    expect(replayed.requirements).toEqual(step.requirements);
    expect(replayed.recommended).toBe(step.recommended);
  });

  it('lets later words win over an earlier choice', () => {
    const conversation = withMoreText(
      withChoice(startConversation('ingress or lb?'), 'protocol', 'http'),
      'it is UDP on port 53',
    );
    expect(conversation).not.toBeNull();
    const result = answerConversation(conversation ?? startConversation(''));
    expect(result.requirements.protocols ?? []).not.toContain('http');
    expect(JSON.stringify(result.requirements)).toContain('udp');
  });
});
