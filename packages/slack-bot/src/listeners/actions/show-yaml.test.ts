import { describe, expect, it } from 'vitest';
import {
  buttonArgs,
  CHANNEL,
  fakeSlack,
  INGRESS_MANIFEST,
  MESSAGE_TS,
  USER,
} from '../../test-support/listener-args.js';
import { STALE_BUTTON } from './button.js';
import { SHOW_YAML_ACTION, showYamlCallback } from './show-yaml.js';

const ref = JSON.stringify({ c: CHANNEL, t: '1699999999.000100' });

describe('show-yaml button', () => {
  it('reads the manifest again and posts the migrated YAML in the thread', async () => {
    expect(SHOW_YAML_ACTION.test('show_yaml:gateway')).toBe(true);
    const fake = fakeSlack({
      results: {
        'conversations.history': {
          messages: [{ ts: '1699999999.000100', text: `\`\`\`${INGRESS_MANIFEST}\`\`\`` }],
        },
      },
    });
    await showYamlCallback(fake.ctx)(buttonArgs(fake, { actionId: 'show_yaml:gateway', value: ref }));
    expect(fake.callsTo('conversations.history')).toEqual([
      { channel: CHANNEL, latest: '1699999999.000100', inclusive: true, limit: 1 },
    ]);
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post).toMatchObject({ channel: CHANNEL, thread_ts: MESSAGE_TS });
    expect(JSON.stringify(posts)).toContain('HTTPRoute');
    expect(fake.logged('migrated')).toEqual([expect.objectContaining({ to: 'gateway' })]);
  });

  it('notes a manifest it can no longer read', async () => {
    const fake = fakeSlack({ results: { 'conversations.history': { messages: [] } } });
    await showYamlCallback(fake.ctx)(buttonArgs(fake, { actionId: 'show_yaml:ingress', value: ref }));
    expect(fake.callsTo('chat.postEphemeral')).toEqual([
      {
        channel: CHANNEL,
        user: USER,
        text: 'I could not read that manifest again: the message or file may have been deleted or edited.',
      },
    ]);
  });

  it('notes a value that is not a manifest reference as stale, reading nothing', async () => {
    const fake = fakeSlack();
    await showYamlCallback(fake.ctx)(buttonArgs(fake, { actionId: 'show_yaml:ingress', value: 'x' }));
    expect(fake.calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(fake.callsTo('chat.postEphemeral')[0]?.text).toBe(STALE_BUTTON);
  });
});
