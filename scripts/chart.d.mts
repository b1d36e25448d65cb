/** Types of scripts/chart.mjs, for the tests that import it. */
export const CHART_DIR: string;
export const EXAMPLE: string;
export const EXAMPLE_ARGS: string[];
export function helmPath(): Promise<string>;
export function renderExample(): Promise<string>;
export function cliVersion(): string;
export function chartYamlWithVersion(text: string, version: string): string;
