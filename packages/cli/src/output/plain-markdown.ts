/**
 * Markdown from the core, rendered plainly for a terminal: no `**`, no backslash escapes, code
 * blocks indented, links as "title <url>". Every line is made terminal-safe.
 */
import { escapeTerminal } from '@ingress-advisor/core';

/**
 * Renders the Markdown the advice engine writes as plain terminal text; with `color`, bold text is
 * bold (SGR 1) rather than plain.
 */
export function plainMarkdown(markdown: string, options: { color?: boolean } = {}): string {
  const bold = options.color === true ? '\u001b[1m$1\u001b[22m' : '$1';
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
    // Escaped first, so only the bold codes added here reach the terminal.
    const plain = escapeTerminal(line)
      .replace(/&#8203;/g, '')
      .replace(/\*\*([^*]+)\*\*/g, bold)
      .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 <$2>')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]<>#|~&$.)+-])/g, '$1');
    out.push(plain);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
