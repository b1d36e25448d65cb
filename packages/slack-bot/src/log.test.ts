import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

describe('createLogger', () => {
  it('writes one JSON object per line, with tokens redacted everywhere', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.event('info', 'feedback', { question: 'my token is xoxb-1234567890-abcdefghij' });
    logger.error('call failed', new Error('bad auth for xoxp-1234567890-abcdefghij'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/xox[bp]-1234567890/);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', event: 'feedback' });
  });

  it('drops records below its level, and Bolt can change the level', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.event('debug', 'manifest', { manifest: 'kind: Service' });
    logger.info('hello');
    expect(lines).toEqual([]);
    logger.setLevel('debug' as Parameters<typeof logger.setLevel>[0]);
    logger.debug('now');
    expect(lines).toHaveLength(1);
  });
});
