import { describe, expect, it } from 'vitest';
import { matchesGlob } from './glob.js';

describe('matchesGlob', () => {
  it.each([
    ['deploy/app/service.yaml', 'deploy/**', true],
    ['deploy/service.yaml', 'deploy/**/*.yaml', true],
    ['deploy/a/b/service.yaml', 'deploy/**/*.yaml', true],
    ['other/service.yaml', 'deploy/**', false],
    ['charts/web/values.yaml', 'values.yaml', true],
    ['charts/web/templates/svc.yaml', 'charts/*/templates', true],
    ['a/test/x.yml', '**/test/**', true],
    ['x.yml', '*.{yml,yaml}', true],
    ['x.json', '*.{yml,yaml}', false],
    ['./deploy/x.yaml', 'deploy/x.yaml', true],
    ['deploy/x.yaml', 'deploy/?.yaml', true],
  ])('%s against %s is %s', (path, glob, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });
});
