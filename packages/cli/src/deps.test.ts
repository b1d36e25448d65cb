import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './deps.js';

describe('nodeFileSystem.readFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingress-advisor-deps-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

  it('reads a regular file whole, and an empty one', () => {
    const content = 'apiVersion: v1\nkind: Service\n'.repeat(300);
    expect(text(nodeFileSystem.readFile(file('small.yaml', content), 8 * 1024 * 1024 + 1))).toBe(content);
    expect(nodeFileSystem.readFile(file('empty.yaml', ''), 100)).toHaveLength(0);
  });

  it('reads at most maxBytes of a larger file, and the whole of one just under', () => {
    const content = 'x'.repeat(1000);
    expect(text(nodeFileSystem.readFile(file('large.yaml', content), 101))).toBe('x'.repeat(101));
    expect(nodeFileSystem.readFile(file('at-cap.yaml', 'y'.repeat(101)), 101)).toHaveLength(101);
    expect(nodeFileSystem.readFile(file('under-cap.yaml', 'z'.repeat(100)), 101)).toHaveLength(100);
  });

  it('keeps bytes as they are (no decoding)', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x00, 0xff, 0x61]);
    expect([...nodeFileSystem.readFile(file('bytes.bin', bytes), 100)]).toEqual([...bytes]);
  });

  it.runIf(existsSync('/proc/self/status'))(
    'reads on past the size fstat gives (a /proc file says 0 bytes)',
    () => {
      expect(text(nodeFileSystem.readFile('/proc/self/status', 1024 * 1024))).toMatch(/^Name:/);
    },
  );

  it.runIf(existsSync('/dev/zero'))('stops an endless device at maxBytes', () => {
    const bytes = nodeFileSystem.readFile('/dev/zero', 200_001);
    expect(bytes).toHaveLength(200_001);
    expect(bytes.every((byte) => byte === 0)).toBe(true);
  });

  it.runIf(process.platform !== 'win32')('reads a FIFO to its end, in chunks up to maxBytes', async () => {
    const fifo = join(dir, 'manifests.fifo');
    await new Promise<void>((resolve, reject) =>
      spawn('mkfifo', [fifo]).on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`mkfifo ${code}`)),
      ),
    );
    // More than a pipe holds at once, from a writer in another process (opening the FIFO blocks
    // until the other end is opened).
    const content = 'kind: Service\n'.repeat(20_000);
    const writer = spawn(process.execPath, [
      '-e',
      `require('node:fs').writeFileSync(process.argv[1], 'kind: Service\\n'.repeat(20000))`,
      fifo,
    ]);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    expect(text(nodeFileSystem.readFile(fifo, 1024 * 1024))).toBe(content);
    await exited;
  });

  it('fails with a Node error code', () => {
    expect(() => nodeFileSystem.readFile(join(dir, 'missing.yaml'), 100)).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    mkdirSync(join(dir, 'folder.yaml'));
    expect(() => nodeFileSystem.readFile(join(dir, 'folder.yaml'), 100)).toThrow(
      expect.objectContaining({ code: 'EISDIR' }),
    );
  });
});
