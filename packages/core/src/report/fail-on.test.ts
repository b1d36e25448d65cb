import { describe, expect, it } from 'vitest';
import { failOnReasons } from './fail-on.js';
import type { ReportSummary } from './model.js';

const summary = (findings: Partial<ReportSummary['findings']>, brokenFiles = 0): ReportSummary => ({
  units: { rendered: 1, approximated: 0, error: 0 },
  files: { analyzed: 1, skipped: 0, error: brokenFiles },
  resources: 1,
  loadBalancers: { total: 0, http: 0, l4: 0, mixed: 0, unknown: 0 },
  findings: { error: 0, warning: 0, notice: 0, ...findings },
  suppressed: 0,
  monthlyLoadBalancerCost: 0,
  currency: 'USD',
});

describe('failOnReasons', () => {
  it('never trips at never', () => {
    expect(failOnReasons(summary({ error: 3 }, 1), 'never')).toBeNull();
  });

  it('trips at error on errors and unparsable files, not on warnings or notices', () => {
    expect(failOnReasons(summary({ warning: 2, notice: 5 }), 'error')).toBeNull();
    expect(failOnReasons(summary({ error: 1, warning: 2 }, 2), 'error')).toEqual([
      '1 error finding',
      '2 files that could not be parsed',
    ]);
  });

  it('trips at warning on warnings too, and names what a review counts', () => {
    expect(
      failOnReasons(summary({ warning: 2 }, 1), 'warning', { findings: 'new', files: 'changed' }),
    ).toEqual(['2 new warning findings', '1 changed file that could not be parsed']);
    expect(failOnReasons(summary({ notice: 4 }), 'warning')).toBeNull();
  });
});
