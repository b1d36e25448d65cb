/**
 * An esbuild plugin for bundles of the core (the CLI's and the Action's). The core loads js-yaml's
 * CommonJS build through `createRequire(import.meta.url)('js-yaml')` (it parses faster than the ESM
 * build); esbuild cannot follow that call, so it becomes a plain `require('js-yaml')`, which esbuild
 * bundles with the "require" condition: the same build.
 */
import { readFileSync } from 'node:fs';

export function inlineCreateRequire() {
  const call = /createRequire\(import\.meta\.url\)\((['"][^'"]+['"])\)/g;
  return {
    name: 'inline-create-require',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/].*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        return { contents: source.replace(call, 'require($1)'), loader: 'ts' };
      });
    },
  };
}
