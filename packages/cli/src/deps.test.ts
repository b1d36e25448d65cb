import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem, outputWriter } from './deps.js';

/** One scratch folder for the file's tests; each test uses names of its own in it. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingress-advisor-deps-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('nodeFileSystem.readFile', () => {
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

describe('outputWriter', () => {
  const recordingStream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } };
  };

  it('writes a file descriptor directly, as UTF-8, in order', () => {
    const path = join(dir, 'report.json');
    const fd = openSync(path, 'w');
    const { written, stream } = recordingStream(false);
    try {
      const write = outputWriter(fd, stream);
      write('{"fix": "the backend\u2019s namespace", ');
      write(`"long": "${'é'.repeat(100_000)}"}\n`);
    } finally {
      closeSync(fd);
    }
    expect(written).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(
      `{"fix": "the backend\u2019s namespace", "long": "${'é'.repeat(100_000)}"}\n`,
    );
  });

  it('leaves terminals, pipes and closed descriptors to the stream', () => {
    const file = openSync(join(dir, 'tty-file'), 'w');
    try {
      const terminal = recordingStream(true);
      outputWriter(file, terminal.stream)('to the terminal');
      expect(terminal.written).toEqual(['to the terminal']);
    } finally {
      closeSync(file);
    }
    const closed = recordingStream(false);
    outputWriter(10_000, closed.stream)('to a closed descriptor');
    expect(closed.written).toEqual(['to a closed descriptor']);
  });

  it.runIf(process.platform !== 'win32')('leaves a pipe to the stream', async () => {
    const fifo = join(dir, 'out.fifo');
    await new Promise<void>((resolve, reject) =>
      spawn('mkfifo', [fifo]).on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`mkfifo ${code}`)),
      ),
    );
    // Read and write at once, so opening does not wait for a reader.
    const fd = openSync(fifo, 'r+');
    try {
      const piped = recordingStream(false);
      outputWriter(fd, piped.stream)('to the pipe');
      expect(piped.written).toEqual(['to the pipe']);
    } finally {
      closeSync(fd);
    }
  });
});
