/**
 * Typed fakes of the Action's edges (see deps.ts): the runner's channels record what the Action
 * said, files are kept in memory, and the GitHub client, the checkout and the tools are whatever a
 * test hands in.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ToolRunner } from '@ingress-advisor/core';
import type { CheckoutProbe } from '../checkout.js';
import type { ActionDeps, AnnotationPlace } from '../deps.js';
import type { GitHubClient } from '../github/client.js';

export interface RunnerRecord {
  said: Array<{ level: 'info' | 'notice' | 'warning' | 'error'; message: string; place?: AnnotationPlace }>;
  outputs: Record<string, string | number>;
  failed: string[];
  summary: string[];
  files: Map<string, string>;
  clientsCreated: number;
}

/** Fake edges for one run, and what the run did with them. */
export function fakeDeps(options: {
  env: Record<string, string>;
  inputs?: Record<string, string>;
  client?: Partial<GitHubClient>;
  checkout?: CheckoutProbe;
}): { deps: ActionDeps; record: RunnerRecord } {
  const record: RunnerRecord = {
    said: [],
    outputs: {},
    failed: [],
    summary: [],
    files: new Map(),
    clientsCreated: 0,
  };
  const inputs: Record<string, string> = { 'github-token': 'test-token', ...options.inputs };
  const say =
    (level: RunnerRecord['said'][number]['level']) =>
    (message: string, place?: AnnotationPlace): void => {
      record.said.push(place === undefined ? { level, message } : { level, message, place });
    };
  const noTools: ToolRunner = {
    find: () => undefined,
    run: async () => ({ code: 1, stdout: '', stderr: 'no tools in tests', timedOut: false }),
    scratch: async () => {
      throw new Error('no scratch folders in tests');
    },
  };
  const deps: ActionDeps = {
    env: options.env,
    runner: {
      getInput: (name) => inputs[name] ?? '',
      info: say('info'),
      notice: say('notice'),
      warning: say('warning'),
      error: say('error'),
      setOutput: (name, value) => {
        record.outputs[name] = value;
      },
      setFailed: (message) => {
        record.failed.push(message);
      },
      appendSummary: async (markdown) => {
        record.summary.push(markdown);
      },
    },
    files: {
      writeFile: async (path, text) => {
        record.files.set(path, text);
      },
      mkdir: async () => {},
    },
    createClient: () => {
      record.clientsCreated++;
      return (options.client ?? {}) as GitHubClient;
    },
    openCheckout: async () => options.checkout ?? { kind: 'absent' },
    toolRunner: () => noTools,
    now: () => 0,
  };
  return { deps, record };
}

/** The variables GitHub sets for a step of a `pull_request` run, with the event payload written out. */
export function pullRequestEnv(extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ingress-advisor-action-unit-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { sha: 'b'.repeat(40), repo: { full_name: 'acme/shop' } },
        head: { sha: 'c'.repeat(40), repo: { full_name: 'acme/shop' } },
      },
    }),
  );
  return {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...extra,
  };
}
