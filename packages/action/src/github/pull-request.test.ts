import { describe, expect, it } from 'vitest';
import { lastPageOf, mapWithConcurrency } from './pull-request.js';

describe('lastPageOf', () => {
  it('reads the last page from a Link header', () => {
    const link =
      '<https://api.github.com/repositories/1/pulls/7/files?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/pulls/7/files?per_page=100&page=30>; rel="last"';
    expect(lastPageOf(link)).toBe(30);
  });

  it('is 1 without a Link header or a last link', () => {
    expect(lastPageOf(undefined)).toBe(1);
    expect(lastPageOf('<https://x/?page=1>; rel="prev"')).toBe(1);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (delay) => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, delay));
      running--;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });
});
