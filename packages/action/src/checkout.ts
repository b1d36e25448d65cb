/**
 * The pull request as files on disk, when the workflow checked the repository out (actions/checkout
 * with `fetch-depth: 0`): the merge base and the head commit as two detached worktrees, so Helm
 * charts and Kustomize overlays can be rendered by the real tools at both. Git is run with hooks
 * off and LFS smudging skipped, and nothing in the repository is executed; the worktrees are removed
 * afterwards.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Config,
  MAX_FILE_BYTES,
  planRendering,
  type RenderedUnit,
  renderUnits,
  type SourceFile,
  type ToolRunner,
  unitsTouchedBy,
} from '@ingress-advisor/core';
import { findOnPath, runProcess } from '@ingress-advisor/tool-runner';
import { type ChangedFile, touchedPaths } from './github/pull-request.js';
import type { PullRequestSources } from './sources.js';

/** How long one git command may take (listing or checking out a large repository). */
const GIT_TIMEOUT_MS = 120_000;

/** One side of the pull request on disk. */
export interface CheckedOutCommit {
  sha: string;
  /** The worktree holding the commit's files. */
  dir: string;
  /** The paths of the commit's files (posix, relative to the repository root), regular files only. */
  files: Array<{ path: string; size: number }>;
}

export type CheckoutProbe =
  | { kind: 'ready'; base: CheckedOutCommit; head: CheckedOutCommit; dispose(): Promise<void> }
  /** Not a checkout, or no git: the Action reads the pull request through the API alone. */
  | { kind: 'absent' }
  /** A checkout that lacks what rendering needs; `reason` says what to change in the workflow. */
  | { kind: 'unusable'; reason: string };

export interface CheckoutOptions {
  workspace: string;
  baseSha: string;
  headSha: string;
  /** Where the worktrees go (the runner's temp folder). */
  tempDir: string;
  /** PATH, to find git. */
  path: string | undefined;
}

const FETCH_HINT =
  'Set `fetch-depth: 0` on actions/checkout (or fetch the base branch) so the base and head commits are in the workspace.';

/**
 * Opens the pull request's merge base and head as worktrees of the workspace's repository; the
 * merge base, not the base branch's tip, so only what the pull request changes differs.
 */
export async function openCheckout(options: CheckoutOptions): Promise<CheckoutProbe> {
  const gitPath = findOnPath('git', options.path);
  if (gitPath === undefined) return { kind: 'absent' };
  const git = async (args: readonly string[], cwd = options.workspace): Promise<string | null> => {
    const result = await runProcess(
      gitPath,
      // The workspace may belong to another user (container jobs); hooks are never wanted here.
      ['-c', `safe.directory=${options.workspace}`, '-c', 'core.hooksPath=/dev/null', ...args],
      {
        cwd,
        timeoutMs: GIT_TIMEOUT_MS,
        env: { ...process.env, GIT_LFS_SKIP_SMUDGE: '1', GIT_TERMINAL_PROMPT: '0' },
      },
    );
    return result.code === 0 ? result.stdout : null;
  };

  const topLevel = (await git(['rev-parse', '--show-toplevel']))?.trim();
  if (topLevel === undefined || topLevel === '') return { kind: 'absent' };
  for (const [side, sha] of [
    ['head', options.headSha],
    ['base', options.baseSha],
  ] as const) {
    if ((await git(['cat-file', '-e', `${sha}^{commit}`], topLevel)) === null) {
      return {
        kind: 'unusable',
        reason: `The workspace holds a checkout, but not the ${side} commit ${sha.slice(0, 12)} of the pull request. ${FETCH_HINT}`,
      };
    }
  }
  const mergeBase = (await git(['merge-base', options.baseSha, options.headSha], topLevel))?.trim();
  if (mergeBase === undefined || mergeBase === '') {
    return {
      kind: 'unusable',
      reason: `The checkout has no common ancestor of the base ${options.baseSha.slice(0, 12)} and the head ${options.headSha.slice(0, 12)} (a shallow history). ${FETCH_HINT}`,
    };
  }

  const parent = mkdtempSync(join(options.tempDir, 'ingress-advisor-worktrees-'));
  const added: string[] = [];
  const dispose = async (): Promise<void> => {
    for (const dir of added) await git(['worktree', 'remove', '--force', dir], topLevel);
    await git(['worktree', 'prune'], topLevel);
  };
  const open = async (name: string, sha: string): Promise<CheckedOutCommit | string> => {
    const dir = join(parent, name);
    if ((await git(['worktree', 'add', '--detach', '--quiet', dir, sha], topLevel)) === null) {
      return `git could not check out ${sha.slice(0, 12)} into a worktree.`;
    }
    added.push(dir);
    const listing = await git(['ls-tree', '-r', '-z', '--long', '--full-tree', sha], topLevel);
    if (listing === null) return `git could not list the files of ${sha.slice(0, 12)}.`;
    return { sha, dir, files: regularFiles(listing) };
  };
  const base = await open('base', mergeBase);
  const head = typeof base === 'string' ? base : await open('head', options.headSha);
  if (typeof base === 'string' || typeof head === 'string') {
    await dispose();
    return { kind: 'unusable', reason: `${typeof base === 'string' ? base : head} ${FETCH_HINT}` };
  }
  return { kind: 'ready', base, head, dispose };
}

/** Regular files of `git ls-tree -r -z --long` output: mode, type, object, size, then a tab and the path. */
function regularFiles(listing: string): CheckedOutCommit['files'] {
  const files: CheckedOutCommit['files'] = [];
  for (const entry of listing.split('\0')) {
    const match = /^(100644|100755) blob [0-9a-f]+ +(\d+)\t(.+)$/s.exec(entry);
    if (match !== null) files.push({ path: match[3] as string, size: Number(match[2]) });
  }
  return files;
}

/**
 * Reads the selected files of a commit from its worktree; files over MAX_FILE_BYTES are left out,
 * as the API path leaves them out.
 */
export function readCommitFiles(
  commit: CheckedOutCommit,
  isSelected: (path: string) => boolean,
): SourceFile[] {
  return commit.files
    .filter((file) => file.size <= MAX_FILE_BYTES && isSelected(file.path))
    .map((file) => ({ path: file.path, text: readFileSync(join(commit.dir, file.path), 'utf8') }));
}

/**
 * Reads files the kustomizations name that the selection left out (generator inputs such as `.env`),
 * when the commit has them as regular files (never through a symbolic link, never outside it).
 */
export function readMissingInputs(commit: CheckedOutCommit, paths: readonly string[]): SourceFile[] {
  const sizes = new Map(commit.files.map((file) => [file.path, file.size]));
  const inputs: SourceFile[] = [];
  for (const path of paths) {
    const size = sizes.get(path);
    if (size === undefined || size > MAX_FILE_BYTES) continue;
    inputs.push({ path, text: readFileSync(join(commit.dir, path), 'utf8') });
  }
  return inputs;
}

export interface CheckoutReview {
  sources: PullRequestSources;
  rendered: { base: ReadonlyMap<string, RenderedUnit>; head: ReadonlyMap<string, RenderedUnit> };
  /** Ids of the units the pull request touches, rendered at both commits where a tool was found. */
  touchedUnits: string[];
}

/**
 * Both sides of the pull request from the worktrees: every selected file of the merge base and of
 * the head, and the units the changed files touch rendered at each (the others are the same on both
 * sides, so the built-in readers serve them and they cancel out in the comparison).
 */
export async function reviewCheckout(
  checkout: Extract<CheckoutProbe, { kind: 'ready' }>,
  plan: {
    changed: readonly ChangedFile[];
    isSelected: (path: string) => boolean;
    config: Config;
    runner: ToolRunner;
  },
): Promise<CheckoutReview> {
  // A changed helper template or values file is no manifest the selection keeps, yet it changes the unit.
  const changedPaths = touchedPaths(plan.changed);
  const read = (commit: CheckedOutCommit) => {
    const sources = readCommitFiles(commit, plan.isSelected);
    const { units, missingInputs } = planRendering(sources, plan.config);
    sources.push(...readMissingInputs(commit, missingInputs));
    return { sources, touched: unitsTouchedBy(units, changedPaths) };
  };
  const base = read(checkout.base);
  const head = read(checkout.head);
  const baseRendered = await renderUnits(base.touched, base.sources, plan.runner, checkout.base.dir);
  const headRendered = await renderUnits(head.touched, head.sources, plan.runner, checkout.head.dir);
  const changedAtHead = new Set(
    plan.changed
      .filter((file) => file.status !== 'removed' && plan.isSelected(file.path))
      .map((file) => file.path),
  );
  return {
    sources: {
      base: base.sources,
      head: head.sources,
      changedPaths: changedAtHead,
      contextFiles: head.sources.filter((source) => !changedAtHead.has(source.path)).length,
      notes: [],
    },
    rendered: { base: baseRendered, head: headRendered },
    touchedUnits: [...new Set([...base.touched, ...head.touched].map((unit) => unit.id))].sort(),
  };
}
