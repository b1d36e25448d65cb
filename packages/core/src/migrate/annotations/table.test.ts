import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS, annotationEntry, PROVIDERS } from './catalog.js';
import { readAnnotations } from './index.js';
import { renderAnnotationTable } from './table.js';

const DOC = fileURLToPath(new URL('../../../../../docs/migrate-annotations.md', import.meta.url));

describe('docs/migrate-annotations.md', () => {
  it('is the table the catalogue renders (regenerate: see packages/core/scripts/write-migrate-annotations.mjs)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(renderAnnotationTable());
  });
});

describe('the annotation catalogue', () => {
  it('recognises at least what ingress2gateway v1.1 lists for ingress-nginx, and has no duplicates', () => {
    const keys = ANNOTATIONS.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    const nginx = ANNOTATIONS.filter((entry) => entry.provider === 'ingress-nginx');
    // ingress2gateway v1.1's provider README lists 43 ingress-nginx annotations.
    expect(nginx.length).toBeGreaterThanOrEqual(43);
    for (const name of [
      'canary-by-header-pattern',
      'from-to-www-redirect',
      'proxy-redirect-from',
      'custom-headers',
      'client-body-buffer-size',
      'proxy-ssl-verify',
      'proxy-ssl-protocols',
      'session-cookie-expires',
      'ssl-passthrough',
      'connection-proxy-header',
      'upstream-vhost',
    ])
      expect(annotationEntry(`nginx.ingress.kubernetes.io/${name}`)).toBeDefined();
    for (const provider of PROVIDERS)
      expect(ANNOTATIONS.some((entry) => entry.provider === provider.id)).toBe(true);
  });

  it('every key a reader reports is in the catalogue, so the table tells what happens to it', () => {
    const annotations = Object.fromEntries(ANNOTATIONS.map((entry) => [entry.key.replace('*', 'name'), '1']));
    const features = readAnnotations(annotations, [{ path: '/' }], true);
    const reported = [
      ...features.carried,
      ...features.needsPolicy,
      ...features.notCarried.map((entry) => entry.key),
    ];
    expect(reported.filter((key) => annotationEntry(key) === undefined)).toEqual([]);
    expect(new Set(reported).size).toBe(ANNOTATIONS.length);
  });

  it('reports an annotation of a known controller it does not know as unknown, with what to do', () => {
    const features = readAnnotations({ 'traefik.ingress.kubernetes.io/router.future': 'x' }, [], false);
    expect(features.notCarried).toEqual([
      {
        key: 'traefik.ingress.kubernetes.io/router.future',
        reason:
          'an unknown Traefik annotation: check what it does and re-create it with Gateway API or your implementation',
      },
    ]);
  });
});
