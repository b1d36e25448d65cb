/**
 * The differential test of the parse path: the whole Report computed with our parser (one pass of
 * js-yaml's events, values built only where some rule reads, positions recorded on the way) must
 * equal the Report computed with a reference parser that loads every document whole with a plain
 * js-yaml `loadAll` and takes positions from another YAML parser (see reference-parser.ts for the
 * position details harmonised there). Run on the repository's fixtures, on the bench corpora and on
 * random manifests written in random YAML styles, damaged at random.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../manifests/load.js';
import { ReferenceDisagrees, referenceParse } from '../manifests/test-support/reference-parser.js';
import { analyze } from './analyze.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function bothReports(sources: readonly SourceFile[]) {
  return { ours: analyze(sources), reference: analyze(sources, { parser: referenceParse }) };
}

function filesUnder(directory: string): SourceFile[] {
  const found: SourceFile[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push({ path: relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(directory);
  return found;
}

describe('the Report equals the one read with a plain js-yaml loadAll', () => {
  it('on every fixture of the repository', () => {
    const sources = filesUnder(join(ROOT, 'test/fixtures'));
    expect(sources.length).toBeGreaterThan(20);
    const { ours, reference } = bothReports(sources);
    expect(ours.findings.length).toBeGreaterThan(10);
    expect(ours).toEqual(reference);
  });

  it('on the bench corpus', async () => {
    const { generateCorpus } = (await import(join(ROOT, 'bench/corpus.mjs'))) as {
      generateCorpus: () => SourceFile[];
    };
    const sources = generateCorpus()
      .slice(0, 400)
      .map(({ path, text }) => ({ path, text }));
    const { ours, reference } = bothReports(sources);
    expect(ours.resources.length).toBeGreaterThan(1000);
    expect(ours).toEqual(reference);
  });

  it('on random manifests in random YAML styles, some damaged', () => {
    fc.assert(
      fc.property(manifestSet(), (sources) => {
        let reference: ReturnType<typeof analyze>;
        try {
          reference = analyze(sources, { parser: referenceParse });
        } catch (error) {
          // A text the reference's two parsers read differently cannot be judged.
          fc.pre(!(error instanceof ReferenceDisagrees));
          throw error;
        }
        expect(analyze(sources)).toEqual(reference);
      }),
      { numRuns: Number(process.env.DIFFERENTIAL_RUNS ?? 150) },
    );
  });
});

// --- random manifests ----------------------------------------------------------------------------

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

const name = fc.constantFrom('web', 'api', 'db', 'mqtt', 'shop-frontend', 'admin', 'grpc-svc');
const namespace = fc.constantFrom(undefined, 'default', 'shop', 'team-a');
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'app.kubernetes.io/name'), name, {
  minKeys: 1,
  maxKeys: 3,
});
const portName = fc.constantFrom('http', 'https', 'grpc', 'mqtt', 'metrics', 'web');
const portNumber = fc.constantFrom(80, 443, 8080, 1883, 5432, 9090, 3000);

const metadata = (kind: fc.Arbitrary<string>): fc.Arbitrary<Value> =>
  fc.record(
    {
      name: kind,
      namespace,
      labels,
      annotations: fc.dictionary(
        fc.constantFrom(
          'ingress-advisor.io/ignore',
          'service.beta.kubernetes.io/aws-load-balancer-scheme',
          'kubernetes.io/ingress.class',
          'note',
        ),
        fc.constantFrom('internal', 'internet-facing', 'nginx', 'lb-http-consolidate', 'a {{ b }}'),
        { maxKeys: 2 },
      ),
    },
    { requiredKeys: ['name'] },
  ) as unknown as fc.Arbitrary<Value>;

const service: fc.Arbitrary<Value> = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('Service'),
  metadata: metadata(name),
  spec: fc.record(
    {
      type: fc.constantFrom('LoadBalancer', 'ClusterIP', 'NodePort'),
      selector: labels,
      ports: fc.array(
        fc.record(
          {
            name: portName,
            port: portNumber,
            targetPort: fc.oneof(portNumber, portName),
            protocol: fc.constantFrom('TCP', 'UDP'),
          },
          { requiredKeys: ['port'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      loadBalancerSourceRanges: fc.array(fc.constantFrom('10.0.0.0/8', '0.0.0.0/0'), { maxLength: 2 }),
    },
    { requiredKeys: ['ports'] },
  ),
}) as unknown as fc.Arbitrary<Value>;

const container = fc.record(
  {
    name,
    image: fc.constant('registry.example.com/app:1.0'),
    ports: fc.array(
      fc.record({ name: portName, containerPort: portNumber }, { requiredKeys: ['containerPort'] }),
      {
        maxLength: 2,
      },
    ),
    env: fc.array(
      fc.record({ name: fc.constantFrom('A', 'B', 'LOG'), value: fc.constantFrom('1', 'x', 'yes') }),
      {
        maxLength: 3,
      },
    ),
    resources: fc.constant({ limits: { cpu: '100m', memory: '64Mi' } }),
    readinessProbe: fc.constant({ httpGet: { path: '/healthz', port: 'http' } }),
  },
  { requiredKeys: ['name'] },
);

const deployment: fc.Arbitrary<Value> = fc.record({
  apiVersion: fc.constant('apps/v1'),
  kind: fc.constantFrom('Deployment', 'StatefulSet'),
  metadata: metadata(name),
  spec: fc.record({
    replicas: fc.constantFrom(1, 3),
    template: fc.record({
      metadata: fc.record({ labels }),
      spec: fc.record({ containers: fc.array(container, { minLength: 1, maxLength: 2 }) }),
    }),
  }),
}) as unknown as fc.Arbitrary<Value>;

const ingress: fc.Arbitrary<Value> = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('Ingress'),
  metadata: metadata(name),
  spec: fc.record(
    {
      ingressClassName: fc.constantFrom('nginx', 'traefik'),
      tls: fc.constant([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]),
      rules: fc.array(
        fc.record({
          host: fc.constantFrom('shop.example.com', 'api.example.com'),
          http: fc.record({
            paths: fc.array(
              fc.record({
                path: fc.constantFrom('/', '/api'),
                pathType: fc.constant('Prefix'),
                backend: fc.record({
                  service: fc.record({
                    name,
                    port: fc.oneof(fc.record({ number: portNumber }), fc.record({ name: portName })),
                  }),
                }),
              }),
              { minLength: 1, maxLength: 2 },
            ),
          }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    },
    { requiredKeys: ['rules'] },
  ),
}) as unknown as fc.Arbitrary<Value>;

const configMap: fc.Arbitrary<Value> = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('ConfigMap'),
  metadata: metadata(name),
  data: fc.dictionary(fc.constantFrom('config.yaml', 'a', 'b'), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
}) as unknown as fc.Arbitrary<Value>;

const httpRoute: fc.Arbitrary<Value> = fc.record({
  apiVersion: fc.constant('gateway.networking.k8s.io/v1'),
  kind: fc.constant('HTTPRoute'),
  metadata: metadata(name),
  spec: fc.record({
    parentRefs: fc.constant([{ name: 'shared' }]),
    rules: fc.array(
      fc.record({ backendRefs: fc.array(fc.record({ name, port: portNumber }), { maxLength: 2 }) }),
      {
        maxLength: 2,
      },
    ),
  }),
}) as unknown as fc.Arbitrary<Value>;

const anyManifest = fc.oneof(service, service, deployment, deployment, ingress, configMap, httpRoute);

interface Style {
  indent: 2 | 3 | 4;
  /** Sequences inside mappings written at the key's indentation (`- ` under `key:`). */
  indentless: boolean;
  /** Collections at this depth or deeper written in flow style. */
  flowFrom: number;
  quoting: 'plain' | 'single' | 'double';
  comments: boolean;
  crlf: boolean;
  bom: boolean;
  /** Labels anchored in metadata and aliased in the selector or template. */
  anchors: boolean;
}

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2, 3, 4),
  indentless: fc.boolean(),
  flowFrom: fc.constantFrom(1, 2, 3, 4, 99, 99),
  quoting: fc.constantFrom('plain', 'plain', 'single', 'double'),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  anchors: fc.boolean(),
});

/** Damage a writer does by hand: one edit, at a random line. */
const damage = fc.oneof(
  fc.constant(null),
  fc.constant(null),
  fc.constant(null),
  fc.record({
    at: fc.nat(),
    edit: fc.constantFrom('unclosed-flow', 'tab', 'duplicate', 'drop-separator', 'bad-indent'),
  }),
);

const PLAIN_SAFE = /^[A-Za-z/][\w./-]*$/;
const NOT_PLAIN = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'yes',
  'no',
]);

function scalar(value: string | number | boolean | null, quoting: Style['quoting']): string {
  if (typeof value !== 'string') return String(value);
  if (quoting === 'plain' && PLAIN_SAFE.test(value) && !NOT_PLAIN.has(value)) return value;
  if (quoting === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function flow(value: Value, s: Style): string {
  if (Array.isArray(value)) return `[${value.map((item) => flow(item, s)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${scalar(key, s.quoting)}: ${flow(item, s)}`)
      .join(', ')}}`;
  }
  return scalar(value, s.quoting);
}

/** Lines of a value under a key (or a list item) at `depth`. */
function block(
  value: Value,
  s: Style,
  depth: number,
  indent: string,
  anchors: Map<string, string>,
): string[] {
  const pad = (n: number) => ' '.repeat(n);
  if (Array.isArray(value)) {
    if (value.length === 0 || depth >= s.flowFrom) return [`${flow(value, s)}`];
    return value.flatMap((item) => {
      const lines = block(item, s, depth + 1, `${indent}${pad(2)}`, anchors);
      if (
        typeof item === 'object' &&
        item !== null &&
        !Array.isArray(item) &&
        Object.keys(item).length > 0 &&
        depth + 1 < s.flowFrom
      ) {
        const [first, ...rest] = lines;
        return [`${indent}- ${first?.trimStart()}`, ...rest];
      }
      return [`${indent}- ${lines.join(' ').trim()}`];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0 || depth >= s.flowFrom) return [flow(value, s)];
    return entries.flatMap(([key, item]) => {
      if (item === undefined) return [];
      const head = `${indent}${scalar(key, s.quoting)}:`;
      const comment = s.comments && key.length % 3 === 0 ? ` # ${key}` : '';
      const json = JSON.stringify(item);
      const anchored = s.anchors && key === 'labels' ? anchors.get(json) : undefined;
      if (anchored !== undefined) return [`${head} *${anchored}${comment}`];
      const anchor = s.anchors && key === 'labels' ? `a${anchors.size}` : undefined;
      if (anchor !== undefined) anchors.set(json, anchor);
      const mark = anchor === undefined ? '' : ` &${anchor}`;
      if (
        item === null ||
        typeof item !== 'object' ||
        (Array.isArray(item) ? item.length === 0 : Object.keys(item).length === 0) ||
        depth + 1 >= s.flowFrom
      ) {
        const text = item !== null && typeof item === 'object' ? flow(item, s) : scalar(item, s.quoting);
        return [`${head}${mark} ${text}${comment}`];
      }
      const childIndent = Array.isArray(item) && s.indentless ? indent : `${indent}${pad(s.indent)}`;
      return [`${head}${mark}${comment}`, ...block(item, s, depth + 1, childIndent, anchors)];
    });
  }
  return [`${indent}${scalar(value, s.quoting)}`];
}

function writeFile(documents: Value[], s: Style, hurt: { at: number; edit: string } | null): string {
  const lines: string[] = [];
  documents.forEach((document, index) => {
    if (index > 0 || s.comments) lines.push(s.comments ? '--- # next' : '---');
    lines.push(...block(document, s, 0, '', new Map()));
  });
  if (hurt !== null && lines.length > 0) {
    const at = hurt.at % lines.length;
    const line = lines[at] as string;
    if (hurt.edit === 'unclosed-flow')
      lines.splice(at + 1, 0, `${line.match(/^\s*/)?.[0] ?? ''}broken: [1, 2`);
    else if (hurt.edit === 'tab') lines[at] = `\t${line}`;
    else if (hurt.edit === 'duplicate') lines.splice(at + 1, 0, line);
    else if (hurt.edit === 'drop-separator') {
      const separator = lines.findIndex((text, index) => index > 0 && text.startsWith('---'));
      if (separator > 0) lines.splice(separator, 1);
    } else if (hurt.edit === 'bad-indent') lines[at] = ` ${line}`;
  }
  const text = `${lines.join('\n')}\n`;
  return `${s.bom ? '\uFEFF' : ''}${s.crlf ? text.replace(/\n/g, '\r\n') : text}`;
}

function manifestSet(): fc.Arbitrary<SourceFile[]> {
  return fc
    .array(fc.record({ documents: fc.array(anyManifest, { minLength: 1, maxLength: 3 }), style, damage }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((files) =>
      files.map((file, index) => ({
        path: `k8s/file-${index}.yaml`,
        text: writeFile(file.documents, file.style, file.damage),
      })),
    );
}
