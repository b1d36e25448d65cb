/**
 * A local fake of the GitHub REST endpoints the Action uses, speaking real HTTP on 127.0.0.1 (an
 * ephemeral port), so the bundled Action's own Octokit client (pagination, retries, throttling) runs
 * against it unchanged. It holds one repository: files per commit, one pull request, its issue
 * comments and review comments; it can add latency, fail requests and refuse writes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The files of a commit: path → text. */
export type Tree = Record<string, string>;

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  line: number;
  commit_id: string;
  in_reply_to_id?: number;
  user: { login: string; type: string };
}

/** A canned failure for the requests `match` selects, answered `times` times. */
export interface Failure {
  match: (method: string, path: string) => boolean;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

export interface FakeRepository {
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  base: Tree;
  head: Tree;
  /** Renamed files, head path → base path. */
  renames?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

export class FakeGitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly issueComments: IssueComment[] = [];
  readonly reviewComments: ReviewComment[] = [];
  readonly failures: Failure[] = [];
  /** Added before every answer, in ms. */
  latencyMs = 0;
  /** Most requests being answered at once, so tests can check the client's concurrency bound. */
  maxInFlight = 0;
  private inFlight = 0;
  /** Answer writes with 403 "Resource not accessible by integration", as for a fork's read-only token. */
  readOnly = false;
  private nextId = 1000;
  private server: Server | null = null;

  constructor(public repository: FakeRepository) {}

  /** Starts listening; resolves with the base URL (GITHUB_API_URL). */
  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      this.handle(request, response)
        .catch((error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ message: `fake failed: ${String(error)}` }));
        })
        .finally(() => this.inFlight--);
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  /** A comment someone else wrote, to check the Action leaves it alone. */
  addIssueComment(body: string, login = 'someone'): IssueComment {
    const comment = { id: this.nextId++, body, user: { login, type: 'User' } };
    this.issueComments.push(comment);
    return comment;
  }

  addReviewReply(to: ReviewComment, body: string): ReviewComment {
    const reply = {
      ...to,
      id: this.nextId++,
      body,
      in_reply_to_id: to.id,
      user: { login: 'someone', type: 'User' },
    };
    this.reviewComments.push(reply);
    return reply;
  }

  /** Requests whose (decoded) path starts with `prefix`, optionally of one method. */
  count(prefix: string, method?: string): number {
    return this.requests.filter(
      (r) => r.path.startsWith(prefix) && (method === undefined || r.method === method),
    ).length;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (this.latencyMs > 0) await new Promise((done) => setTimeout(done, this.latencyMs));
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({ method, path: decodeURIComponent(url.pathname), status });
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      response.writeHead(status, {
        'content-type':
          typeof data === 'string'
            ? 'application/vnd.github.raw+json; charset=utf-8'
            : 'application/json; charset=utf-8',
        ...headers,
      });
      response.end(text);
    };

    if (request.headers.authorization !== 'token test-token') {
      send(401, { message: 'Bad credentials' });
      return;
    }
    const failure = this.failures.find(
      (f) => f.times > 0 && f.match(method, decodeURIComponent(url.pathname)),
    );
    if (failure) {
      failure.times--;
      send(failure.status, failure.body ?? { message: 'Server Error' }, failure.headers);
      return;
    }

    const { owner, repo, pullNumber } = this.repository;
    const prefix = `/repos/${owner}/${repo}`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : null;
    if (path === null) return send(404, { message: 'Not Found' });
    const isWrite = method !== 'GET';
    if (isWrite && this.readOnly) return send(403, { message: 'Resource not accessible by integration' });

    const treeRoute = /^\/git\/trees\/([0-9a-f]+)$/.exec(path);
    const contentsRoute = /^\/contents\/(.+)$/.exec(path);
    const issueCommentRoute = /^\/issues\/comments\/(\d+)$/.exec(path);
    const reviewCommentRoute = /^\/pulls\/comments\/(\d+)$/.exec(path);
    if (method === 'GET' && path === `/pulls/${pullNumber}/files`) {
      return this.sendPage(url, this.changedFiles(), send);
    }
    if (method === 'GET' && treeRoute) {
      const tree = this.treeAt(treeRoute[1] as string);
      if (!tree) return send(404, { message: 'Not Found' });
      return send(200, {
        sha: treeRoute[1],
        truncated: false,
        tree: Object.entries(tree).map(([file, text]) => ({
          path: file,
          mode: '100644',
          type: 'blob',
          sha: blobSha(text),
          size: Buffer.byteLength(text),
        })),
      });
    }
    if (method === 'GET' && contentsRoute) {
      const tree = this.treeAt(url.searchParams.get('ref') ?? '');
      const file = decodeURIComponent(contentsRoute[1] as string);
      const text = tree?.[file];
      if (text === undefined) return send(404, { message: 'Not Found' });
      if (!String(request.headers.accept).includes('raw'))
        return send(415, { message: 'fake serves raw only' });
      return send(200, text);
    }
    if (path === `/issues/${pullNumber}/comments`) {
      if (method === 'GET') return this.sendPage(url, this.issueComments, send);
      if (method === 'POST') {
        const comment = {
          id: this.nextId++,
          body: String(body.body),
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        this.issueComments.push(comment);
        return send(201, comment);
      }
    }
    if (method === 'PATCH' && issueCommentRoute) {
      const comment = this.issueComments.find((c) => c.id === Number(issueCommentRoute[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = String(body.body);
      return send(200, comment);
    }
    if (path === `/pulls/${pullNumber}/comments`) {
      if (method === 'GET') return this.sendPage(url, this.reviewComments, send);
      if (method === 'POST') {
        const file = String(body.path);
        const line = Number(body.line);
        if (this.treeAt(String(body.commit_id))?.[file] === undefined || !(line >= 1)) {
          return send(422, {
            message: 'Validation Failed',
            errors: ['pull_request_review_thread.line must be part of the diff'],
          });
        }
        const comment = {
          id: this.nextId++,
          body: String(body.body),
          path: file,
          line,
          commit_id: String(body.commit_id),
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        this.reviewComments.push(comment);
        return send(201, comment);
      }
    }
    if (method === 'DELETE' && reviewCommentRoute) {
      const index = this.reviewComments.findIndex((c) => c.id === Number(reviewCommentRoute[1]));
      if (index === -1) return send(404, { message: 'Not Found' });
      this.reviewComments.splice(index, 1);
      return send(204, '');
    }
    return send(404, { message: `fake has no ${method} ${path}` });
  }

  private treeAt(sha: string): Tree | undefined {
    if (sha === this.repository.baseSha) return this.repository.base;
    if (sha === this.repository.headSha) return this.repository.head;
    return undefined;
  }

  /** The pull request's files as GitHub lists them, renames detected from `renames`. */
  changedFiles(): unknown[] {
    const { base, head } = this.repository;
    const renames = this.repository.renames ?? {};
    const renamedFrom = new Set(Object.values(renames));
    const files: unknown[] = [];
    for (const path of Object.keys(head).sort()) {
      const previous = renames[path];
      if (previous !== undefined) {
        // GitHub lists a pure rename without a patch.
        const same = base[previous] === head[path];
        files.push({
          filename: path,
          previous_filename: previous,
          status: 'renamed',
          ...(same ? {} : { patch: patchOf(base[previous] ?? '', head[path] ?? '') }),
        });
      } else if (base[path] === undefined) {
        files.push({ filename: path, status: 'added', patch: patchOf('', head[path] ?? '') });
      } else if (base[path] !== head[path]) {
        files.push({
          filename: path,
          status: 'modified',
          patch: patchOf(base[path] ?? '', head[path] ?? ''),
        });
      }
    }
    for (const path of Object.keys(base).sort()) {
      if (head[path] === undefined && !renamedFrom.has(path)) {
        files.push({ filename: path, status: 'removed', patch: patchOf(base[path] ?? '', '') });
      }
    }
    return files;
  }

  /** Answers one page (`page`, `per_page`) with GitHub's Link header. */
  private sendPage(
    url: URL,
    items: readonly unknown[],
    send: (status: number, data: unknown, headers?: Record<string, string>) => void,
  ): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      const lastUrl = new URL(url);
      lastUrl.searchParams.set('page', String(last));
      headers.link = `<${next.toString().replace('http://127.0.0.1', this.baseUrl())}>; rel="next", <${lastUrl.toString().replace('http://127.0.0.1', this.baseUrl())}>; rel="last"`;
    }
    send(200, items.slice((page - 1) * perPage, page * perPage), headers);
  }

  private baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    return `http://127.0.0.1:${address?.port ?? 0}`;
  }
}

/** A one-hunk unified diff replacing every line: enough for the Action to know which lines it may comment on. */
function patchOf(before: string, after: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const now = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  const header = `@@ -${old.length === 0 ? 0 : 1},${old.length} +${now.length === 0 ? 0 : 1},${now.length} @@`;
  return [header, ...old.map((line) => `-${line}`), ...now.map((line) => `+${line}`)].join('\n');
}

function blobSha(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash.toString(16).padStart(40, '0');
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
