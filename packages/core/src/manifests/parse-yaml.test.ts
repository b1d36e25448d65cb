import { describe, expect, it } from 'vitest';
import { jsYaml } from '../internal/js-yaml.js';
import { type Keep, pruneValue } from './keep.js';
import {
  MAX_EXPANDED_NODES,
  parseYamlStream,
  plainScalarValue,
  Spellings,
  YAML_SCHEMA,
} from './parse-yaml.js';
import { lineAt } from './positions.js';

const { loadAll } = jsYaml;

describe('parseYamlStream', () => {
  it('keeps each document with the line of every key', () => {
    const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: LoadBalancer\n---\n# c\nkind: Pod\n';
    const { documents, problem } = parseYamlStream(text);
    expect(problem).toBeUndefined();
    expect(documents).toHaveLength(2);
    const first = documents[0]!;
    expect(lineAt(first.position!, ['spec', 'type'])).toBe(4);
    expect(lineAt(documents[1]!.position!, ['kind'])).toBe(7);
    expect(documents[1]!.index).toBe(1);
  });

  it('points into sequences and falls back to the deepest known line', () => {
    const text = 'spec:\n  ports:\n  - name: http\n    port: 80\n  - name: mqtt\n    port: 1883\n';
    const [document] = parseYamlStream(text).documents;
    expect(lineAt(document!.position!, ['spec', 'ports', 1, 'port'])).toBe(6);
    expect(lineAt(document!.position!, ['spec', 'ports', 1, 'missing'])).toBe(5);
  });

  it('reports a syntax error with line and column and keeps the documents around it', () => {
    const text = 'kind: A\n---\nkind: B\n  bad: [\n---\nkind: C\n';
    const { documents, problem } = parseYamlStream(text);
    expect(problem?.line).toBeGreaterThanOrEqual(4);
    expect(problem?.column).toBeGreaterThan(0);
    expect(documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['A', 'C']);
  });

  it('accepts duplicate keys, keeps the last value and says where they are', () => {
    const { documents, problem } = parseYamlStream('a: 1\nb: 2\na: 3\n');
    expect(problem).toBeUndefined();
    expect(documents[0]!.value).toEqual({ a: 3, b: 2 });
    expect(documents[0]!.duplicateKeys).toEqual([{ key: 'a', line: 3 }]);
  });

  it('finds duplicate keys in the parts it does not keep as in those it keeps', () => {
    const many = Array.from({ length: 20 }, (_, i) => `    k${i}: v`).join('\n');
    const text = `kind: ConfigMap\ndata:\n  a: 1\n  b: {x: 1, "x": 2}\n  a: 2\n  big:\n${many}\n    k3: again\n    k19: again\nlist:\n- {n: 1, n: 2}\n`;
    const keepingAll = parseYamlStream(text).documents[0]!.duplicateKeys;
    const keepingKind = parseYamlStream(text, { keepOf: () => ({ keys: { kind: 'all' } }) }).documents[0]!;
    expect(keepingAll).toEqual([
      { key: 'x', line: 4 },
      { key: 'a', line: 5 },
      { key: 'k3', line: 27 },
      { key: 'k19', line: 28 },
      { key: 'n', line: 30 },
    ]);
    expect(keepingKind.duplicateKeys).toEqual(keepingAll);
    expect(keepingKind.value).toEqual({ kind: 'ConfigMap' });
  });

  it('refuses an alias bomb with bounded work', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    const { problem } = parseYamlStream(levels.join('\n'));
    expect(problem?.message).toContain(String(MAX_EXPANDED_NODES));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses deep nesting', () => {
    const { problem } = parseYamlStream(`a: ${'['.repeat(500)}${']'.repeat(500)}`);
    expect(problem?.message).toMatch(/nests deeper than 100 levels/);
  });

  it('keeps __proto__ as a plain key without touching prototypes', () => {
    const { documents } = parseYamlStream('__proto__:\n  polluted: yes\n');
    const value = documents[0]!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('marks YAML tags Kubernetes never writes', () => {
    const { problem } = parseYamlStream('Resources:\n  Bucket:\n    Name: !Ref Foo\n');
    expect(problem?.foreignTags).toBe(true);
  });

  it('reads JSON', () => {
    const { documents } = parseYamlStream('{"kind": "Service", "spec": {"type": "LoadBalancer"}}');
    expect(documents[0]!.value).toEqual({ kind: 'Service', spec: { type: 'LoadBalancer' } });
  });
});

/**
 * The walker builds kept values itself; js-yaml's constructor is the reference it must match, on
 * the corners of the object map: keys read as numbers, booleans or null, keys written twice,
 * `__proto__`, quoted and block scalars, empty documents, and the texts js-yaml builds whole.
 */
describe('values built while walking equal js-yaml loadAll', () => {
  const texts: Record<string, string> = {
    'keys read as numbers, booleans and null': '80: http\n1.0: one\ntrue: yes\n~: nothing\n0x1F: hex\n',
    'keys written twice in different spellings': 'a: 1\n1: x\n1.0: y\nb: [1, 2]\na: 3\n',
    'scalars of every style':
      "a: 'single ''q'''\nb: \"double\\n\"\nc: |\n  lit\n  eral\nd: >-\n  fol\n  ded\ne: plain words\nf:\ng: ''\n",
    'numbers and specials':
      'a: 012\nb: 0o17\nc: .inf\nd: -.Inf\ne: .nan\nf: 1e3\ng: +12\nh: null\ni: NULL\nj: False\n',
    'flow collections': 'a: {b: [1, {c: d}], e: [], f: {}}\ng: [x, y, {h: ~}]\n',
    'empty documents among others': '---\n---\na: 1\n---\n# only a comment\n---\n- 1\n- two\n',
    __proto__: '__proto__:\n  polluted: yes\nconstructor: c\n',
    'anchors, aliases and merge keys (built whole)':
      'base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nlist: [*b]\n',
    'an inline merge with no alias': 'a:\n  <<: {x: 1}\n  y: 2\n',
    'tags (built whole)': 'a: !!str 12\nb: !!int "7"\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(name, () => {
      const { documents, problem } = parseYamlStream(text, { keepOf: () => 'all' });
      expect(problem).toBeUndefined();
      const expected = loadAll(text, { schema: YAML_SCHEMA, json: true });
      expect(documents.map((document) => document.value)).toEqual(expected);
      for (const [index, document] of documents.entries()) {
        expect(Object.keys(document.value ?? {})).toEqual(Object.keys(expected[index] ?? {}));
      }
    });
  }

  it('keeps only what keepOf names, as pruning the whole value would', () => {
    const text =
      'kind: Service\nmetadata: {name: a, labels: {x: "1"}}\nspec:\n  type: LoadBalancer\n  ports: [{port: 80, name: http}]\n  other: [1, 2]\n';
    const keep: Keep = {
      keys: {
        kind: 'all',
        metadata: { keys: { name: 'all' } },
        spec: { keys: { ports: { items: { keys: { port: 'all' } } } } },
      },
    };
    const [document] = parseYamlStream(text, { keepOf: () => keep }).documents;
    expect(document?.value).toEqual(pruneValue(loadAll(text, { schema: YAML_SCHEMA })[0], keep));
  });

  it('refuses a collection as a key where it is kept, as js-yaml does', () => {
    const { problem } = parseYamlStream('? [a, b]\n: c\n', { keepOf: () => 'all' });
    expect(problem?.message).toMatch(/complex keys/);
  });
});

describe('plainScalarValue', () => {
  it('reads a plain scalar as the YAML 1.2 core schema does, its shortcut for words included', () => {
    const words = [
      'n',
      'no',
      'yes',
      'on',
      'off',
      'y',
      'Y',
      'N',
      'nan',
      'inf',
      'Infinity',
      'NaN',
      'e5',
      'x1F',
      'o17',
      'b101',
    ];
    const spelled = [
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'False',
      'FALSE',
      'fALSE',
    ];
    const others = [
      '',
      '~',
      '12',
      '-3',
      '+4',
      '0x1F',
      '0o17',
      '1.5',
      '.5',
      '1e3',
      '.inf',
      '-.Inf',
      '.nan',
      '0b101',
      '1_000',
      '<<',
    ];
    for (const source of [...words, ...spelled, ...others]) {
      expect(plainScalarValue(source), source).toEqual(YAML_SCHEMA.resolveImplicitScalarTag(source).value);
    }
  });
});

describe('Spellings', () => {
  it('reads what slicing reads, whatever was read before into the same slot', () => {
    const spellings = new Spellings();
    // 20,000 distinct words of four letters, more than there are slots: many share one, and a word
    // must not be answered with another of its slot.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 20_000 }, (_, i) =>
      [0, 1, 2, 3].map((digit) => letters[Math.floor(i / 26 ** digit) % 26]).join(''),
    );
    const text = words.join(' ');
    let start = 0;
    for (const word of words) {
      expect(spellings.key(text, start, start + word.length)).toBe(word);
      expect(spellings.value(text, start, start + word.length)).toBe(word);
      start += word.length + 1;
    }
    // Read again, and from another text: the same answers.
    const again = ` ${text}`;
    start = 1;
    for (const word of words) {
      expect(spellings.key(again, start, start + word.length)).toBe(word);
      start += word.length + 1;
    }
  });

  it('reads long spellings too, and empty ones', () => {
    const spellings = new Spellings();
    const long = 'x'.repeat(60);
    expect(spellings.value(`a ${long} b`, 2, 62)).toBe(long);
    expect(spellings.key('abc', 1, 1)).toBe('');
  });

  it('leaves every parsed value as a plain parse has it when a load shares spellings', () => {
    const spellings = new Spellings();
    const texts = [
      'kind: Service\nmetadata: {name: api, labels: {app: api}}\nspec: {ports: [{port: 80, name: http}]}\n',
      'kind: Service\nmetadata: {name: "api", labels: {app: apx}}\nspec: {ports: [{port: "80", name: http2}]}\n',
    ];
    for (const text of texts) {
      const shared = parseYamlStream(text, { spellings }).documents.map((document) => document.value);
      expect(shared).toEqual(loadAll(text));
    }
  });
});
