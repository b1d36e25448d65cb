/** Kept for `main.ts`, which exports the shortcut's id from here; the listener is in `shortcuts/`. */
export { REVIEW_SHORTCUT } from './shortcuts/review-manifest.js';
