/**
 * Where kustomize's reading of YAML (go-yaml v3, then a round trip through JSON) gives other values
 * than the YAML 1.2 core schema the analysed files are parsed with, so the built values match the
 * real `kustomize build`'s.
 */
import { entryOf, type Position } from '../../manifests/positions.js';
import { EMPTY_VALUES } from './merge.js';
import { isMap } from './resource.js';

/**
 * What kustomize's YAML reading (go-yaml v3, then JSON) makes of a document, where it differs from
 * the YAML 1.2 core schema the values were read with: an integer written with a leading zero
 * (`defaultMode: 0644`) is octal; and, for resources, which null values were written empty (`key:`),
 * which kyaml drops from an object a strategic-merge patch goes through, while it keeps `key: null`.
 */
export function readLikeKustomize(
  value: unknown,
  position: Position,
  lines: string[],
  resource: boolean,
): void {
  if (typeof position === 'number') return;
  const visitChild = (
    holder: Record<string, unknown> | unknown[],
    key: string | number,
    item: unknown,
    at: Position,
    keyLine: number,
  ): void => {
    if (typeof item === 'number' && Number.isInteger(item) && item > 0 && typeof at === 'number') {
      const written = `0${item}`;
      const text = lines[at - 1] ?? '';
      if (
        /^[0-7]+$/.test(String(item)) &&
        new RegExp(`(^|[\\s:,\\[{-])${written}\\s*($|[,\\]}#])`).test(text)
      ) {
        (holder as Record<string | number, unknown>)[key] = Number.parseInt(String(item), 8);
      }
      return;
    }
    if (item === null && resource && isMap(holder) && typeof key === 'string') {
      const text = lines[keyLine - 1] ?? '';
      const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[\\s{,-])["']?${escaped}["']?\\s*:\\s*(#.*)?$`).test(text)) {
        let set = EMPTY_VALUES.get(holder);
        if (set === undefined) {
          set = new Set();
          EMPTY_VALUES.set(holder, set);
        }
        set.add(key);
      }
      return;
    }
    readLikeKustomize(item, at, lines, resource);
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const at = position.items?.[i];
      if (at !== undefined) visitChild(value, i, item, at, typeof at === 'number' ? at : at.line);
    });
    return;
  }
  if (!isMap(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const entry = entryOf(position, key);
    if (entry !== undefined) visitChild(value, key, item, entry.value, entry.keyLine);
  }
}

/**
 * A block scalar (`key: |`) that ends the file without a final line break: kustomize's YAML reader
 * (go-yaml) keeps no line break at its end, js-yaml keeps one. Drops it, so values match.
 */
export function dropFinalLineBreak(value: unknown, position: Position, lines: string[]): void {
  let last: { holder: Record<string, unknown> | unknown[]; key: string | number; line: number } | undefined;
  const visit = (
    node: unknown,
    at: Position,
    holder: Record<string, unknown> | unknown[],
    key: string | number,
  ): void => {
    if (typeof at === 'number') {
      if (typeof node === 'string' && (last === undefined || at >= last.line))
        last = { holder, key, line: at };
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        const itemAt = at.items?.[i];
        if (itemAt !== undefined) visit(item, itemAt, node, i);
      });
    } else if (isMap(node)) {
      for (const [field, item] of Object.entries(node)) {
        const entry = entryOf(at, field);
        if (entry !== undefined) visit(item, entry.value, node, field);
      }
    }
  };
  visit(value, position, [], 0);
  if (last === undefined) return;
  const holder = last.holder as Record<string | number, unknown>;
  const text = holder[last.key];
  const header = lines[last.line - 2] ?? '';
  if (
    typeof text === 'string' &&
    text.endsWith('\n') &&
    !text.endsWith('\n\n') &&
    /[|>][1-9]?\s*(#.*)?$/.test(header)
  ) {
    holder[last.key] = text.slice(0, -1);
  }
}
