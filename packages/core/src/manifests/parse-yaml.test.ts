import { describe, expect, it } from 'vitest';
import { MAX_EXPANDED_NODES, parseYamlStream } from './parse-yaml.js';
import { lineAt } from './positions.js';

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
