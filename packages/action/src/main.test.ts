import { describe, expect, it } from 'vitest';
import type { GitHubClient } from './github/client.js';
import { run } from './main.js';
import { fakeDeps, pullRequestEnv } from './test-support/fake-deps.js';

/** An Octokit-like failure: what the client throws for an HTTP status. */
const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('run, with its edges faked', () => {
  it('analyses nothing on another event, says why, and sets the outputs to 0', async () => {
    const { deps, record } = fakeDeps({ env: { GITHUB_REPOSITORY: 'acme/shop', GITHUB_EVENT_NAME: 'push' } });
    await run(deps);
    expect(record.failed).toEqual([]);
    expect(record.said).toEqual([
      { level: 'notice', message: expect.stringContaining('triggered by "push", so nothing was analysed') },
    ]);
    expect(record.outputs).toEqual({ 'load-balancers-added': 0, findings: 0 });
    expect(record.clientsCreated).toBe(0);
  });

  it('fails with what to do when the token is empty, before any request', async () => {
    const { deps, record } = fakeDeps({ env: pullRequestEnv(), inputs: { 'github-token': ' ' } });
    await run(deps);
    expect(record.failed).toEqual([expect.stringContaining('The github-token input is empty')]);
    expect(record.clientsCreated).toBe(0);
  });

  it('turns a refused token into one failure that names the input, never the token', async () => {
    const refuse = async () => {
      throw httpError(401);
    };
    const client = {
      rest: { repos: { getContent: refuse }, pulls: { listFiles: refuse } },
    } as unknown as Partial<GitHubClient>;
    const { deps, record } = fakeDeps({
      env: pullRequestEnv(),
      inputs: { 'github-token': 'ghp_secret', comment: 'off' },
      client,
    });
    await run(deps);
    expect(record.failed).toHaveLength(1);
    expect(record.failed[0]).toMatch(/refused the token .*HTTP 401.*github-token input/);
    expect(JSON.stringify(record)).not.toContain('ghp_secret');
  });

  it('fails on an input value it does not know, naming what is allowed', async () => {
    const { deps, record } = fakeDeps({ env: pullRequestEnv(), inputs: { 'fail-on': 'sometimes' } });
    await run(deps);
    expect(record.failed).toEqual(['The fail-on input is "sometimes"; use one of never, warning, error.']);
  });
});
