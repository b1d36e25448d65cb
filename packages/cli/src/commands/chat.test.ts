import { chatGreeting } from '@ingress-advisor/terminal-chat';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { createFakeDeps } from '../test-support/fake-deps.js';
import { chatHelp, runChat } from './chat.js';

// The conversation itself is @ingress-advisor/terminal-chat's, tested there; here, what the command adds.
async function chat(stdin: string, options: Parameters<typeof createFakeDeps>[0] = {}, args: string[] = []) {
  const deps = createFakeDeps({ stdin, ...options });
  const code = await runChat(deps, args);
  return { code, out: deps.out(), err: deps.err() };
}

const QUESTION = 'a DNS server that needs UDP 53 from outside the cluster';

describe('chat', () => {
  it('holds the conversation on standard input, and exits 0 at its end', async () => {
    const { code, out, err } = await chat(`${QUESTION}\n`);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith(chatGreeting())).toBe(true);
    expect(out).toMatch(/^Recommendation: Service type LoadBalancer/m);
    expect(out).not.toContain('> ');
  });

  it('prompts only on a terminal, and stops at quit', async () => {
    const { code, out } = await chat('NGINX or Traefik?\nquit\ningress or lb?\n', { stdinIsTTY: true });
    expect(code).toBe(0);
    expect(out).toContain('\n> ');
    expect(out.endsWith('Bye.\n')).toBe(true);
    expect(out).not.toContain('1a) HTTP(S)');
  });

  it('colours on a terminal unless --no-color or NO_COLOR says otherwise', async () => {
    expect((await chat(`${QUESTION}\n`, { stdoutIsTTY: true })).out).toContain('\u001b[1m');
    expect((await chat(`${QUESTION}\n`, { stdoutIsTTY: true }, ['--no-color'])).out).not.toContain('\u001b[');
    expect((await chat(`${QUESTION}\n`, { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(
      '\u001b[',
    );
  });

  it('answers with the weights of the configuration file', async () => {
    const files = { '/repo/.ingress-advisor.yml': 'weights:\n  routing: 0\n  simplicity: 100\n' };
    const question = '4 web apps with https\n';
    const score = (out: string) => /^Recommendation: .* \((\d+(?:\.\d)?)\/100\)$/m.exec(out)?.[1];
    expect(score((await chat(question, { files })).out)).not.toBe(score((await chat(question)).out));
  });

  it('prints its help, and rejects arguments and a missing configuration file', async () => {
    expect(await chat('', {}, ['--help'])).toEqual({ code: 0, out: chatHelp(), err: '' });
    const extra = await chat('', {}, ['ingress?']);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('chat takes no arguments');
    const missing = await chat('', {}, ['--config', 'nowhere.yml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read the configuration file nowhere.yml');
    expect(missing.out).toBe('');
  });

  it('is reachable from main', async () => {
    const deps = createFakeDeps({ stdin: 'ingress or lb?\n' });
    expect(await main(['chat'], deps)).toBe(0);
    expect(deps.out()).toContain('1a) HTTP(S)');
  });
});
