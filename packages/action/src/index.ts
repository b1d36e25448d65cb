/** The bundle's entry point (action.yml `runs.main`): runs the Action once. */
import { run } from './main.js';

await run();
