/**
 * A local fake of the Slack Web API for end-to-end tests, on 127.0.0.1 with an ephemeral port: it
 * records every call (method, token, parsed arguments with `blocks`/`view`/`metadata` decoded),
 * keeps the messages posted so `conversations.replies`/`history` can read them back, receives
 * `response_url` posts, serves file snippets (only with the bot token), and can host a Socket Mode
 * WebSocket (`apps.connections.open` returns its `ws://` URL).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One Web API call as the fake received it. */
export interface ApiCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
}

/** One post to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A message the fake keeps per channel. */
export interface StoredMessage {
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  thread_ts?: string;
  blocks?: unknown;
  metadata?: unknown;
  files?: unknown;
}

const JSON_FIELDS = new Set(['blocks', 'view', 'metadata', 'attachments']);

export const FAKE_BOT = { userId: 'UBOT', botId: 'B1', teamId: 'T1' } as const;

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  readonly channels = new Map<string, StoredMessage[]>();
  readonly files = new Map<string, { name: string; text: string }>();
  /** Channels where posting fails with `not_in_channel`. */
  readonly notInChannel = new Set<string>();
  /** Sockets connected through Socket Mode, and the frames they sent. */
  readonly socketFrames: unknown[] = [];
  private readonly sockets = new Set<WebSocket>();
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private clock = 1_700_000_000;
  private waiters: Array<() => void> = [];
  baseUrl = '';

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url that records what is posted to it under `id`. */
  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  /** The download URL of a file snippet. */
  fileUrl(id: string): string {
    return `${this.baseUrl}/files/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Starts a WebSocket server for Socket Mode on its own port; returns its URL. */
  async startSocketMode(): Promise<string> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((done) => this.wss?.once('listening', done));
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('message', (data) => {
        this.socketFrames.push(JSON.parse(String(data)));
        this.notify();
      });
      socket.on('close', () => this.sockets.delete(socket));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      this.notify();
    });
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/`;
  }

  /** Sends a Socket Mode envelope to every connected client. */
  pushEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /** Adds a user's message to a channel (what a shortcut or "Show YAML" reads back). */
  seedMessage(channel: string, message: StoredMessage): void {
    this.messagesOf(channel).push(message);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `predicate` holds (checked on every call received), or fails after `ms`. */
  async waitFor<T>(
    predicate: () => T | undefined | false,
    ms = 5000,
    what = 'the expected Slack call',
  ): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `Timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`,
        );
      await new Promise<void>((done) => {
        const timer = setTimeout(done, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((done) => (this.wss === null ? done() : this.wss.close(() => done())));
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server === null ? done() : this.server.close(() => done())));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private messagesOf(channel: string): StoredMessage[] {
    let list = this.channels.get(channel);
    if (list === undefined) {
      list = [];
      this.channels.set(channel, list);
    }
    return list;
  }

  private nextTs(): string {
    this.clock += 1;
    return `${this.clock}.000100`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const send = (status: number, body: unknown, type = 'application/json'): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({
        id: url.pathname.slice('/respond/'.length),
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      this.notify();
      return send(200, 'ok', 'text/plain');
    }
    if (url.pathname.startsWith('/files/')) {
      const file = this.files.get(url.pathname.slice('/files/'.length));
      if (req.headers.authorization !== 'Bearer xoxb-test-token') return send(403, 'forbidden', 'text/plain');
      return file === undefined ? send(404, 'not found', 'text/plain') : send(200, file.text, 'text/plain');
    }
    if (!url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'not_found' });

    const method = url.pathname.slice('/api/'.length);
    const args: Record<string, unknown> = {};
    const form = (req.headers['content-type'] ?? '').includes('application/json')
      ? Object.entries(JSON.parse(raw || '{}') as Record<string, unknown>)
      : [...new URLSearchParams(raw).entries()];
    for (const [key, value] of form)
      args[key] = JSON_FIELDS.has(key) && typeof value === 'string' ? JSON.parse(value) : value;
    const auth = req.headers.authorization;
    this.calls.push({ method, token: auth?.startsWith('Bearer ') ? auth.slice(7) : null, args });
    this.notify();
    return send(200, this.answer(method, args));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, team_id: FAKE_BOT.teamId };
      case 'chat.postMessage': {
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const message: StoredMessage = {
          ts: this.nextTs(),
          text: String(args.text ?? ''),
          bot_id: FAKE_BOT.botId,
          user: FAKE_BOT.userId,
          blocks: args.blocks,
          metadata: args.metadata,
        };
        if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
        this.messagesOf(channel).push(message);
        return { ok: true, channel, ts: message.ts, message };
      }
      case 'chat.update': {
        const message = this.messagesOf(channel).find((m) => m.ts === args.ts);
        if (message === undefined) return { ok: false, error: 'message_not_found' };
        Object.assign(message, { text: args.text, blocks: args.blocks, metadata: args.metadata });
        return { ok: true, channel, ts: message.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.replies': {
        const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        const thread = this.messagesOf(channel).filter((m) => m.ts === args.ts || m.thread_ts === args.ts);
        return { ok: true, messages: thread.map((m) => (withMetadata ? m : { ...m, metadata: undefined })) };
      }
      case 'conversations.history': {
        const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        const latest = typeof args.latest === 'string' ? Number(args.latest) : Number.POSITIVE_INFINITY;
        const inclusive = args.inclusive === 'true' || args.inclusive === true;
        const limit = Number(args.limit ?? 100);
        const top = this.messagesOf(channel)
          .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
          .filter((m) => (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
          .reverse()
          .slice(0, limit);
        return { ok: true, messages: top.map((m) => (withMetadata ? m : { ...m, metadata: undefined })) };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case 'files.info': {
        const file = this.files.get(String(args.file ?? ''));
        return file === undefined
          ? { ok: false, error: 'file_not_found' }
          : {
              ok: true,
              file: {
                id: args.file,
                name: file.name,
                filetype: 'yaml',
                size: file.text.length,
                url_private_download: this.fileUrl(String(args.file)),
              },
            };
      }
      case 'apps.connections.open':
        return this.wss === null
          ? { ok: false, error: 'not_allowed' }
          : { ok: true, url: `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
