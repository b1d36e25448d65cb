/**
 * Each topic is found from several wordings: its own example questions with a typo put in (two
 * letters of the longest word swapped), and the questions written for it without looking at the
 * engine. A topic that most of them miss fails here, by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from './answer.js';
import { TOPICS } from './topics/index.js';

const { tune } = JSON.parse(
  readFileSync(new URL('./__fixtures__/own-questions.json', import.meta.url), 'utf8'),
) as Record<'tune', Array<{ q: string; accept: string[]; direct?: string }>>;

/** The question with the two middle letters of its longest word swapped: "timeuots". */
function withTypo(question: string): string {
  const longest = question.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 5) return question;
  const middle = Math.floor(longest.length / 2);
  const typo = `${longest.slice(0, middle - 1)}${longest[middle]}${longest[middle - 1]}${longest.slice(middle + 1)}`;
  return question.replace(longest, typo);
}

/** The topic an answer gives, if any. */
const topicOf = (question: string) => {
  const result = answer(question);
  return result.kind === 'topic' || result.kind === 'direct' ? result.topic : undefined;
};

describe.each(TOPICS.map((topic) => [topic.id, topic] as const))('%s', (id, topic) => {
  it('is found from its own examples with a typo in them', () => {
    const found = topic.examples.filter((example) => topicOf(withTypo(example)) === id);
    expect(found.length / topic.examples.length).toBeGreaterThanOrEqual(0.6);
  });

  it('is found from most questions written for it without looking at the engine', () => {
    const written = tune.filter((question) => question.accept[0] === id && question.direct === undefined);
    expect(written.length).toBeGreaterThanOrEqual(2);
    const found = written.filter((question) => question.accept.includes(topicOf(question.q) ?? ''));
    expect(
      found.length / written.length,
      found.length === written.length ? '' : 'missed',
    ).toBeGreaterThanOrEqual(0.4);
  });
});
