/**
 * The name suffix kustomize gives generated ConfigMaps and Secrets (api/hasher): a sha256 of a JSON
 * encoding of the object (kind, name, data...; Go's encoding/json: sorted keys, `<`, `>` and `&`
 * escaped), its first ten hex digits with 0, 1, 3, a and e swapped for letters so it never reads as
 * a number or a word. The "name" kustomize encodes is always empty: it looks the name up as one
 * field called `metadata/name`, which no object has; so the hash depends on the content only, and
 * prefixes and suffixes do not change it (checked against kustomize v5.6).
 */
import { createHash } from 'node:crypto';
import { byCodePoint } from './merge.js';
import { isMap, type KMap } from './resource.js';

/** The hash kustomize appends (`name-<hash>`) to a generated object. */
export function nameHash(value: KMap): string {
  return encode(createHash('sha256').update(encodedForHash(value), 'utf8').digest('hex'));
}

function encode(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((char) => swap[char] ?? char).join('');
}

/** The JSON kustomize hashes for an object. */
export function encodedForHash(value: KMap): string {
  const name = nodeValue(value['metadata/name']);
  if (value.kind === 'ConfigMap') {
    const encoded: Record<string, unknown> = { kind: 'ConfigMap', name, data: nodeValue(value.data) };
    if (isMap(value.binaryData)) encoded.binaryData = value.binaryData;
    return goJson(encoded);
  }
  if (value.kind === 'Secret') {
    const encoded: Record<string, unknown> = {
      kind: 'Secret',
      type: nodeValue(value.type),
      name,
      data: nodeValue(value.data),
    };
    if (isMap(value.stringData)) encoded.stringData = value.stringData;
    return goJson(encoded);
  }
  return goJson(value);
}

/** What kustomize's getNodeValues reads: a scalar's text, a collection as is, "" when missing. */
function nodeValue(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return value;
  return String(value);
}

/** Go's json.Marshal of decoded JSON values. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map).sort(byCodePoint);
    return `{${keys.map((key) => `${goString(key)}:${goJson(map[key])}`).join(',')}}`;
  }
  return goString(String(value));
}

function goString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${(char.codePointAt(0) as number).toString(16).padStart(4, '0')}`;
  });
}
