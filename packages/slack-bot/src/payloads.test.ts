import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeConversation, startConversation, withChoice } from './conversation.js';
import {
  ANSWER_METADATA,
  answerMetadataSchema,
  containerSchema,
  conversationJson,
  decode,
  destinationJson,
  eventCallbackSchema,
  feedbackMetadataJson,
  manifestRefJson,
  slackApiErrorSchema,
  slackFileSchema,
  viewValuesSchema,
} from './payloads.js';
import { MAX_QUESTION_CHARS } from './text/input.js';

const ALL_SCHEMAS = {
  conversationJson,
  answerMetadataSchema,
  destinationJson,
  feedbackMetadataJson,
  manifestRefJson,
  containerSchema,
  eventCallbackSchema,
  viewValuesSchema,
  slackFileSchema,
  slackApiErrorSchema,
};

describe('decode', () => {
  it('never throws, whatever arrives', () => {
    const hostile = fc.oneof(
      fc.anything(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string(),
    );
    for (const schema of Object.values(ALL_SCHEMAS)) {
      fc.assert(
        fc.property(hostile, (value) => {
          decode(schema, value);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('does not let `__proto__` in JSON reach an object prototype', () => {
    const text = '{"c":"C1","e":"U1","__proto__":{"th":"1.2","polluted":true}}';
    const destination = decode(destinationJson, text);
    expect(destination).toEqual({ c: 'C1', e: 'U1' });
    expect(Object.getPrototypeOf(destination)).toBe(Object.prototype);
    expect(destination?.th).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('conversationJson', () => {
  it('reads what encodeConversation writes', () => {
    const conversation = withChoice(startConversation('ingress or lb?'), 'protocol', 'udp');
    expect(decode(conversationJson, encodeConversation(conversation))).toEqual({
      q: 'ingress or lb?',
      c: [['protocol', 'udp']],
    });
  });

  it('rejects wrong types, oversized values and malformed choices', () => {
    const long = 'x'.repeat(MAX_QUESTION_CHARS * 2 + 1);
    for (const value of [
      undefined,
      42,
      '',
      'not json',
      'null',
      '[]',
      '{"q":1,"c":[]}',
      '{"q":"x"}',
      '{"q":"x","c":{}}',
      '{"q":"x","c":[["a"]]}',
      '{"q":"x","c":[["a","b","c"]]}',
      '{"q":"x","c":[[1,2]]}',
      `{"q":"x","c":[["a","${'y'.repeat(41)}"]]}`,
      JSON.stringify({ q: 'x', c: Array.from({ length: 11 }, () => ['a', 'b']) }),
      JSON.stringify({ q: long, c: [] }),
      JSON.stringify({ q: 'x', c: [], pad: 'z'.repeat(4000) }),
    ]) {
      expect(decode(conversationJson, value)).toBeNull();
    }
  });
});

describe('answerMetadataSchema', () => {
  it('reads metadata as conversations.replies returns it', () => {
    const metadata = {
      event_type: ANSWER_METADATA,
      event_payload: { state: encodeConversation(startConversation('ingress?')), extra: 1 },
    };
    expect(decode(answerMetadataSchema, metadata)?.event_payload.state).toBe(metadata.event_payload.state);
  });

  it("ignores other apps' metadata and malformed payloads", () => {
    for (const value of [
      undefined,
      { event_type: 'other_app', event_payload: { state: '{}' } },
      { event_type: ANSWER_METADATA },
      { event_type: ANSWER_METADATA, event_payload: 'state' },
      { event_type: ANSWER_METADATA, event_payload: { state: 7 } },
    ]) {
      expect(decode(answerMetadataSchema, value)).toBeNull();
    }
  });
});

describe('destinationJson', () => {
  it('reads the destinations the bot writes', () => {
    for (const destination of [{ c: 'C1', e: 'U1' }, { c: 'C9', th: '1700001100.000100' }, { c: 'U1' }]) {
      expect(decode(destinationJson, JSON.stringify(destination))).toEqual(destination);
    }
  });

  it('rejects a missing or spoofed channel, and drops a malformed thread or user', () => {
    for (const value of ['', '{', '{}', '{"c":1}', '{"c":"<!channel>"}', '{"c":"c1"}', '["C1"]']) {
      expect(decode(destinationJson, value)).toBeNull();
    }
    expect(decode(destinationJson, '{"c":"C1","th":"<!here>","e":42}')).toEqual({ c: 'C1' });
    expect(decode(destinationJson, JSON.stringify({ c: 'C1', pad: 'x'.repeat(3000) }))).toBeNull();
  });
});

describe('feedbackMetadataJson', () => {
  it('reads what the 👎 button writes', () => {
    const s = encodeConversation(startConversation('ingress?'));
    expect(decode(feedbackMetadataJson, JSON.stringify({ s, c: 'C1', th: '1.2' }))).toEqual({
      s,
      c: 'C1',
      th: '1.2',
    });
    expect(decode(feedbackMetadataJson, JSON.stringify({ s: '' }))).toEqual({ s: '' });
  });

  it('rejects metadata without a state string', () => {
    for (const value of ['null', '{}', '{"s":{"q":"x","c":[]}}', '{"s":null}', 'x'.repeat(3001)]) {
      expect(decode(feedbackMetadataJson, value)).toBeNull();
    }
  });
});

describe('manifestRefJson', () => {
  it('reads the "Show YAML" values the report writes', () => {
    const value = { c: 'C10', t: '1700001300.000100', th: '1700001200.000100', f: 'F1' };
    expect(decode(manifestRefJson, JSON.stringify(value))).toEqual(value);
  });

  it('rejects values that are not ours, and drops a malformed file id', () => {
    for (const value of ['{"c":"C1"}', '{"c":"C1","t":5}', '{"c":"<!channel>","t":"1"}', '[]', '']) {
      expect(decode(manifestRefJson, value)).toBeNull();
    }
    expect(decode(manifestRefJson, '{"c":"C1","t":"1","f":"../etc"}')).toEqual({ c: 'C1', t: '1' });
    expect(decode(manifestRefJson, JSON.stringify({ c: 'C1', t: '1', pad: 'x'.repeat(500) }))).toBeNull();
  });
});

describe('containerSchema', () => {
  it('reads message and view containers as block_actions sends them', () => {
    expect(
      decode(containerSchema, {
        type: 'message',
        message_ts: '1700000900.000100',
        channel_id: 'C7',
        is_ephemeral: false,
      }),
    ).toEqual({ type: 'message', message_ts: '1700000900.000100', channel_id: 'C7', is_ephemeral: false });
    expect(decode(containerSchema, { type: 'view', view_id: 'V1' })).toEqual({ type: 'view' });
  });

  it('treats malformed fields as absent and a non-object as no container', () => {
    expect(
      decode(containerSchema, { type: 'message', is_ephemeral: 'true', channel_id: ['C1'], message_ts: 1 }),
    ).toEqual({ type: 'message' });
    expect(decode(containerSchema, { type: 'x'.repeat(41) })).toEqual({});
    for (const value of [undefined, null, 'message', []]) expect(decode(containerSchema, value)).toBeNull();
  });
});

describe('eventCallbackSchema', () => {
  it('reads an event callback envelope', () => {
    expect(decode(eventCallbackSchema, { type: 'event_callback', event_id: 'Ev1', event: {} })).toEqual({
      type: 'event_callback',
      event_id: 'Ev1',
    });
  });

  it('ignores other bodies, and a malformed event id', () => {
    for (const value of [{ type: 'url_verification' }, { type: 'block_actions' }, {}, 'event_callback']) {
      expect(decode(eventCallbackSchema, value)).toBeNull();
    }
    expect(decode(eventCallbackSchema, { type: 'event_callback', event_id: { x: 1 } })).toEqual({
      type: 'event_callback',
    });
  });
});

describe('viewValuesSchema', () => {
  it('reads view.state.values as Slack sends it', () => {
    const values = {
      protocols: {
        value: {
          type: 'checkboxes',
          selected_options: [{ text: { type: 'plain_text', text: 'HTTP' }, value: 'http' }],
        },
      },
      services: { value: { type: 'static_select', selected_option: null } },
      ports: { value: { type: 'plain_text_input', value: null } },
      tls: { value: { type: 'radio_buttons', selected_option: { value: 'terminate' } } },
    };
    expect(decode(viewValuesSchema, values)).toEqual({
      protocols: { value: { selected_options: [{ value: 'http' }] } },
      services: { value: { selected_option: null } },
      ports: { value: { value: null } },
      tls: { value: { selected_option: { value: 'terminate' } } },
    });
  });

  it('treats a malformed or oversized element as unanswered', () => {
    const values = {
      protocols: { value: { selected_options: [{ value: 5 }] } },
      comment: { value: { value: 'x'.repeat(3001) } },
      routing: { value: { selected_options: Array.from({ length: 101 }, () => ({ value: 'host' })) } },
      cloud: { value: { selected_option: { value: 'aws' } } },
    };
    expect(decode(viewValuesSchema, values)).toEqual({
      protocols: { value: {} },
      comment: { value: {} },
      routing: { value: {} },
      cloud: { value: { selected_option: { value: 'aws' } } },
    });
  });

  it('drops a `__proto__` block and rejects what is not a record of records', () => {
    const values = decode(
      viewValuesSchema,
      JSON.parse('{"__proto__":{"value":{"value":"x"}},"cloud":{"value":{"value":"aws"}}}'),
    );
    expect(values).toEqual({ cloud: { value: { value: 'aws' } } });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    for (const value of [null, 'values', { cloud: 'aws' }, { ['b'.repeat(256)]: {} }]) {
      expect(decode(viewValuesSchema, value)).toBeNull();
    }
  });
});

describe('slackFileSchema', () => {
  it('reads a file object as files.info returns it', () => {
    const file = {
      id: 'F1',
      name: 'lb.yaml',
      filetype: 'yaml',
      size: 120,
      url_private: 'https://files.slack.com/files-pri/T1-F1/lb.yaml',
      url_private_download: 'https://files.slack.com/files-pri/T1-F1/download/lb.yaml',
      mimetype: 'text/plain',
    };
    const { mimetype: _, ...read } = file;
    expect(decode(slackFileSchema, file)).toEqual(read);
  });

  it('rejects a file without an id, and treats malformed fields as absent', () => {
    for (const value of [null, {}, { id: 7 }, 'F1']) expect(decode(slackFileSchema, value)).toBeNull();
    expect(decode(slackFileSchema, { id: 'F1', name: 1, size: '9999999', url_private: {} })).toEqual({
      id: 'F1',
    });
  });
});

describe('slackApiErrorSchema', () => {
  it("reads Slack's error code off a Web API error, and nothing off other errors", () => {
    const platform = Object.assign(new Error('An API error occurred: not_in_channel'), {
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(decode(slackApiErrorSchema, platform)?.data.error).toBe('not_in_channel');
    for (const value of [new Error('boom'), null, 'not_in_channel', { data: { error: 1 } }]) {
      expect(decode(slackApiErrorSchema, value)).toBeNull();
    }
  });
});
