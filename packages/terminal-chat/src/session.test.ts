import { answer, type Config, DEFAULT_CONFIG } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import {
  ChatSession,
  continuesManifest,
  MAX_PASTE_BYTES,
  PASTE_PATH,
  startsManifest,
  type TurnResult,
} from './session.js';
import { LOAD_BALANCER_MANIFEST } from './test-support/manifests.js';

/** Every result of `lines` fed one by one, then of the end of input. */
function converse(lines: string[], config: Config = DEFAULT_CONFIG): TurnResult[] {
  const session = new ChatSession({ config });
  return [...lines.flatMap((line) => session.handle(line)), ...session.end()];
}

const linesOf = (text: string): string[] => text.trimEnd().split('\n');

function only<K extends TurnResult['kind']>(
  results: TurnResult[],
  kind: K,
): Array<Extract<TurnResult, { kind: K }>> {
  return results.filter((result): result is Extract<TurnResult, { kind: K }> => result.kind === kind);
}

describe('ChatSession: questions', () => {
  it('answers a question, starting a conversation', () => {
    const results = converse(['a DNS server that needs UDP 53 from outside the cluster']);
    expect(results.map((result) => result.kind)).toEqual(['answer']);
    const [turn] = only(results, 'answer');
    expect(turn?.answer.kind).toBe('recommendation');
    expect(turn?.answer.recommended).toBe('loadbalancer');
    expect(turn?.conversation).toEqual({
      question: 'a DNS server that needs UDP 53 from outside the cluster',
      choices: [],
    });
  });

  it('refines the last question by a follow-up choice id', () => {
    const [asked, refined] = only(converse(['ingress or lb?', '1c']), 'answer');
    expect(asked?.answer.kind).toBe('clarification');
    expect(asked?.answer.followUps.map((followUp) => followUp.id)).toEqual([
      'protocol',
      'services',
      'constraint',
    ]);
    // "1c" picks UDP for "What does the traffic speak?": only a LoadBalancer carries it.
    expect(refined?.conversation).toEqual({ question: 'ingress or lb?', choices: [['protocol', 'udp']] });
    expect(refined?.answer.recommended).toBe('loadbalancer');
  });

  it('refines a question asked back with more words', () => {
    const [, refined] = only(converse(['ingress or lb?', 'its a udp game server on port 27015']), 'answer');
    expect(refined?.conversation.question).toBe('ingress or lb?. its a udp game server on port 27015');
    expect(refined?.answer.kind).toBe('recommendation');
    expect(refined?.answer.recommended).toBe('loadbalancer');
    expect(refined?.answer.requirements.ports).toEqual([
      expect.objectContaining({ port: 27015, transport: 'udp' }),
    ]);
  });

  it('starts over after an answer that asked nothing back', () => {
    const [, next] = only(converse(['a DNS server that needs UDP 53', 'NGINX or Traefik?']), 'answer');
    expect(next?.conversation).toEqual({ question: 'NGINX or Traefik?', choices: [] });
    expect(next?.answer.kind).toBe('topic');
    expect(next?.answer.topic).toBe('controller-choice');
  });

  it('says so when a follow-up choice changes nothing', () => {
    const first = answer('expose 4 web apps on eks');
    const keeps = first.followUps
      .flatMap((followUp, index) =>
        followUp.choices.map((choice, letter) => ({
          followUp,
          choice,
          reply: `${index + 1}${String.fromCharCode(97 + letter)}`,
        })),
      )
      .find(
        ({ followUp, choice }) =>
          answer('', { previous: first, followUp: { id: followUp.id, choice: choice.value } }).unchanged ===
          true,
      );
    expect(keeps, 'a follow-up choice that keeps the recommendation').toBeDefined();
    const [, refined] = only(converse(['expose 4 web apps on eks', keeps?.reply ?? '']), 'answer');
    expect(refined?.conversation.choices).toEqual([[keeps?.followUp.id, keeps?.choice.value]]);
    expect(refined?.answer.unchanged).toBe(true);
  });

  it('gives the whole last answer for more, and reads more as a question when nothing was answered', () => {
    const results = converse(['a DNS server that needs UDP 53', 'more']);
    expect(results.map((result) => result.kind)).toEqual(['answer', 'more']);
    expect(only(results, 'more')[0]?.answer).toBe(only(results, 'answer')[0]?.answer);
    expect(converse(['more']).map((result) => result.kind)).toEqual(['answer']);
  });

  it('shows help, and ends at quit, ignoring what follows', () => {
    const session = new ChatSession({ config: DEFAULT_CONFIG });
    expect(session.handle('help')).toEqual([{ kind: 'help' }]);
    expect(session.handle('?')).toEqual([{ kind: 'help' }]);
    expect(session.handle('  ')).toEqual([]);
    expect(session.handle('Quit')).toEqual([{ kind: 'quit' }]);
    expect(session.ended).toBe(true);
    expect(session.handle('ingress or lb?')).toEqual([]);
    expect(session.end()).toEqual([]);
  });

  it('reports an engine failure and goes on', () => {
    let calls = 0;
    const config: Config = {
      ...DEFAULT_CONFIG,
      get weights() {
        calls += 1;
        if (calls === 1) throw new Error('weights unavailable');
        return DEFAULT_CONFIG.weights;
      },
    };
    const results = converse(['ingress or lb?', 'a DNS server that needs UDP 53'], config);
    expect(results[0]).toEqual({ kind: 'failed', message: 'weights unavailable' });
    expect(results[1]).toMatchObject({ kind: 'answer', answer: { recommended: 'loadbalancer' } });
  });
});

describe('ChatSession: pasted manifests', () => {
  it('analyses a manifest ended by a blank line, then goes on with questions', () => {
    const results = converse([...linesOf(LOAD_BALANCER_MANIFEST), '', 'NGINX or Traefik?']);
    expect(results.map((result) => result.kind)).toEqual(['report', 'answer']);
    const [{ report } = { report: undefined }] = only(results, 'report');
    expect(report?.files.map((file) => [file.path, file.status])).toEqual([[PASTE_PATH, 'analyzed']]);
    expect(report?.loadBalancers.map((entry) => [entry.name, entry.traffic])).toEqual([['web', 'http']]);
    expect(only(results, 'answer')[0]?.answer.topic).toBe('controller-choice');
  });

  it('keeps blank lines inside a manifest when more YAML follows them', () => {
    const second = LOAD_BALANCER_MANIFEST.replace('name: web', 'name: api');
    const lines = [
      ...linesOf(LOAD_BALANCER_MANIFEST),
      '',
      '',
      '---',
      '',
      ...linesOf(second),
      '  # trailing comment',
    ];
    const results = converse([...lines, '', '', 'NGINX or Traefik?']);
    expect(results.map((result) => result.kind)).toEqual(['report', 'answer']);
    expect(only(results, 'report')[0]?.report.loadBalancers.map((entry) => entry.name)).toEqual([
      'web',
      'api',
    ]);
  });

  it('is undecided after a blank line in a paste until the next line, or a pause, decides', () => {
    const session = new ChatSession({ config: DEFAULT_CONFIG });
    expect(linesOf(LOAD_BALANCER_MANIFEST).flatMap((line) => session.handle(line))).toEqual([]);
    expect(session.pasting).toBe(true);
    expect(session.handle('')).toEqual([]);
    expect(session.undecided).toBe(true);
    // Nothing followed at once: the paste is over.
    const [result] = session.settle();
    expect(result?.kind === 'report' && result.report.loadBalancers.length).toBe(1);
    expect(session.pasting).toBe(false);
    expect(session.undecided).toBe(false);
    expect(session.settle()).toEqual([]);
  });

  it('analyses a manifest cut by the end of input', () => {
    const results = converse(linesOf(LOAD_BALANCER_MANIFEST));
    expect(results.map((result) => result.kind)).toEqual(['report']);
  });

  it('reads # comments followed at once by YAML as a manifest, and a lone # line as a question', () => {
    const commented = converse([
      '# web service, exposed for the demo',
      '# owner: shop',
      ...linesOf(LOAD_BALANCER_MANIFEST),
      '',
    ]);
    expect(commented.map((result) => result.kind)).toEqual(['report']);
    const session = new ChatSession({ config: DEFAULT_CONFIG });
    expect(session.handle('# ingress or lb for one udp dns server?')).toEqual([]);
    expect(session.undecided).toBe(true);
    const [asked] = session.settle();
    expect(asked?.kind === 'answer' && asked.answer.recommended).toBe('loadbalancer');
    const thenBlank = converse(['# ingress or lb for one udp dns server?', '', 'quit']);
    expect(thenBlank.map((result) => result.kind)).toEqual(['answer', 'quit']);
  });

  it('starts a new conversation after a paste: a reply is no longer a choice', () => {
    const results = converse(['ingress or lb?', ...linesOf(LOAD_BALANCER_MANIFEST), '', '1c']);
    expect(results.map((result) => result.kind)).toEqual(['answer', 'report', 'answer']);
    expect(only(results, 'answer')[1]?.conversation).toEqual({ question: '1c', choices: [] });
  });

  it('drops a paste larger than its limit up to the next blank line, saying so once', () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    const results = converse([`{${huge}`, 'kind: Service', '', 'NGINX or Traefik?']);
    expect(results).toEqual([
      { kind: 'paste-too-large', maxBytes: MAX_PASTE_BYTES },
      expect.objectContaining({ kind: 'answer' }),
    ]);
    // A huge line that is no manifest is a question like any other.
    expect(converse([huge]).map((result) => result.kind)).toEqual(['answer']);
  });
});

describe('what starts and continues a pasted manifest', () => {
  it('starts at apiVersion:, kind:, --- or {', () => {
    expect(startsManifest('---')).toBe(true);
    expect(startsManifest('  apiVersion: v1')).toBe(true);
    expect(startsManifest('{"kind": "Service"}')).toBe(true);
    expect(startsManifest('what about kind: Service?')).toBe(false);
  });

  it('continues after a blank line with an indented line, a list item, a comment or a key', () => {
    expect(continuesManifest('  port: 80')).toBe(true);
    expect(continuesManifest('metadata:')).toBe(true);
    expect(continuesManifest('- name: x')).toBe(true);
    expect(continuesManifest('what does this cost?')).toBe(false);
  });
});
