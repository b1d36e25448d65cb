/** Files of the repository-like fixtures under test/fixtures, as rule cases take them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Every YAML file of `test/fixtures/<dir>`, by its path from the repository root. */
export function fixtureCase(dir: string): Record<string, string> {
  const path = join('test', 'fixtures', dir);
  return Object.fromEntries(
    readdirSync(join(ROOT, path))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => [`${path}/${file}`, readFileSync(join(ROOT, path, file), 'utf8')]),
  );
}
