import { describe, expect, it } from 'vitest';
import { analyze } from '../report/analyze.js';
import { formatTemplate } from '../rules/define-rule.js';
import { ruleById } from '../rules/index.js';
import { escapeMarkdown } from './escape.js';
import { splitCodeSpans } from './internal/markdown-text.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderMarkdown } from './markdown.js';
import { fixtureReport, HOSTILE, hostileReport, withManyFindings } from './test-support/fixture.js';

const BASE = 'https://github.com/acme/shop/blob/0123abc/';
const linkToSource = (file: string, line: number): string => `${BASE}${file}#L${line}`;

/**
 * The Markdown outside code spans, fenced blocks and link destinations: where GitHub links mentions
 * and issue numbers and renders HTML.
 */
function proseOf(markdown: string): string {
  return markdown
    .replace(/^```[\s\S]*?^```$/gm, '')
    .replace(/(?<!\\)\]\([^)]*\)/g, ']')
    .split('\n')
    .map((line) =>
      splitCodeSpans(line.replace(/\\`/g, ''))
        .filter((segment) => segment.fence === undefined)
        .map((segment) => segment.text)
        .join(''),
    )
    .join('\n');
}

/** Pipes that split table cells: not escaped by a backslash. */
function cellBreaks(row: string): number {
  return (row.match(/(?<!\\)\|/g) ?? []).length;
}

describe('renderMarkdown', () => {
  it('starts with a summary of the load balancers, their traffic and cost', () => {
    const markdown = renderMarkdown(fixtureReport());
    const report = fixtureReport();
    const counts = (['error', 'warning', 'notice'] as const)
      .filter((severity) => report.summary.findings[severity] > 0)
      .map(
        (severity) =>
          `${report.summary.findings[severity]} ${severity}${report.summary.findings[severity] === 1 ? '' : 's'}`,
      )
      .join(', ');
    expect(markdown.split('\n')[2]).toBe(
      `**4 LoadBalancer Services** (2 HTTP, 2 L4) ≈ $71.18/month · ${counts} · 7 files (4 analysed, 2 skipped, 1 with errors)`,
    );
  });

  it('does not add the sticky-comment marker (the Action does)', () => {
    expect(renderMarkdown(fixtureReport())).not.toContain('<!-- ingress-advisor -->');
    expect(renderMarkdown(hostileReport(), { linkToSource })).not.toContain('<!-- ingress-advisor -->');
  });

  it('links file and line through linkToSource', () => {
    const markdown = renderMarkdown(fixtureReport(), { linkToSource });
    expect(markdown).toContain(`[apps/shop/services.yaml:7](${BASE}apps/shop/services.yaml#L7)`);
    expect(markdown).toContain(`[apps/broken.yaml:6](${BASE}apps/broken.yaml#L6), column 1 (error)`);
  });

  it('shows plain locations without linkToSource, or when it returns null or an unsafe URL', () => {
    for (const options of [
      {},
      { linkToSource: () => null },
      { linkToSource: () => 'javascript:alert(1)' },
      { linkToSource: () => 'data:text/html,<script>' },
    ]) {
      const markdown = renderMarkdown(fixtureReport(), options);
      expect(markdown).toContain('apps/shop/services.yaml:7');
      expect(markdown).not.toMatch(/\]\(/);
    }
  });

  it('percent-encodes link characters that would end the destination or a table cell', () => {
    const markdown = renderMarkdown(fixtureReport(), { linkToSource: () => 'https://x.example/a b(c)|d' });
    expect(markdown).toContain('(https://x.example/a%20b%28c%29%7Cd)');
  });

  it('renders the load balancer table, the advice with the ranking and the plan', () => {
    const markdown = renderMarkdown(fixtureReport());
    expect(markdown).toContain('| Service | Namespace | Ports | Traffic | Exposure | Cost/month | Source |');
    expect(markdown).toContain(
      '| postgres | data | 5432/TCP PostgreSQL | L4 | public | $18.25 | apps/data/postgres.yaml:7 |',
    );
    expect(markdown).toMatch(
      /^\*\*Recommended: [^*]+\*\* — 4 → \d+ load balancers?, saving ≈ \$\d+\.\d\d\/month\.$/m,
    );
    expect(markdown).toMatch(/^\| 1 \| \*\*[^*]+\*\* \| \d+\.\d \| .+ \|$/m);
    expect(markdown).toContain('<details><summary>Scores by criterion (0–10) and every reason</summary>');
    expect(markdown).toMatch(/\*\*Plan\*\*\n\n1\. \S/);
  });

  it('groups findings by severity with rule id, message and fix', () => {
    const markdown = renderMarkdown(withManyFindings(fixtureReport(), 12));
    const errors = markdown.indexOf('**Errors (2)**');
    const warnings = markdown.indexOf('**Warnings (10)**');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    const rule = ruleById('lb-http-consolidate')!;
    const finding = withManyFindings(fixtureReport(), 12).findings[0]!;
    expect(markdown).toContain(
      `- \`lb-http-consolidate\` apps/service-00000.yaml:7: ${formatTemplate(rule.messages[finding.messageId]!, finding.data, escapeMarkdown)}<br>**Fix:** ${formatTemplate(rule.fix, finding.data, escapeMarkdown)}\n`,
    );
    expect(markdown).toContain('\\$18.25');
  });

  it('folds findings beyond the first twenty into details', () => {
    const markdown = renderMarkdown(withManyFindings(fixtureReport(), 30));
    expect(markdown).toContain('<details><summary>10 more warnings</summary>');
    expect(markdown.match(/^- `lb-http-consolidate`/gm)).toHaveLength(30);
  });

  it('lists files that errored and Helm templates, and counts the other skipped files', () => {
    const markdown = renderMarkdown(fixtureReport());
    expect(markdown).toContain('- apps/broken.yaml:6, column 1 (error): deficient indentation');
    expect(markdown).toContain(
      '- charts/app/templates/service.yaml (skipped): Helm template: it contains `{{ }}` and is not YAML until rendered. Run `helm template CHART | ingress-advisor analyze -`',
    );
    expect(markdown).toContain('1 other file skipped: 1 not Kubernetes.');
  });

  it('explains how to silence a finding by annotation and by configuration', () => {
    const markdown = renderMarkdown(fixtureReport());
    expect(markdown).toContain('<details><summary>How to silence a finding</summary>');
    const ruleId = markdown.match(/^ {4}ingress-advisor\.io\/ignore: "([a-z0-9-]+)"$/m)?.[1];
    expect(ruleId).toBeDefined();
    expect(markdown).toContain(`rules:\n  ${ruleId}: off`);
  });

  it('leaves out the findings, ranking and silencing sections when there is nothing to say', () => {
    const markdown = renderMarkdown(analyze([]));
    expect(markdown).toContain('**No LoadBalancer Services** · no findings · 0 files (0 analysed)');
    expect(markdown).not.toContain('#### Findings');
    expect(markdown).not.toContain('| # | Option |');
    expect(markdown).not.toContain('How to silence');
  });

  describe('on hostile manifests', () => {
    const markdown = renderMarkdown(hostileReport(), { linkToSource });
    const prose = proseOf(markdown);

    it('renders no HTML from the manifest', () => {
      const tags = prose.match(/(?<!\\)<\/?[a-z!][^>]*>/gi) ?? [];
      expect(new Set(tags)).toEqual(new Set(['<br>', '<details>', '</details>', '<summary>', '</summary>']));
      expect(prose).not.toMatch(/(?<!\\)<!--/);
    });

    it('pings nobody and references no issue', () => {
      expect(prose).toContain('@&#8203;org/team');
      expect(prose).not.toMatch(/@(?!&#8203;)[\w-]/);
      expect(prose.replace(/&#8203;/g, '\u200b')).not.toMatch(/#\d/);
    });

    it('opens no link other than the source links', () => {
      const destinations = [...markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((match) => match[1]);
      expect(destinations.length).toBeGreaterThan(0);
      for (const destination of destinations) expect(destination?.startsWith(BASE)).toBe(true);
    });

    it('keeps every table row to its columns', () => {
      const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
      const header = rows.find((row) => row.startsWith('| Service |'))!;
      const lbRows = rows.filter((row) => row.includes('| public |'));
      expect(lbRows).toHaveLength(2);
      for (const row of lbRows) expect(cellBreaks(row)).toBe(cellBreaks(header));
    });

    it('keeps the names readable', () => {
      expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
      expect(markdown).toContain('\\](javascript:alert(1))');
      expect(HOSTILE.namespace).toContain('<!--');
    });
  });

  describe('length limit', () => {
    const big = withManyFindings(fixtureReport(), 5_000);

    it('stays under 65,000 characters with 5,000 findings and says what it left out', () => {
      const markdown = renderMarkdown(big, { linkToSource });
      expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_MAX_LENGTH);
      const listed = markdown.match(/^- `lb-http-consolidate`/gm)?.length ?? 0;
      expect(listed).toBeGreaterThan(20);
      expect(markdown.trimEnd().split('\n').at(-1)).toBe(
        `_Truncated: ${(5_000 - listed).toLocaleString('en-US')} more findings; run \`ingress-advisor analyze\` locally for the full report._`,
      );
    });

    it('keeps the summary, the load balancers and the advice, and the most severe findings first', () => {
      const markdown = renderMarkdown(big);
      expect(markdown).toContain('#### LoadBalancer Services');
      expect(markdown).toMatch(/\*\*Recommended: [^*]+\*\*/);
      expect(markdown).toContain('**Errors (500)**');
      expect(markdown).not.toContain('Scores by criterion');
      const firstFinding = markdown.split('\n').find((line) => line.startsWith('- `lb-'));
      expect(firstFinding).toContain('apps/service-00000.yaml');
    });

    it('respects any maxLength, down to a few hundred characters', () => {
      for (const maxLength of [100, 500, 2_000, 10_000, 30_000]) {
        const markdown = renderMarkdown(big, { maxLength, linkToSource });
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        expect(markdown).toContain('_Truncated:');
      }
    });

    it('says so when it only left out the score breakdown', () => {
      const report = fixtureReport();
      const full = renderMarkdown(report);
      const markdown = renderMarkdown(report, { maxLength: full.length - 1 });
      expect(markdown.length).toBeLessThan(full.length);
      expect(markdown).not.toContain('Scores by criterion');
      expect(markdown.trimEnd().split('\n').at(-1)).toMatch(
        /^_Truncated: .+ locally for the full report\._$/,
      );
    });

    it('closes what a last-resort cut leaves open', () => {
      const markdown = renderMarkdown(big, { maxLength: 1_500 });
      const opened = markdown.match(/<details>/g)?.length ?? 0;
      expect(markdown.match(/<\/details>/g)?.length ?? 0).toBe(opened);
      expect((markdown.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
    });

    it('renders tens of thousands of findings and thousands of load balancers within maxLength, each line once', () => {
      const many = withManyFindings(fixtureReport(), 20_000);
      const lb = many.loadBalancers[0]!;
      const loadBalancers = Array.from({ length: 3_000 }, (_, index) => ({
        ...lb,
        name: `web-${index}`,
        file: `lbs/lb-${String(index).padStart(5, '0')}.yaml`,
      }));
      for (const [report, maxLength] of [
        [many, 30_000],
        [{ ...many, loadBalancers }, DEFAULT_MARKDOWN_MAX_LENGTH],
      ] as const) {
        let links = 0;
        const markdown = renderMarkdown(report, {
          maxLength,
          linkToSource: (file, line) => {
            links++;
            return linkToSource(file, line);
          },
        });
        expect(markdown.length).toBeLessThanOrEqual(maxLength);
        const findings = markdown.match(/^- `lb-http-consolidate`/gm)?.length ?? 0;
        const rows = markdown.match(/^\| .+ \| (HTTP|L4|mixed|unclassified) \|/gm)?.length ?? 0;
        const omittedLoadBalancers = report.loadBalancers.length - rows;
        const omitted = [`${(20_000 - findings).toLocaleString('en-US')} more findings`];
        if (omittedLoadBalancers > 0) {
          omitted.push(`${omittedLoadBalancers.toLocaleString('en-US')} more load balancers`);
        }
        expect(markdown.trimEnd().split('\n').at(-1)).toBe(
          `_Truncated: ${omitted.join(', ')}; run \`ingress-advisor analyze\` locally for the full report._`,
        );
        // Every line with a source link is rendered once, and only about as many as can fit: not
        // the whole report again at each step of the search for what fits.
        expect(links).toBeLessThan(2 * (findings + rows) + 20);
      }
    });

    it('is not truncated when it fits', () => {
      expect(renderMarkdown(fixtureReport())).not.toContain('_Truncated');
    });
  });

  describe('for a pull request', () => {
    const migration = {
      to: 'gateway' as const,
      yaml: '# generated\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: "```x"\n',
      objects: [{ kind: 'HTTPRoute' }],
      converted: [{ apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'shop' }],
      kept: [
        {
          resource: { apiVersion: 'v1', kind: 'Service', name: '<img src=x>', namespace: null },
          reason: 'it carries `5432/TCP` for @admins',
        },
      ],
      warnings: [{ message: 'check the host of #123' }],
      requirements: ['Gateway API v1.6 CRDs'],
    };

    it('words the summary as what the pull request adds', () => {
      const markdown = renderMarkdown(fixtureReport(), { pullRequest: true });
      expect(markdown.split('\n')[2]).toMatch(
        /^\*\*Adds 4 LoadBalancer Services\*\* \(2 HTTP, 2 L4\) ≈ \$71\.18\/month · \d+ new error/,
      );
      const empty = { ...fixtureReport(), loadBalancers: [], findings: [] };
      empty.summary = {
        ...empty.summary,
        loadBalancers: { total: 0, http: 0, l4: 0, mixed: 0, unknown: 0 },
        findings: { error: 0, warning: 0, notice: 0 },
      };
      expect(renderMarkdown(empty, { pullRequest: true }).split('\n')[2]).toMatch(
        /^\*\*Adds no LoadBalancer Services\*\* · no new findings · /,
      );
    });

    it('shows the generated YAML collapsed, in a fence no line of it can close, with escaped notes', () => {
      const markdown = renderMarkdown(fixtureReport(), { migration });
      expect(markdown).toContain('<details><summary>Generated YAML: 1 object moved to Gateway API</summary>');
      expect(markdown).toContain('````yaml\n# generated\n');
      expect(markdown).toContain('name: "```x"\n````');
      expect(markdown).toContain('- \\<img src=x\\>: it carries `5432/TCP` for @&#8203;admins');
      expect(markdown).toContain('- check the host of \\#&#8203;123');
      expect(markdown).toContain('**Requires:** Gateway API v1.6 CRDs.');
      expect(renderMarkdown(fixtureReport(), { migration: { ...migration, yaml: '' } })).not.toContain(
        'Generated YAML',
      );
    });

    it('leaves the generated YAML out before any finding when it does not fit', () => {
      const big = { ...migration, yaml: `${'# padding line\n'.repeat(3000)}kind: HTTPRoute\n` };
      const full = renderMarkdown(fixtureReport(), { migration: big, maxLength: 1_000_000 });
      const limit = full.length - 40_000;
      const cut = renderMarkdown(fixtureReport(), { migration: big, maxLength: limit });
      expect(cut.length).toBeLessThanOrEqual(limit);
      expect(cut).not.toContain('Generated YAML');
      expect(cut).toContain('the generated YAML was left out');
      expect(cut).toContain(renderMarkdown(fixtureReport()).split('#### Findings')[1]?.split('\n')[3] ?? '-');
    });
  });

  it('is deterministic', () => {
    expect(renderMarkdown(fixtureReport(), { linkToSource })).toBe(
      renderMarkdown(fixtureReport(), { linkToSource }),
    );
  });
});
