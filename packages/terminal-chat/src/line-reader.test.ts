import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LATER, lineReader, streamLines } from './line-reader.js';

describe('streamLines', () => {
  it('lets go of the stream when reading stops, so an open terminal does not keep the process alive', async () => {
    const input = new PassThrough();
    input.write('ingress or lb?\r\nquit\n');
    const lines: string[] = [];
    for await (const line of streamLines(input)) {
      lines.push(line);
      if (line === 'quit') break;
    }
    expect(lines).toEqual(['ingress or lb?', 'quit']);
    expect(input.listenerCount('data')).toBe(0);
    expect(input.listenerCount('end')).toBe(0);
  });
});

describe('lineReader', () => {
  it('gives up waiting after the wait, and the line still arrives later', async () => {
    const input = new PassThrough();
    const reader = lineReader(streamLines(input), { write: () => undefined });
    expect(await reader.nextWithin(20)).toBe(LATER);
    input.write('late\n');
    expect(await reader.next()).toBe('late');
    input.end();
    expect(await reader.next()).toBeUndefined();
  });
});
