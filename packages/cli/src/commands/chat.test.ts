import { answer } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { createFakeDeps } from '../test-support/fake-deps.js';
import { chatGreeting, chatHelp, continuesManifest, matchChoice, runChat, startsManifest } from './chat.js';

async function chat(stdin: string, options: Parameters<typeof createFakeDeps>[0] = {}, args: string[] = []) {
  const deps = createFakeDeps({ stdin, ...options });
  const code = await runChat(deps, args);
  return { code, out: deps.out(), err: deps.err() };
}

const loadBalancer = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 443
      targetPort: 8443
`;

describe('chat', () => {
  it('greets, then answers a question as ask renders it, with no prompt when piped', async () => {
    const { code, out, err } = await chat('a DNS server that needs UDP 53 from outside the cluster\n');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.startsWith(chatGreeting())).toBe(true);
    expect(out).toContain('a blank line ends a pasted manifest');
    expect(out).toMatch(/^Recommendation: Service type LoadBalancer \(\d+(\.\d)?\/100\)$/m);
    expect(out).toContain('- + carries UDP natively at layer 4');
    expect(out).toContain('(type more for every reason, the ranking and the sources)');
    expect(out).not.toContain('> ');
    expect(out).not.toContain('**');
  });

  it('lists follow-ups numbered with their choices, and refines by a choice id', async () => {
    const { code, out } = await chat('ingress or lb?\n1c\n');
    expect(code).toBe(0);
    expect(out).toContain('1a) HTTP(S)  1b) TCP  1c) UDP');
    expect(out).toContain('To recommend one option I need a little more.');
    const [, afterReply] = out.split('1c) UDP');
    // The reply "1c" answered "What does the traffic speak?" with UDP: only a LoadBalancer carries it.
    expect(afterReply).toMatch(/Service type LoadBalancer/);
    expect(out.match(/Provisional answer|Recommendation:/g)?.length).toBe(2);
  });

  it('refines by a choice label or value too', () => {
    const first = answer('ingress or lb?');
    expect(matchChoice(first.followUps, 'TCP')).toEqual({ id: 'protocol', choice: 'tcp' });
    expect(matchChoice(first.followUps, ' http(s) ')).toEqual({ id: 'protocol', choice: 'http' });
    expect(matchChoice(first.followUps, '1D)')).toEqual({ id: 'protocol', choice: 'mixed' });
    expect(matchChoice(first.followUps, '9z')).toBeUndefined();
    expect(matchChoice(first.followUps, 'it is for mqtt')).toBeUndefined();
  });

  it('passes any other reply with the previous answer, so words refine the last question', async () => {
    const { out } = await chat('ingress or lb?\nits a udp game server on port 27015\n');
    const second = out.split('To recommend one option')[1] ?? '';
    expect(second).toMatch(/^Recommendation: Service type LoadBalancer/m);
    expect(second).toContain('UDP 27015');
  });

  it('analyses a pasted manifest ended by a blank line, then goes on with questions', async () => {
    const { code, out, err } = await chat(`${loadBalancer}\nNGINX or Traefik?\n`);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('1 file (1 analysed), 1 resource, 1 LoadBalancer Service (1 HTTP)');
    expect(out).toMatch(/^ {2}web +- +443\/TCP HTTPS/m);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(out).not.toMatch(/\x1b\[/);
    expect(out).toMatch(/Ingress or Gateway controller|controller/i);
  });

  it('keeps blank lines inside a pasted manifest when more YAML follows them', async () => {
    const twoServices = `${loadBalancer}\n\n---\n\n${loadBalancer.replace('name: web', 'name: api')}\n  # trailing comment\n`;
    const { out, err } = await chat(`${twoServices}\n\nNGINX or Traefik?\n`);
    expect(err).toBe('');
    expect(out).toContain('2 LoadBalancer Services (2 HTTP)');
    expect(out.match(/LoadBalancer Services\n/g)?.length).toBe(1);
    expect(out).toMatch(/controller/i);
    expect(continuesManifest('  port: 80')).toBe(true);
    expect(continuesManifest('metadata:')).toBe(true);
    expect(continuesManifest('what does this cost?')).toBe(false);
  });

  it('on a terminal, ends a paste at a blank line when nothing else arrives at once', async () => {
    const deps = createFakeDeps({ stdinIsTTY: true });
    const lines = [...loadBalancer.trimEnd().split('\n'), ''];
    deps.stdin.lines = async function* () {
      yield* lines;
      // The person reads the analysis before typing on.
      await new Promise((done) => setTimeout(done, 400));
      expect(deps.out()).toContain('1 LoadBalancer Service (1 HTTP)');
      yield 'quit';
    };
    expect(await runChat(deps, [])).toBe(0);
    expect(deps.out()).toContain('Bye.');
  });

  it('analyses a manifest cut by end of input, and a last line without a newline', async () => {
    const pasted = await chat(loadBalancer.trimEnd());
    expect(pasted.code).toBe(0);
    expect(pasted.out).toContain('1 LoadBalancer Service (1 HTTP)');
    const question = await chat('a DNS server that needs UDP 53');
    expect(question.code).toBe(0);
    expect(question.out).toMatch(/^Recommendation: /m);
  });

  it('shows the whole last answer when asked for more', async () => {
    const { out } = await chat('a DNS server that needs UDP 53 from outside the cluster\nmore\n');
    const [short, long] = out.split('(type more for every reason, the ranking and the sources)');
    expect(short).not.toContain('What I understood');
    expect(long).toContain('What I understood');
    expect(long).toContain('- UDP 53 (DNS)');
    expect(long).toContain('Sources');
  });

  it('reads a paste that opens with # comments as a manifest, and a lone # line as a question', async () => {
    const commented = await chat(`# web service, exposed for the demo\n# owner: shop\n${loadBalancer}\n`);
    expect(commented.out).toContain('1 LoadBalancer Service (1 HTTP)');
    expect(commented.out).not.toContain('Recommendation:');
    const question = await chat('# ingress or lb for one udp dns server?\n');
    expect(question.out).toMatch(/^Recommendation: Service type LoadBalancer/m);
    expect(question.out).not.toContain('LoadBalancer Service (1');
  });

  it('says so when a follow-up choice changes nothing, instead of the same answer again', async () => {
    const first = answer('expose 4 web apps on eks');
    const keeps = first.followUps
      .flatMap((followUp, index) =>
        followUp.choices.map((choice, letter) => ({
          followUp,
          choice,
          reply: `${index + 1}${'abcdef'[letter]}`,
        })),
      )
      .find(
        ({ followUp, choice }) =>
          answer('', { previous: first, followUp: { id: followUp.id, choice: choice.value } }).unchanged ===
          true,
      );
    expect(keeps, 'a follow-up choice that keeps the recommendation').toBeDefined();
    const { out } = await chat(`expose 4 web apps on eks\n${keeps?.reply}\n`);
    expect(out).toContain(`does not change the answer`);
    expect(out.match(/^Recommendation: /gm)).toHaveLength(1);
  });

  it('stops at quit, ignoring what follows', async () => {
    const { code, out } = await chat('quit\ningress or lb?\n');
    expect(code).toBe(0);
    expect(out).toBe(chatGreeting());
  });

  it('prompts only on a terminal', async () => {
    const { out } = await chat('NGINX or Traefik?\n', { stdinIsTTY: true });
    expect(out).toContain('\n> ');
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
    const { code, out, err } = await chat(input);
    expect(code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(err).toContain('larger than 1 MiB');
    expect(err.split('\n').filter((line) => line !== '').length).toBe(1);
    expect(out.length).toBeLessThan(200_000);
    expect(out).toMatch(/controller/i);
    expect(startsManifest('---')).toBe(true);
    expect(startsManifest('what about kind: Service?')).toBe(false);
  });

  it('prints its help, and rejects arguments', async () => {
    expect(await chat('', {}, ['--help'])).toEqual({ code: 0, out: chatHelp(), err: '' });
    const extra = await chat('', {}, ['ingress?']);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('chat takes no arguments');
  });

  it('is reachable from main', async () => {
    const deps = createFakeDeps({ stdin: 'ingress or lb?\n' });
    expect(await main(['chat'], deps)).toBe(0);
    expect(deps.out()).toContain('1a) HTTP(S)');
  });
});
