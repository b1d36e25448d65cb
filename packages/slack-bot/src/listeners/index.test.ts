import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { fakeSlack } from '../test-support/listener-args.js';
import { registerListeners } from './index.js';

describe('registerListeners', () => {
  it('registers every kind, each listener on its own id', () => {
    const registered: string[] = [];
    const record =
      (kind: string) =>
      (...args: unknown[]) => {
        const [first] = args;
        const id =
          typeof first === 'function'
            ? ''
            : typeof first === 'string'
              ? first
              : JSON.stringify(first, (_key, value: unknown) =>
                  value instanceof RegExp ? value.source : value,
                );
        registered.push(`${kind} ${id}`.trim());
      };
    const app = {
      command: record('command'),
      event: record('event'),
      message: record('message'),
      action: record('action'),
      view: record('view'),
      shortcut: record('shortcut'),
    } as unknown as App;
    registerListeners(app, fakeSlack().ctx);
    expect(registered).toEqual([
      'command /ingress-or-lb',
      'event app_mention',
      'message',
      'event app_home_opened',
      'action {"type":"block_actions","action_id":"^followup:"}',
      'action {"type":"block_actions","action_id":"^why_not:"}',
      'action {"type":"block_actions","action_id":"^answer_more$"}',
      'action {"type":"block_actions","action_id":"^share_answer$"}',
      'action {"type":"block_actions","action_id":"^(?:feedback_up|feedback_down)$"}',
      'action {"type":"block_actions","action_id":"^example_question:\\\\d+$"}',
      'action {"type":"block_actions","action_id":"^open_questionnaire$"}',
      'action {"type":"block_actions","action_id":"^show_yaml:(?:gateway|ingress)$"}',
      'view questionnaire',
      'view feedback',
      'shortcut {"type":"message_action","callback_id":"review_manifest"}',
    ]);
  });
});
