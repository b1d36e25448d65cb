/**
 * The one place migrations turn objects into YAML text: js-yaml with keys in the order we built
 * them, no line folding and no anchors, and comments made safe to embed.
 */
import { jsYaml } from '../../internal/js-yaml.js';

const { dump } = jsYaml;

/** One generated document with the comment lines written above it. */
export interface EmittedDocument {
  comments: string[];
  object: Record<string, unknown>;
}

/** Multi-document YAML: the header comments, then each document with its comments. */
export function renderDocuments(header: readonly string[], documents: readonly EmittedDocument[]): string {
  if (documents.length === 0) return '';
  const parts = [commentBlock(header)];
  for (const document of documents) {
    parts.push(`---\n${commentBlock(document.comments)}${toYaml(document.object)}`);
  }
  return parts.join('');
}

/** One object as YAML, keys in insertion order. */
export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: false, lineWidth: -1, noRefs: true });
}

function commentBlock(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '#\n' : `# ${toCommentText(line)}\n`)).join('');
}

/**
 * Text from manifests (names, annotation values) ends up in comments: a line break there would
 * end the comment and turn the rest into YAML, so every line break or control character becomes a
 * space.
 */
export function toCommentText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove.
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ').trimEnd();
}
