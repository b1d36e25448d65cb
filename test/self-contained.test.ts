/**
 * The repository stands on its own: a fork, GitHub's runners and a clone in any folder run every
 * test and benchmark with nothing beside it. This scans the tracked files for paths that lead out of
 * the repository, and checks that the scan itself finds what it is meant to find.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Tracked files that are not ours to word: generated or third-party text. */
const NOT_SCANNED = [
  /^packages\/action\/dist\//, // the committed bundle, checked against its sources elsewhere
  /^pnpm-lock\.yaml$/,
  /^packages\/core\/src\/migrate\/test-support\/crds\//, // upstream CRDs, copied verbatim
  /^bench\/units-bench\.mjs$/, // writes kustomizations whose base paths are relative to the file written
];

const TEXT_FILE = /\.(?:[cm]?[jt]s|json|ya?ml|sh|md|toml)$|^\.ci\/|(?:^|\/)(?:Dockerfile|Kustomization)$/;

/** Kinds of reference that lead out of a repository, wherever it is cloned. */
const OUTSIDE: Array<{ why: string; pattern: RegExp }> = [
  {
    why: 'an absolute path on a developer machine',
    // After a quote, space, `=` or `(`: not the path part of a URL such as https://host/home/.
    pattern: /(?:^|[\s'"`=(:])\/(?:work|home|Users|root|mnt)\/[\w.-]/g,
  },
  { why: 'a home directory', pattern: /\bhomedir\(|\benv\.HOME\b|\$\{?HOME\b|(?:^|[\s'"`=(])~\//g },
  {
    why: 'a workplace folder beside the repository',
    // The folder, not a module of the same name (`import ... from '../shared.js'`).
    pattern: /(?:\.\.[/\\])+shared[/\\]|\bshared\/reference\b/g,
  },
  { why: 'the workplace reference questions', pattern: /\bquestions-dev\.json\b/g },
];

/** Path segments that climb: parent-folder steps in a path, or as separate arguments to join(). */
const CLIMB = /(?:\.\.[/\\])+|(?:(['"])\.\.\1\s*,\s*)+(['"])\.\.\2/g;

interface OutsideReference {
  file: string;
  line: number;
  text: string;
  why: string;
}

/**
 * References in one file's text that lead outside the repository. A relative climb counts when it
 * has more `..` than the file has folders above it: read from the file's own folder (as
 * `new URL(..., import.meta.url)` and `join(__dirname, ...)` do), it ends above the root.
 */
function outsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const depth = file.split('/').length - 1;
  text.split('\n').forEach((lineText, index) => {
    const whys = OUTSIDE.filter(({ pattern }) => {
      pattern.lastIndex = 0;
      return pattern.test(lineText);
    }).map(({ why }) => why);
    for (const match of lineText.matchAll(CLIMB)) {
      const ups = match[0].split('..').length - 1;
      if (ups > depth) whys.push(`a relative path that climbs ${ups} folders from a file ${depth} deep`);
    }
    if (whys.length > 0) {
      found.push({ file, line: index + 1, text: lineText.trim().slice(0, 160), why: whys.join('; ') });
    }
  });
  return found;
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && TEXT_FILE.test(file) && !NOT_SCANNED.some((skip) => skip.test(file)))
    .filter((file) => existsSync(join(ROOT, file))); // deleted in the working tree, not yet committed
}

describe('the repository stands on its own', () => {
  it('no tracked file refers to a path outside the repository', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => outsideReferences(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found.map(({ file, line, why, text }) => `${file}:${line}: ${why}: ${text}`)).toEqual([]);
  });

  // The examples are assembled from pieces, so this file itself holds no path that leads out.
  const path = (...parts: string[]): string => parts.join('/');
  const up = '..';
  it.each([
    [
      'packages/core/src/advice/answer.test.ts',
      `const FILE = '${path('', 'work', 'shared', 'reference', `questions-${'dev'}.json`)}';`,
    ],
    [
      'bench/ask-bench.mjs',
      `new URL('${path(up, up, 'shared', 'reference', 'questions.json')}', import.meta.url)`,
    ],
    ['bench/ask-bench.mjs', `const data = readFileSync('${path(up, up, 'fixtures', 'questions.json')}');`],
    ['scripts/x.mjs', `join(__dirname, '${up}', '${up}', 'elsewhere')`],
    ['test/x.test.ts', `const home = os.${'home'}dir();`],
    ['test/x.test.ts', `readFileSync(join(process.env.${'HOME'}, '.kube/config'))`],
    ['.ci/run', `cat "${'$'}HOME/.npmrc"`],
    ['.ci/run', `cp ${path('~', 'notes.json')} test/`],
    ['.ci/run', `ls ${path('', 'home', 'dev', 'checkout')}`],
  ])('finds the outside reference in %s: %s', (file, line) => {
    expect(outsideReferences(file, `// first line\n${line}\n`)).toMatchObject([{ file, line: 2 }]);
  });

  it.each([
    ['packages/core/src/advice/answer.test.ts', "new URL('./__fixtures__/questions.json', import.meta.url)"],
    [
      'packages/core/src/migrate/test-support/validate.ts',
      "join(dirname(fileURLToPath(import.meta.url)), '..')",
    ],
    ['packages/cli/src/input/collect-sources.test.ts', "collectSources(['../common', '/repo/app'])"],
    ['bench/ask-bench.mjs', "new URL('../packages/core/dist/index.js', import.meta.url)"],
    ['.ci/run', 'cd "$(dirname "$0")/.."'],
    ['packages/core/src/advice/topics/x.ts', "url: 'https://example.com/home/docs'"],
    ['packages/core/src/advice/internal/examples.ts', '/^\\/[a-z0-9._~/-]*$/.test(path)'],
    ['packages/slack-bot/src/listeners/actions/more.ts', "import { type BotContext } from '../shared.js';"],
  ])('leaves an inside reference alone in %s: %s', (file, line) => {
    expect(outsideReferences(file, line)).toEqual([]);
  });
});
