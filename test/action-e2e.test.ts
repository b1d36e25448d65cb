/**
 * End-to-end: runs the committed Action bundle (`packages/action/dist/index.js`) as a child process
 * with the environment GitHub gives a step, against a local fake of the REST API
 * (`test/fakes/github-api.ts`), and checks what a user sees: the sticky comment, inline comments,
 * annotations, the job summary, outputs and the exit code.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { realTools } from '../bench/tools.mjs';
import type { Report } from '../packages/core/src/index.js';
import { FakeGitHubApi, type FakeRepository, type Tree } from './fakes/github-api.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'packages/action/dist/index.js');
const MARKER = '<!-- ingress-advisor -->';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'c'.repeat(40);

const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures/action', name), 'utf8');

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

let scratch: string;
let api: FakeGitHubApi | null = null;

beforeAll(() => {
  if (!existsSync(bundle)) {
    throw new Error(`The Action bundle ${bundle} is missing. Run \`pnpm -F @ingress-advisor/action build\`.`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'ingress-advisor-action-e2e-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

afterEach(async () => {
  await api?.stop();
  api = null;
});

function repository(base: Tree, head: Tree, extra: Partial<FakeRepository> = {}): FakeRepository {
  return {
    owner: 'acme',
    repo: 'shop',
    pullNumber: 7,
    baseSha: BASE_SHA,
    headSha: HEAD_SHA,
    base,
    head,
    ...extra,
  };
}

async function startApi(repo: FakeRepository): Promise<{ fake: FakeGitHubApi; url: string }> {
  const fake = new FakeGitHubApi(repo);
  api = fake;
  return { fake, url: await fake.start() };
}

let runCounter = 0;

/** Runs the bundle once, as a step of a `pull_request` workflow (unless `event` says otherwise). */
async function runAction(
  url: string,
  options: {
    inputs?: Record<string, string>;
    eventName?: string;
    headRepository?: string;
    baseSha?: string;
    headSha?: string;
    /** The workspace (GITHUB_WORKSPACE); an empty folder of the run when absent. */
    workspace?: string;
    env?: Record<string, string>;
  } = {},
): Promise<ActionRun> {
  const dir = join(scratch, `run-${++runCounter}`);
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary.md');
  rmSync(dir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  writeFileSync(
    eventPath,
    JSON.stringify({
      pull_request: {
        number: 7,
        base: { sha: options.baseSha ?? BASE_SHA, repo: { full_name: 'acme/shop' } },
        head: {
          sha: options.headSha ?? HEAD_SHA,
          repo: { full_name: options.headRepository ?? 'acme/shop' },
        },
      },
    }),
  );
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = { 'github-token': 'test-token', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: options.workspace ?? dir,
    RUNNER_TEMP: dir,
    INGRESS_ADVISOR_RETRY_BASE_MS: '5',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...options.env,
  };
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [bundle],
      { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          fail(error);
          return;
        }
        done({
          code: error ? (error.code as number) : 0,
          stdout,
          stderr,
          outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
          summary: readFileSync(summaryPath, 'utf8'),
        });
      },
    );
  });
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}

const ourComments = (fake: FakeGitHubApi) => fake.issueComments.filter((c) => c.body.startsWith(MARKER));

describe('the Action bundle on a pull request', () => {
  it('comments once on added LoadBalancers, with the table, links at the head SHA, advice and YAML', async () => {
    const { fake, url } = await startApi(
      repository(
        { 'apps/web/deployment.yaml': fixture('deployment-web.yaml') },
        {
          'apps/web/deployment.yaml': fixture('deployment-web.yaml'),
          'services/web.yaml': fixture('service-web-lb.yaml'),
          'services/api.yaml': fixture('service-web-lb.yaml').replaceAll('web', 'api'),
          'services/postgres.yaml': fixture('service-postgres-lb.yaml'),
        },
      ),
    );
    const run = await runAction(url, { inputs: { 'sarif-file': 'out/results.sarif' } });
    expect(run.code).toBe(0);
    expect(run.outputs['load-balancers-added']).toBe('3');
    const comments = ourComments(fake);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.split('\n')[0]).toBe(MARKER);
    expect(body).toContain('**Adds 3 LoadBalancer Services** (2 HTTP, 1 L4)');
    expect(body).toContain(`(https://github.example/acme/shop/blob/${HEAD_SHA}/services/web.yaml#L7)`);
    expect(body).toContain('| web | shop |');
    expect(body).toContain('#### Advice');
    expect(body).toMatch(
      /<details><summary>Generated YAML: 2 objects moved to (an Ingress|Gateway API)<\/summary>/,
    );
    // The Deployment lives in another folder and is read as context: no "selects no pods" finding.
    const selectorFindings = body.split('\n').filter((line) => line.includes('service-selector-no-match'));
    expect(selectorFindings.filter((line) => line.includes('services/web.yaml'))).toEqual([]);
    expect(body.length).toBeLessThanOrEqual(65_536);
    // Annotations on the type: LoadBalancer lines, the job summary, the outputs.
    expect(run.stdout).toContain(
      '::warning title=ingress-advisor%3A new LoadBalancer,file=services/web.yaml,line=7::',
    );
    expect(run.summary).toContain('**Adds 3 LoadBalancer Services**');
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    expect(report.loadBalancers.map((lb) => lb.name).sort()).toEqual(['api', 'postgres', 'web']);
    expect(Number(run.outputs.findings)).toBe(report.findings.length);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    // Changed manifests at head, the unchanged Deployment once, and no base reads for added files.
    expect(fake.count('/repos/acme/shop/contents/services/')).toBe(3);
    expect(fake.count('/repos/acme/shop/contents/apps/web/deployment.yaml')).toBe(1);
  });

  it('says nothing about a LoadBalancer that was only modified', async () => {
    const changed = fixture('service-web-lb.yaml').replace('port: 80', 'port: 8080');
    const { fake, url } = await startApi(
      repository(
        { 'k8s/web.yaml': fixture('service-web-lb.yaml'), 'k8s/deploy.yaml': fixture('deployment-web.yaml') },
        { 'k8s/web.yaml': changed, 'k8s/deploy.yaml': fixture('deployment-web.yaml') },
      ),
    );
    const run = await runAction(url);
    expect(run.code).toBe(0);
    expect(run.outputs['load-balancers-added']).toBe('0');
    expect(ourComments(fake)).toHaveLength(0);
    expect(fake.count('/repos/acme/shop/issues/7/comments', 'POST')).toBe(0);
    expect(run.summary).toContain('**Adds no LoadBalancer Services**');
  });

  it('reports a ClusterIP Service turned LoadBalancer as added, on pull_request_target too', async () => {
    const { fake, url } = await startApi(
      repository(
        { 'k8s/web.yaml': fixture('service-web-clusterip.yaml') },
        { 'k8s/web.yaml': fixture('service-web-lb.yaml') },
      ),
    );
    const run = await runAction(url, { eventName: 'pull_request_target' });
    expect(run.outputs['load-balancers-added']).toBe('1');
    expect(ourComments(fake)[0]?.body).toContain('**Adds 1 LoadBalancer Service**');
  });

  it('does not count a removed LoadBalancer, or one in a renamed file, as added', async () => {
    const removed = await startApi(repository({ 'k8s/web.yaml': fixture('service-web-lb.yaml') }, {}));
    const runRemoved = await runAction(removed.url);
    expect(runRemoved.outputs['load-balancers-added']).toBe('0');
    expect(ourComments(removed.fake)).toHaveLength(0);
    await removed.fake.stop();

    const renamed = await startApi(
      repository(
        { 'old/web.yaml': fixture('service-web-lb.yaml') },
        { 'new/web.yaml': fixture('service-web-lb.yaml') },
        { renames: { 'new/web.yaml': 'old/web.yaml' } },
      ),
    );
    const runRenamed = await runAction(renamed.url);
    expect(runRenamed.code).toBe(0);
    expect(runRenamed.outputs['load-balancers-added']).toBe('0');
    expect(renamed.fake.count('/repos/acme/shop/contents/old/web.yaml')).toBe(1);
    expect(ourComments(renamed.fake)).toHaveLength(0);
  });

  it('skips Helm templates and non-Kubernetes YAML without failing', async () => {
    const { fake, url } = await startApi(
      repository(
        {},
        {
          'chart/templates/service.yaml': fixture('helm-service.yaml'),
          'docker-compose.yaml': fixture('docker-compose.yaml'),
          'README.md': '# not read',
        },
      ),
    );
    const run = await runAction(url, { inputs: { 'fail-on': 'error' } });
    expect(run.code).toBe(0);
    expect(run.outputs['load-balancers-added']).toBe('0');
    expect(ourComments(fake)).toHaveLength(0);
    expect(run.summary).toContain('chart/templates/service.yaml');
    expect(fake.count('/repos/acme/shop/contents/README.md')).toBe(0);
  });

  it('reads every page of a large pull request', async () => {
    const head: Tree = {};
    for (let index = 0; index < 230; index++) {
      head[`apps/app-${String(index).padStart(3, '0')}.yaml`] =
        index % 50 === 0
          ? fixture('service-web-lb.yaml').replace('name: web', `name: web-${index}`)
          : fixture('service-web-clusterip.yaml').replace('name: web', `name: svc-${index}`);
    }
    const { fake, url } = await startApi(repository({}, head));
    const run = await runAction(url);
    expect(run.code).toBe(0);
    expect(fake.count('/repos/acme/shop/pulls/7/files')).toBe(3);
    expect(run.outputs['load-balancers-added']).toBe('5');
    expect(ourComments(fake)[0]?.body).toContain('**Adds 5 LoadBalancer Services**');
  });

  it('updates the same comment on the next push, and resolves it when the findings are gone', async () => {
    const { fake, url } = await startApi(repository({}, { 'k8s/web.yaml': fixture('service-web-lb.yaml') }));
    fake.addIssueComment('Looks good to me');
    fake.addIssueComment(`> ${MARKER}\nsomeone quoting us`);
    // A person's comment that merely starts with the marker is not taken for ours.
    const impostor = fake.addIssueComment(`${MARKER}\nnot the bot`);
    await runAction(url);
    const bots = () => ourComments(fake).filter((c) => c.user.type === 'Bot');
    expect(bots()).toHaveLength(1);
    const id = bots()[0]?.id;

    fake.repository.head = {
      'k8s/web.yaml': fixture('service-web-lb.yaml'),
      'k8s/postgres.yaml': fixture('service-postgres-lb.yaml'),
    };
    await runAction(url);
    expect(bots()).toHaveLength(1);
    expect(bots()[0]?.id).toBe(id);
    expect(impostor.body).toBe(`${MARKER}\nnot the bot`);
    expect(bots()[0]?.body).toContain('**Adds 2 LoadBalancer Services**');

    fake.repository.head = { 'k8s/web.yaml': fixture('service-web-clusterip.yaml') };
    const last = await runAction(url);
    expect(last.outputs['load-balancers-added']).toBe('0');
    expect(bots()).toHaveLength(1);
    expect(bots()[0]?.body).toContain('Resolved: as of');
    expect(impostor.body).toBe(`${MARKER}\nnot the bot`);
    expect(fake.issueComments[0]?.body).toBe('Looks good to me');
    expect(fake.count('/repos/acme/shop/issues/7/comments', 'POST')).toBe(1);
  });

  it('keeps the summary and annotations on a fork pull request whose token cannot comment', async () => {
    const { fake, url } = await startApi(repository({}, { 'k8s/web.yaml': fixture('service-web-lb.yaml') }));
    fake.readOnly = true;
    const run = await runAction(url, { headRepository: 'contributor/shop', inputs: { inline: 'true' } });
    expect(run.code).toBe(0);
    const warnings = run.stdout
      .split('\n')
      .filter((line) => line.includes('Cannot comment on this pull request'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('pull requests from forks');
    expect(run.stdout).toContain('::warning title=ingress-advisor%3A new LoadBalancer,file=k8s/web.yaml');
    expect(run.summary).toContain('**Adds 1 LoadBalancer Service**');
    expect(run.outputs['load-balancers-added']).toBe('1');
  });

  it('retries transient 500s and rate-limit answers', async () => {
    const { fake, url } = await startApi(repository({}, { 'k8s/web.yaml': fixture('service-web-lb.yaml') }));
    fake.failures.push(
      { match: (method, path) => method === 'GET' && path.includes('/contents/k8s/'), status: 502, times: 2 },
      {
        match: (_method, path) => path.endsWith('/pulls/7/files'),
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
        times: 1,
      },
      {
        match: (_method, path) => path.includes('/git/trees/'),
        status: 429,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
        body: { message: 'API rate limit exceeded' },
        times: 1,
      },
    );
    const run = await runAction(url);
    expect(run.stdout).not.toContain('::error');
    expect(run.code).toBe(0);
    expect(run.outputs['load-balancers-added']).toBe('1');
    expect(fake.requests.filter((r) => r.status >= 400 && r.status !== 404).length).toBe(4);
    expect(run.stdout).toContain('secondary rate limit');
  });

  it('fails with a clear message when the API stays down, without printing the token', async () => {
    const { fake, url } = await startApi(repository({}, { 'k8s/web.yaml': fixture('service-web-lb.yaml') }));
    fake.failures.push({ match: (_m, path) => path.includes('/git/trees/'), status: 503, times: 100 });
    const run = await runAction(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::The GitHub API kept failing while reading the file tree .*HTTP 503, after retries/,
    );
    expect(fake.count('/repos/acme/shop/git/trees/')).toBe(4);
    expect(`${run.stdout}${run.stderr}`).not.toContain('test-token');
  });

  it('escapes hostile strings from manifests: no HTML, mentions, links or a second marker', async () => {
    const { fake, url } = await startApi(
      repository(
        {},
        { 'k8s/evil.yaml': fixture('hostile.yaml'), 'k8s/web.yaml': fixture('service-web-lb.yaml') },
      ),
    );
    const run = await runAction(url, { inputs: { inline: 'true' } });
    expect(run.code).toBe(0);
    const body = ourComments(fake)[0]?.body ?? '';
    expect(body).toContain('Adds 2 LoadBalancer Services');
    // Fenced code shows text literally (the generated YAML names the Service in comments); the rest
    // is where GitHub renders HTML, links and mentions.
    const prose = body.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
    expect(prose).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(prose).not.toMatch(/(?<!\\)<img/);
    expect(prose).not.toMatch(/(?<!\\)<script/);
    expect(prose).not.toMatch(/@octocat/);
    expect(prose).not.toMatch(/(?<!\\)\[click\]\(javascript/);
    expect(prose.split(MARKER)).toHaveLength(2);
    for (const comment of fake.reviewComments) expect(comment.body).not.toMatch(/(?<!\\)<img|@octocat/);
  });

  it('fails the job when fail-on trips, and not otherwise', async () => {
    const { url } = await startApi(
      repository({}, { 'k8s/postgres.yaml': fixture('service-postgres-lb.yaml') }),
    );
    const strict = await runAction(url, { inputs: { 'fail-on': 'error' } });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/::error::Failing because of fail-on: error: 1 new error finding\./);
    expect(strict.outputs['load-balancers-added']).toBe('1');
    const lenient = await runAction(url, { inputs: { 'fail-on': 'never' } });
    expect(lenient.code).toBe(0);
  });

  it('fails on a changed file that cannot be parsed under fail-on: error', async () => {
    const { url } = await startApi(
      repository({}, { 'k8s/broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: [\n' }),
    );
    const run = await runAction(url, { inputs: { 'fail-on': 'error' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('1 changed file that could not be parsed');
  });

  it('posts inline comments with a suggested change once, and removes them when fixed unless someone replied', async () => {
    const { fake, url } = await startApi(
      repository(
        { 'apps/web/deployment.yaml': fixture('deployment-web.yaml') },
        {
          'apps/web/deployment.yaml': fixture('deployment-web.yaml'),
          'k8s/web.yaml': fixture('service-web-lb.yaml'),
          'k8s/api.yaml': fixture('service-web-lb.yaml').replaceAll('web', 'api'),
          'k8s/postgres.yaml': fixture('service-postgres-lb.yaml'),
        },
      ),
    );
    await runAction(url, { inputs: { inline: 'true' } });
    // The L4 Service fits a LoadBalancer: no inline comment for it.
    expect(fake.reviewComments.map((c) => `${c.path}:${c.line}`).sort()).toEqual([
      'k8s/api.yaml:7',
      'k8s/web.yaml:7',
    ]);
    const web = fake.reviewComments.find((c) => c.path === 'k8s/web.yaml');
    expect(web?.body).toMatch(/^<!-- ingress-advisor:inline [0-9a-f]+ -->/);
    expect(web?.body).toContain('```suggestion\n  type: ClusterIP\n```');

    await runAction(url, { inputs: { inline: 'true' } });
    expect(fake.reviewComments).toHaveLength(2);

    const api = fake.reviewComments.find((c) => c.path === 'k8s/api.yaml');
    if (!api) throw new Error('no inline comment on k8s/api.yaml');
    fake.addReviewReply(api, 'We need this one for now.');
    fake.repository.head = { 'apps/web/deployment.yaml': fixture('deployment-web.yaml') };
    await runAction(url, { inputs: { inline: 'true' } });
    expect(fake.reviewComments.map((c) => c.path).sort()).toEqual(['k8s/api.yaml', 'k8s/api.yaml']);
  });

  it('skips an inline comment GitHub refuses for its line, and still succeeds', async () => {
    const head: Tree = {
      'k8s/web.yaml': fixture('service-web-lb.yaml'),
      'k8s/api.yaml': fixture('service-web-lb.yaml').replaceAll('web', 'api'),
    };
    const { fake, url } = await startApi(repository({}, head));
    fake.failures.push({
      match: (method, path) => method === 'POST' && path.endsWith('/pulls/7/comments'),
      status: 422,
      body: { message: 'Validation Failed' },
      times: 1,
    });
    const run = await runAction(url, { inputs: { inline: 'true' } });
    expect(run.code).toBe(0);
    expect(fake.reviewComments).toHaveLength(1);
    expect(run.stdout).toContain('1 added, 0 kept, 0 removed, 1 not on the diff');
  });

  it('caps the number of inline comments', async () => {
    const head: Tree = {};
    for (let index = 0; index < 5; index++) {
      head[`k8s/web-${index}.yaml`] = fixture('service-web-lb.yaml').replace(
        'name: web',
        `name: web-${index}`,
      );
    }
    const { fake, url } = await startApi(repository({}, head));
    await runAction(url, { inputs: { inline: 'true', 'max-inline-comments': '2' } });
    expect(fake.reviewComments).toHaveLength(2);
  });
});

describe('the Action bundle with a checkout of the pull request', () => {
  /** The chart of test/fixtures/units/web-chart: values-prod.yaml makes its Service a LoadBalancer. */
  const chart = (prodServiceType: string): Tree => {
    const dir = join(root, 'test/fixtures/units/web-chart');
    const tree: Tree = {};
    for (const file of ['Chart.yaml', 'values.yaml', 'templates/deployment.yaml', 'templates/service.yaml']) {
      tree[`charts/web/${file}`] = readFileSync(join(dir, file), 'utf8');
    }
    tree['charts/web/values-prod.yaml'] = readFileSync(join(dir, 'values-prod.yaml'), 'utf8').replace(
      'type: LoadBalancer',
      `type: ${prodServiceType}`,
    );
    return tree;
  };
  const base = chart('ClusterIP');
  const head = chart('LoadBalancer');

  /** A bin folder with git and the real helm and kubectl only: the machine's own kubectl is not used. */
  let toolsBin = '';
  beforeAll(async () => {
    const tools = await realTools();
    if (tools.kubectl === null || tools.helm === null)
      throw new Error(`real tools unavailable: ${tools.reason}`);
    toolsBin = join(scratch, 'tools-bin');
    mkdirSync(toolsBin, { recursive: true });
    symlinkSync(tools.helm, join(toolsBin, 'helm'));
    symlinkSync(tools.kubectl, join(toolsBin, 'kubectl'));
    symlinkSync(
      execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(),
      join(toolsBin, 'git'),
    );
  }, 120_000);

  /** A repository with the base commit on main and the head commit on a branch; their SHAs. */
  const gitRepository = (name: string): { dir: string; baseSha: string; headSha: string } => {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Test',
          GIT_AUTHOR_EMAIL: 'test@example.com',
          GIT_COMMITTER_NAME: 'Test',
          GIT_COMMITTER_EMAIL: 'test@example.com',
        },
      }).trim();
    const commit = (tree: Tree, message: string): string => {
      for (const [path, text] of Object.entries(tree)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git('add', '-A');
      git('commit', '--quiet', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    git('init', '--quiet', '--initial-branch', 'main');
    const baseSha = commit(base, 'web chart');
    git('checkout', '--quiet', '-b', 'prod-lb');
    const headSha = commit(head, 'prod: expose web');
    return { dir, baseSha, headSha };
  };

  it('renders the chart at the merge base and the head, and reviews a PR that only edits a values file', async () => {
    const repo = gitRepository('checkout-values');
    const { fake, url } = await startApi(
      repository(base, head, { baseSha: repo.baseSha, headSha: repo.headSha }),
    );
    const run = await runAction(url, {
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      workspace: repo.dir,
      env: { PATH: toolsBin },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Rendered the units the pull request touches at the merge base and the head: helm:charts/web, helm:charts/web@values-prod.yaml.',
    );
    expect(run.outputs['load-balancers-added']).toBe('1');
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    // The Service as helm names it, in the unit of the values file, at the line that makes it one.
    expect(report.loadBalancers.map((lb) => [lb.unit, lb.name, lb.file, lb.line])).toEqual([
      ['helm:charts/web@values-prod.yaml', 'web-web', 'charts/web/values-prod.yaml', 3],
    ]);
    expect(
      report.units
        .filter((unit) => unit.kind === 'helm')
        .map((unit) => [unit.id, unit.renderer, unit.status]),
    ).toEqual([
      ['helm:charts/web', 'helm', 'rendered'],
      ['helm:charts/web@values-prod.yaml', 'helm', 'rendered'],
    ]);
    expect(run.stdout).toContain(
      '::warning title=ingress-advisor%3A new LoadBalancer,file=charts/web/values-prod.yaml,line=3::',
    );
    const body = ourComments(fake)[0]?.body ?? '';
    expect(body).toContain(
      `(https://github.example/acme/shop/blob/${repo.headSha}/charts/web/values-prod.yaml#L3)`,
    );
    // Files come from the checkout, not the contents API; the worktrees are gone afterwards.
    expect(fake.count('/repos/acme/shop/contents/charts/')).toBe(0);
    expect(
      execFileSync('git', ['worktree', 'list'], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n'),
    ).toHaveLength(1);
  });

  it('without the commits in the checkout, says to fetch them and reads the chart with the built-in reader', async () => {
    const repo = gitRepository('checkout-full');
    const shallow = join(scratch, 'checkout-shallow');
    execFileSync('git', [
      'clone',
      '--quiet',
      '--depth',
      '1',
      '--branch',
      'prod-lb',
      `file://${repo.dir}`,
      shallow,
    ]);
    const { url } = await startApi(repository(base, head, { baseSha: repo.baseSha, headSha: repo.headSha }));
    const run = await runAction(url, {
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      workspace: shallow,
      env: { PATH: toolsBin },
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain(`not the base commit ${repo.baseSha.slice(0, 12)}`);
    expect(run.summary).toContain(
      '(helm:charts/web, helm:charts/web@values-prod.yaml) were read with the built-in approximations',
    );
    expect(run.summary).toContain('`fetch-depth: 0`');
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    expect(report.units.filter((unit) => unit.kind === 'helm').map((unit) => unit.renderer)).toEqual([
      'builtin',
      'builtin',
    ]);
  });

  it('with no checkout at all, says that rendering needs one', async () => {
    const { url } = await startApi(repository(base, head));
    const run = await runAction(url, { env: { PATH: toolsBin } });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('The workspace holds no checkout of the repository.');
  });
});

describe('the Action bundle outside a reviewable pull request', () => {
  it('analyses nothing on other events, says why, and exits 0', async () => {
    const { fake, url } = await startApi(repository({}, {}));
    const run = await runAction(url, { eventName: 'push' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::notice::ingress-advisor reviews pull requests; this run was triggered by "push"',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('fails clearly without a token', async () => {
    const { url } = await startApi(repository({}, {}));
    const run = await runAction(url, { inputs: { 'github-token': '' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::The github-token input is empty');
  });

  it('names the bad key of an invalid configuration', async () => {
    const { url } = await startApi(
      repository({ '.ingress-advisor.yml': 'rules:\n  lb-http-consolidate: loud\n' }, {}),
    );
    const run = await runAction(url);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The configuration file .ingress-advisor.yml is not valid:');
    expect(run.stdout).toContain('rules.lb-http-consolidate');
  });

  it('rejects an unknown input value, naming what is allowed', async () => {
    const { url } = await startApi(repository({}, {}));
    const run = await runAction(url, { inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The fail-on input is "sometimes"; use one of never, warning, error.');
  });
});

describe('the committed bundle', () => {
  it('is what the sources build to', async () => {
    const out = join(scratch, 'fresh-build');
    await new Promise<void>((done, fail) => {
      execFile(
        process.execPath,
        [join(root, 'packages/action/scripts/build.mjs'), '--outdir', out],
        { cwd: root },
        (error, _stdout, stderr) => (error ? fail(new Error(stderr || String(error))) : done()),
      );
    });
    for (const file of ['index.js', 'licenses.txt']) {
      const committed = readFileSync(join(root, 'packages/action/dist', file));
      const fresh = readFileSync(join(out, file));
      expect(
        committed.equals(fresh),
        `packages/action/dist/${file} is out of date: run \`pnpm -F @ingress-advisor/action build\` and commit it.`,
      ).toBe(true);
    }
  }, 60_000);
});
