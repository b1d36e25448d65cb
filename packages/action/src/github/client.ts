/**
 * The REST client: @actions/github's Octokit (proxy-aware, GITHUB_API_URL) with Octokit's retry
 * plugin (5xx and network errors, with backoff) and throttling plugin (primary and secondary rate
 * limits, writes spaced out as GitHub asks).
 */
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const Client = GitHub.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof Client>;

/** Retries of a request that failed with 5xx or a network error (delays 1, 4, 9 s by default). */
export const RETRIES = 3;
/** Retries of a request that hit a rate limit, and the longest wait we accept for one. */
const RATE_LIMIT_RETRIES = 2;
const LONGEST_RATE_LIMIT_WAIT_SECONDS = 120;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  /** Where rate-limit waits are reported. */
  warn: (message: string) => void;
  /** Base of the quadratic retry backoff, in ms. @default 1000 */
  retryBaseMs?: number;
}

export function createClient(options: ClientOptions): GitHubClient {
  const retryBase = options.retryBaseMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > LONGEST_RATE_LIMIT_WAIT_SECONDS) return false;
      options.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s.`,
      );
      return true;
    };
  return new Client(
    getOctokitOptions(options.token, {
      baseUrl: options.baseUrl,
      userAgent: 'ingress-advisor-action',
      retry: { retries: RETRIES, retryAfterBaseValue: retryBase },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: retryBase,
      },
      // Octokit logs every failed request on its own; the Action reports failures itself.
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    }),
  );
}
