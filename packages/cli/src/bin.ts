#!/usr/bin/env node
/**
 * The `ingress-advisor` executable: runs the CLI bundle (`cli.cjs` beside this file) with the V8
 * code cache the build made for it (`cli.cache`), so a run does not parse and compile a megabyte
 * of JavaScript before it starts (about 15% of a run on a small repository). A missing cache, one
 * made from another bundle, or one V8 refuses (another Node.js version, other V8 flags) only costs
 * that compilation. With INGRESS_ADVISOR_DEBUG=1, standard error says which it was.
 *
 * `INGRESS_ADVISOR_WRITE_CODE_CACHE=FILE` writes the cache of this run to FILE when it ends: the
 * build runs the CLI once so, and the cache holds what that run compiled.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const directory = dirname(fileURLToPath(import.meta.url));
const bundle = join(directory, 'cli.cjs');

const bytes = readBundle();
// V8 checks a cache against the length of the source only: the cache starts with a digest of the
// bundle it was made from, so a bundle rebuilt without its cache never runs stale bytecode. The
// bytes as read are hashed, not the text made from them, which would be encoded again to be hashed.
const digest = createHash('sha256').update(bytes).digest();
// CommonJS's own wrapper, so the bundle sees `require`, `module` and its file name as usual.
const source = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
const cache = readCache(join(directory, 'cli.cache'));
const cachedData = cache?.subarray(0, digest.length).equals(digest)
  ? cache.subarray(digest.length)
  : undefined;
const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });

if (process.env.INGRESS_ADVISOR_DEBUG === '1') {
  const status =
    cache === undefined
      ? 'none (dist/cli.cache is missing)'
      : cachedData === undefined
        ? 'not used: it was made from another build of dist/cli.cjs'
        : script.cachedDataRejected
          ? 'not used: V8 refused it (another Node.js version or other V8 flags)'
          : 'used';
  process.stderr.write(`ingress-advisor: code cache ${status}\n`);
}

const writeTo = process.env.INGRESS_ADVISOR_WRITE_CODE_CACHE;
if (writeTo) {
  process.on('exit', () => {
    // Written whole, then renamed: a reader never sees half a cache.
    writeFileSync(`${writeTo}.partial`, Buffer.concat([digest, script.createCachedData()]));
    renameSync(`${writeTo}.partial`, writeTo);
  });
}

const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, directory);

/** The bundle's bytes; a copy without it (a partial install) says so and exits 2, as usage errors do. */
function readBundle(): Buffer {
  try {
    return readFileSync(bundle);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ingress-advisor cannot read its bundle: ${reason}. Reinstall ingress-advisor.\n`);
    process.exit(2);
  }
}

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
