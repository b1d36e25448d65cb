import { describe, expect, it } from 'vitest';
import { answer } from './answer.js';
import {
  answerConversation,
  choiceId,
  matchChoice,
  startConversation,
  withChoice,
  withMoreText,
} from './conversation.js';

describe('a conversation', () => {
  it('answers its question, then each choice the answer still asks about', () => {
    const question = 'ingress or lb?';
    const asked = answerConversation(startConversation(question));
    expect(asked.kind).toBe('clarification');
    const udp = answerConversation(withChoice(startConversation(question), 'protocol', 'udp'));
    expect(udp.recommended).toBe('loadbalancer');
    // The same as answering the follow-up turn by turn.
    const turnByTurn = answer(question, { previous: asked, followUp: { id: 'protocol', choice: 'udp' } });
    expect(udp.recommended).toBe(turnByTurn.recommended);
    expect(udp.ranking?.map((option) => option.option)).toEqual(
      turnByTurn.ranking?.map((option) => option.option),
    );
  });

  it('keeps one choice per follow-up, the latest', () => {
    const conversation = withChoice(
      withChoice(startConversation('ingress or lb?'), 'protocol', 'tcp'),
      'protocol',
      'udp',
    );
    expect(conversation.choices).toEqual([['protocol', 'udp']]);
  });

  it('drops a choice the words have since settled', () => {
    const chosen = withChoice(startConversation('ingress or lb?'), 'protocol', 'http');
    const refined = withMoreText(chosen, "actually it's a UDP game server on 27015");
    expect(refined).not.toBeNull();
    expect(answerConversation(refined as NonNullable<typeof refined>).recommended).toBe('loadbalancer');
  });

  it('refuses to grow past what it can travel in', () => {
    expect(withMoreText(startConversation('ingress or lb?'), 'x'.repeat(50), 40)).toBeNull();
  });

  it('applies the weights it is given', () => {
    const conversation = startConversation('3 http services, one domain, tls');
    const simple = answerConversation(conversation, { weights: { simplicity: 90, routing: 1 } });
    const routing = answerConversation(conversation, { weights: { routing: 90, simplicity: 1 } });
    expect(simple.ranking?.[0]?.score).not.toBe(routing.ranking?.[0]?.score);
  });
});

describe('matchChoice', () => {
  it('reads a reply as a follow-up choice: its 1a-style id, its label or its value', () => {
    const first = answer('ingress or lb?');
    expect(first.followUps[0]?.choices.map((choice) => choice.value)).toEqual([
      'http',
      'tcp',
      'udp',
      'mixed',
    ]);
    expect(matchChoice(first.followUps, '1c')).toEqual({ id: 'protocol', choice: 'udp' });
    expect(matchChoice(first.followUps, 'TCP')).toEqual({ id: 'protocol', choice: 'tcp' });
    expect(matchChoice(first.followUps, ' http(s) ')).toEqual({ id: 'protocol', choice: 'http' });
    expect(matchChoice(first.followUps, '1D)')).toEqual({ id: 'protocol', choice: 'mixed' });
  });

  it('reads back every id choiceId gives', () => {
    const { followUps } = answer('ingress or lb?');
    expect(choiceId(0, 2)).toBe('1c');
    followUps.forEach((followUp, index) => {
      followUp.choices.forEach((choice, letter) => {
        expect(matchChoice(followUps, choiceId(index, letter))).toEqual({
          id: followUp.id,
          choice: choice.value,
        });
      });
    });
  });

  it('leaves anything else to be read as words', () => {
    const first = answer('ingress or lb?');
    expect(matchChoice(first.followUps, '9z')).toBeUndefined();
    expect(matchChoice(first.followUps, 'it is for mqtt')).toBeUndefined();
    expect(matchChoice([], '1a')).toBeUndefined();
  });
});
