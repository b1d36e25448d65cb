import { analyze, DEFAULT_CONFIG } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { chatGreeting, renderTurn } from './render.js';
import { runTerminalChat, type TerminalChatIO } from './run.js';
import { LOAD_BALANCER_MANIFEST } from './test-support/manifests.js';

interface FakeIO extends TerminalChatIO {
  out(): string;
  err(): string;
}

/** Streams for the chat: `input` is split as node:readline splits it, or a generator of its own. */
function fakeIO(input: string | (() => AsyncGenerator<string>), isTTY = false): FakeIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdin: {
      isTTY,
      lines:
        typeof input === 'string'
          ? async function* () {
              const lines = input.split(/\r\n|\n|\r/);
              if (lines.at(-1) === '') lines.pop();
              yield* lines;
            }
          : input,
    },
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function chat(input: string, isTTY = false) {
  const io = fakeIO(input, isTTY);
  await runTerminalChat(io, { config: DEFAULT_CONFIG, color: false });
  return { out: io.out(), err: io.err() };
}

describe('runTerminalChat', () => {
  it('greets, then prints answers as ask does, with their follow-ups, and no prompt when piped', async () => {
    const { out, err } = await chat(
      'a DNS server that needs UDP 53 from outside the cluster\ningress or lb?',
    );
    expect(err).toBe('');
    expect(out.startsWith(chatGreeting())).toBe(true);
    expect(out).toMatch(/^Recommendation: Service type LoadBalancer \(\d+(\.\d)?\/100\)$/m);
    expect(out).toContain('(type more for every reason, the ranking and the sources)');
    expect(out).toContain('1a) HTTP(S)  1b) TCP  1c) UDP');
    expect(out).not.toContain('> ');
    expect(out).not.toContain('**');
  });

  it('on a terminal, prompts, ends a paste at a pause, says goodbye and stops reading', async () => {
    let closed = false;
    const io = fakeIO(async function* () {
      try {
        yield 'NGINX or Traefik?';
        yield* LOAD_BALANCER_MANIFEST.trimEnd().split('\n');
        yield '';
        // The person reads the analysis before typing on.
        await new Promise((done) => setTimeout(done, 400));
        expect(io.out()).toContain('1 LoadBalancer Service (1 HTTP)');
        yield 'quit';
        yield 'never read';
      } finally {
        closed = true;
      }
    }, true);
    await runTerminalChat(io, { config: DEFAULT_CONFIG, color: false });
    expect(io.out()).toContain('\n> ');
    expect(io.out()).toContain('... ');
    expect(io.out().endsWith('\n> Bye.\n')).toBe(true);
    expect(closed).toBe(true);
  });

  it('survives hostile input: control characters, a 2 MB line, a 2 MB manifest', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const input = [
      '\x1b[31mingress\x07 or \x00lb\x1b]0;title\x07?\r',
      huge,
      `{${huge}`,
      'kind: Service',
      '',
      'NGINX or Traefik?',
    ].join('\n');
    const { out, err } = await chat(input);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(err.split('\n').filter((line) => line !== '')).toEqual([
      'The pasted manifest is larger than 1 MiB and was not analysed; run `ingress-advisor analyze FILE` on it instead. Skipping to the next blank line.',
    ]);
    expect(out.length).toBeLessThan(200_000);
  });

  it('ends, saying why, when standard input cannot be read', async () => {
    const io = fakeIO(async function* () {
      yield 'ingress or lb?';
      throw new Error('EIO: i/o error, read');
    });
    await runTerminalChat(io, { config: DEFAULT_CONFIG, color: false });
    expect(io.out()).toContain('1a) HTTP(S)');
    expect(io.err()).toBe('Could not read standard input: EIO: i/o error, read\n');
  });
});

describe('renderTurn', () => {
  it('prints a pasted manifest as analyze does, coloured only when asked', () => {
    const report = analyze([{ path: '<pasted>', text: LOAD_BALANCER_MANIFEST }]);
    const plain = renderTurn({ kind: 'report', report }, { color: false });
    expect(plain.err).toBe('');
    expect(plain.out).toContain('1 file (1 analysed), 1 resource, 1 LoadBalancer Service (1 HTTP)');
    expect(plain.out).toMatch(/^ {2}web +- +443\/TCP HTTPS/m);
    expect(plain.out).not.toContain('\u001b[');
    expect(renderTurn({ kind: 'report', report }, { color: true }).out).toContain('\u001b[');
  });

  it('prints a failure as one short, terminal-safe line on standard error', () => {
    const { out, err } = renderTurn(
      { kind: 'failed', message: `\u001b[31mboom\n${'x'.repeat(500)}` },
      { color: false },
    );
    expect(out).toBe('');
    expect(err.startsWith('Sorry, that failed: boom x')).toBe(true);
    expect(err.endsWith('…\n')).toBe(true);
    expect(err.split('\n')).toHaveLength(2);
    expect(err.length).toBeLessThan(240);
  });
});
