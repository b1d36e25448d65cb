/** Types of scripts/fresh.mjs, for the tests that import it. */
export type PackageKey = 'core' | 'terminal-chat' | 'cli' | 'slack-bot';
export const ROOT: string;
export const PACKAGES: Record<PackageKey, { name: string; output: string; inputs: string[] }>;
export function staleness(key: PackageKey, root?: string): string | null;
export function ensureBuilt(
  keys: PackageKey[],
  options?: { root?: string; log?: (line: string) => void; stdio?: 'inherit' | number },
): Promise<PackageKey[]>;
