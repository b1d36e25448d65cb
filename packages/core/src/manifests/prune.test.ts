import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench corpus generator is plain JavaScript without types.
import { generateCorpus } from '../../../../bench/corpus.mjs';
import { type ParseResult, parseYamlStreams } from './parse-yaml.js';
import { lineAt, type NodePath } from './positions.js';
import { buildPlain, type Keep, pruneText, pruneValue } from './prune.js';
import { splitSections } from './skim.js';
import { keepInText, needsDocument, slimObject } from './slim.js';

const DEPLOYMENT = keepInText({ apiVersion: 'apps/v1', kind: 'Deployment' });

function pruned(text: string, keep: Keep = DEPLOYMENT): string | null {
  const [section] = splitSections(text) ?? [];
  const ranges = pruneText(text, section!, keep);
  if (ranges === null) return null;
  let kept = '';
  for (let i = 0; i < ranges.length; i += 2) kept += text.slice(ranges[i], ranges[i + 1]);
  return kept;
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    team: shop
  annotations:
    ingress-advisor.io/ignore: all
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: web
      containers:
      - name: web
        image: nginx
        env:
        - name: A
          value: |
            text
        ports:
        - containerPort: 80
      - image: sidecar
        args: ["--port", "9090"]
        restartPolicy: Always
status:
  replicas: 2
`;

describe('pruneText', () => {
  it('keeps a workload’s names and annotations, pod template labels and container ports, and the first entry of each mapping', () => {
    expect(pruned(deployment)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    ingress-advisor.io/ignore: all
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: web
      containers:
      - name: web
        ports:
        - containerPort: 80
      - image: sidecar
        restartPolicy: Always
`);
  });

  it.each([
    ['a tag', deployment.replace('image: nginx', 'image: !!str nginx')],
    ['a tab indent', deployment.replace('  replicas: 2', '\treplicas: 2')],
    ['a quoted key', deployment.replace('  replicas: 2', '  "replicas": 2')],
    ['a duplicate key where it walks', deployment.replace('  replicas: 2', '  replicas: 2\n  replicas: 3')],
    ['a merge key', deployment.replace('  replicas: 2', '  <<: {replicas: 2}')],
    ['an anchor where it walks', deployment.replace('  replicas: 2', '  replicas: &r 2')],
    ['a quoted value over two lines', deployment.replace('  replicas: 2', '  replicas: "2\n  3"')],
    ['a flow value over two lines', deployment.replace('  replicas: 2', '  replicas: [2,\n  3]')],
    ['a complex key', deployment.replace('  replicas: 2', '  ? replicas\n  : 2')],
  ])('leaves %s to the parser', (_, text) => {
    expect(pruned(text)).toBeNull();
  });

  it('keeps a value of another shape than expected whole', () => {
    const text = 'kind: Deployment\nspec:\n  template:\n  - not: a mapping\n  - x\n';
    expect(pruned(text)).toBe(text);
  });

  it('keeps everything of kinds it is not told to cut', () => {
    expect(pruned(deployment, 'all')).toBe(deployment);
  });
});

describe('pruneValue', () => {
  it('keeps what the tree names and values of another shape whole', () => {
    const keep: Keep = { keys: { a: 'all', b: { items: { keys: { c: 'all' } } } } };
    expect(pruneValue({ a: { x: 1 }, b: [{ c: 1, d: 2 }, 'text'], e: 3 }, keep)).toEqual({
      a: { x: 1 },
      b: [{ c: 1 }, 'text'],
    });
    expect(pruneValue('text', keep)).toBe('text');
    expect(pruneValue({ b: 'text' }, keep)).toEqual({ b: 'text' });
  });
});

// --- Equivalence with the whole parse, on random workload documents ------------------------------

/** A small deterministic generator: fast-check draws the seed, so a failure prints a replayable one. */
function randomOf(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

type Tree = { map: Array<[string, Tree]> } | { seq: Tree[] } | { scalar: string[] };

const SCALARS: string[][] = [
  ['web'],
  ['8080'],
  ['"quoted: value"'],
  ["'single ''quoted'''"],
  ['{a: 1, b: [x, y]}'],
  ['[one, two]'],
  ['|', '  line one', '', '  line three'],
  ['>-', '  folded', '  text'],
  ['plain', '  continued'],
  ['"multi', '  line"'],
  ['null'],
  [''],
  ['*/5 * * * *'],
  ['value # with a comment'],
];

const KEYS = [
  'name',
  'image',
  'env',
  'ports',
  'spec',
  'template',
  'metadata',
  'containers',
  'labels',
  'value',
];

function randomTree(random: (n: number) => number, depth: number, path: string[]): Tree {
  const kind = depth > 3 ? 2 : random(3);
  if (kind === 0) {
    const keys = new Set<string>();
    const entries: Array<[string, Tree]> = [];
    const count = 1 + random(4);
    for (let i = 0; i < count; i++) {
      const key = KEYS[random(KEYS.length)] as string;
      if (keys.has(key) && random(8) !== 0) continue; // now and then, a duplicate key
      keys.add(key);
      entries.push([key, randomTree(random, depth + 1, [...path, key])]);
    }
    return { map: entries };
  }
  if (kind === 1)
    return { seq: Array.from({ length: 1 + random(3) }, () => randomTree(random, depth + 1, path)) };
  return { scalar: SCALARS[random(SCALARS.length)] as string[] };
}

/** A workload whose template is deep enough for the pruner to walk, with random content around it. */
function randomWorkload(random: (n: number) => number): Tree {
  const container = (): Tree => ({
    map: [
      ['name', { scalar: ['c'] }],
      ...(random(2) ? ([['image', randomTree(random, 3, [])]] as Array<[string, Tree]>) : []),
      ['ports', { seq: [{ map: [['containerPort', { scalar: ['80'] }]] }] }],
      ...(random(2) ? ([['env', randomTree(random, 2, [])]] as Array<[string, Tree]>) : []),
    ],
  });
  const podSpec: Tree = {
    map: [
      ...(random(2) ? ([['volumes', randomTree(random, 2, [])]] as Array<[string, Tree]>) : []),
      ['containers', { seq: Array.from({ length: 1 + random(2) }, container) }],
      ...(random(3) === 0 ? ([['initContainers', { seq: [container()] }]] as Array<[string, Tree]>) : []),
    ],
  };
  const template: Tree = {
    map: [
      [
        'metadata',
        {
          map: [
            ...(random(3) === 0
              ? ([['annotations', randomTree(random, 3, [])]] as Array<[string, Tree]>)
              : []),
            ['labels', { map: [['app', { scalar: ['web'] }]] }],
          ],
        },
      ],
      ['spec', random(6) === 0 ? randomTree(random, 2, []) : podSpec],
    ],
  };
  const spec: Tree = {
    map: [
      ...(random(2) ? ([['replicas', { scalar: ['2'] }]] as Array<[string, Tree]>) : []),
      ['template', template],
      ...(random(2) ? ([['selector', randomTree(random, 2, [])]] as Array<[string, Tree]>) : []),
    ],
  };
  return {
    map: [
      ['apiVersion', { scalar: ['apps/v1'] }],
      ['kind', { scalar: ['Deployment'] }],
      [
        'metadata',
        {
          map: [
            ['name', { scalar: ['web'] }],
            ...(random(2) ? ([['labels', randomTree(random, 2, [])]] as Array<[string, Tree]>) : []),
            ...(random(3) === 0
              ? ([['annotations', { map: [['a', { scalar: ['b'] }]] }]] as Array<[string, Tree]>)
              : []),
          ],
        },
      ],
      ['spec', spec],
      ...(random(3) === 0 ? ([['status', randomTree(random, 1, [])]] as Array<[string, Tree]>) : []),
    ],
  };
}

/** YAML text for a tree, in styles picked at random: indent widths, indentless sequences, comments. */
function emit(tree: Tree, random: (n: number) => number): string {
  const lines: string[] = [];
  const step = random(2) ? 2 : 4;
  const comment = (indent: number): void => {
    if (random(10) === 0) lines.push(random(2) ? '' : `${' '.repeat(random(indent + 3))}# note`);
  };
  const scalarLines = (scalar: string[], prefix: string, indent: number): void => {
    const [first, ...rest] = scalar;
    lines.push(`${prefix}${first === '' ? '' : ' '}${first}`.trimEnd());
    for (const line of rest) lines.push(line === '' ? '' : `${' '.repeat(indent)}${line}`);
  };
  const value = (node: Tree, prefix: string, indent: number, allowIndentless: boolean): void => {
    if ('scalar' in node) {
      scalarLines(node.scalar, prefix, indent);
    } else if ('map' in node) {
      lines.push(prefix);
      mapping(node.map, indent + step, null);
    } else {
      lines.push(prefix);
      sequence(node.seq, allowIndentless && random(2) ? indent : indent + step);
    }
  };
  const mapping = (entries: Array<[string, Tree]>, indent: number, firstPrefix: string | null): void => {
    entries.forEach(([key, node], index) => {
      if (index > 0 || firstPrefix === null) comment(indent);
      const prefix = index === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
      value(node, `${prefix}${key}:`, indent, true);
    });
  };
  const sequence = (items: Tree[], indent: number): void => {
    for (const item of items) {
      comment(indent);
      const dash = `${' '.repeat(indent)}-`;
      if ('map' in item && item.map.length > 0) mapping(item.map, indent + 2, `${dash} `);
      else if ('seq' in item) value(item, dash, indent, false);
      else if ('scalar' in item) scalarLines(item.scalar, dash, indent + 2);
      else lines.push(`${dash} {}`);
    }
  };
  if ('map' in tree) mapping(tree.map, 0, null);
  return `${lines.join(random(12) === 0 ? '\r\n' : '\n')}\n`;
}

/** Line-level damage: what random edits to real files look like. */
function damage(text: string, random: (n: number) => number): string {
  const lines = text.split('\n');
  const at = random(lines.length);
  switch (random(6)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2:
      lines[at] = ` ${lines[at]}`;
      break;
    case 3:
      lines[at] = (lines[at] ?? '').replace(/^ {2}/, '');
      break;
    case 4:
      lines[at] = `${lines[at]} &anchor`;
      lines.push(`extra: *anchor`);
      break;
    default:
      return text;
  }
  return lines.join('\n');
}

const PATHS: NodePath[] = [
  ['metadata', 'name'],
  ['spec', 'template', 'metadata', 'labels', 'app'],
  ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'],
  ['spec', 'template', 'spec', 'containers', 1, 'name'],
];

function slimmed(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const object = value as { apiVersion?: unknown; kind?: unknown };
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return value;
  return slimObject(value as Parameters<typeof slimObject>[0]);
}

/** Cutting must not change what the loader reads of a text the whole parse accepts. */
function expectSameAsWholeParse(texts: string[]): void {
  const options = { buildDocument: needsDocument };
  const cut = parseYamlStreams(texts, { ...options, keepInText });
  const whole = parseYamlStreams(texts, options);
  whole.forEach((result: ParseResult, index) => {
    const mine = cut[index] as ParseResult;
    if (result.problem !== undefined) return; // a syntax error in a cut part goes unnoticed: allowed
    expect(mine.problem).toBeUndefined();
    expect(mine.documents.map((document) => slimmed(document.value))).toEqual(
      result.documents.map((document) => slimmed(document.value)),
    );
    expect(mine.documents.map((document) => document.line)).toEqual(result.documents.map((d) => d.line));
    mine.documents.forEach((document, i) => {
      const other = result.documents[i]!;
      // Duplicate keys inside cut parts go unnoticed; those reported are the whole parse's.
      for (const duplicate of document.duplicateKeys) expect(other.duplicateKeys).toContainEqual(duplicate);
      const position = document.location.locate();
      const expected = other.location.locate();
      for (const path of PATHS) {
        if (position !== null && expected !== null)
          expect(lineAt(position, path)).toBe(lineAt(expected, path));
      }
    });
  });
}

describe('cutting workloads before parsing', () => {
  it('reads the same as the whole parse, on random workloads in random styles', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 4 }), (seed, count) => {
        const random = randomOf(seed);
        const texts = Array.from({ length: count }, () => {
          const documents = Array.from({ length: 1 + random(2) }, () => emit(randomWorkload(random), random));
          return documents.join(random(2) ? '---\n' : '--- # next\n');
        });
        expectSameAsWholeParse(texts);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same as the whole parse, or less of what is broken, on damaged workloads', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = randomOf(seed);
        const text = damage(emit(randomWorkload(random), random), random);
        expectSameAsWholeParse([text, deployment]);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same on the bench corpus and on each pod template kind', () => {
    const corpus = (generateCorpus() as Array<{ text: string }>).slice(0, 300).map((file) => file.text);
    const kinds = ['CronJob', 'Pod', 'StatefulSet', 'Job'].map((kind) =>
      deployment.replace('Deployment', kind),
    );
    expectSameAsWholeParse([...corpus, deployment, ...kinds]);
  });
});

describe('buildPlain', () => {
  const require = createRequire(import.meta.url);
  const yaml = require('js-yaml') as typeof import('js-yaml');
  const schema = yaml.CORE_SCHEMA.withTags(yaml.mergeTag);
  const resolve = (plain: string): unknown => schema.resolveImplicitScalarTag(plain).value;
  const built = (text: string) => buildPlain(text, [0, text.length], resolve);

  it('builds what the parser builds, numbers and booleans included', () => {
    const text = 'a: 1\nb:\n  c: true\n  d:\n  - x\n  - 0x1F\ne:\n- f: .inf\n  g: 1.50\n- h: null\nk:\n';
    expect(built(text)?.value).toEqual(yaml.load(text, { schema }));
  });

  it.each([
    ['a quoted value', 'a: "1"\n'],
    ['a flow value', 'a: [1]\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that is its duplicate as a string', '1: a\n1.0: b\n'],
    ['a value over two lines', 'a: b\n  c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a tab', 'a:\tb\n'],
    ['__proto__', '__proto__: x\n'],
  ])('leaves %s to the parser', (_, text) => {
    expect(built(text)).toBeUndefined();
  });

  /** Random documents of the subset (and lines just outside it), in random indent styles. */
  const word = fc.constantFrom(
    'web',
    'x',
    '80',
    '-1',
    '0x1F',
    '0o17',
    '017',
    '1e3',
    '1.50',
    '.5',
    '.inf',
    '-.inf',
    '.NaN',
    'true',
    'True',
    'FALSE',
    'yes',
    'null',
    'Null',
    '1_000',
    '-',
    '--',
    '.',
    '..',
    'a.b-c_d',
    '/path',
    'a/b',
    '"q"',
    '~',
    'a b',
    'a:b',
  );
  type Node = { map: Array<[string, Node]> } | { seq: Node[] } | { word: string };
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      word.map((w) => ({ word: w })),
      fc.array(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
    ),
  })).node;

  function emitPlain(root: Node, step: number, indentless: boolean): string {
    const lines: string[] = [];
    const value = (n: Node, prefix: string, indent: number): void => {
      if ('word' in n) lines.push(`${prefix} ${n.word}`);
      else if ('map' in n) {
        lines.push(prefix);
        mapping(n.map, indent + step, null);
      } else {
        lines.push(prefix);
        sequence(n.seq, indentless ? indent : indent + step);
      }
    };
    const mapping = (entries: Array<[string, Node]>, indent: number, first: string | null): void => {
      entries.forEach(([key, n], i) => {
        const prefix = i === 0 && first !== null ? first : ' '.repeat(indent);
        value(n, `${prefix}${key}:`, indent);
      });
    };
    const sequence = (items: Node[], indent: number): void => {
      for (const item of items) {
        const dash = `${' '.repeat(indent)}-`;
        if ('word' in item) lines.push(`${dash} ${item.word}`);
        else if ('map' in item) mapping(item.map, indent + 2, `${dash} `);
        else {
          lines.push(dash);
          sequence(item.seq, indent + step);
        }
      }
    };
    if ('map' in root) mapping(root.map, 0, null);
    else return '';
    return `${lines.join('\n')}\n`;
  }

  it('builds exactly what the parser builds, or leaves the text to it', () => {
    fc.assert(
      fc.property(node, fc.constantFrom(2, 4), fc.boolean(), (root, step, indentless) => {
        const text = emitPlain(root, step, indentless);
        if (text === '') return;
        let expected: unknown;
        let parses = true;
        try {
          expected = yaml.load(text, { schema });
        } catch {
          parses = false;
        }
        const plain = built(text);
        if (plain === undefined) return;
        expect(parses).toBe(true);
        expect(plain.value).toEqual(expected);
      }),
      { numRuns: 1_000 },
    );
  });
});
