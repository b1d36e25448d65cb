/** Running a built executable as a child process in end-to-end tests. */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** This process's environment with `set` added and the variables named in `unset` removed. */
export function envWith(set: Record<string, string>, ...unset: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...set };
  for (const name of unset) delete env[name];
  return env;
}

/**
 * Runs `script` with this Node, collecting its output as it comes; with `input`, writes it to
 * stdin and closes stdin, otherwise stdin is closed from the start.
 */
export function runNode(script: string, env: NodeJS.ProcessEnv, input?: string) {
  const child = spawn(process.execPath, [script], {
    env,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk) => {
    output.stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output.stderr += String(chunk);
  });
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  if (input !== undefined) child.stdin?.end(input);
  return { child, output, exited };
}

/** Lets `ms` pass: for "and nothing else happens". */
export const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
