import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../render/json.js';
import { analyze } from './analyze.js';

const KINDS = [
  'Service',
  'Ingress',
  'Deployment',
  'Gateway',
  'HTTPRoute',
  'TCPRoute',
  'ReferenceGrant',
  'IngressClass',
  'List',
  'CronJob',
  'Pod',
  // Names of Object.prototype members: a lookup by kind must not find those.
  'constructor',
  'toString',
  '__proto__',
];
const API_VERSIONS = [
  'v1',
  'apps/v1',
  'networking.k8s.io/v1',
  'extensions/v1beta1',
  'gateway.networking.k8s.io/v1',
  'gateway.networking.k8s.io/v1alpha2',
];

/** Values of any shape, including the wrong types for the fields rules read. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('LoadBalancer', 'http', 'UDP', 80, 443, 'nginx', '__proto__', 'constructor'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'name',
        'port',
        'targetPort',
        'type',
        'ports',
        'selector',
        'spec',
        'metadata',
        'items',
        'rules',
        'backendRefs',
        'parentRefs',
        '__proto__',
        'kind',
        'apiVersion',
        'annotations',
        'labels',
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value;

/** Kubernetes-looking objects whose fields may hold anything. */
const manifestLike = fc.record({
  apiVersion: fc.constantFrom(...API_VERSIONS),
  kind: fc.constantFrom(...KINDS),
  metadata: fc.oneof(
    anyValue,
    fc.record({
      name: fc.string(),
      namespace: fc.option(fc.string(), { nil: undefined }),
      annotations: anyValue,
    }),
  ),
  spec: anyValue,
  items: fc.option(fc.array(anyValue, { maxLength: 3 }), { nil: undefined }),
});

const VALID = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              name: http
`;

function analyseWithoutThrowing(texts: string[]): void {
  const report = analyze(texts.map((text, index) => ({ path: `f${index}.yaml`, text })));
  // Every input file is accounted for, and the report serialises.
  expect(report.files).toHaveLength(texts.length);
  expect(() => renderJson(report)).not.toThrow();
}

describe('analyze never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 3 }),
        analyseWithoutThrowing,
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('on kinds and API versions named after Object.prototype members', () => {
    // `kind: constructor` crashed the loader once: a kind was looked up in a plain object.
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    const text = names
      .flatMap((name) => [
        `apiVersion: v1\nkind: ${name}\nmetadata: {name: a}\n`,
        `apiVersion: ${name}/v1\nkind: ${name}\nmetadata: {name: b}\nspec: {template: {}}\n`,
      ])
      .join('---\n');
    const report = analyze([{ path: 'prototype-kinds.yaml', text }]);
    expect(report.files[0]?.status).toBe('analyzed');
    expect(report.resources).toHaveLength(names.length * 2);
  });

  it('on random YAML of Kubernetes-looking objects', () => {
    fc.assert(
      fc.property(fc.array(manifestLike, { minLength: 1, maxLength: 6 }), (objects) => {
        analyseWithoutThrowing([objects.map((object) => dump(object, { skipInvalid: true })).join('---\n')]);
      }),
      { numRuns: 400 },
    );
  });

  it('on random edits of a valid manifest', () => {
    fc.assert(
      fc.property(fc.nat(VALID.length), fc.nat(40), fc.string({ maxLength: 8 }), (at, removed, inserted) => {
        analyseWithoutThrowing([VALID.slice(0, at) + inserted + VALID.slice(at + removed)]);
      }),
      { numRuns: 400 },
    );
  });
});
