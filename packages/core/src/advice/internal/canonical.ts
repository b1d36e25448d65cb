/**
 * The canonical form of a question, read by every detector, the topic cues, the retrieval index and
 * the capability questions alike: lower case, host names and URL paths lifted out and replaced by
 * placeholders, spellings and abbreviations folded to canonical tokens ("LB", "load balancers" →
 * `loadbalancer`), typos corrected against a vocabulary.
 */
import { correctTypo, REWRITES } from './vocabulary.js';

/** Questions are cut here: no Slack message needs more, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 4000;

/** The canonical text of a question, with the host names and paths lifted out on the way. */
export function canonicalise(question: string): { text: string; hosts: string[]; paths: string[] } {
  const lowered = String(question)
    .slice(0, MAX_QUESTION_LENGTH)
    .normalize('NFKC')
    .toLowerCase()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are noise here.
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
  const hosts = extractHosts(lowered);
  let text = lowered.replace(HOST_PATTERN, ' hostname ');
  const paths = extractPaths(text);
  text = text.replace(PATH_PATTERN, '$1urlpath');
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  text = text.replace(/[a-z][a-z0-9]*/g, (token) => correctTypo(token));
  return { text: text.replace(/\s+/g, ' ').trim(), hosts, paths };
}

const TLDS =
  'com|org|net|io|dev|app|de|co|uk|fr|nl|example|local|internal|cloud|ai|tech|xyz|me|info|biz|eu|us|ch|at|se|no|es|it|pl|in|jp|au|ca|br|lan|home|test|sh|gg|tv|be|dk|fi|cz|site|online|shop|store|cluster';
const HOST_PATTERN = new RegExp(
  String.raw`(?<![\w.-])(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLDS})(?![\w-])`,
  'g',
);
/** API groups and tool domains that look like host names but are not the user's hosts. */
const NOT_A_HOST = /(?:^|\.)(?:k8s\.io|kubernetes\.io|cert-manager\.io|svc\.cluster\.local|x-k8s\.io)$/;

function extractHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const [host] of text.matchAll(HOST_PATTERN)) {
    if (!NOT_A_HOST.test(host) && host.length <= 253) hosts.add(host);
  }
  return [...hosts].slice(0, 16);
}

const PATH_PATTERN = /(^|[\s,(:"'])(\/(?:[a-z0-9._~*-]+(?:\/[a-z0-9._~*-]+)*\/?)?)(?=$|[\s,.;:)!?"'])/g;

function extractPaths(text: string): string[] {
  const paths = new Set<string>();
  for (const match of text.matchAll(PATH_PATTERN)) {
    const path = match[2] ?? '';
    if (/^\/(?:tcp|udp|s|o)$/.test(path)) continue;
    paths.add(path.replace(/\*+$/, '').replace(/(.)\/$/, '$1') || '/');
  }
  return [...paths].slice(0, 16);
}
