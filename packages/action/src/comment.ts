/**
 * The one sticky pull request comment: found by its marker, updated in place on every push, never
 * posted when there is nothing to say, and turned into a short "resolved" note when the findings go.
 */
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from '@ingress-advisor/core';
import { describeApiFailure, statusOf } from './errors.js';
import type { GitHubClient } from './github/client.js';
import type { Repository } from './github/pull-request.js';
import { hasFindings, type Review } from './review.js';

/** The first line of our comment: how the next run finds it (DESIGN.md). */
export const COMMENT_MARKER = '<!-- ingress-advisor -->';

export interface Links {
  serverUrl: string;
  repository: Repository;
  headSha: string;
}

/** `https://github.com/o/r/blob/<head sha>/<path>#L<line>`, path segments encoded. */
export function sourceLinker(links: Links): (file: string, line: number) => string {
  const base = `${links.serverUrl}/${links.repository.owner}/${links.repository.repo}/blob/${links.headSha}`;
  return (file, line) => `${base}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/** The report of what the pull request introduces, in Markdown, without the marker (job summary). */
export function renderReview(review: Review, links: Links, maxLength = DEFAULT_MARKDOWN_MAX_LENGTH): string {
  return renderMarkdown(review.diff.report, {
    pullRequest: true,
    linkToSource: sourceLinker(links),
    ...(review.migration ? { migration: review.migration } : {}),
    maxLength,
  });
}

/** The comment body: the marker, then the report, under GitHub's 65,536-character limit. */
export function commentBody(review: Review, links: Links): string {
  return `${COMMENT_MARKER}\n${renderReview(review, links, DEFAULT_MARKDOWN_MAX_LENGTH - COMMENT_MARKER.length - 1)}`;
}

/** What replaces the comment when a later push leaves nothing to report. */
export function resolvedBody(headSha: string): string {
  return `${COMMENT_MARKER}\n### ingress-advisor\n\nResolved: as of ${headSha.slice(0, 12)} this pull request adds no LoadBalancer Services and no new findings.\n`;
}

export type CommentOutcome =
  | { kind: 'created' | 'updated' | 'resolved'; id: number }
  | { kind: 'unchanged' | 'none' }
  | { kind: 'forbidden'; status: number };

/** Finds our comment, then creates, updates or resolves it. A 403 (read-only token) is an outcome, not a throw. */
export async function syncComment(
  client: GitHubClient,
  repository: Repository,
  pullNumber: number,
  review: Review,
  links: Links,
  existing: ExistingComment | null,
): Promise<CommentOutcome> {
  const body = hasFindings(review) ? commentBody(review, links) : null;
  try {
    if (body === null) {
      if (existing === null) return { kind: 'none' };
      if (isResolved(existing.body)) return { kind: 'unchanged' };
      await client.rest.issues.updateComment({
        ...repository,
        comment_id: existing.id,
        body: resolvedBody(links.headSha),
      });
      return { kind: 'resolved', id: existing.id };
    }
    if (existing === null) {
      const { data } = await client.rest.issues.createComment({
        ...repository,
        issue_number: pullNumber,
        body,
      });
      return { kind: 'created', id: data.id };
    }
    if (existing.body === body) return { kind: 'unchanged' };
    await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body });
    return { kind: 'updated', id: existing.id };
  } catch (error) {
    const status = statusOf(error);
    if (status === 403) return { kind: 'forbidden', status };
    throw describeApiFailure(error, `writing the comment on pull request #${pullNumber}`);
  }
}

function isResolved(body: string): boolean {
  return body.includes('\nResolved: as of ');
}

export interface ExistingComment {
  id: number;
  body: string;
}

/**
 * Our comment: the first one a bot wrote that starts with the marker, else the first one shaped like
 * ours (marker, then our heading) by anyone, through every page of comments.
 */
export async function findComment(
  client: GitHubClient,
  repository: Repository,
  pullNumber: number,
): Promise<ExistingComment | null> {
  let firstByPerson: ExistingComment | null = null;
  try {
    for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
      ...repository,
      issue_number: pullNumber,
      per_page: 100,
    })) {
      for (const comment of page.data) {
        if (!comment.body?.startsWith(COMMENT_MARKER)) continue;
        // A person could paste the marker; a bot's comment (the workflow token's) is ours for sure.
        if (comment.user?.type === 'Bot') return { id: comment.id, body: comment.body };
        if (comment.body.startsWith(`${COMMENT_MARKER}\n### ingress-advisor\n`)) {
          firstByPerson ??= { id: comment.id, body: comment.body };
        }
      }
    }
  } catch (error) {
    throw describeApiFailure(error, `listing the comments of pull request #${pullNumber}`);
  }
  // With a personal access token our comments are a person's: then one shaped like ours is taken.
  return firstByPerson;
}
