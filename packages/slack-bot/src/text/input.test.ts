import { describe, expect, it } from 'vitest';
import {
  classifyMessage,
  MAX_MANIFEST_CHARS,
  MAX_QUESTION_CHARS,
  neutraliseTokens,
  stripMentions,
} from './input.js';

describe('classifyMessage', () => {
  it('reads help, greetings and empty text as a request for help', () => {
    for (const text of ['', 'help', 'Help!', '?', 'hi']) expect(classifyMessage(text).kind).toBe('help');
  });

  it('reads a question, with Slack links and mentions turned into plain words', () => {
    expect(classifyMessage('ingress or lb for <https://shop.example.com|shop.example.com> <!here>?')).toEqual(
      {
        kind: 'question',
        text: 'ingress or lb for shop.example.com @here?',
      },
    );
  });

  it('finds YAML in a code block, strips the fences and undoes Slack escaping', () => {
    const input = classifyMessage(
      'review this:\n```yaml\napiVersion: v1\nkind: Service\nmetadata: {name: "a&amp;b", annotations: {x: "&lt;y&gt;"}}\n```',
    );
    expect(input).toEqual({
      kind: 'manifest',
      text: 'apiVersion: v1\nkind: Service\nmetadata: {name: "a&b", annotations: {x: "<y>"}}\n',
    });
  });

  it('finds inline YAML without fences', () => {
    expect(classifyMessage('apiVersion: v1\nkind: Service').kind).toBe('manifest');
  });

  it('caps questions and manifests with their limits', () => {
    expect(classifyMessage('why '.repeat(MAX_QUESTION_CHARS))).toMatchObject({
      kind: 'too-long',
      what: 'question',
      limit: MAX_QUESTION_CHARS,
    });
    expect(classifyMessage(`apiVersion: v1\n# ${'x'.repeat(MAX_MANIFEST_CHARS)}`)).toMatchObject({
      kind: 'too-long',
      what: 'manifest',
    });
  });
});

describe('neutraliseTokens', () => {
  it('turns every special token into plain text', () => {
    const out = neutraliseTokens(
      '<!channel> <!here|here> <@U12345|alice> <@W999> <#C1|ops> <!subteam^S1|@sre> <!date^1|today>',
    );
    expect(out).toBe('@channel @here @alice @someone #ops @sre today');
  });
});

describe('stripMentions', () => {
  it('removes only the bot when its id is known', () => {
    expect(stripMentions('<@UBOT> ask <@U2> too', 'UBOT')).toBe('ask <@U2> too');
  });
});
