import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../manifests/load.js';
import { effectiveNamespace } from '../manifests/objects.js';
import { buildInventory, type Inventory } from './inventory.js';
import { isSimilar, type NearMiss, nearMisses } from './selection.js';
import type { ServiceView } from './views.js';

/**
 * nearMisses as it was first written: every template of the namespace compared with the selector.
 * The indexed version must find the same templates, in the same order, with the same differences.
 */
function nearMissesByScan(inventory: Inventory, service: ServiceView): NearMiss[] {
  if (service.selector === null) return [];
  const selector = Object.entries(service.selector);
  const misses = (inventory.workloadsByNamespace.get(effectiveNamespace(service.object)) ?? [])
    .map((workload) => {
      const labels = Object.entries(workload.podLabels);
      const differences = selector
        .filter(([key, wanted]) => workload.podLabels[key] !== wanted)
        .map(([key, wanted]) => ({
          key,
          wanted,
          found: labels.find(([label]) => label === key)?.[1] ?? null,
          foundUnder: labels.find(([label, value]) => label !== key && value === wanted)?.[0] ?? null,
        }));
      return { workload, differences };
    })
    .filter(({ differences }) => {
      if (differences.length === 0) return false;
      if (differences.length < selector.length) return true;
      const [only] = differences;
      return (
        differences.length === 1 &&
        only !== undefined &&
        (only.found !== null ? levenshteinSimilar(only.found, only.wanted) : only.foundUnder !== null)
      );
    });
  const fewest = Math.min(...misses.map((miss) => miss.differences.length));
  return misses.filter((miss) => miss.differences.length === fewest);
}

/** isSimilar as first written: the full Levenshtein table, no pruning. */
function levenshteinSimilar(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a.includes(b) || b.includes(a)) return true;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return (previous[b.length] as number) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 4));
}

const KEYS = ['app', 'app.kubernetes.io/name', 'tier', 'track', 'constructor'];
const VALUES = ['api', 'api-v2', 'apl', 'ap', 'web', 'canary', 'payments', 'payment', 'x', ''];
const labelsArbitrary = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), {
  maxKeys: 3,
});

function inventoryOf(
  workloads: ReadonlyArray<{ namespace: string; labels: Record<string, string> }>,
  services: ReadonlyArray<{ namespace: string; selector: Record<string, string> }>,
): Inventory {
  const documents = [
    ...workloads.map(({ namespace, labels }, i) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `w${i}`, namespace },
      spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'x' }] } } },
    })),
    ...services.map(({ namespace, selector }, i) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `s${i}`, namespace },
      spec: { selector, ports: [{ port: 80 }] },
    })),
  ];
  const text = documents.map((document) => dump(document)).join('---\n');
  return buildInventory(loadManifests([{ path: 'set.yaml', text }]));
}

describe('nearMisses', () => {
  it('finds what comparing the selector with every template finds, in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ namespace: fc.constantFrom('a', 'b'), labels: labelsArbitrary }), {
          maxLength: 12,
        }),
        fc.array(fc.record({ namespace: fc.constantFrom('a', 'b'), selector: labelsArbitrary }), {
          minLength: 1,
          maxLength: 6,
        }),
        (workloads, services) => {
          const inventory = inventoryOf(workloads, services);
          for (const service of inventory.services) {
            // Asked twice: the second answer comes from the per-Service memo.
            expect(nearMisses(inventory, service)).toEqual(nearMissesByScan(inventory, service));
            expect(nearMisses(inventory, service)).toEqual(nearMissesByScan(inventory, service));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names a similar value, and the wanted value under another key', () => {
    const inventory = inventoryOf(
      [
        { namespace: 'shop', labels: { app: 'payment' } },
        { namespace: 'shop', labels: { 'app.kubernetes.io/name': 'payments' } },
        { namespace: 'shop', labels: { app: 'checkout' } },
      ],
      [{ namespace: 'shop', selector: { app: 'payments' } }],
    );
    const [service] = inventory.services as [ServiceView];
    expect(
      nearMisses(inventory, service).map(({ workload, differences }) => [workload.object.name, differences]),
    ).toEqual([
      ['w0', [{ key: 'app', wanted: 'payments', found: 'payment', foundUnder: null }]],
      ['w1', [{ key: 'app', wanted: 'payments', found: null, foundUnder: 'app.kubernetes.io/name' }]],
    ]);
  });

  it('lists the templates matching most of a selector, past one that matches all of it', () => {
    const inventory = inventoryOf(
      [
        { namespace: 'shop', labels: { app: 'api', tier: 'web', track: 'canary' } },
        { namespace: 'shop', labels: { tier: 'web' } },
        { namespace: 'shop', labels: { app: 'api', tier: 'db', track: 'canary' } },
        { namespace: 'shop', labels: { app: 'api', tier: 'web', track: 'stable' } },
      ],
      [{ namespace: 'shop', selector: { app: 'api', tier: 'web', track: 'canary' } }],
    );
    const [service] = inventory.services as [ServiceView];
    // w0 matches the whole selector and w1 one label of three: the closest misses are w2 and w3.
    expect(nearMisses(inventory, service).map(({ workload }) => workload.object.name)).toEqual(['w2', 'w3']);
    expect(nearMisses(inventory, service)).toEqual(nearMissesByScan(inventory, service));
  });
});

describe('isSimilar', () => {
  it('agrees with the full Levenshtein table', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'é'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(isSimilar(a, b)).toBe(levenshteinSimilar(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
