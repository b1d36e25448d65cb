/**
 * Golden files: the full output of realistic migrations, diffed against `__golden__/`. After an
 * intended change, rewrite them with `UPDATE_GOLDEN=1 npx vitest run packages/core/src/migrate`
 * and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { migrate } from './index.js';
import { fixtureFiles } from './test-support/fixtures.js';
import type { MigrationOptions } from './types.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: ReadonlyArray<[file: string, fixtures: string[], options: MigrationOptions]> = [
  ['shop-to-gateway.yaml', ['shop'], { to: 'gateway', namespace: 'gateway-system' }],
  [
    'platform-to-ingress.yaml',
    ['platform'],
    {
      to: 'ingress',
      className: 'traefik',
      hostTemplate: '{name}.example.com',
      certManagerIssuer: 'letsencrypt-prod',
    },
  ],
  ['platform-to-gateway.yaml', ['platform'], { to: 'gateway', className: 'eg', namespace: 'gateway-system' }],
  [
    'platform-to-gateway-1.5.yaml',
    ['platform'],
    { to: 'gateway', gatewayApiVersion: '1.5', tlsSecret: 'wildcard-tls' },
  ],
  // One per emitter: the annotation fixtures with the implementation's policies.
  ['annotations-envoy-gateway.yaml', ['annotations'], { to: 'gateway', emit: 'envoy-gateway' }],
  ['annotations-kgateway.yaml', ['annotations'], { to: 'gateway', emit: 'kgateway' }],
];

describe('golden files', () => {
  for (const [file, fixtures, options] of CASES) {
    const files = fixtureFiles(...fixtures);
    const migration = migrate(files, options);

    it(`${file} matches`, () => {
      const path = join(GOLDEN_DIR, file);
      if (UPDATE || !existsSync(path)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(path, migration.yaml);
        if (!UPDATE) throw new Error(`${file} did not exist and was written; review it and run again.`);
        return;
      }
      expect(migration.yaml).toBe(readFileSync(path, 'utf8'));
    });

    it(`${file}: the YAML holds exactly the objects, in order`, () => {
      expect(loadAll(migration.yaml)).toEqual(migration.objects);
    });

    it(`${file}: analyze on the sources plus the output finds nothing left to consolidate`, () => {
      // The output replaces the converted Services: analysed alone and next to the untouched rest.
      const after = analyze([{ path: 'migrated.yaml', text: migration.yaml }]);
      expect(after.files.map((result) => result.status)).toEqual(['analyzed']);
      expect(after.findings.filter((finding) => finding.ruleId === 'lb-http-consolidate')).toEqual([]);
    });
  }
});
