/**
 * Which files to read, at which commit: the changed manifests at head and at base (renames
 * followed), and the unchanged manifests of the head tree as context, so cross-resource rules see a
 * Service's Deployment in another folder. Unchanged files are the same at base and head, so they are
 * read once and serve both sides.
 */
import { type Config, MAX_FILE_BYTES, matchesGlob, type SourceFile } from '@ingress-advisor/core';
import { type ChangedFile, mapWithConcurrency, type TreeFile, touchedPaths } from './github/pull-request.js';
import { reverseApplyPatch } from './patch.js';

/** Requests in flight at once; Octokit's throttling allows 10 at a time per client. */
export const READ_CONCURRENCY = 10;
/** Unchanged files read as context, at most: bounded cost on very large repositories. */
export const MAX_CONTEXT_FILES = 1000;

export interface SourcePlan {
  changed: readonly ChangedFile[];
  /** The head tree; null when it could not be listed in full (then there is no context). */
  tree: readonly TreeFile[] | null;
  isSelected: (path: string) => boolean;
  baseSha: string;
  headSha: string;
  /** Reads a file at a commit; null when it does not exist there. */
  read: (path: string, ref: string) => Promise<string | null>;
}

export interface PullRequestSources {
  base: SourceFile[];
  head: SourceFile[];
  /** Head paths of the selected changed files (what the comment is about). */
  changedPaths: Set<string>;
  /** Unchanged manifests read as context. */
  contextFiles: number;
  /** Sentences about what was not read, for the log and the job summary. */
  notes: string[];
}

/** Whether a path is one the Action reads: under `paths` and allowed by include/exclude. */
export function selectorOf(paths: readonly string[], config: Config): (path: string) => boolean {
  return (path) =>
    paths.some((glob) => matchesGlob(path, glob)) &&
    (config.include.length === 0 || config.include.some((glob) => matchesGlob(path, glob))) &&
    !config.exclude.some((glob) => matchesGlob(path, glob));
}

/** Reads what the plan selects and returns the sources of both sides. */
export async function collectSources(plan: SourcePlan): Promise<PullRequestSources> {
  const notes: string[] = [];
  const changedAtHead = plan.changed.filter(
    (file) => file.status !== 'removed' && plan.isSelected(file.path),
  );
  const changedAtBase = plan.changed
    .filter((file) => file.status !== 'added' && file.status !== 'copied')
    .map((file) => ({ file, basePath: file.previousPath ?? file.path }))
    .filter(({ basePath }) => plan.isSelected(basePath));
  const touched = new Set(touchedPaths(plan.changed));

  let context: TreeFile[] = [];
  if (plan.tree === null) {
    notes.push('The repository tree was too large to list, so only the changed files were analysed.');
  } else {
    const candidates = plan.tree.filter(
      (file) => !touched.has(file.path) && plan.isSelected(file.path) && file.size <= MAX_FILE_BYTES,
    );
    context = candidates.slice(0, MAX_CONTEXT_FILES);
    if (candidates.length > context.length) {
      notes.push(
        `Only ${MAX_CONTEXT_FILES} of ${candidates.length} unchanged manifests were read as context; narrow the paths input to the manifest folders.`,
      );
    }
  }

  // First round: the changed files at head, the removed ones at base, and the context. A changed
  // file's base is then rebuilt from its head text and GitHub's patch where possible, and read in a
  // second round where not (large diffs come without a patch).
  type Read = { side: 'head' | 'base' | 'both'; path: string; ref: string };
  const headReads = changedAtHead.map((file): Read => ({ side: 'head', path: file.path, ref: plan.headSha }));
  const removedReads = changedAtBase
    .filter(({ file }) => file.status === 'removed')
    .map(({ basePath }): Read => ({ side: 'base', path: basePath, ref: plan.baseSha }));
  const contextReads = context.map((file): Read => ({ side: 'both', path: file.path, ref: plan.headSha }));
  const texts = await readAll(plan, [...headReads, ...removedReads, ...contextReads]);

  const baseReads: Read[] = [];
  const rebuilt = new Map<string, string>();
  for (const { file, basePath } of changedAtBase) {
    if (file.status === 'removed') continue;
    const headText = texts.get(`${plan.headSha}:${file.path}`);
    const baseText =
      file.patch !== null && typeof headText === 'string' ? reverseApplyPatch(headText, file.patch) : null;
    if (baseText === null) baseReads.push({ side: 'base', path: basePath, ref: plan.baseSha });
    else rebuilt.set(basePath, baseText);
  }
  for (const [key, text] of await readAll(plan, baseReads)) texts.set(key, text);

  const base: SourceFile[] = [];
  const head: SourceFile[] = [];
  for (const read of [...headReads, ...removedReads, ...contextReads]) {
    const text = texts.get(`${read.ref}:${read.path}`);
    if (text === null || text === undefined) continue;
    if (read.side !== 'base') head.push({ path: read.path, text });
    if (read.side !== 'head') base.push({ path: read.path, text });
  }
  for (const { file, basePath } of changedAtBase) {
    if (file.status === 'removed') continue;
    const text = rebuilt.get(basePath) ?? texts.get(`${plan.baseSha}:${basePath}`);
    if (typeof text === 'string') base.push({ path: basePath, text });
  }
  return {
    base,
    head,
    changedPaths: new Set(changedAtHead.map((file) => file.path)),
    contextFiles: context.length,
    notes,
  };
}

/** Reads files with bounded concurrency; keys are `ref:path`, values null for missing files. */
async function readAll(
  plan: SourcePlan,
  reads: ReadonlyArray<{ path: string; ref: string }>,
): Promise<Map<string, string | null>> {
  const texts = await mapWithConcurrency(reads, READ_CONCURRENCY, (read) => plan.read(read.path, read.ref));
  return new Map(reads.map((read, index) => [`${read.ref}:${read.path}`, texts[index] ?? null]));
}
