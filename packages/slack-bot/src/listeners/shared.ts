/**
 * What every listener shares: the bot's context, answering a conversation, reviewing a manifest (and
 * reading it again from Slack), reading a conversation back from a thread, and turning failures into
 * a short apology with an id.
 */
import { randomUUID } from 'node:crypto';
import { analyze, type Migration, migrate, type Report } from '@ingress-advisor/core';
import type { webApi } from '@slack/bolt';
import {
  answerConversation,
  type Conversation,
  decodeConversation,
  encodeConversation,
} from '../conversation.js';
import type { BotLogger } from '../log.js';
import {
  ANSWER_METADATA,
  type AnswerMetadata,
  answerMetadataSchema,
  decode,
  slackApiErrorSchema,
  slackFileSchema,
} from '../payloads.js';
import { type AnswerView, renderAnswer } from '../render/answer.js';
import type { Message } from '../render/blocks.js';
import { type ManifestRef, renderReport } from '../render/report.js';
import { classifyMessage, looksLikeManifest, MAX_MANIFEST_CHARS, unescapeSlack } from '../text/input.js';
import { redactManifest, redactTokens } from '../text/redact.js';

type MessageElement = NonNullable<webApi.ConversationsRepliesResponse['messages']>[number];

/** What listeners need besides Bolt's arguments. */
export interface BotContext {
  logger: BotLogger;
  botToken: string;
  /** Hosts the bot token may be sent to when downloading a file snippet. */
  trustedFileHosts: ReadonlySet<string>;
}

/** Message metadata carrying a conversation. */
export function answerMetadata(conversation: Conversation): AnswerMetadata {
  return { event_type: ANSWER_METADATA, event_payload: { state: encodeConversation(conversation) } };
}

/** Answers a conversation and renders it. */
export function answerMessage(
  conversation: Conversation,
  ephemeral: boolean,
  ctx: BotContext,
  view: Omit<AnswerView, 'ephemeral'> = {},
): Message {
  const started = performance.now();
  const result = answerConversation(conversation);
  const message = renderAnswer(result, conversation, { ...view, ephemeral });
  ctx.logger.event('info', 'answered', {
    kind: result.kind,
    recommended: result.recommended ?? null,
    topic: result.topic ?? null,
    followUps: result.followUps.map((f) => f.id),
    choices: conversation.choices.length,
    ms: Math.round(performance.now() - started),
  });
  // The question itself only at debug: users paste things into questions too.
  ctx.logger.event('debug', 'question', { question: redactTokens(conversation.question) });
  return message;
}

/** A manifest reviewed: the report, the migrations worth offering, and the rendered message. */
export interface Review {
  report: Report;
  migrations: Migration[];
  message: Message;
}

/** The path a pasted manifest is reported under. */
export const PASTED_PATH = 'pasted.yaml';

/** Reviews a manifest (redacted first, so no secret reaches a reply or a log). */
export function reviewManifest(
  text: string,
  ref: ManifestRef | null,
  ctx: BotContext,
  path = PASTED_PATH,
): Review {
  const redacted = redactManifest(text);
  ctx.logger.event('debug', 'manifest', { path, manifest: redacted });
  const files = [{ path, text: redacted }];
  const report = analyze(files);
  const migrations = (['gateway', 'ingress'] as const)
    .map((to) => migrate(files, { to }))
    .filter((m) => m.converted.length > 0);
  ctx.logger.event('info', 'reviewed', {
    resources: report.summary.resources,
    loadBalancers: report.summary.loadBalancers.total,
    findings: report.summary.findings,
    migrations: migrations.map((m) => m.to),
  });
  return { report, migrations, message: renderReport(report, migrations, ref) };
}

/**
 * The conversation of the bot's latest answer among messages (newest last), read from the
 * metadata the bot attached; null when there is none.
 */
export function conversationFromMessages(
  messages: ReadonlyArray<MessageElement> | undefined,
  botId: string | undefined,
): Conversation | null {
  for (const message of [...(messages ?? [])].reverse()) {
    const metadata = decode(answerMetadataSchema, message.metadata);
    if (metadata === null) continue;
    if (botId !== undefined && message.bot_id !== undefined && message.bot_id !== botId) continue;
    const conversation = decodeConversation(metadata.event_payload.state);
    if (conversation !== null) return conversation;
  }
  return null;
}

/** The text of a Web API error Slack gave, e.g. `not_in_channel`; undefined for other errors. */
export function slackErrorCode(error: unknown): string | undefined {
  return decode(slackApiErrorSchema, error)?.data.error;
}

/** The apology users see; the same id is in the log line. */
export function apology(errorId: string): string {
  return `Sorry, something went wrong on my side and I could not answer. Please try again; if it keeps happening, tell the bot's admins the error id \`${errorId}\`.`;
}

const waiting: Array<() => void> = [];
let draining = false;

/** Resumes one waiting continuation per turn of the event loop, so I/O is polled between each. */
function resumeNext(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(resumeNext);
  else draining = false;
}

/**
 * Waits for a turn: continuations resume one per event-loop iteration, with the loop polling for
 * I/O between them. Under a burst, a new request is then read and acked after at most one answer's
 * CPU work, not after every answer queued ahead of it (a plain setImmediate would run them all in
 * one check phase).
 */
export function yieldToIo(): Promise<void> {
  return new Promise((resume) => {
    waiting.push(resume);
    if (!draining) {
      draining = true;
      setImmediate(resumeNext);
    }
  });
}

/**
 * Runs a listener body; a failure is logged with an error id and, where possible, the user gets a
 * short apology carrying the same id. Never throws.
 */
export async function guarded(
  ctx: BotContext,
  handler: string,
  body: () => Promise<void>,
  apologise: (text: string) => Promise<unknown>,
): Promise<void> {
  try {
    // Let requests already waiting be read and acked before this one's CPU work: under a burst, each
    // ack then waits for parsing only, not for the answers computed ahead of it.
    await yieldToIo();
    await body();
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    ctx.logger.event('error', 'handler_failed', {
      errorId,
      handler,
      error: error instanceof Error ? error.name : typeof error,
      message: redactTokens(error instanceof Error ? error.message : String(error)).slice(0, 300),
      slackError: slackErrorCode(error) ?? null,
    });
    try {
      await apologise(apology(errorId));
    } catch (second) {
      ctx.logger.event('warn', 'apology_failed', { errorId, slackError: slackErrorCode(second) ?? null });
    }
  }
}

/** A YAML or JSON file snippet attached to a message. */
export interface SlackFile {
  id: string;
  name: string;
  url: string;
  size: number;
}

/** A manifest in a message's text (inline or in a code block); null when there is none. */
export function manifestInMessage(message: { text?: string }): string | null {
  const input = classifyMessage(message.text ?? '');
  if (input.kind === 'manifest') return input.text;
  if (input.kind === 'too-long' && input.what === 'manifest') return unescapeSlack(message.text ?? '');
  return null;
}

/** The first YAML or JSON file snippet of a message. */
export function yamlFileOf(message: { files?: unknown }): SlackFile | null {
  const files: unknown[] = Array.isArray(message.files) ? message.files : [];
  for (const value of files) {
    const file = decode(slackFileSchema, value);
    if (file === null) continue;
    const name = file.name ?? '';
    const url = file.url_private_download ?? file.url_private ?? '';
    const typed = file.filetype === 'yaml' || /\.(?:ya?ml|json)$/i.test(name);
    if (typed && url !== '') return { id: file.id, name: name || 'snippet.yaml', url, size: file.size ?? 0 };
  }
  return null;
}

/** Downloads a file snippet with the bot token (`files:read`), only from Slack's own hosts. */
export async function downloadFile(file: SlackFile, ctx: BotContext): Promise<string | null> {
  const url = new URL(file.url);
  if (!ctx.trustedFileHosts.has(url.host)) {
    ctx.logger.event('warn', 'file_host_refused', { host: url.host });
    return null;
  }
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${ctx.botToken}` },
    redirect: 'error',
    signal: AbortSignal.timeout(2500),
  });
  if (!response.ok) return null;
  const text = await response.text();
  return looksLikeManifest(text) || text.length > MAX_MANIFEST_CHARS ? text : null;
}

/** Reads the reviewed manifest again from Slack: the file snippet, or the message's text. */
export async function readManifest(
  client: webApi.WebClient,
  ref: ManifestRef,
  ctx: BotContext,
): Promise<string | null> {
  if (ref.file !== undefined) {
    const info = await client.files.info({ file: ref.file });
    const file = info.file === undefined ? null : yamlFileOf({ files: [info.file] });
    return file === null ? null : downloadFile(file, ctx);
  }
  const history =
    ref.thread !== undefined && ref.thread !== ref.ts
      ? await client.conversations.replies({ channel: ref.channel, ts: ref.thread, limit: 200 })
      : await client.conversations.history({
          channel: ref.channel,
          latest: ref.ts,
          inclusive: true,
          limit: 1,
        });
  const message = history.messages?.find((m) => m.ts === ref.ts);
  return message === undefined ? null : manifestInMessage({ text: message.text ?? '' });
}
