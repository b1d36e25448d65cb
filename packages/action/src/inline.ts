/**
 * Inline review comments on the `type: LoadBalancer` line of each added HTTP load balancer, each
 * with a hidden fingerprint so reruns neither duplicate nor lose them; removed when the finding is
 * gone unless a person replied; capped in number; with a suggested change where one line fixes it.
 */
import { createHash } from 'node:crypto';
import {
  escapeMarkdown,
  formatMoney,
  type LoadBalancerEntry,
  loadBalancerKey,
  type SourceFile,
} from '@ingress-advisor/core';
import { describeApiFailure, statusOf } from './errors.js';
import type { GitHubClient } from './github/client.js';
import type { ChangedFile, Repository } from './github/pull-request.js';
import type { Review } from './review.js';
import type { PullRequestRef } from './settings.js';

const FINGERPRINT_PREFIX = '<!-- ingress-advisor:inline ';

export type InlineOutcome =
  | { kind: 'synced'; created: number; kept: number; deleted: number; skipped: number }
  | { kind: 'forbidden' };

/** One inline comment we want on the pull request. */
export interface InlineComment {
  fingerprint: string;
  path: string;
  line: number;
  body: string;
}

/**
 * The comments the review calls for: one per added load balancer the generated YAML moves behind
 * the shared entry point, and one per added load balancer whose traffic is unclear.
 */
export function plannedComments(review: Review, head: readonly SourceFile[], max: number): InlineComment[] {
  const texts = new Map(head.map((source) => [source.path, source.text]));
  const converted = new Set((review.migration?.converted ?? []).map(loadBalancerKey));
  const currency = review.diff.report.summary.currency;
  return review.diff.addedLoadBalancers
    .filter((lb) => converted.has(loadBalancerKey(lb)) || lb.traffic === 'unknown')
    .slice(0, max)
    .map((lb) => {
      const fingerprint = fingerprintOf(lb);
      const lineText = texts.get(lb.file)?.split(/\r?\n/)[lb.line - 1];
      const suggestion =
        converted.has(loadBalancerKey(lb)) && lineText !== undefined ? clusterIpLine(lineText) : null;
      return {
        fingerprint,
        path: lb.file,
        line: lb.line,
        body: bodyOf(lb, fingerprint, suggestion, currency),
      };
    });
}

/** Identity of an inline comment: the added load balancer it is about, not its line. */
export function fingerprintOf(lb: LoadBalancerEntry): string {
  return createHash('sha256')
    .update(`lb-added\0${loadBalancerKey(lb)}`)
    .digest('hex')
    .slice(0, 24);
}

/** `  type: LoadBalancer  # x` → `  type: ClusterIP  # x`; null when the line is not that simple. */
export function clusterIpLine(line: string): string | null {
  const match = /^(\s*(?:-\s+)?type:\s*)(["']?)LoadBalancer\2(\s*(?:#.*)?)$/.exec(line);
  return match ? `${match[1]}${match[2]}ClusterIP${match[2]}${match[3]}` : null;
}

function bodyOf(
  lb: LoadBalancerEntry,
  fingerprint: string,
  suggestion: string | null,
  currency: string,
): string {
  const name = escapeMarkdown(lb.namespace === null ? lb.name : `${lb.namespace}/${lb.name}`);
  const lines = [
    `${FINGERPRINT_PREFIX}${fingerprint} -->`,
    `**New LoadBalancer Service ${name}** (${lb.traffic === 'http' ? 'HTTP' : lb.traffic}, ${lb.exposure}, ≈ ${formatMoney(lb.monthlyCost, currency)}/month)`,
    '',
    lb.traffic !== 'unknown'
      ? 'Each LoadBalancer Service is its own cloud load balancer. HTTP traffic can share one Ingress or Gateway: route this Service through it and make the Service ClusterIP (the pull request comment has the generated YAML).'
      : 'Each LoadBalancer Service is its own cloud load balancer. Say what this Service carries (name the ports or set appProtocol) so it can be placed behind a shared Ingress or Gateway, or kept as a LoadBalancer for L4 traffic.',
  ];
  if (suggestion !== null) {
    lines.push('', 'Once the route is in place:', '', '```suggestion', suggestion, '```');
  }
  return `${lines.join('\n')}\n`;
}

/** Head lines a review comment may sit on: those inside the file's diff hunks. */
export function commentableLines(patch: string | null): Set<number> {
  const lines = new Set<number>();
  if (patch === null) return lines;
  let line = 0;
  for (const row of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (row.startsWith('-') || row.startsWith('\\')) continue;
    lines.add(line);
    line++;
  }
  return lines;
}

/** Makes the pull request's inline comments match the plan. */
export async function syncInlineComments(
  client: GitHubClient,
  repository: Repository,
  pr: PullRequestRef,
  review: Review,
  head: readonly SourceFile[],
  changed: readonly ChangedFile[],
  max: number,
): Promise<InlineOutcome> {
  const diffLines = new Map(changed.map((file) => [file.path, commentableLines(file.patch)]));
  const planned = plannedComments(review, head, max).filter((comment) =>
    diffLines.get(comment.path)?.has(comment.line),
  );
  const existing = await listOurComments(client, repository, pr.number);
  const wanted = new Set(planned.map((comment) => comment.fingerprint));
  const present = new Set(existing.ours.map((comment) => comment.fingerprint));
  let created = 0;
  let deleted = 0;
  let skipped = 0;
  try {
    for (const comment of planned) {
      if (present.has(comment.fingerprint)) continue;
      try {
        await client.rest.pulls.createReviewComment({
          ...repository,
          pull_number: pr.number,
          commit_id: pr.headSha,
          path: comment.path,
          line: comment.line,
          side: 'RIGHT',
          body: comment.body,
        });
        created++;
      } catch (error) {
        // 422: the line is not part of the diff GitHub holds (say, a newer push arrived); the sticky
        // comment still reports the finding, so this one is skipped.
        if (statusOf(error) !== 422) throw error;
        skipped++;
      }
    }
    for (const comment of existing.ours) {
      // A conversation a person joined stays, even when its finding is gone.
      if (wanted.has(comment.fingerprint) || existing.repliedTo.has(comment.id)) continue;
      await client.rest.pulls.deleteReviewComment({ ...repository, comment_id: comment.id });
      deleted++;
    }
  } catch (error) {
    if (statusOf(error) === 403) return { kind: 'forbidden' };
    throw describeApiFailure(error, `writing inline comments on pull request #${pr.number}`);
  }
  const kept = existing.ours.filter((comment) => wanted.has(comment.fingerprint)).length;
  return { kind: 'synced', created, kept, deleted, skipped };
}

async function listOurComments(
  client: GitHubClient,
  repository: Repository,
  pullNumber: number,
): Promise<{ ours: Array<{ id: number; fingerprint: string }>; repliedTo: Set<number> }> {
  const ours: Array<{ id: number; fingerprint: string }> = [];
  const repliedTo = new Set<number>();
  try {
    for await (const page of client.paginate.iterator(client.rest.pulls.listReviewComments, {
      ...repository,
      pull_number: pullNumber,
      per_page: 100,
    })) {
      for (const comment of page.data) {
        if (comment.in_reply_to_id !== undefined) repliedTo.add(comment.in_reply_to_id);
        if (!comment.body.startsWith(FINGERPRINT_PREFIX)) continue;
        const fingerprint = /^<!-- ingress-advisor:inline ([0-9a-f]+) -->/.exec(comment.body)?.[1];
        if (fingerprint) ours.push({ id: comment.id, fingerprint });
      }
    }
  } catch (error) {
    throw describeApiFailure(error, `listing the review comments of pull request #${pullNumber}`);
  }
  return { ours, repliedTo };
}
