/**
 * The `fail-on` policy, one place for the CLI's `--fail-on` and the Action's `fail-on` input: at
 * `error`, error findings and files that could not be parsed (nothing in them was checked) trip it;
 * at `warning`, warnings too; `never` never does.
 */
import { plural } from '../render/internal/report-facts.js';
import type { ReportSummary } from './model.js';

export const FAIL_ON_LEVELS = ['never', 'warning', 'error'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/**
 * What trips `failOn` in a summary, as the parts of a sentence ("2 error findings", "1 file that
 * could not be parsed"); null when nothing does. `qualifier` names what the counts are of, as a
 * review says "new" findings and "changed" files.
 */
export function failOnReasons(
  summary: ReportSummary,
  failOn: FailOn,
  qualifier: { findings?: string; files?: string } = {},
): string[] | null {
  if (failOn === 'never') return null;
  const { error, warning } = summary.findings;
  const brokenFiles = summary.files.error;
  const tripping = failOn === 'error' ? error + brokenFiles : error + brokenFiles + warning;
  if (tripping === 0) return null;
  const finding = (severity: string) => [qualifier.findings, severity, 'finding'].filter(Boolean).join(' ');
  const file = [qualifier.files, 'file'].filter(Boolean).join(' ');
  return [
    error > 0 ? plural(error, finding('error')) : '',
    failOn === 'warning' && warning > 0 ? plural(warning, finding('warning')) : '',
    brokenFiles > 0
      ? plural(brokenFiles, `${file} that could not be parsed`, `${file}s that could not be parsed`)
      : '',
  ].filter((part) => part !== '');
}
