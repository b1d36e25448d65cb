import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlStream } from '../manifests/parse-yaml.js';
import * as schemas from '../manifests/schemas.js';
import { guardOf } from './zod-guard.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures', import.meta.url));

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const manifestSchemas = Object.entries(schemas as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
);

/** Every mapping of the fixtures: objects, their specs, ports, metadata, anything a schema may see. */
const samples: unknown[] = [
  {},
  { metadata: {} },
  { name: 'web', port: 80 },
  { kind: 'Gateway', name: 'public' },
];
// The fixtures hold no Gateway API objects beyond routes: these stand in for them.
const gatewayApiObjects = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: cilium
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: {mode: Terminate},
     allowedRoutes: {namespaces: {from: All}, kinds: [{kind: HTTPRoute}]}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: team-a}
spec:
  parentRef: {name: public, namespace: infra}
  listeners: [{name: mqtt, port: 8883, protocol: TLS}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-routes, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web}]
  to: [{group: "", kind: Service}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: api-tls}
spec:
  targetRefs: [{group: "", kind: Service, name: api, sectionName: https}]
`;
const texts = [
  gatewayApiObjects,
  ...filesUnder(fixtures)
    .filter((path) => /\.(ya?ml|json)$/.test(path))
    .map((path) => readFileSync(path, 'utf8')),
];
for (const text of texts) {
  for (const document of parseYamlStream(text).documents) collect(document.value);
}
function collect(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  samples.push(value);
  for (const child of Object.values(value)) collect(child);
}

const zodAccepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('guardOf', () => {
  it('agrees with zod on every mapping of the fixtures, for every schema', () => {
    expect(samples.length).toBeGreaterThan(500);
    for (const [name, schema] of manifestSchemas) {
      const guard = guardOf(schema);
      let accepted = 0;
      for (const sample of samples) {
        const expected = zodAccepts(schema, sample);
        if (expected) accepted++;
        expect(guard(sample), `${name} on ${JSON.stringify(sample).slice(0, 200)}`).toBe(expected);
      }
      // A schema the compiler could not follow gets a guard that accepts nothing: this would catch it.
      expect(accepted, name).toBeGreaterThan(0);
    }
  });

  it('agrees with zod on fixtures with a node replaced by anything', () => {
    const odd = fc.oneof(
      fc.constantFrom(
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -0,
        2 ** 53,
        1.5,
        80,
        '80',
        '',
        null,
        undefined,
        true,
      ),
      fc.constantFrom('TCP', 'UDP', 'tcp', 'LoadBalancer', 'http'),
      fc.constant([]),
      fc.constant({}),
      fc.constant(['a', 1]),
      fc.constant({ a: 1 }),
      fc.constant(Object.defineProperty({}, '__proto__', { value: 'x', enumerable: true })),
      fc.constant({ [Symbol('s')]: 'x' }),
      // biome-ignore lint/suspicious/noSparseArray: holes are read as undefined by zod.
      fc.constant([, 'a']),
    );
    const schemaAndSample = fc.tuple(
      fc.constantFrom(...manifestSchemas),
      fc.constantFrom(...samples.filter((sample) => !Array.isArray(sample))),
    );
    fc.assert(
      fc.property(
        schemaAndSample,
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        odd,
        ([[name, schema], sample], path, replacement) => {
          const mutated = replaceAt(structuredClone(sample), path, replacement);
          expect(guardOf(schema)(mutated), name).toBe(zodAccepts(schema, mutated));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('follows zod on numbers, enums, nullish fields and records', () => {
    const schema = z.object({
      port: z.number().int(),
      weight: z.number().optional(),
      protocol: z.enum(['TCP', 'UDP']).nullish(),
      labels: z.record(z.string(), z.string()).optional(),
      either: z.union([z.number().int(), z.string()]).optional(),
    });
    const guard = guardOf(schema);
    const cases: unknown[] = [
      { port: 80 },
      { port: 80.5 },
      { port: 2 ** 53 },
      { port: Number.NaN },
      { port: 80, weight: Number.POSITIVE_INFINITY },
      { port: 80, weight: 0.5 },
      { port: 80, protocol: null },
      { port: 80, protocol: 'SCTP' },
      { port: 80, labels: { a: 'b' } },
      { port: 80, labels: { a: 1 } },
      { port: 80, labels: [] },
      { port: 80, either: 'http' },
      { port: 80, either: false },
      [80],
      null,
    ];
    for (const value of cases) expect(guard(value), JSON.stringify(value)).toBe(zodAccepts(schema, value));
  });

  it('leaves what it does not follow to zod', () => {
    const guard = guardOf(z.object({ name: z.string().min(3) }));
    expect(guard({ name: 'abcd' })).toBe(false);
  });
});

/** Replaces the node reached by following `path` (child indexes, modulo the number of children). */
function replaceAt(root: unknown, path: number[], replacement: unknown): unknown {
  let node = root;
  for (const [depth, step] of path.entries()) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length] as string;
    const child = (node as Record<string, unknown>)[key];
    if (depth === path.length - 1 || typeof child !== 'object' || child === null) {
      (node as Record<string, unknown>)[key] = replacement;
      break;
    }
    node = child;
  }
  return root;
}
