/**
 * Slack mrkdwn: escaping of text from users and manifests, and a converter for the CommonMark the
 * advice engine writes. Only `&`, `<` and `>` have to be escaped (api.slack.com formatting docs);
 * escaping them is also what stops `<!channel>`, `<!here>`, `<@U…>` and spoofed `<url|label>` links.
 */

/** Plain-text broadcasts Slack may still expand when `link_names` is on; a zero-width joiner defuses them. */
const BROADCAST = /@(channel|here|everyone)\b/gi;

/** Escapes user or manifest text for mrkdwn: the result shows the text literally and mentions nobody. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u2060$1');
}

/** Escapes text for a plain_text object (no mrkdwn there, but broadcasts are still defused). */
export function plainText(text: string, max: number): string {
  const clean = text.replace(BROADCAST, '@\u2060$1').replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

/** Undoes CommonMark backslash escapes (the engine escapes user text that way). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()<>#|~&$.+!-])/g, '$1').replace(/&#8203;/g, '\u200b');
}

const LINK = /\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+)\)/g;

/** Converts one line of the engine's inline Markdown (bold, code, links, escapes) to mrkdwn. */
export function inlineToMrkdwn(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    out += textToMrkdwn(line.slice(last, match.index));
    // Our sources are fixed https URLs; the label is escaped like any other text.
    out += `<${match[2]}|${escapeMrkdwn(unescapeMarkdown(match[1] ?? '')).replace(/\|/g, '¦')}>`;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + textToMrkdwn(line.slice(last));
}

function textToMrkdwn(segment: string): string {
  return escapeMrkdwn(unescapeMarkdown(segment)).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/**
 * Converts the engine's Markdown (paragraphs, lists, bold, links, fenced code) to mrkdwn. Code in
 * fences is kept verbatim apart from the three escapes Slack needs there too.
 */
export function markdownToMrkdwn(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const opening = /^(`{3,})[\w-]*\s*$/.exec(line);
    if (fence === null && opening !== null) {
      fence = opening[1] ?? '```';
      out.push('```');
      continue;
    }
    if (fence !== null) {
      if (line.trim() === fence) {
        fence = null;
        out.push('```');
      } else out.push(escapeMrkdwn(line));
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading !== null) {
      out.push(`*${inlineToMrkdwn(heading[1] ?? '').replace(/\*/g, '')}*`);
      continue;
    }
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (item !== null) {
      const nested = (item[1] ?? '').length >= 2;
      out.push(`${nested ? '    ◦' : '•'} ${inlineToMrkdwn(item[2] ?? '')}`);
      continue;
    }
    out.push(inlineToMrkdwn(line));
  }
  if (fence !== null) out.push('```');
  return out.join('\n');
}
