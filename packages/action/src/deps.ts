/**
 * The Action's edges, injected like the CLI's (`packages/cli/src/deps.ts`): the environment, the
 * runner's channels (inputs, log, annotations, outputs, job summary, failure), files, the GitHub
 * client, the checkout and the tools. `actionDeps()` wires them to @actions/core and Node; tests pass
 * typed fakes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import type { ToolRunner } from '@ingress-advisor/core';
import { createNodeToolRunner } from '@ingress-advisor/tool-runner';
import { type CheckoutOptions, type CheckoutProbe, openCheckout } from './checkout.js';
import { type ClientOptions, createClient, type GitHubClient } from './github/client.js';

/** Where an annotation points. */
export interface AnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
}

/** What the Action says to the runner. */
export interface RunnerChannels {
  getInput(name: string): string;
  info(message: string): void;
  notice(message: string, place?: AnnotationPlace): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string, place?: AnnotationPlace): void;
  setOutput(name: string, value: string | number): void;
  setFailed(message: string): void;
  /** Appends Markdown to the job summary; does nothing when the runner offers none. */
  appendSummary(markdown: string): Promise<void>;
}

export interface ActionDeps {
  env: Readonly<NodeJS.ProcessEnv>;
  runner: RunnerChannels;
  files: {
    writeFile(path: string, text: string): Promise<void>;
    mkdir(path: string): Promise<void>;
  };
  createClient(options: ClientOptions): GitHubClient;
  openCheckout(options: CheckoutOptions): Promise<CheckoutProbe>;
  toolRunner(path: string | undefined): ToolRunner;
  now(): number;
}

/** The real edges: @actions/core, the file system, Octokit, git and the tools on PATH. */
export function actionDeps(env: NodeJS.ProcessEnv = process.env): ActionDeps {
  return {
    env,
    runner: {
      getInput: (name) => core.getInput(name),
      info: (message) => core.info(message),
      notice: (message, place) => core.notice(message, place),
      warning: (message, place) => core.warning(message, place),
      error: (message, place) => core.error(message, place),
      setOutput: (name, value) => core.setOutput(name, value),
      setFailed: (message) => core.setFailed(message),
      async appendSummary(markdown) {
        if (!env.GITHUB_STEP_SUMMARY) return;
        await core.summary.addRaw(markdown).write();
      },
    },
    files: {
      writeFile: (path, text) => writeFile(path, text),
      mkdir: async (path) => {
        await mkdir(path, { recursive: true });
      },
    },
    createClient,
    openCheckout,
    toolRunner: createNodeToolRunner,
    now: () => Date.now(),
  };
}
