import { describe, expect, it } from 'vitest';
import { answer } from '../answer.js';
import { canonicalise } from '../internal/canonical.js';
import { TOPIC_IDS } from '../topics/types.js';
import { CAPABILITIES, CAPABILITY_FACTS, IMPLEMENTATIONS } from './index.js';

/** The canonical text of a phrase, as questions are read. */
function canonical(phrase: string): string {
  return canonicalise(phrase).text;
}

const IMPLEMENTATION_IDS = new Set(IMPLEMENTATIONS.map((implementation) => implementation.id));
const CAPABILITY_IDS = new Set(CAPABILITIES.map((capability) => capability.id));
const ANSWER_WORD = { yes: 'Yes', no: 'No', partly: 'Partly' } as const;

/** "the AWS Load Balancer Controller" → "aws load balancer controller", as a statement names it. */
function bareName(name: string): string {
  return name.replace(/^(?:the|an?)\s+/i, '').toLowerCase();
}

describe('implementations and capabilities', () => {
  it('has unique kebab-case ids', () => {
    for (const list of [IMPLEMENTATIONS, CAPABILITIES]) {
      const ids = list.map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('gives every entry a name and at least one alias', () => {
    for (const entry of [...IMPLEMENTATIONS, ...CAPABILITIES]) {
      expect(entry.name.trim(), entry.id).not.toBe('');
      expect(entry.aliases.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('points every capability at a topic', () => {
    for (const capability of CAPABILITIES) {
      expect(TOPIC_IDS as readonly string[], capability.id).toContain(capability.topic);
    }
  });

  it('keeps aliases lower case and in the canonical form questions take', () => {
    const wrong: string[] = [];
    for (const entry of [...IMPLEMENTATIONS, ...CAPABILITIES]) {
      for (const alias of entry.aliases) {
        if (alias !== alias.toLowerCase() || alias !== alias.trim() || canonical(alias) !== alias)
          wrong.push(`${entry.id}: "${alias}" reads as "${canonical(alias)}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('does not give one alias to two implementations or two capabilities', () => {
    for (const list of [IMPLEMENTATIONS, CAPABILITIES]) {
      const seen = new Map<string, string>();
      for (const entry of list) {
        for (const alias of entry.aliases) {
          expect(seen.get(alias), `"${alias}" in ${entry.id}`).toBeUndefined();
          seen.set(alias, entry.id);
        }
      }
    }
  });

  it('finds the canonical form of the usual spellings', () => {
    expect(canonical('AWS Load Balancer Controller')).toBe('aws loadbalancer controller');
    expect(canonical('ingress-nginx')).toBe('ingressnginx');
    expect(canonical('NGINX Ingress')).toBe('ingressnginx');
    expect(canonical('Gateway API')).toBe('gatewayapi');
    expect(canonical('NGINX Gateway Fabric')).toBe('ngf');
  });
});

describe('capability facts', () => {
  it('has at least 20 facts', () => {
    expect(CAPABILITY_FACTS.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(
    CAPABILITY_FACTS.map((fact) => [`${fact.implementation} × ${fact.capability}`, fact] as const),
  )('%s', (_pair, fact) => {
    it('refers to a known implementation and capability', () => {
      expect(IMPLEMENTATION_IDS.has(fact.implementation)).toBe(true);
      expect(CAPABILITY_IDS.has(fact.capability)).toBe(true);
    });

    it('starts its statement with its answer word and names the implementation', () => {
      expect(fact.statement.startsWith(ANSWER_WORD[fact.answer])).toBe(true);
      // "Partly" must not pass for "Par", nor "No" for "Nothing".
      expect(fact.statement.slice(ANSWER_WORD[fact.answer].length)).toMatch(/^[\s:,.;]/);
      const implementation = IMPLEMENTATIONS.find((entry) => entry.id === fact.implementation);
      expect(fact.statement.toLowerCase()).toContain(bareName(implementation?.name ?? '?'));
    });

    it('says what to do instead when the answer is not a plain yes', () => {
      if (fact.answer === 'yes') return;
      expect(fact.alternative?.trim() ?? '').not.toBe('');
    });

    it('cites an https source and says what it was checked against', () => {
      expect(fact.source.title.trim()).not.toBe('');
      expect(new URL(fact.source.url).protocol).toBe('https:');
      expect(fact.checkedAgainst.trim()).not.toBe('');
    });
  });

  it('has at most one fact per implementation and capability', () => {
    const pairs = CAPABILITY_FACTS.map((fact) => `${fact.implementation}|${fact.capability}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('never answers from an unconfirmed fact with a plain yes or no', () => {
    // GKE Gateway and L4 routes are not evidenced: the GKE v1.6 report covers HTTP only.
    for (const capability of ['tcp-route', 'udp-route']) {
      const fact = CAPABILITY_FACTS.find((f) => f.implementation === 'gke' && f.capability === capability);
      if (fact !== undefined) expect(fact.answer).toBe('partly');
    }
    // Mixed-protocol Services on Azure are not documented: no fact rather than a guess.
    expect(
      CAPABILITY_FACTS.some((f) => f.implementation === 'azure' && f.capability === 'mixed-protocol-service'),
    ).toBe(false);
  });

  it('keeps the headline facts the issue asks for', () => {
    const answerOf = (implementation: string, capability: string) =>
      CAPABILITY_FACTS.find((f) => f.implementation === implementation && f.capability === capability)
        ?.answer;
    expect(answerOf('aws-load-balancer-controller', 'tcp-route')).toBe('yes');
    expect(answerOf('aws-load-balancer-controller', 'mixed-l4-l7-gateway')).toBe('no');
    expect(answerOf('ingress-nginx', 'tcp-route')).toBe('no');
    expect(answerOf('gateway-api', 'frontend-mtls')).toBe('yes');
    expect(answerOf('gateway-api', 'tls-passthrough')).toBe('yes');
    expect(answerOf('kubernetes-service', 'mixed-protocol-service')).toBe('partly');
  });
});

describe('every fact answers its question', () => {
  it.each(CAPABILITY_FACTS.map((fact) => [`${fact.implementation} × ${fact.capability}`, fact] as const))(
    '%s',
    (_pair, fact) => {
      const implementation = IMPLEMENTATIONS.find((entry) => entry.id === fact.implementation);
      const capability = CAPABILITIES.find((entry) => entry.id === fact.capability);
      // Asked the plain way with the first names a question would use: the fact must be found.
      const question = `does ${implementation?.aliases[0]} support ${capability?.aliases[0]}?`;
      expect(answer(question).direct).toMatchObject({
        implementation: fact.implementation,
        capability: fact.capability,
        answer: fact.answer,
      });
    },
  );
});
