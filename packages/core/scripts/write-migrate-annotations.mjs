// Writes docs/migrate-annotations.md from the annotation catalogue of `migrate`
// (packages/core/src/migrate/annotations/catalog.ts). Run after building core:
//   pnpm -F @ingress-advisor/core build && node packages/core/scripts/write-migrate-annotations.mjs
// packages/core/src/migrate/annotations/table.test.ts fails while the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAnnotationTable } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/migrate-annotations.md', import.meta.url));
writeFileSync(target, renderAnnotationTable());
console.log(`Wrote ${target}`);
