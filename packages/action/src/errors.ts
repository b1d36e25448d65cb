/** Failures of the Action itself (not findings): a stable `code` to branch on and a message to act on. */

export type ActionErrorCode = 'missing-token' | 'bad-input' | 'bad-config' | 'api-unavailable' | 'api-error';

/** A failure the Action reports with `core.setFailed`; the message says what happened and what to do. */
export class ActionError extends Error {
  override readonly name = 'ActionError';
  constructor(
    readonly code: ActionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isActionError(error: unknown): error is ActionError {
  return error instanceof ActionError;
}

/** The HTTP status of an Octokit `RequestError`, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Turns an API failure into an ActionError that names the request and what to do. Only the
 * method, route and status are shown: never headers (the token) or bodies.
 */
export function describeApiFailure(error: unknown, what: string): ActionError {
  const status = statusOf(error);
  if (status !== undefined && (status >= 500 || status === 429)) {
    return new ActionError(
      'api-unavailable',
      `The GitHub API kept failing while ${what} (HTTP ${status}, after retries). GitHub may be having an outage (https://www.githubstatus.com); re-run the job later.`,
    );
  }
  if (status === 401) {
    return new ActionError(
      'missing-token',
      `The GitHub API refused the token while ${what} (HTTP 401). Check the github-token input: it must be a valid token for this repository.`,
    );
  }
  if (status !== undefined) {
    return new ActionError(
      'api-error',
      `The GitHub API answered HTTP ${status} while ${what}: ${firstLine(error)}. Check that the job's permissions include contents: read and pull-requests: write.`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ActionError(
    'api-unavailable',
    `The GitHub API could not be reached while ${what}: ${reason}. Re-run the job later.`,
  );
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 300) ?? '';
}
