/** Types of scripts/fresh.mjs, for the tests that import it. */
export const ROOT: string;
export const PACKAGES: Record<
  'core' | 'cli' | 'slack-bot',
  { name: string; output: string; inputs: string[] }
>;
export function staleness(key: 'core' | 'cli' | 'slack-bot', root?: string): string | null;
export function ensureBuilt(
  keys: Array<'core' | 'cli' | 'slack-bot'>,
  options?: { root?: string; log?: (line: string) => void; stdio?: 'inherit' | number },
): Promise<Array<'core' | 'cli' | 'slack-bot'>>;
