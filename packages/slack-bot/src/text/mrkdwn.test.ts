import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn, plainText } from './mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes the three characters Slack needs, so no mention, broadcast or link survives', () => {
    const hostile = '<!channel> <!here> <@U123ABC> <#C1|ops> <https://evil.example|docs> a & b';
    const escaped = escapeMrkdwn(hostile);
    expect(escaped).not.toMatch(/[<>]/);
    expect(escaped).toContain('&lt;!channel&gt;');
    expect(escaped).toContain('a &amp; b');
  });

  it('defuses plain-text broadcasts too', () => {
    expect(escapeMrkdwn('ping @here and @channel')).not.toMatch(/@(here|channel)\b/);
  });

  it('escapes an existing entity once more, so it shows literally', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('plainText', () => {
  it('keeps text on one line and cuts it at the limit', () => {
    expect(plainText('a\nb   c', 10)).toBe('a b c');
    expect(plainText('x'.repeat(200), 150)).toHaveLength(150);
  });
});

describe('markdownToMrkdwn', () => {
  it('converts bold, links, lists and backslash escapes', () => {
    const out = markdownToMrkdwn(
      '**Recommendation: Gateway API**\n\n- one \\*star\\*\n   - nested\n- [Docs \\[x\\]](https://gateway-api.sigs.k8s.io/)',
    );
    expect(out).toContain('*Recommendation: Gateway API*');
    expect(out).toContain('• one *star*');
    expect(out).toContain('    ◦ nested');
    expect(out).toContain('<https://gateway-api.sigs.k8s.io/|Docs [x]>');
  });

  it('keeps fenced code verbatim apart from the three escapes', () => {
    const out = markdownToMrkdwn('```yaml\nannotations: {a: "<b> & c"}\n**not bold**\n```');
    expect(out).toBe('```\nannotations: {a: "&lt;b&gt; &amp; c"}\n**not bold**\n```');
  });

  it('escapes user text that the engine put in the Markdown', () => {
    expect(markdownToMrkdwn('- you said \\<\\!channel\\>')).toBe('• you said &lt;!channel&gt;');
  });

  it('does not turn a non-http link into a Slack link', () => {
    expect(markdownToMrkdwn('[x](javascript:alert)')).not.toContain('<javascript');
  });

  it('closes a fence left open', () => {
    expect(markdownToMrkdwn('```\ncode').split('```')).toHaveLength(3);
  });
});
