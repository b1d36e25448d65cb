import { describe, expect, it } from 'vitest';
import { createFakeDeps } from '../test-support/fake-deps.js';
import { askHelp, parseWeights, runAsk } from './ask.js';

async function ask(args: string[], options: Parameters<typeof createFakeDeps>[0] = {}) {
  const deps = createFakeDeps(options);
  const code = await runAsk(deps, args);
  return { code, out: deps.out(), err: deps.err() };
}

describe('ask', () => {
  it('prints the short answer as plain text by default: recommendation, why, one example', async () => {
    const { code, out, err } = await ask(['a DNS server that needs UDP 53 from outside the cluster']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')[0]).toMatch(/^Recommendation: Service type LoadBalancer \(\d+(\.\d)?\/100\)$/);
    expect(out).toContain('- + carries UDP natively at layer 4');
    expect(out).toContain('    protocol: UDP');
    expect(out).not.toContain('What I understood');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      '(--long shows every reason, the ranking and the sources.)',
    );
    expect(out).not.toContain('**');
    expect(out).not.toContain('```');
  });

  it('prints the whole answer with --long: what was understood, the ranking, the sources', async () => {
    const { code, out } = await ask(['a DNS server that needs UDP 53 from outside the cluster', '--long']);
    expect(code).toBe(0);
    expect(out).toContain('What I understood');
    expect(out).toContain('- UDP 53 (DNS)');
    expect(out).toContain('Sources');
    expect(out).not.toContain('--long shows');
  });

  it('colours bold text only on a terminal, and never with --no-color', async () => {
    const question = 'a DNS server that needs UDP 53 from outside the cluster';
    const onTerminal = await ask([question], { stdoutIsTTY: true });
    expect(onTerminal.out).toContain('\u001b[1mRecommendation: Service type LoadBalancer\u001b[22m');
    const noColor = await ask([question, '--no-color'], { stdoutIsTTY: true });
    expect(noColor.out).not.toContain('\u001b[');
    const piped = await ask([question]);
    expect(piped.out).not.toContain('\u001b[');
  });

  it('answers a yes/no capability question with the answer first and the fact it rests on', async () => {
    const { out } = await ask(['can the aws load balancer controller put tcp and https on one gateway?']);
    expect(out.split('\n')[0]).toMatch(/^No\. /);
    expect(out).toContain('Checked against');
  });

  it('prints the Answer as JSON with --format json', async () => {
    const { code, out } = await ask([
      'Is',
      'Gateway',
      'API',
      'the',
      'successor',
      'of',
      'Ingress?',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ kind: 'topic', topic: 'gateway-vs-ingress', followUps: [] });
  });

  it('applies --weights to the ranking', async () => {
    const plain = JSON.parse((await ask(['4 web apps with https', '-f', 'json'])).out);
    const weighted = JSON.parse(
      (await ask(['4 web apps with https', '-f', 'json', '--weights', 'routing=0,simplicity=100'])).out,
    );
    expect(weighted.ranking[0].score).not.toBe(plain.ranking[0].score);
  });

  it('applies the weights of the configuration file, with --weights overriding them per criterion', async () => {
    const files = { '/repo/.ingress-advisor.yml': 'weights:\n  routing: 0\n  simplicity: 100\n' };
    const json = async (args: string[]) =>
      JSON.parse((await ask(['4 web apps with https', '-f', 'json', ...args], { files })).out);
    const fromFile = await json([]);
    expect(fromFile.markdown).toMatch(/Routing & protocol flexibility 0%, Operational simplicity 6\d%/);
    const overridden = await json(['--weights', 'routing=30']);
    expect(overridden.markdown).toMatch(/Routing & protocol flexibility 1\d%/);
    const badFile = { '/repo/cfg.yml': 'weights: { speed: 1 }\n' };
    const bad = await ask(['4 web apps', '--config', 'cfg.yml'], { files: badFile });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('weights: unknown key(s) "speed"');
  });

  it('reads the question from standard input with "-"', async () => {
    const { code, out } = await ask(['-', '--format', 'json'], { stdin: 'NGINX or Traefik?\n' });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ topic: 'controller-choice' });
  });

  it('exits 2 with a hint when the question is missing', async () => {
    for (const args of [[], ['   '], ['-f', 'json']]) {
      const { code, out, err } = await ask(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(
        'Ask a question, e.g. ingress-advisor ask "ingress or lb for 3 web apps?".\nRun `ingress-advisor ask --help` for usage.\n',
      );
    }
  });

  it('exits 2 on an unknown format, option or weight', async () => {
    expect((await ask(['q', '--format', 'yaml'])).err).toContain(
      'Unknown value "yaml" for --format; use one of text, json.',
    );
    expect((await ask(['q', '--colour'])).code).toBe(2);
    const weight = await ask(['q', '--weights', 'speed=3']);
    expect(weight.code).toBe(2);
    expect(weight.err).toContain('Cannot read "speed=3" in --weights');
  });

  it('prints its help', async () => {
    const { code, out } = await ask(['--help']);
    expect(code).toBe(0);
    expect(out).toBe(askHelp());
    expect(out).toMatch(/^Usage: ingress-advisor ask "QUESTION"/);
  });
});

describe('parseWeights', () => {
  it('reads criteria and numbers, with % allowed', () => {
    expect(parseWeights('routing=40, simplicity=20%,security:5')).toEqual({
      routing: 40,
      simplicity: 20,
      security: 5,
    });
  });

  it('rejects negatives, duplicates and empty lists', () => {
    expect(() => parseWeights('routing=-1')).toThrow('must be a number of 0 or more');
    expect(() => parseWeights('routing=1,routing=2')).toThrow('given twice');
    expect(() => parseWeights(',')).toThrow('needs a value');
    expect(() => parseWeights('routing=0,simplicity=0,performance=0,security=0,portability=0')).toThrow(
      'cannot all be 0',
    );
  });
});
