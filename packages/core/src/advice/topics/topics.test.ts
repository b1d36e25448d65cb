import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { TOPICS, topicById } from './index.js';
import { PROVIDERS, TOPIC_IDS } from './types.js';

/** Sentence ends: a full stop, question or exclamation mark followed by a space or the end. */
function countSentences(text: string): number {
  return text.trim().match(/[.!?](?=\s|$)/g)?.length ?? 0;
}

const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** Every question of the test set (`q` fields at any depth): examples must not copy them. */
function fixtureQuestions(): string[] {
  const json: unknown = JSON.parse(
    readFileSync(new URL('../__fixtures__/questions.json', import.meta.url), 'utf8'),
  );
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'q' && typeof child === 'string') out.push(child);
        else walk(child);
      }
    }
  };
  walk(json);
  return out;
}

/** Lower case, single spaces, no trailing punctuation: "Same question?" equals "same  question". */
function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!]+$/, '')
    .trim();
}

/** What a topic says around its example: short, details, provider notes and the caption. */
function proseOf(topic: (typeof TOPICS)[number]): string {
  return [
    topic.short,
    topic.details,
    ...Object.values(topic.providers ?? {}),
    topic.example?.caption ?? '',
  ].join('\n');
}

describe('topics', () => {
  it('has exactly one topic per TOPIC_ID, in TOPIC_IDS order', () => {
    expect(TOPICS.map((topic) => topic.id)).toEqual([...TOPIC_IDS]);
  });

  it('finds every topic by id', () => {
    for (const id of TOPIC_IDS) expect(topicById(id)?.id).toBe(id);
  });

  describe.each(TOPICS.map((topic) => [topic.id, topic] as const))('%s', (_id, topic) => {
    it('has a title', () => {
      expect(topic.title.trim()).not.toBe('');
    });

    it('answers in two or three sentences of at most 600 characters', () => {
      const sentences = countSentences(topic.short);
      expect(sentences).toBeGreaterThanOrEqual(2);
      expect(sentences).toBeLessThanOrEqual(3);
      expect(topic.short.length).toBeLessThanOrEqual(600);
    });

    it('has details', () => {
      expect(topic.details.trim()).not.toBe('');
    });

    it('keeps details free of headings above level 4', () => {
      expect(topic.details).not.toMatch(/^#{1,3} /m);
    });

    it('cites at least two https sources', () => {
      expect(topic.sources.length).toBeGreaterThanOrEqual(2);
      for (const source of topic.sources) {
        expect(source.title.trim()).not.toBe('');
        expect(new URL(source.url).protocol).toBe('https:');
      }
    });

    it('has 6 to 12 distinct example questions and at least 3 terms', () => {
      expect(topic.examples.length).toBeGreaterThanOrEqual(6);
      expect(topic.examples.length).toBeLessThanOrEqual(12);
      expect(new Set(topic.examples.map(normalised)).size).toBe(topic.examples.length);
      for (const example of topic.examples) expect(example.trim()).not.toBe('');
      expect(topic.terms.length).toBeGreaterThanOrEqual(3);
      expect(new Set(topic.terms.map((term) => term.toLowerCase())).size).toBe(topic.terms.length);
      for (const term of topic.terms) expect(term.trim()).not.toBe('');
    });

    it('keeps provider notes to the known providers', () => {
      for (const [provider, note] of Object.entries(topic.providers ?? {})) {
        expect(PROVIDERS as readonly string[]).toContain(provider);
        expect(note?.trim() ?? '').not.toBe('');
      }
    });

    it('marks exactly the troubleshoot-* topics as troubleshooting', () => {
      expect(topic.troubleshooting === true).toBe(topic.id.startsWith('troubleshoot-'));
    });

    it('shows loadBalancerSourceRanges in its YAML when its prose mentions it or an allow-list', () => {
      if (topic.example?.language !== 'yaml') return;
      const mentions =
        /loadBalancerSourceRanges/.test(proseOf(topic)) || /allow-?list/i.test(topic.example.caption);
      if (mentions) expect(topic.example.code).toContain('loadBalancerSourceRanges');
    });

    it('refers to nothing outside the repository', () => {
      const text = JSON.stringify(topic);
      expect(text).not.toMatch(/\/work\/|file:\/\//);
    });

    it('has a YAML example that parses into Kubernetes objects, Gateway API ones at v1', () => {
      if (topic.example?.language !== 'yaml') return;
      const documents = loadAll(topic.example.code).filter((doc) => doc !== null && doc !== undefined);
      expect(documents.length).toBeGreaterThan(0);
      for (const doc of documents) {
        const object = doc as { apiVersion?: unknown; kind?: unknown };
        expect(typeof object.apiVersion).toBe('string');
        expect(typeof object.kind).toBe('string');
        const apiVersion = object.apiVersion as string;
        if (apiVersion.startsWith(`${GATEWAY_API_GROUP}/`)) {
          expect(apiVersion).toBe(`${GATEWAY_API_GROUP}/v1`);
        }
      }
    });
  });

  it('does not copy a question of the test set into the examples', () => {
    const questions = new Set(fixtureQuestions().map(normalised));
    expect(questions.size).toBeGreaterThan(0);
    for (const topic of TOPICS) {
      for (const example of topic.examples) expect(questions.has(normalised(example)), example).toBe(false);
    }
  });

  it('does not give one example question to two topics', () => {
    const seen = new Map<string, string>();
    for (const topic of TOPICS) {
      for (const example of topic.examples) {
        expect(seen.get(normalised(example)), example).toBeUndefined();
        seen.set(normalised(example), topic.id);
      }
    }
  });

  it('marks the five troubleshooting topics', () => {
    expect(TOPICS.filter((topic) => topic.troubleshooting).map((topic) => topic.id)).toEqual([
      'troubleshoot-service-no-pods',
      'troubleshoot-ingress-rules-ignored',
      'troubleshoot-aws-wrong-lb',
      'troubleshoot-pending-external-ip',
      'troubleshoot-502-health-checks',
    ]);
  });

  it('sets pathType on every Ingress path and a port on every HTTPRoute backendRef in the examples', () => {
    for (const topic of TOPICS) {
      if (topic.example?.language !== 'yaml') continue;
      for (const doc of loadAll(topic.example.code)) {
        const object = doc as {
          kind?: string;
          spec?: {
            rules?: Array<{
              http?: { paths?: Array<{ pathType?: string }> };
              backendRefs?: Array<{ port?: number }>;
            }>;
          };
        };
        for (const rule of object.spec?.rules ?? []) {
          if (object.kind === 'Ingress') {
            for (const path of rule.http?.paths ?? []) expect(path.pathType, topic.id).toBeDefined();
          }
          if (object.kind === 'HTTPRoute') {
            for (const ref of rule.backendRefs ?? []) expect(typeof ref.port, topic.id).toBe('number');
          }
        }
      }
    }
  });

  it('keeps the retired nginx IngressClass out of the YAML examples', () => {
    for (const topic of TOPICS) {
      if (topic.example?.language !== 'yaml') continue;
      expect(topic.example.code, topic.id).not.toMatch(/ingressClassName:\s*nginx\b/);
    }
  });

  it('says in controller-choice that community ingress-nginx was retired, and when', () => {
    const topic = topicById('controller-choice')!;
    const text = `${topic.short}\n${topic.details}`;
    expect(text).toMatch(/retired/i);
    expect(text).toContain('March 2026');
    expect(text).toContain('2026-03-24');
    for (const version of ['v1.15.1', 'v1.14.5', 'v1.13.9']) expect(text).toContain(version);
  });

  it('quotes in cost at least one price from facts.md', () => {
    const topic = topicById('cost')!;
    const text = `${topic.short}\n${topic.details}`;
    const prices = ['$0.0225', '$16.43', '$0.025', '$18.25', '$12'];
    expect(prices.some((price) => text.includes(price))).toBe(true);
  });
});
