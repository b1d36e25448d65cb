import { chatGreeting, type TerminalChatIO } from '@ingress-advisor/terminal-chat';
import { describe, expect, it } from 'vitest';
import { CONNECT_HINT, runConsole } from './console.js';

function fakeIO(lines: string[]): TerminalChatIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdin: {
      isTTY: false,
      async *lines() {
        yield* lines;
      },
    },
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
  };
}

describe('runConsole', () => {
  it('says how to connect Slack, then holds the terminal chat in this process and exits 0', async () => {
    const io = fakeIO(['a DNS server that needs UDP 53 from outside the cluster', 'quit']);
    expect(await runConsole(io, false)).toBe(0);
    expect(io.err.join('')).toBe(CONNECT_HINT);
    const out = io.out.join('');
    expect(out.startsWith(chatGreeting())).toBe(true);
    expect(out).toMatch(/^Recommendation: Service type LoadBalancer/m);
    expect(out).not.toContain('\u001b[');
  });
});
