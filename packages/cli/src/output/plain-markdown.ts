/**
 * Markdown from the core, rendered plainly for a terminal: no `**`, no backslash escapes, code
 * blocks indented, links as "title <url>". Every line is made terminal-safe.
 */
import { escapeTerminal } from '@ingress-advisor/core';

/** Renders the Markdown the advice engine writes as plain terminal text. */
export function plainMarkdown(markdown: string): string {
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^`{3,}/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(`    ${escapeTerminal(line)}`);
      continue;
    }
    const plain = line
      .replace(/&#8203;/g, '')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]<>#|~&$.)+-])/g, '$1');
    out.push(escapeTerminal(plain));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
