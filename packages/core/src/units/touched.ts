/**
 * Which units a change touches: the ones a changed file can alter once rendered. A pull request that
 * only edits `values-prod.yaml`, a template or an overlay's patch changes what those units deploy,
 * while the files it names are not manifests of their own.
 */
import { posix } from 'node:path';
import { isInside, type UnitPlan } from './discover.js';
import { KUSTOMIZATION_FILE_NAMES } from './kustomize/index.js';

/**
 * The units among `units` that a change of `changedPaths` (posix, relative like the units' paths)
 * can alter: a Helm unit when the path is inside its chart (templates, helpers, values, dependencies),
 * a Kustomize unit when the path is a file it reads or sits in the folder of one of its
 * kustomizations (generator inputs, files it may start to list). Erring on the side of a unit too
 * many only costs a render.
 */
export function unitsTouchedBy(units: readonly UnitPlan[], changedPaths: Iterable<string>): UnitPlan[] {
  const changed = [...changedPaths].map((path) => posix.normalize(path));
  return units.filter((unit) => {
    if (unit.kind === 'helm') return changed.some((path) => isInside(path, unit.path));
    if (unit.kind !== 'kustomize') return false;
    const files = new Set(unit.files);
    const folders = new Set(
      unit.files
        .filter((file) => (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(file)))
        .map((file) => posix.dirname(file)),
    );
    return changed.some((path) => files.has(path) || folders.has(posix.dirname(path)));
  });
}
