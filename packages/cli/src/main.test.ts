import { describe, expect, it } from 'vitest';
import { main, programHelp } from './main.js';
import { createFakeDeps } from './test-support/fake-deps.js';

async function run(argv: string[]) {
  const deps = createFakeDeps({
    files: { '/repo/web.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n' },
  });
  const code = await main(argv, deps);
  return { code, out: deps.out(), err: deps.err() };
}

describe('main', () => {
  it('prints the program help on --help, -h and help', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, out, err } = await run(argv);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toBe(programHelp('9.9.9-test'));
    }
  });

  it('lists every command, migrate included, and no planned ones', () => {
    const help = programHelp('1.2.3');
    expect(help).toContain('ingress-advisor 1.2.3');
    expect(help).toMatch(/^ {2}analyze \[PATH\.\.\. \| -\] +Analyse manifests/m);
    expect(help).toMatch(/^ {2}ask "QUESTION" +Answer a question/m);
    expect(help).toMatch(/^ {2}chat +Ask questions in a conversation/m);
    expect(help).toMatch(/^ {2}migrate PATH\.\.\. --to ingress\|gateway +Write Ingress or Gateway API YAML/m);
    expect(help).not.toContain('Planned');
  });

  it('prints the version on --version and -V', async () => {
    for (const argv of [['--version'], ['-V']]) {
      expect(await run(argv)).toEqual({ code: 0, out: '9.9.9-test\n', err: '' });
    }
  });

  it('prints a command help with help COMMAND', async () => {
    const { code, out } = await run(['help', 'analyze']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: ingress-advisor analyze/);
  });

  it('dispatches to analyze', async () => {
    const { code, out } = await run(['analyze', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ schemaVersion: 2, files: [{ path: 'web.yaml' }] });
  });

  it('exits 2 with the help on stderr when no command is given', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(programHelp('9.9.9-test'));
  });

  it('exits 2 on an unknown command or option', async () => {
    const unknown = await run(['analyse']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe(
      'Unknown command "analyse". Available commands: analyze, ask, chat, migrate.\nRun `ingress-advisor --help` for usage.\n',
    );
    const option = await run(['--format', 'json']);
    expect(option.code).toBe(2);
    expect(option.err).toContain('Unknown option --format.');
  });

  it('dispatches to ask', async () => {
    const { code, out, err } = await run(['ask', 'NGINX or Traefik?', '--format', 'json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(JSON.parse(out)).toMatchObject({ kind: 'topic', topic: 'controller-choice' });
  });
});
