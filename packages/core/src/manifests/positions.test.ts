import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlStream } from './parse-yaml.js';
import {
  entryOf,
  itemOf,
  LineIndex,
  lastAtOrBefore,
  lineAt,
  type NodePath,
  PackedTree,
  type Position,
  type PositionTree,
} from './positions.js';

/** The same positions as plain objects, read through `entries` and `items` (as units/ code reads them). */
function plain(position: Position): Position {
  if (typeof position === 'number') return position;
  const tree: PositionTree = { line: position.line };
  if (position.entries !== undefined) {
    tree.entries = position.entries.map((entry, i) => (i % 3 === 2 ? plain(entry as Position) : entry));
  }
  if (position.items !== undefined) tree.items = position.items.map(plain);
  return tree;
}

/** Every path into a value, including steps that lead nowhere. */
function pathsOf(value: unknown, prefix: NodePath = []): NodePath[] {
  const paths: NodePath[] = [prefix, [...prefix, 'missing'], [...prefix, 99]];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

describe('packed positions', () => {
  it('give the lines of keys and items, and the deepest known line past them', () => {
    const text =
      'spec:\n  ports: [{name: http, port: 80},\n    {name: mqtt, port: 1883}]\n  type: LoadBalancer\n';
    const position = parseYamlStream(text).documents[0]?.position as Position;
    expect(position).toBeInstanceOf(PackedTree);
    expect(lineAt(position, ['spec', 'type'])).toBe(4);
    expect(lineAt(position, ['spec', 'ports', 1, 'port'])).toBe(3);
    expect(lineAt(position, ['spec', 'ports', 2])).toBe(2);
    const ports = entryOf(entryOf(position as PositionTree, 'spec')?.value as PositionTree, 'ports');
    expect(plain(itemOf(ports?.value as PositionTree, 1) as Position)).toEqual({
      line: 3,
      entries: ['name', 3, 3, 'port', 3, 3],
    });
  });

  it('read the same through entryOf and itemOf as through their entries and items', () => {
    const value = fc.jsonValue({ maxDepth: 4 }).filter((v) => typeof v === 'object' && v !== null);
    fc.assert(
      fc.property(value, fc.boolean(), (document, flow) => {
        const text = dump(document, { flowLevel: flow ? 1 : -1 });
        const [parsed] = parseYamlStream(text).documents;
        if (parsed?.position === null || parsed === undefined) return;
        const reference = plain(parsed.position);
        for (const path of pathsOf(parsed.value)) {
          expect(lineAt(parsed.position, path)).toBe(lineAt(reference, path));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineIndex', () => {
  it('finds the line of offsets asked in any order', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', ' '), maxLength: 200 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(210), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (t, offsets, firstLine) => {
          const starts = [0];
          for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
          const lines = new LineIndex(t, firstLine);
          for (const offset of [...offsets, ...[...offsets].sort((a, b) => a - b)]) {
            expect(lines.line(offset)).toBe(lastAtOrBefore(starts, offset) + firstLine);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
