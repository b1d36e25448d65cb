import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench corpus generator is plain JavaScript without types.
import { generateCorpus } from '../../../../bench/corpus.mjs';
import { type ParseResult, parseYamlStream, parseYamlStreams } from './parse-yaml.js';
import { skimIdentity, splitSections } from './skim.js';
import { needsDocument } from './slim.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures', import.meta.url));

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A refused document as its identity: the loader reads nothing else of it, and a document the
 * parser identified differently from the skimmer (a List, say) is compared on that alone.
 */
function identityIfRefused(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object = value as { apiVersion?: string; kind?: unknown; metadata?: Record<string, unknown> };
  if (typeof object.kind !== 'string' || needsDocument({ ...object, kind: object.kind })) return value;
  const metadata: Record<string, unknown> = {};
  for (const field of ['name', 'namespace', 'generateName']) {
    if (object.metadata?.[field] !== undefined) metadata[field] = object.metadata[field];
  }
  return { apiVersion: object.apiVersion, kind: object.kind, metadata };
}

/** What a caller sees of a parse: every document with its line, positions and duplicate keys. */
function observable(result: ParseResult) {
  return {
    problem: result.problem,
    documents: result.documents.map((document) => ({
      index: document.index,
      value: identityIfRefused(document.value),
      line: document.line,
      position: document.location.locate(),
      duplicateKeys: document.duplicateKeys,
    })),
  };
}

/**
 * Skimming must not change what a caller sees of a text that parses. Of a text that does not, it may:
 * a refused document is not parsed, so its syntax error goes unnoticed (tested below).
 */
function expectSameAsFullParse(text: string): void {
  const skimmed = parseYamlStream(text, { buildDocument: needsDocument });
  const parsed = parseYamlStream(text, { buildDocument: needsDocument, skim: false });
  if (parsed.problem === undefined) expect(observable(skimmed)).toEqual(observable(parsed));
  else observable(skimmed);
}

/** Lines that, in random order, make YAML streams with every case the skimmer must handle. */
const line = fc.constantFrom(
  'apiVersion: v1',
  'apiVersion: apps/v1',
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: ConfigMap',
  'kind: Service',
  'kind: Deployment',
  'kind: ServiceAccount',
  'kind: HTTPRoute',
  'kind: List',
  'metadata:',
  '  name: web',
  "  name: 'quoted'",
  '  name: "dq"',
  '  namespace: shop',
  '  labels:',
  '    name: label',
  '  annotations: {a: b}',
  'data:',
  '  key: value',
  '  block: |',
  '    text: here',
  'items:',
  '- kind: Service',
  '  metadata:',
  'spec:',
  '  type: LoadBalancer',
  '# a comment',
  '',
  '---',
  '--- # marker with a comment',
  'kind: ConfigMap # trailing',
  'name: top-level',
  'kind: &anchor ConfigMap',
  'broken: [',
  '\tkind: tab',
  '...',
  'x: 1',
  'x: 2',
);

const identityOf = (text: string) => {
  const sections = splitSections(text);
  if (sections === null) return 'split refused';
  return skimIdentity(text, sections.at(-1)!);
};

describe('skimIdentity', () => {
  it('reads kind, apiVersion and metadata names from top-level lines', () => {
    const text = `apiVersion: v1 # core
kind: ConfigMap
metadata:
  labels:
    name: not-this-one
  name: "settings"
  namespace: shop
data:
  application.yaml: |
    name: nor-this
rules:
- apiGroups: [""]
`;
    expect(identityOf(text)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'shop' },
    });
  });

  it.each([
    ['flow style', '{kind: ConfigMap, metadata: {name: a}}\n'],
    ['metadata in flow style', 'kind: ConfigMap\nmetadata: {name: a}\n'],
    ['an escaped name', 'kind: ConfigMap\nmetadata:\n  name: "a\\u0062"\n'],
    ['an anchor', 'kind: &k ConfigMap\n'],
    ['a tag', 'kind: !!str ConfigMap\n'],
    ['a complex key', '? kind\n: ConfigMap\n'],
    ['tabs', 'kind: ConfigMap\nmetadata:\n\tname: a\n'],
    ['a root sequence', '- kind: ConfigMap\n'],
    ['no kind', 'apiVersion: v1\nmetadata:\n  name: a\n'],
    ['a kind written twice', 'kind: ConfigMap\nkind: Service\n'],
    ['a quoted value running over lines', 'kind: ConfigMap\nmetadata:\n  annotations: "a\n  name: b"\n'],
    ['a flow value at the top', 'kind: ConfigMap\ndata: {a: b}\n'],
  ])('leaves %s to the parser', (_what, text) => {
    expect(identityOf(text)).toBe('parse');
  });

  it('refuses to split around directives, end markers and content on a marker line', () => {
    for (const text of [
      '%YAML 1.2\n---\nkind: A\n',
      'kind: A\n...\n',
      '--- {kind: A}\n',
      '--- |\n  text\n',
    ]) {
      expect(splitSections(text)).toBeNull();
    }
    expect(splitSections('kind: A\n---word: 1\n')).toHaveLength(1);
  });
});

describe('parseYamlStream with skimming', () => {
  it('gives what a full parse gives on every fixture', () => {
    for (const path of filesUnder(fixtures)) expectSameAsFullParse(readFileSync(path, 'utf8'));
  });

  it('gives what a full parse gives on the bench corpus', () => {
    const corpus = generateCorpus() as Array<{ text: string }>;
    for (const { text } of corpus.slice(0, 300)) expectSameAsFullParse(text);
  });

  it('does not parse documents it refuses, so their syntax errors go unnoticed', () => {
    const text =
      'kind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: [\n---\nkind: Service\nmetadata:\n  name: b\n';
    const { documents, problem } = parseYamlStream(text, { buildDocument: needsDocument });
    expect(problem).toBeUndefined();
    expect(documents.map((document) => document.value)).toEqual([
      { kind: 'ConfigMap', metadata: { name: 'a' } },
      { kind: 'Service', metadata: { name: 'b' } },
    ]);
    expect(documents[0]?.location.locate()).toBeNull();
  });

  it('reports no duplicate keys inside a refused document, skimmed or parsed', () => {
    // Found by the generated streams below: the skimmer passes nested lines unread.
    const text = `name: "dq"
--- # marker with a comment
spec:
  annotations: {a: b}
  annotations: {a: b}
kind: ConfigMap
`;
    expectSameAsFullParse(text);
    const parsed = parseYamlStream(text, { buildDocument: needsDocument, skim: false });
    expect(parsed.documents.map((document) => document.duplicateKeys)).toEqual([[], []]);
    const built = parseYamlStream(text.replace('ConfigMap', 'Service'), { buildDocument: needsDocument });
    expect(built.documents[1]?.duplicateKeys).toEqual([{ key: 'annotations', line: 5 }]);
  });

  it('places an empty node closing a document before a refused one where a full parse does', () => {
    // Found by the generated streams below: the empty block scalar ends where the ConfigMap's `---`
    // starts, and that ConfigMap is not in the text parsed.
    expectSameAsFullParse('  block: |\n  block: |\n--- # c\nkind: ConfigMap\n--- # c');
    expectSameAsFullParse('kind: Service\nspec:\n  x: |\n---\nkind: ConfigMap\n---\nkind: Service\n');
  });

  it('gives for several texts parsed together what each gives alone', () => {
    const text = fc
      .tuple(fc.array(line, { maxLength: 12 }), fc.boolean(), fc.boolean())
      .map(([lines, crlf, newlineAtEnd]) => lines.join(crlf ? '\r\n' : '\n') + (newlineAtEnd ? '\n' : ''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const options = { buildDocument: needsDocument };
        const together = parseYamlStreams(texts, options).map(observable);
        expect(together).toEqual(texts.map((each) => observable(parseYamlStream(each, options))));
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives what a full parse gives on generated streams', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, crlf) => {
        expectSameAsFullParse(lines.join(crlf ? '\r\n' : '\n'));
      }),
      { numRuns: 2_000 },
    );
  });
});
