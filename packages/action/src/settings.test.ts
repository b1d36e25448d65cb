import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHS, readEnvironment, readInputs, splitList } from './settings.js';

const reader =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';

describe('readInputs', () => {
  it('applies the defaults', () => {
    const inputs = readInputs(reader({ 'github-token': 't' }), { GITHUB_WORKSPACE: '/w' });
    expect(inputs).toMatchObject({
      token: 't',
      paths: DEFAULT_PATHS,
      configPath: '.ingress-advisor.yml',
      configExplicit: false,
      comment: 'update',
      failOn: 'never',
      sarifFile: null,
      inline: false,
      maxInlineComments: 10,
    });
  });

  it('reads lists, paths relative to the workspace and booleans', () => {
    const inputs = readInputs(
      reader({
        'github-token': 't',
        paths: 'deploy/**/*.yaml,\n  charts/**/*.yml\n',
        config: './ci/advisor.yml',
        'sarif-file': 'out/a.sarif',
        inline: 'True',
        'fail-on': 'warning',
      }),
      { GITHUB_WORKSPACE: '/w' },
    );
    expect(inputs.paths).toEqual(['deploy/**/*.yaml', 'charts/**/*.yml']);
    expect(inputs.configPath).toBe('ci/advisor.yml');
    expect(inputs.configExplicit).toBe(true);
    expect(inputs.sarifFile).toBe('/w/out/a.sarif');
    expect(inputs.inline).toBe(true);
    expect(inputs.failOn).toBe('warning');
  });

  it('names the input and what it allows on a bad value', () => {
    expect(() => readInputs(reader({ 'github-token': 't', comment: 'always' }), {})).toThrow(
      'The comment input is "always"; use one of update, off.',
    );
    expect(() => readInputs(reader({ 'github-token': 't', inline: 'yes' }), {})).toThrow(
      'The inline input is "yes"; use true or false.',
    );
    expect(() => readInputs(reader({ 'github-token': ' ' }), {})).toThrow(/github-token input is empty/);
  });
});

describe('readEnvironment', () => {
  it('reads the pull request of a pull_request_target event, fork included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: { number: 3, base: { sha: 'b' }, head: { sha: 'h', repo: { full_name: 'fork/r' } } },
      }),
    );
    const environment = readEnvironment({
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_EVENT_PATH: eventPath,
    });
    expect(environment.pullRequest).toEqual({
      number: 3,
      baseSha: 'b',
      headSha: 'h',
      headRepository: 'fork/r',
    });
    expect(environment.apiUrl).toBe('https://api.github.com');
  });

  it('has no pull request on other events, and refuses a payload without one', () => {
    expect(readEnvironment({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'push' }).pullRequest).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    writeFileSync(join(dir, 'event.json'), '{}');
    expect(() =>
      readEnvironment({
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
      }),
    ).toThrow('The event payload has no pull_request with a number and base and head SHAs.');
  });
});

describe('splitList', () => {
  it('splits on newlines and commas and drops blanks', () => {
    expect(splitList(' a ,\n\n b,')).toEqual(['a', 'b']);
  });
});
