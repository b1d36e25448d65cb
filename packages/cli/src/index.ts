/**
 * The CLI as the `ingress-advisor` executable runs it: `main` on the real process, the exit code
 * set from its result. Bundled to `dist/cli.cjs`, which `dist/index.js` (src/bin.ts) loads.
 */
import { EXIT } from './commands/definitions.js';
import { createNodeDeps, readEnvironment } from './deps.js';
import { main } from './main.js';

// `ingress-advisor analyze | head` closes the pipe early; that is not a failure worth a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

const env = readEnvironment(process.env);
main(process.argv.slice(2), createNodeDeps()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Anything thrown here is our bug, not the user's input: say so briefly, stack only on request.
    const debug = env.INGRESS_ADVISOR_DEBUG === '1';
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `ingress-advisor stopped unexpectedly: ${detail}\n` +
        (debug && error instanceof Error && error.stack
          ? `${error.stack}\n`
          : 'This is a bug in ingress-advisor; set INGRESS_ADVISOR_DEBUG=1 to see where it happened, and please report it.\n'),
    );
    process.exitCode = EXIT.usage;
  },
);
