/** Kept for `main.ts`, which exports the command's name from here; the listener is in `commands/`. */
export { COMMAND } from './commands/ingress-or-lb.js';
