/**
 * Redaction of secrets in pasted manifests and questions, before anything is analysed, shown or
 * logged. Line-preserving, so findings still point at the right lines.
 */

/** What replaces a secret value. */
export const REDACTED = '<redacted>';

/** Token-like strings: Slack, GitHub, AWS, GitLab, Google, JWTs, bearer tokens. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-[A-Za-z0-9-]{8,}/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bglpat-[A-Za-z0-9_-]{16,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

/** `key: value` / `key=value` pairs whose key names a secret. */
const SECRET_ASSIGNMENT =
  /\b((?:aws_)?(?:secret(?:_access)?_key|secret|password|passwd|token|api[_-]?key|client[_-]?secret|private[_-]?key)["']?\s*[:=]\s*)(["']?)([^\s"',}]{4,})\2/gi;

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

/** Redacts token-like strings and PEM private keys anywhere in the text. */
export function redactTokens(text: string): string {
  let out = redactPem(text);
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, REDACTED);
  out = out.replace(BEARER, `$1 ${REDACTED}`);
  return out.replace(SECRET_ASSIGNMENT, (whole, key: string, quote: string, value: string) =>
    value === REDACTED ? whole : `${key}${quote}${REDACTED}${quote}`,
  );
}

/** Keeps the BEGIN and END lines of a PEM block and blanks every line between them. */
function redactPem(text: string): string {
  return text.replace(
    /(-----BEGIN [A-Z0-9 ]*(?:PRIVATE KEY|CERTIFICATE)[A-Z0-9 ]*-----)([\s\S]*?)(-----END [A-Z0-9 ]*-----|$)/g,
    (_whole, begin: string, body: string, end: string) =>
      `${begin}${body.replace(/[^\r\n]+/g, (line) => line.replace(/\S+/g, REDACTED))}${end}`,
  );
}

/**
 * Redacts a manifest: every value under `data`/`stringData` of a `kind: Secret` document, then
 * token-like strings anywhere. YAML and JSON documents; lines are kept so positions stay right.
 */
export function redactManifest(text: string): string {
  const documents = text.split(/(^---.*$)/m);
  return documents
    .map((document) =>
      /^\s*["']?kind["']?\s*:\s*["']?Secret["']?\s*,?\s*$/m.test(document)
        ? redactSecretData(document)
        : document,
    )
    .map(redactTokens)
    .join('');
}

/** Blanks the values of the `data` and `stringData` maps of one Secret document. */
function redactSecretData(document: string): string {
  const lines = document.split('\n');
  let inData: number | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const indent = line.length - line.trimStart().length;
    const key = /^(\s*)["']?(data|stringData)["']?\s*:\s*(.*)$/.exec(line);
    if (key !== null) {
      const rest = key[3] ?? '';
      // Inline maps (`data: {a: b}`, JSON) are replaced whole.
      if (rest.trim() !== '' && !rest.trim().startsWith('#')) {
        lines[index] = `${key[1]}${key[2]}: ${rest.trim().startsWith('{') ? `{}  # ${REDACTED}` : REDACTED}`;
        inData = null;
      } else inData = indent;
      continue;
    }
    if (inData === null || line.trim() === '') continue;
    if (indent <= inData) {
      inData = null;
      continue;
    }
    // `key: value` keeps its key; continuation lines of block scalars lose everything.
    const entry = /^(\s*["']?[\w.-]+["']?\s*:\s*)(.*)$/.exec(line);
    lines[index] =
      entry !== null && (entry[2] ?? '').trim() !== ''
        ? `${entry[1]}${/^[|>]/.test((entry[2] ?? '').trim()) ? (entry[2] ?? '').trim() : REDACTED}`
        : entry !== null
          ? line
          : `${' '.repeat(indent)}${REDACTED}`;
  }
  return lines.join('\n');
}
