/**
 * docs/migrate-annotations.md, rendered from the catalogue: every recognised annotation and its
 * outcome per emitter. `node packages/core/scripts/write-migrate-annotations.mjs` writes it;
 * annotations/table.test.ts fails when the committed file differs.
 */
import { ANNOTATIONS, type AnnotationEntry, EMITTERS, type EmitterId, PROVIDERS } from './catalog.js';

const LABEL: Record<EmitterId, string> = {
  standard: '`standard`',
  'envoy-gateway': '`envoy-gateway`',
  kgateway: '`kgateway`',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Converted count per emitter of some entries. */
function counts(entries: readonly AnnotationEntry[]): Record<EmitterId, number> {
  const result = { standard: 0, 'envoy-gateway': 0, kgateway: 0 };
  for (const entry of entries)
    for (const emitter of EMITTERS) if (entry.outcomes[emitter].outcome === 'converted') result[emitter] += 1;
  return result;
}

export function renderAnnotationTable(): string {
  const lines = [
    '<!-- Generated from packages/core/src/migrate/annotations/catalog.ts by',
    '     `node packages/core/scripts/write-migrate-annotations.mjs`: do not edit by hand. -->',
    '# Annotations `migrate --to gateway` recognises',
    '',
    'Every controller annotation below is either **converted** (the generated objects do what it did) or',
    '**not converted**, with a warning tied to the file and line that says why and what to do instead.',
    'An annotation with a known controller prefix that is not listed is reported as *unknown*; annotations',
    'of other tools (cert-manager, external-dns) get a hint of their own.',
    '',
    'The outcome depends on `--emit`: `standard` (the default) writes only standard-channel Gateway API;',
    "`envoy-gateway` and `kgateway` also write that implementation's policies for what standard Gateway",
    'API cannot say (body size, source address lists, timeouts between reads, session affinity).',
    '',
    '| Controller | Recognised | Converted (`standard`) | Converted (`envoy-gateway`) | Converted (`kgateway`) |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const provider of PROVIDERS) {
    const entries = ANNOTATIONS.filter((entry) => entry.provider === provider.id);
    const converted = counts(entries);
    lines.push(
      `| ${provider.name} | ${entries.length} | ${converted.standard} | ${converted['envoy-gateway']} | ${converted.kgateway} |`,
    );
  }
  for (const provider of PROVIDERS) {
    const entries = ANNOTATIONS.filter((entry) => entry.provider === provider.id);
    lines.push(
      '',
      `## ${provider.name}`,
      '',
      `Prefix: ${provider.prefixes.map((prefix) => `\`${prefix}\``).join(', ')}.`,
      '',
      `| Annotation | ${EMITTERS.map((emitter) => LABEL[emitter]).join(' | ')} | How, or why not and what to do |`,
      `| --- | ${EMITTERS.map(() => '---').join(' | ')} | --- |`,
    );
    for (const entry of entries) {
      const outcomes = EMITTERS.map((emitter) =>
        entry.outcomes[emitter].outcome === 'converted' ? 'converted' : 'not converted',
      );
      const notes = [...new Set(EMITTERS.map((emitter) => entry.outcomes[emitter].note))];
      const note =
        notes.length === 1
          ? notes[0]
          : EMITTERS.map((emitter) => `${LABEL[emitter]}: ${entry.outcomes[emitter].note}`).join('; ');
      lines.push(`| \`${entry.key}\` | ${outcomes.join(' | ')} | ${cell(note as string)} |`);
    }
  }
  lines.push(
    '',
    '## Where behaviour differs by design',
    '',
    '- Regular-expression paths (`use-regex`, `path-regex`, Traefik `PathRegexp`): ingress-nginx matches them',
    '  case-insensitively from the start of the path; Gateway API RegularExpression matches are Extended',
    "  support with the implementation's syntax (Envoy: RE2, case-sensitive, whole path). A warning asks to",
    '  check them.',
    '- `pathType: ImplementationSpecific` is read as PathPrefix, which matches whole path segments: `/api`',
    '  no longer matches `/apix` (ingress-nginx matched it). A warning names each such path.',
    "- ingress-nginx's `proxy-read-timeout` and `proxy-send-timeout` bound the time between two reads or",
    '  writes; they become idle timeouts of the policies, never HTTPRoute `timeouts.request`, which bounds',
    '  the whole request.',
    '- `proxy-body-size` becomes a request buffer limit (Envoy Gateway) or a maximum request size',
    '  (kgateway): requests above it get 413 as with nginx, but the body is buffered up to the limit.',
    "- The HTTP-to-HTTPS redirect keeps ingress-nginx's 308 (NGINX Inc and the ALB redirect with 301).",
    "- A fixed `rewrite-target` replaces the whole path, as nginx's `rewrite` does (`/api/items` → `/v2`); only",
    '  capture groups keep a part of it.',
    '- nginx prefix locations (NGINX Inc paths, ingress-nginx ImplementationSpecific) and Traefik `PathPrefix` match',
    '  any continuation (`/tea` matches `/teapot`); PathPrefix matches whole segments. Traefik `PathRegexp` finds the',
    '  expression anywhere in the path; the RegularExpression match (with `.*` appended) starts at the beginning.',
    '- NGINX Inc `rewrites` puts the new prefix in front of the rest of the path as written (`/beans/` + `/espresso`',
    '  gives `/beans//espresso`); ReplacePrefixMatch joins them at a segment (`/beans/espresso`).',
    '- CORS: nginx answers every OPTIONS request of an allowed origin itself, with 204; the CORS filter answers',
    '  preflights (with `Access-Control-Request-Method`) with 200 on Envoy-based gateways and forwards other',
    '  OPTIONS requests.',
    '- `force-ssl-redirect` on a host the Ingress lists no TLS for (TLS ended in front of the controller): the Gateway',
    '  has no HTTPS listener to redirect to, so a warning says the redirect is not carried over.',
    '- ALB conditions compare header and query values case-insensitively, Gateway API matches exactly; the ALB',
    "  `ssl-redirect` redirects plain HTTP for every host of the load balancer, the Gateway for its routes' hosts.",
    '- A BackendTLSPolicy applies to every route to its Service and always sends its hostname as SNI (a warning',
    '  says so where `proxy-ssl-server-name` was not on); `ssl-passthrough` hosts get a TLS listener of their own,',
    '  and their TLS connections go to the backend of the path `/`, as with ingress-nginx.',
    '',
    'Each of these differences is a probe of `packages/core/src/migrate/routing-equivalence.test.ts`, which routes',
    'requests through each controller (as its documentation describes it) and through the generated routes.',
    '',
  );
  return lines.join('\n');
}
