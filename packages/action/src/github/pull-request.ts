/** Reading a pull request through the REST API: its changed files, the head tree, file contents. */
import { describeApiFailure, statusOf } from '../errors.js';
import type { GitHubClient } from './client.js';

export interface Repository {
  owner: string;
  repo: string;
}

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_CHANGED_FILES = 3000;
const PAGE_SIZE = 100;

/** A file the pull request touches, as `GET /pulls/{n}/files` lists it. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The path at base, for a renamed file. */
  previousPath: string | null;
  /** The unified diff of the file; absent for binary or very large diffs. */
  patch: string | null;
}

/** Every path a change touches: each file's path, and its old path when it was renamed. */
export function touchedPaths(changed: readonly ChangedFile[]): string[] {
  return changed.flatMap((file) =>
    file.previousPath === null ? [file.path] : [file.path, file.previousPath],
  );
}

/** A file of a git tree. */
export interface TreeFile {
  path: string;
  sha: string;
  size: number;
}

/**
 * The changed files, up to GitHub's limit: the first page says how many pages there are (its `last`
 * link), and the rest are fetched together rather than one after another.
 */
export async function listChangedFiles(
  client: GitHubClient,
  repository: Repository,
  pullNumber: number,
): Promise<{ files: ChangedFile[]; complete: boolean }> {
  const pageOf = (page: number) =>
    client.rest.pulls.listFiles({ ...repository, pull_number: pullNumber, per_page: PAGE_SIZE, page });
  try {
    const first = await pageOf(1);
    const lastPage = Math.min(lastPageOf(first.headers.link), MAX_CHANGED_FILES / PAGE_SIZE);
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, lastPage - 1) }, (_, index) => pageOf(index + 2)),
    );
    const files = [first, ...rest].flatMap((page) =>
      page.data.map(
        (file): ChangedFile => ({
          path: file.filename,
          status: file.status,
          previousPath: file.previous_filename ?? null,
          patch: file.patch ?? null,
        }),
      ),
    );
    // GitHub lists 3,000 files at most; a pull request with that many may have more.
    return { files: files.slice(0, MAX_CHANGED_FILES), complete: files.length < MAX_CHANGED_FILES };
  } catch (error) {
    throw describeApiFailure(error, `listing the files of pull request #${pullNumber}`);
  }
}

/** The page number of the `rel="last"` link of a Link header; 1 when there is none. */
export function lastPageOf(link: string | undefined): number {
  const last = link?.split(',').find((part) => /rel="last"/.test(part));
  const page = last ? /[?&]page=(\d+)/.exec(last)?.[1] : undefined;
  return page === undefined ? 1 : Math.max(1, Number(page));
}

/** Every file of the tree at `sha`; `truncated` when GitHub cut the listing (very large repositories). */
export async function readTree(
  client: GitHubClient,
  repository: Repository,
  sha: string,
): Promise<{ files: TreeFile[]; truncated: boolean }> {
  try {
    const { data } = await client.rest.git.getTree({ ...repository, tree_sha: sha, recursive: 'true' });
    const files = data.tree
      .filter(
        (entry) => entry.type === 'blob' && typeof entry.path === 'string' && typeof entry.sha === 'string',
      )
      .map((entry) => ({ path: entry.path as string, sha: entry.sha as string, size: entry.size ?? 0 }));
    return { files, truncated: data.truncated };
  } catch (error) {
    throw describeApiFailure(error, `reading the file tree at ${sha.slice(0, 12)}`);
  }
}

/** The text of a file at a commit, or null when it does not exist there. */
export async function readFileAt(
  client: GitHubClient,
  repository: Repository,
  path: string,
  ref: string,
): Promise<string | null> {
  try {
    const response = await client.rest.repos.getContent({
      ...repository,
      path,
      ref,
      // The raw media type answers with the bytes themselves, up to 100 MB, instead of base64 JSON.
      mediaType: { format: 'raw' },
    });
    const data: unknown = response.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    return null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw describeApiFailure(error, `reading ${path} at ${ref.slice(0, 12)}`);
  }
}

/** Runs `task` over `items` with at most `limit` running at once; results in input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
