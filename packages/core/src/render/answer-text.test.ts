import { describe, expect, it } from 'vitest';
import { answer } from '../advice/answer.js';
import { matchChoice } from '../advice/conversation.js';
import { plainMarkdown, renderAnswerText, renderFollowUpsText } from './answer-text.js';

const DNS = 'a DNS server that needs UDP 53 from outside the cluster';

describe('renderAnswerText', () => {
  it('prints the short answer with the hint the adapter words, or the whole answer with long', () => {
    const result = answer(DNS);
    expect(result.short).not.toBe(result.markdown);
    const short = renderAnswerText(result, { moreHint: 'type more' });
    expect(short.split('\n')[0]).toMatch(/^Recommendation: Service type LoadBalancer \(\d+(\.\d)?\/100\)$/);
    expect(short.trimEnd().split('\n').at(-1)).toBe('(type more)');
    expect(short).not.toContain('What I understood');
    expect(renderAnswerText(result)).toBe(plainMarkdown(result.short));
    const long = renderAnswerText(result, { long: true, moreHint: 'type more' });
    expect(long).toBe(plainMarkdown(result.markdown));
    expect(long).toContain('What I understood');
  });

  it('gives no hint when the short answer is the whole answer', () => {
    const result = { ...answer(DNS), short: 'Use a **LoadBalancer**.', markdown: 'Use a **LoadBalancer**.' };
    expect(renderAnswerText(result, { moreHint: 'type more', color: true })).toBe(
      'Use a \u001b[1mLoadBalancer\u001b[22m.\n',
    );
  });
});

describe('renderFollowUpsText', () => {
  it('numbers the follow-ups and letters their choices, as matchChoice reads them back', () => {
    const { followUps } = answer('ingress or lb?');
    const text = renderFollowUpsText(followUps);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '',
      'Reply with a choice (e.g. 1a) or add detail in words:',
      '  1. What does the traffic speak?',
      '     1a) HTTP(S)  1b) TCP  1c) UDP  1d) Mixed (HTTP and TCP/UDP)',
    ]);
    for (const [index, followUp] of followUps.entries()) {
      const last = followUp.choices.length - 1;
      const id = `${index + 1}${String.fromCharCode(97 + last)}`;
      expect(text).toContain(`${id}) ${followUp.choices[last]?.label}`);
      expect(matchChoice(followUps, id)).toEqual({ id: followUp.id, choice: followUp.choices[last]?.value });
    }
    expect(renderFollowUpsText([])).toBe('');
  });
});

describe('plainMarkdown', () => {
  it('drops Markdown syntax: bold, code spans, escapes; links as title <url>; code blocks indented', () => {
    const markdown = [
      '**Recommendation:** Gateway API',
      'See [the docs](https://example.com/x) and `kubectl get svc`; 1\\. not a list',
      '```yaml',
      'kind: Service',
      '```',
      '',
    ].join('\r\n');
    expect(plainMarkdown(markdown)).toBe(
      [
        'Recommendation: Gateway API',
        'See the docs <https://example.com/x> and kubectl get svc; 1. not a list',
        '    kind: Service',
        '',
      ].join('\n'),
    );
    expect(plainMarkdown('**bold**', { color: true })).toBe('\u001b[1mbold\u001b[22m\n');
  });

  it('lets no control sequence of the text reach the terminal', () => {
    const text = plainMarkdown('\u001b[31mred\u0007 **x**\n```\n\u001b]0;title\u0007\n```');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });
});
