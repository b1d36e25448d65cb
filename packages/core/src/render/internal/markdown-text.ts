/**
 * Markdown from text we write ourselves (rule templates, advice sentences) that may hold data from
 * manifests: code spans the text opens are kept as code, everything else is escaped.
 */
import { formatTemplate, type MessageData } from '../../rules/define-rule.js';
import { escapeCodeSpan, escapeMarkdown } from '../escape.js';

/** A piece of text: prose, or the inside of a code span with its backtick fence. */
export interface TextSegment {
  text: string;
  /** The backticks around a code span; absent for prose. */
  fence?: string;
}

/**
 * Splits text into prose and code spans as CommonMark reads them: a run of N backticks opens a span
 * that the next run of exactly N backticks closes; a run nothing closes is literal text.
 */
export function splitCodeSpans(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const run = /`+/g;
  let proseStart = 0;
  let searchFrom = 0;
  while (searchFrom < text.length) {
    run.lastIndex = searchFrom;
    const open = run.exec(text);
    if (open === null) break;
    const fence = open[0];
    const contentStart = open.index + fence.length;
    const close = findClosingRun(text, contentStart, fence.length);
    if (close === -1) {
      searchFrom = contentStart;
      continue;
    }
    if (open.index > proseStart) segments.push({ text: text.slice(proseStart, open.index) });
    segments.push({ text: text.slice(contentStart, close), fence });
    proseStart = close + fence.length;
    searchFrom = proseStart;
  }
  if (proseStart < text.length) segments.push({ text: text.slice(proseStart) });
  return segments;
}

function findClosingRun(text: string, from: number, length: number): number {
  const run = /`+/g;
  run.lastIndex = from;
  for (let match = run.exec(text); match !== null; match = run.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}

/** Where the Markdown goes. */
export interface MarkdownTextOptions {
  /** The text goes into a table cell. @default false */
  inTable?: boolean;
}

/** A trusted template filled with escaped data: in code spans as code, elsewhere as Markdown text. */
export function formatMarkdownTemplate(
  template: string,
  data: MessageData,
  options: MarkdownTextOptions = {},
): string {
  return splitCodeSpans(template)
    .map((segment) =>
      segment.fence === undefined
        ? formatTemplate(segment.text, data, escapeMarkdown)
        : `${segment.fence}${formatTemplate(segment.text, data, (value) => escapeCodeSpan(value, options))}${segment.fence}`,
    )
    .join('');
}

/**
 * Text we generate around data (advice sentences, reasons): its code spans stay code spans and the
 * rest is escaped, so a Service name cannot add Markdown while `type: LoadBalancer` still reads as code.
 */
export function markdownFromText(text: string, options: MarkdownTextOptions = {}): string {
  return splitCodeSpans(text)
    .map((segment) =>
      segment.fence === undefined
        ? escapeMarkdown(segment.text)
        : `${segment.fence}${escapeCodeSpan(segment.text, options)}${segment.fence}`,
    )
    .join('');
}
