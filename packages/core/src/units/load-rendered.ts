/** What a renderer made of a unit, as the inventory reads it: placed objects, and a result per file. */
import { type FileResult, type LoadOptions, type LoadResult, placedObject } from '../manifests/load.js';
import type { UnitPlan } from './discover.js';
import type { RenderResult } from './placed.js';

/** The unit's objects, kept as `options.keepOfKind` says, and one result for each of its files. */
export function loadRendered(
  plan: UnitPlan,
  rendered: RenderResult,
  renderer: string,
  options: LoadOptions,
): LoadResult {
  const objects = rendered.objects.map((placed) => placedObject(placed.value, placed, options.keepOfKind));
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.file, (counts.get(object.file) ?? 0) + 1);
  const role = plan.kind === 'helm' ? ('helm-chart' as const) : ('kustomize-resource' as const);
  const files: FileResult[] = plan.files.map((path) => ({
    path,
    status: rendered.status === 'error' ? 'error' : 'analyzed',
    role,
    reason:
      rendered.status === 'error'
        ? `unit ${plan.id} could not be rendered: ${rendered.messages.join(' ')}`
        : `rendered with ${renderer} as part of unit ${plan.id}.`,
    documents: counts.get(path) ?? 0,
  }));
  return { files, objects, problems: [], helmValues: [] };
}
