import { describe, expect, it } from 'vitest';
import {
  CHANNEL,
  commandArgs,
  failedErrorId,
  fakeSlack,
  INGRESS_MANIFEST,
  openedMetadata,
  USER,
} from '../../test-support/listener-args.js';
import { COMMAND, ingressOrLbCallback } from './ingress-or-lb.js';

describe(COMMAND, () => {
  it('acks and answers a question privately, with blocks', async () => {
    const fake = fakeSlack();
    await ingressOrLbCallback(fake.ctx)(commandArgs(fake, '3 http services with tls on aws'));
    expect(fake.acks()).toBe(1);
    expect(fake.calls).toEqual([]);
    expect(fake.responses).toEqual([
      expect.objectContaining({ response_type: 'ephemeral', blocks: expect.any(Array) }),
    ]);
    expect(fake.logged('answered')).toHaveLength(1);
  });

  it('opens the questionnaire for "quiz", answering privately in the channel', async () => {
    const fake = fakeSlack();
    await ingressOrLbCallback(fake.ctx)(commandArgs(fake, ' quiz '));
    const [open] = fake.callsTo('views.open');
    expect(open?.trigger_id).toBe('trigger-1');
    expect(openedMetadata(fake)).toEqual({
      c: CHANNEL,
      e: USER,
    });
  });

  it('reviews a pasted manifest without Show YAML buttons', async () => {
    const fake = fakeSlack();
    await ingressOrLbCallback(fake.ctx)(commandArgs(fake, INGRESS_MANIFEST));
    expect(fake.responses).toHaveLength(1);
    expect(JSON.stringify(fake.responses[0])).not.toContain('show_yaml:');
    expect(fake.logged('reviewed')).toHaveLength(1);
  });

  it('logs a failing response_url with an error id, and that the apology failed too', async () => {
    const fake = fakeSlack({ respondFailure: new Error('expired_url') });
    await ingressOrLbCallback(fake.ctx)(commandArgs(fake, 'help'));
    const errorId = failedErrorId(fake, 'command');
    expect(fake.responses[1]).toEqual({ response_type: 'ephemeral', text: expect.stringContaining(errorId) });
    expect(fake.logged('apology_failed')).toHaveLength(1);
  });
});
