/**
 * js-yaml, loaded once for the whole core. Its ESM build parses about 3x slower than its CommonJS
 * build on Node 20 (same version, same text), so the core loads the CommonJS build; importing the
 * ESM build anywhere else would also put a second copy of js-yaml in every bundle.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

export const jsYaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;
