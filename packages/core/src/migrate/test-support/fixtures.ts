/** The realistic repositories of test/fixtures/migrate, read as the CLI would, paths from the repository root. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import type { SourceFile } from '../../manifests/load.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Every YAML file under `test/fixtures/migrate/<name>`, sorted by path. */
export function fixtureFiles(...names: string[]): SourceFile[] {
  return names.flatMap((name) => {
    const dir = join('test', 'fixtures', 'migrate', name);
    return readdirSync(join(ROOT, dir))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => ({ path: `${dir}/${file}`, text: readFileSync(join(ROOT, dir, file), 'utf8') }));
  });
}

/** The objects of some files, parsed plainly. */
export function objectsOf(files: readonly SourceFile[]): Array<Record<string, unknown>> {
  return files
    .flatMap((file) => loadAll(file.text) as Array<Record<string, unknown>>)
    .filter((object) => object);
}
