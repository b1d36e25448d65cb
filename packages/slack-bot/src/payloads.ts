/**
 * The shapes the bot reads from outside: the parts of Slack payloads it relies on, and its own state
 * round-tripped through Slack (button values, view `private_metadata`, message metadata). Anyone who
 * can click, submit or replay can put anything there, so each shape is a zod schema, the single
 * source of truth for its type. Read them with `decode`: input that does not match is treated as
 * absent, never thrown on.
 */
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from './text/input.js';

/** The value as `schema` reads it, or null when it does not match. Never throws. */
export function decode<T extends z.ZodType>(schema: T, value: unknown): z.output<T> | null {
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** An optional field whose malformed value counts as absent instead of failing the whole shape. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** JSON text of at most `maxChars` characters holding `schema`. */
function jsonText<T extends z.ZodType>(maxChars: number, schema: T) {
  return z
    .string()
    .max(maxChars)
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'expected JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** A Slack channel, user or file id, or a message timestamp: nothing that could be markup. */
const slackId = z.string().regex(/^[A-Z0-9.]{1,40}$/);

/** Slack caps a view's `private_metadata` at 3000 characters (and `views.ts` slices to that). */
const MAX_PRIVATE_METADATA_CHARS = 3000;

// ---------------------------------------------------------------------------------------------
// The bot's own state, round-tripped through Slack.

/** A conversation as it travels in button values and message metadata. */
export const conversationStateSchema = z.object({
  /** The user's words so far, joined. */
  q: z.string().max(MAX_QUESTION_CHARS * 2),
  /** Follow-up choices made, in order: [follow-up id, choice value]. */
  c: z.array(z.tuple([z.string().max(40), z.string().max(40)])).max(10),
});
export type ConversationState = z.infer<typeof conversationStateSchema>;

/** A serialised conversation: a button value, or the `state` of an answer's message metadata. */
export const conversationJson = jsonText(4000, conversationStateSchema);

/** The metadata event type of the bot's answers; its payload carries the conversation. */
export const ANSWER_METADATA = 'ingress_advisor_answer';

/** The message metadata of the bot's answers, as read back with `include_all_metadata`. */
export const answerMetadataSchema = z.object({
  event_type: z.literal(ANSWER_METADATA),
  event_payload: z.object({
    /** A serialised conversation (`conversationJson`), decoded on its own by `decodeConversation`. */
    state: z.string(),
  }),
});
export type AnswerMetadata = z.infer<typeof answerMetadataSchema>;

/** Where a questionnaire opened from a conversation posts its answer: the modal's `private_metadata`. */
export const destinationSchema = z.object({
  /** Channel to post in; a user id posts in the app's DM with that user. */
  c: slackId,
  /** Thread to post in. */
  th: optional(slackId),
  /** Post ephemerally to this user instead (the questionnaire came from an ephemeral message). */
  e: optional(slackId),
});
export type Destination = z.infer<typeof destinationSchema>;
export const destinationJson = jsonText(MAX_PRIVATE_METADATA_CHARS, destinationSchema);

/** The 👎 modal's `private_metadata`: the rated conversation and where its answer was. */
export const feedbackMetadataSchema = z.object({
  /** The rated answer's serialised conversation, as its button carried it (maybe not one). */
  s: z.string(),
  /** Channel of the rated answer. */
  c: optional(slackId),
  /** Thread (or message) of the rated answer. */
  th: optional(slackId),
});
export type FeedbackMetadata = z.infer<typeof feedbackMetadataSchema>;
export const feedbackMetadataJson = jsonText(MAX_PRIVATE_METADATA_CHARS, feedbackMetadataSchema);

/** A "Show YAML" button's value: where the reviewed manifest is, to read it again from Slack. */
export const manifestRefValueSchema = z.object({
  /** Channel of the message. */
  c: slackId,
  /** Timestamp of the message. */
  t: slackId,
  /** The thread the message is in, when it is a reply. */
  th: optional(slackId),
  /** A file snippet's id, when the manifest came from a file. */
  f: optional(slackId),
});
export type ManifestRefValue = z.infer<typeof manifestRefValueSchema>;
export const manifestRefJson = jsonText(500, manifestRefValueSchema);

// ---------------------------------------------------------------------------------------------
// Parts of Slack payloads.

/** Where a clicked button sits: `container` of a `block_actions` payload. */
export const containerSchema = z.object({
  /** `message` or `view`. */
  type: optional(z.string().max(40)),
  is_ephemeral: optional(z.boolean()),
  channel_id: optional(slackId),
  message_ts: optional(slackId),
});

/** An Events API envelope, as far as telling a redelivered event apart goes. */
export const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: optional(z.string().max(100)),
});

const selectedOptionSchema = z.object({ value: z.string().max(150) });

/** One input element's state in a submitted view; what the bot does not read is dropped. */
const viewStateValueSchema = z.object({
  value: z.string().max(3000).nullish(),
  selected_option: selectedOptionSchema.nullish(),
  selected_options: z.array(selectedOptionSchema).max(100).optional(),
});

/**
 * `view.state.values` as Slack sends it: block id → action id → the element's state. A malformed
 * element counts as unanswered.
 */
export const viewValuesSchema = z.record(
  z.string().max(255),
  z.record(z.string().max(255), viewStateValueSchema.catch({})),
);
export type ViewValues = z.infer<typeof viewValuesSchema>;

/** A file object in a message or from `files.info`: what reviewing a snippet reads. */
export const slackFileSchema = z.object({
  id: z.string(),
  name: optional(z.string()),
  filetype: optional(z.string()),
  url_private_download: optional(z.string()),
  url_private: optional(z.string()),
  /** Bytes. */
  size: optional(z.number()),
});

/** A Web API error as the Slack client throws it: `data.error` is Slack's code, e.g. `not_in_channel`. */
export const slackApiErrorSchema = z.object({ data: z.object({ error: z.string() }) });
