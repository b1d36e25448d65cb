/**
 * Everything the run reads from its environment, read once at start-up into a typed object: the
 * inputs of action.yml (`INPUT_*`), the event, the repository and the API address.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CONFIG_FILE_NAME, FAIL_ON_LEVELS, type FailOn } from '@ingress-advisor/core';
import { ActionError } from './errors.js';

/** Events whose payload carries a pull request the Action can review. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target'];

export const COMMENT_MODES = ['update', 'off'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

/** The `paths` default: YAML manifests anywhere, and Kustomize's extension-less file name. */
export const DEFAULT_PATHS: readonly string[] = ['**/*.yaml', '**/*.yml', '**/Kustomization'];

/** Most inline review comments per run: enough for a real PR, never a wall of comments. */
export const DEFAULT_MAX_INLINE_COMMENTS = 10;

export interface Inputs {
  token: string;
  /** Globs of the files to read (newline- or comma-separated in the input). */
  paths: string[];
  /** Path of the configuration file in the repository. */
  configPath: string;
  /** Whether `config` was set explicitly (then a missing file is an error). */
  configExplicit: boolean;
  comment: CommentMode;
  failOn: FailOn;
  /** Where to write SARIF, absolute; null for none. */
  sarifFile: string | null;
  inline: boolean;
  maxInlineComments: number;
}

/** The pull request of the event payload: the parts the Action uses. */
export interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
  /** `owner/name` of the head repository; differs from the base repository for a fork. */
  headRepository: string | null;
}

export interface Environment {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  /** Where the JSON report goes. */
  tempDir: string;
  pullRequest: PullRequestRef | null;
}

/** Reads a named input; `read` is `core.getInput`, passed in so tests can drive it. */
export type InputReader = (name: string) => string;

/** Reads and checks the inputs; a bad value names the input and what it allows. */
export function readInputs(read: InputReader, env: NodeJS.ProcessEnv): Inputs {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const token = read('github-token').trim();
  if (token === '') {
    throw new ActionError(
      'missing-token',
      'The github-token input is empty, so the pull request cannot be read. Leave it unset to use the workflow token (github.token), or pass a token with contents: read and pull-requests: write.',
    );
  }
  const paths = splitList(read('paths'));
  const configInput = read('config').trim();
  const sarif = read('sarif-file').trim();
  return {
    token,
    paths: paths.length > 0 ? paths : [...DEFAULT_PATHS],
    configPath: configInput === '' ? CONFIG_FILE_NAME : configInput.replace(/^\.\//, ''),
    configExplicit: configInput !== '' && configInput.replace(/^\.\//, '') !== CONFIG_FILE_NAME,
    comment: oneOf(read('comment'), 'comment', COMMENT_MODES, 'update'),
    failOn: oneOf(read('fail-on'), 'fail-on', FAIL_ON_LEVELS, 'never'),
    sarifFile: sarif === '' ? null : isAbsolute(sarif) ? sarif : join(workspace, sarif),
    inline: booleanInput(read('inline'), 'inline'),
    maxInlineComments: countInput(
      read('max-inline-comments'),
      'max-inline-comments',
      DEFAULT_MAX_INLINE_COMMENTS,
    ),
  };
}

/** Reads the event and repository from the variables GitHub sets for every step. */
export function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new ActionError(
      'bad-input',
      'GITHUB_REPOSITORY is not set to owner/name; the Action must run in a GitHub Actions workflow.',
    );
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  return {
    eventName,
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? '/tmp',
    pullRequest: PULL_REQUEST_EVENTS.includes(eventName) ? readPullRequest(env.GITHUB_EVENT_PATH) : null,
  };
}

function readPullRequest(eventPath: string | undefined): PullRequestRef {
  if (!eventPath) {
    throw new ActionError('bad-input', 'GITHUB_EVENT_PATH is not set, so the pull request is unknown.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new ActionError(
      'bad-input',
      `The event payload ${eventPath} could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const pr = (payload as { pull_request?: Record<string, unknown> } | null)?.pull_request;
  const base = pr?.base as { sha?: unknown } | undefined;
  const head = pr?.head as { sha?: unknown; repo?: { full_name?: unknown } | null } | undefined;
  if (typeof pr?.number !== 'number' || typeof base?.sha !== 'string' || typeof head?.sha !== 'string') {
    throw new ActionError(
      'bad-input',
      'The event payload has no pull_request with a number and base and head SHAs.',
    );
  }
  return {
    number: pr.number,
    baseSha: base.sha,
    headSha: head.sha,
    headRepository: typeof head.repo?.full_name === 'string' ? head.repo.full_name : null,
  };
}

/** Newline- or comma-separated values, trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[], fallback: T): T {
  const trimmed = value.trim();
  if (trimmed === '') return fallback;
  if ((allowed as readonly string[]).includes(trimmed)) return trimmed as T;
  throw new ActionError('bad-input', `The ${name} input is "${trimmed}"; use one of ${allowed.join(', ')}.`);
}

/** `true`/`false` in the YAML 1.2 core schema spellings, as `core.getBooleanInput` accepts. */
function booleanInput(value: string, name: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || ['false', 'False', 'FALSE'].includes(trimmed)) return false;
  if (['true', 'True', 'TRUE'].includes(trimmed)) return true;
  throw new ActionError('bad-input', `The ${name} input is "${trimmed}"; use true or false.`);
}

function countInput(value: string, name: string, fallback: number): number {
  const trimmed = value.trim();
  if (trimmed === '') return fallback;
  if (/^\d{1,3}$/.test(trimmed)) return Number(trimmed);
  throw new ActionError('bad-input', `The ${name} input is "${trimmed}"; use a whole number from 0 to 999.`);
}
