/**
 * A reference YAML parser for the differential test, written to be obviously right rather than
 * fast: values from a plain js-yaml `loadAll` of the text (or of each `---` section, when the text
 * does not load), whole; positions and duplicate keys from a second, independent YAML parser (the
 * `yaml` package's syntax tree). It shares no code with `parse-yaml.ts`.
 *
 * Position details where the two are allowed to differ, because they describe the same node in
 * two ways, are harmonised here, each on purpose:
 * - a block scalar (`|`, `>`) is placed on its first content line, as js-yaml's events place it,
 *   not on its indicator;
 * - a merge key (`<<`) is not an entry of the mapping's positions (the keys it brings in fall back
 *   to the mapping's line);
 * - an empty value sits on its key's line.
 */
import {
  type Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  Scalar,
} from 'yaml';
import { jsYaml } from '../../internal/js-yaml.js';
import type { DuplicateKey, ParsedDocument, ParseResult } from '../parse-yaml.js';
import type { Position, PositionTree } from '../positions.js';

const SCHEMA = jsYaml.CORE_SCHEMA.withTags(jsYaml.mergeTag);

/** Same contract as `parseYamlStream`, ignoring `keepOf`: everything is kept. */
export function referenceParse(text: string): ParseResult {
  try {
    return { documents: documentsOf(text, 1) };
  } catch (error) {
    if (error instanceof ReferenceDisagrees) throw error;
    return { documents: recover(text), problem: problemOf(error, text) };
  }
}

function documentsOf(text: string, firstLine: number): ParsedDocument[] {
  const values = jsYaml.loadAll(text, { schema: SCHEMA, json: true });
  const lineCounter = new LineCounter();
  const trees = parseAllDocuments(text, { lineCounter, merge: true, uniqueKeys: false });
  const parsed = Array.isArray(trees) ? trees : [trees];
  // js-yaml and the `yaml` package must see the same documents; a text where they do not is a
  // finding of the test itself, so say so plainly.
  if (parsed.length !== values.length) {
    throw new ReferenceDisagrees(`js-yaml read ${values.length} documents, yaml ${parsed.length}`);
  }
  const refused = parsed.flatMap((document) => document.errors);
  if (refused.length > 0) {
    throw new ReferenceDisagrees(`js-yaml reads it, yaml does not: ${refused[0]?.message}`);
  }
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  return values.map((value, index) => {
    const document = parsed[index];
    const contents = document?.contents ?? null;
    const duplicateKeys: DuplicateKey[] = [];
    const line = contents?.range ? lineOf(contents.range[0]) : lineOf(0);
    const position =
      contents === null ? null : positionOf(contents as Node, { lineOf, text, duplicateKeys }, line);
    return { index, value, line, position, duplicateKeys };
  });
}

/** The two parsers of the reference read a text differently: the test cannot judge it. */
export class ReferenceDisagrees extends Error {}

interface Walk {
  lineOf: (offset: number) => number;
  text: string;
  /** Keys written twice in one mapping, in the order they are met. */
  duplicateKeys: DuplicateKey[];
}

function positionOf(node: Node, walk: Walk, fallback: number): Position {
  const { lineOf, text } = walk;
  if (isAlias(node)) return lineOf((node as Alias).range?.[0] ?? 0);
  if (isScalar(node)) {
    const scalar = node as Scalar;
    const start = scalar.range?.[0];
    if (start === undefined || (scalar.source === '' && scalar.range?.[0] === scalar.range?.[1]))
      return fallback;
    if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
      // The first content line: the line after the indicator's.
      const nextLine = text.indexOf('\n', start);
      return nextLine === -1 ? lineOf(start) : lineOf(Math.min(nextLine + 1, text.length - 1));
    }
    return lineOf(start);
  }
  const line = lineOf(node.range?.[0] ?? 0);
  const tree: PositionTree = { line };
  if (isMap(node)) {
    tree.entries = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as Scalar;
      // A plain key as written (as js-yaml's events give it); a quoted one as it reads.
      const name =
        key.type === Scalar.PLAIN && key.range ? text.slice(key.range[0], key.range[1]) : String(key.value);
      if (name === '<<' && key.type === Scalar.PLAIN) continue;
      const keyLine = lineOf(key.range?.[0] ?? 0);
      const value = pair.value === null ? keyLine : positionOf(pair.value as Node, walk, keyLine);
      for (let i = 0; i < tree.entries.length; i += 3) {
        if (tree.entries[i] !== name) continue;
        tree.entries.splice(i, 3);
        walk.duplicateKeys.push({ key: name, line: keyLine });
      }
      tree.entries.push(name, keyLine, value);
    }
  } else if (isSeq(node)) {
    tree.items = node.items.map((item) => (item === null ? line : positionOf(item as Node, walk, line)));
  }
  return tree;
}

/** The text section by section, as a user would split it: each `---` starts one. */
function recover(text: string): ParsedDocument[] {
  const lines = text.split('\n');
  const sections: Array<{ text: string; firstLine: number }> = [];
  let current: string[] = [];
  let firstLine = 1;
  lines.forEach((line, index) => {
    if (/^---(?:[ \t].*)?$/.test(line.replace(/\r$/, '')) && index > 0) {
      sections.push({ text: current.join('\n'), firstLine });
      current = [];
      firstLine = index + 1;
    }
    current.push(line);
  });
  sections.push({ text: current.join('\n'), firstLine });
  const documents: ParsedDocument[] = [];
  for (const section of sections) {
    try {
      for (const document of documentsOf(section.text, section.firstLine)) {
        if (document.value !== null && document.value !== undefined) documents.push(document);
      }
    } catch (error) {
      if (error instanceof ReferenceDisagrees) throw error;
      // the broken section
    }
  }
  return documents.map((document, index) => ({ ...document, index }));
}

function problemOf(error: unknown, text: string): ParseResult['problem'] {
  if (!(error instanceof jsYaml.YAMLException)) throw error;
  const offset = error.mark?.position ?? 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const reason = error.reason || 'the YAML could not be parsed';
  return {
    message: /maxDepth/.test(reason) ? 'the YAML nests deeper than 100 levels; refusing to read it' : reason,
    line,
    column,
    ...(/unknown .*tag/i.test(reason) ? { foreignTags: true } : {}),
  };
}
