/**
 * One core, thin adapters that never depend on each other (DESIGN.md): what two adapters share
 * lives in core or in a library package (tool-runner, terminal-chat). This reads every adapter's
 * manifest and sources for another adapter, and checks that the reading finds one when it is there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../packages/', import.meta.url));
const ADAPTERS = ['cli', 'action', 'slack-bot'] as const;

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function manifestOf(folder: string): Manifest {
  return JSON.parse(readFileSync(join(PACKAGES, folder, 'package.json'), 'utf8')) as Manifest;
}

/** The modules a source text imports (static, dynamic and re-exports). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1] as string);
}

/** Other adapters a package names: in its manifest, or imported by a source file (by name or by path). */
function otherAdaptersIn(folder: string, sources: ReadonlyArray<{ path: string; text: string }>): string[] {
  const manifest = manifestOf(folder);
  const others = ADAPTERS.filter((other) => other !== folder);
  const otherNames = others.map((other) => manifestOf(other).name);
  const named = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  const found = named.filter((name) => otherNames.includes(name)).map((name) => `package.json: ${name}`);
  for (const { path, text } of sources) {
    for (const module of importsOf(text)) {
      const byName = otherNames.some((name) => module === name || module.startsWith(`${name}/`));
      const landsIn = module.startsWith('.') ? posix.join(posix.dirname(path), module) : '';
      const byPath = others.some((other) => landsIn.startsWith(`packages/${other}/`));
      if (byName || byPath) found.push(`${path}: ${module}`);
    }
  }
  return found;
}

function sourcesOf(folder: string): Array<{ path: string; text: string }> {
  const root = join(PACKAGES, folder, 'src');
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((path) => /\.[cm]?tsx?$/.test(path))
    .map((path) => ({
      path: `packages/${folder}/src/${path}`,
      text: readFileSync(join(root, path), 'utf8'),
    }));
}

describe('adapters', () => {
  it.each(ADAPTERS)('%s depends on no other adapter', (folder) => {
    expect(otherAdaptersIn(folder, sourcesOf(folder))).toEqual([]);
  });

  it('the check finds an adapter imported by name or by path', () => {
    const planted = [
      { path: 'a.ts', text: "import { runChat } from 'ingress-advisor';" },
      { path: 'b.ts', text: "export { run } from '@ingress-advisor/action';" },
      { path: 'packages/slack-bot/c.ts', text: "const cli = await import('../cli/src/main.js');" },
      { path: 'packages/slack-bot/src/d.ts', text: "import { app } from './app.js';" },
    ];
    expect(otherAdaptersIn('slack-bot', planted)).toEqual([
      'a.ts: ingress-advisor',
      'b.ts: @ingress-advisor/action',
      'packages/slack-bot/c.ts: ../cli/src/main.js',
    ]);
  });
});
