/**
 * What a Slack message holds: a question, a manifest (inline or in a code block), or a request
 * for help. Slack sends message text with `&`, `<` and `>` escaped and wraps code in ``` fences.
 */

/** The longest question accepted; it must fit, with its follow-ups, in a button value (2000). */
export const MAX_QUESTION_CHARS = 1500;
/** The longest manifest accepted from a message or file. */
export const MAX_MANIFEST_CHARS = 60_000;

/** Undoes Slack's escaping of message text. `&amp;` last, so `&amp;lt;` stays `&lt;`. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Removes mentions of the bot (`<@U123>` or `<@U123|name>`) from a message's text. */
export function stripMentions(text: string, botUserId: string | undefined): string {
  const pattern =
    botUserId === undefined ? /<@[A-Z0-9]+(?:\|[^>]*)?>/g : new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g');
  return text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}

/** Slack's links `<https://x|label>` and `<mailto:…>` become their label (or URL). */
function unlink(text: string): string {
  return text.replace(
    /<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g,
    (_all, url: string, label?: string) => label ?? url,
  );
}

/** Code in ``` fences, if any, joined as one document stream. */
function fencedCode(text: string): string | null {
  const blocks = [...text.matchAll(/```(?:[a-zA-Z]+\n)?([\s\S]*?)```/g)].map((m) =>
    (m[1] ?? '').replace(/^\n/, ''),
  );
  return blocks.length === 0 ? null : blocks.join('\n---\n');
}

/** Whether text reads as Kubernetes YAML or JSON. */
export function looksLikeManifest(text: string): boolean {
  return /^\s*(?:apiVersion|kind)\s*:/m.test(text) || /"apiVersion"\s*:/.test(text);
}

/** A message, classified. */
export type MessageInput =
  | { kind: 'help' }
  | { kind: 'question'; text: string }
  | { kind: 'manifest'; text: string }
  | { kind: 'too-long'; what: 'question' | 'manifest'; length: number; limit: number };

/**
 * Slack's special tokens in raw text (`<!channel>`, `<@U123>`, `<#C123|ops>`, `<!subteam^S1|@sre>`)
 * become plain words, so a question echoed back (escaped or in a button value) mentions nobody.
 */
export function neutraliseTokens(raw: string): string {
  return raw
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|@?([^>]*))?>/g, (_all, label?: string) => `@${label ?? 'team'}`)
    .replace(/<@[UW][A-Z0-9]+(?:\|([^>]*))?>/g, (_all, label?: string) => `@${label ?? 'someone'}`)
    .replace(/<#C[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, label?: string) => `#${label ?? 'channel'}`)
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<![^>]*>/g, '');
}

/** Classifies raw Slack message text (still escaped, mentions of the bot already stripped). */
export function classifyMessage(raw: string): MessageInput {
  const text = unescapeSlack(neutraliseTokens(raw)).trim();
  const code = fencedCode(text);
  const manifest = code !== null && looksLikeManifest(code) ? code : looksLikeManifest(text) ? text : null;
  if (manifest !== null) {
    const cleaned = manifest.replace(/\u00a0/g, ' ');
    return cleaned.length > MAX_MANIFEST_CHARS
      ? { kind: 'too-long', what: 'manifest', length: cleaned.length, limit: MAX_MANIFEST_CHARS }
      : { kind: 'manifest', text: cleaned };
  }
  const question = unlink(text).replace(/`+/g, '').replace(/\s+/g, ' ').trim();
  if (question === '' || /^(?:help|\?|hi|hello|hey)[.!?]*$/i.test(question)) return { kind: 'help' };
  if (question.length > MAX_QUESTION_CHARS)
    return { kind: 'too-long', what: 'question', length: question.length, limit: MAX_QUESTION_CHARS };
  return { kind: 'question', text: question };
}

/** The sentence that explains a rejected input. */
export function tooLongMessage(input: Extract<MessageInput, { kind: 'too-long' }>): string {
  return input.what === 'question'
    ? `That question is ${input.length} characters long; I take up to ${input.limit}. Please ask it in fewer words.`
    : `That manifest is ${input.length} characters long; I review up to ${input.limit} at a time. Split it, or run \`ingress-advisor analyze\` on the files.`;
}
