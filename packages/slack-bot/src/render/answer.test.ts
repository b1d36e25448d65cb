import { answer } from '@ingress-advisor/core';
import { describe, expect, it } from 'vitest';
import { answerConversation, decodeConversation, startConversation } from '../conversation.js';
import { expectWithinLimits } from '../test-support/limits.js';
import { ANSWER_ACTIONS, renderAnswer } from './answer.js';
import type { Block } from './blocks.js';

const QUESTIONS = [
  'ingress or lb?',
  'ingress or lb for 4 web apps on one domain with https on aws, cost matters',
  'mosquitto on 1883 and a web dashboard on 443 for devices outside the cluster',
  'a DNS server that needs UDP 53 from outside the cluster, behind CGNAT with no inbound ports',
  'what is the difference between ingress and service type loadbalancer',
  'what replaces ingress-nginx?',
  'my ingress rules are ignored',
  'grpc and websocket services for 12 teams with canary releases on gke',
  'kafka on 9092 plus postgres 5432 and redis 6379 on bare metal',
];

/** Questions whose answers take the new shapes: a yes/no fact, a new topic, a question asked back. */
const NEW_SHAPES = [
  'can the aws load balancer controller put tcp and https on one gateway?',
  'EXTERNAL-IP stays <pending> on our kubeadm cluster',
  'websockets drop after 60 s on AKS',
  'is this about that thing with the load balancer annotations',
];

function buttonsOf(blocks: Block[]) {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).filter((e) => e.type === 'button');
}

describe('renderAnswer', () => {
  it.each([...QUESTIONS, ...NEW_SHAPES])(
    'stays within Block Kit limits for %j, short and whole',
    (question) => {
      for (const ephemeral of [true, false]) {
        for (const long of [false, true]) {
          const message = renderAnswer(answer(question), startConversation(question), { ephemeral, long });
          expectWithinLimits(message.blocks);
          expect(message.text.length).toBeGreaterThan(10);
          expect(message.text.length).toBeLessThanOrEqual(3500);
        }
      }
    },
  );

  it('answers short with a More button; the whole answer has the ranking and "Why not" buttons', () => {
    const question = '5 http services on one domain with tls';
    const result = answer(question);
    const short = renderAnswer(result, startConversation(question), { ephemeral: false });
    const shortIds = buttonsOf(short.blocks).map((b) => b.action_id);
    expect(shortIds).toContain(ANSWER_ACTIONS.more);
    expect(shortIds.some((id) => id?.startsWith(ANSWER_ACTIONS.whyNotPrefix))).toBe(false);
    expect(JSON.stringify(short.blocks)).not.toContain('Ranking (weighted criteria)');
    const long = renderAnswer(result, startConversation(question), { ephemeral: false, long: true });
    expect(JSON.stringify(long.blocks)).toContain('Ranking (weighted criteria)');
    expect(buttonsOf(long.blocks).some((b) => b.action_id?.startsWith(ANSWER_ACTIONS.whyNotPrefix))).toBe(
      true,
    );
    expect(buttonsOf(long.blocks).map((b) => b.action_id)).not.toContain(ANSWER_ACTIONS.more);
  });

  it('heads a yes/no answer with the answer, and the body with the fact', () => {
    const question = 'can the aws load balancer controller put tcp and https on one gateway?';
    const message = renderAnswer(answer(question), startConversation(question), { ephemeral: false });
    expect(JSON.stringify(message.blocks[0])).toContain('Short answer: No');
    expect(JSON.stringify(message.blocks)).toContain('Checked against');
    expect(message.text.startsWith('No: ')).toBe(true);
  });

  it('asks back which topic an unclear question is about, with a button per topic', () => {
    const question = 'is this about that thing with the load balancer annotations';
    const result = answer(question);
    const message = renderAnswer(result, startConversation(question), { ephemeral: false });
    const topics = buttonsOf(message.blocks).filter((b) =>
      b.action_id?.startsWith(`${ANSWER_ACTIONS.followUpPrefix}topic:`),
    );
    expect(topics.length).toBeGreaterThanOrEqual(2);
    const next = decodeConversation(topics[0]?.value);
    expect(answerConversation(next ?? startConversation('')).kind).toBe('topic');
  });

  it('puts the recommendation first, the ranking as text and follow-up buttons that carry the next state', () => {
    const question = 'ingress or lb?';
    const result = answer(question);
    const message = renderAnswer(result, startConversation(question), { ephemeral: true });
    expect(message.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(message.blocks[0])).toContain('Provisional answer');
    expect(message.text).toMatch(/Ranking: 1\. /);
    const followUps = buttonsOf(message.blocks).filter((b) =>
      b.action_id?.startsWith(ANSWER_ACTIONS.followUpPrefix),
    );
    expect(followUps.length).toBeGreaterThan(3);
    const udp = followUps.find((b) => b.action_id === 'followup:protocol:udp');
    const next = decodeConversation(udp?.value);
    expect(next?.choices).toEqual([['protocol', 'udp']]);
    expect(answerConversation(next ?? startConversation('')).requirements.protocols).toEqual(['udp']);
  });

  it('offers Share only on an ephemeral answer, and 👍/👎 on every answer', () => {
    const question = '3 http services with tls';
    const privately = buttonsOf(
      renderAnswer(answer(question), startConversation(question), { ephemeral: true }).blocks,
    ).map((b) => b.action_id);
    const inChannel = buttonsOf(
      renderAnswer(answer(question), startConversation(question), { ephemeral: false }).blocks,
    ).map((b) => b.action_id);
    expect(privately).toEqual(
      expect.arrayContaining([ANSWER_ACTIONS.share, ANSWER_ACTIONS.feedbackUp, ANSWER_ACTIONS.feedbackDown]),
    );
    expect(inChannel).not.toContain(ANSWER_ACTIONS.share);
    expect(inChannel).toEqual(
      expect.arrayContaining([ANSWER_ACTIONS.feedbackUp, ANSWER_ACTIONS.feedbackDown]),
    );
  });

  it('explains why an option lost when asked, and drops its button', () => {
    const question = '5 http services on one domain with tls';
    const result = answer(question);
    const loser = result.ranking?.[1]?.option ?? 'loadbalancer';
    const message = renderAnswer(result, startConversation(question), { ephemeral: false, whyNot: loser });
    expect(JSON.stringify(message.blocks)).toContain('Why not');
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).not.toContain(
      `${ANSWER_ACTIONS.whyNotPrefix}${loser}`,
    );
  });

  it('escapes what the user wrote', () => {
    const question = 'ingress or lb for <!channel> and <@U123> at a&b.example.com?';
    const message = renderAnswer(answer(question), startConversation(question), { ephemeral: false });
    expectWithinLimits(message.blocks);
    expect(message.text).not.toMatch(/<[!@]/);
  });
});
