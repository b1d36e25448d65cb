import type { Report } from '../report/model.js';

/** The Report as stable, pretty-printed JSON (the `analyze --format json` contract). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
