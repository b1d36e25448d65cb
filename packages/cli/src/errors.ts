/** The CLI's own failures: named classes with a stable `code`; callers branch on the code. */

/** The command line, a path or the configuration cannot be used as given: exit 2. */
export class UsageError extends Error {
  /** Stable code for callers. */
  readonly code = 'ERR_USAGE';
  /** Lines printed after the message, e.g. where to find help. */
  readonly hints: readonly string[];

  constructor(message: string, hints: readonly string[] = []) {
    super(message);
    this.name = 'UsageError';
    this.hints = hints;
  }
}

/** Whether a value is a `UsageError`. */
export function isUsageError(value: unknown): value is UsageError {
  return value instanceof UsageError;
}

/** A short, lower-case description of a failed file system call, from its Node error code. */
export function describeFileError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
