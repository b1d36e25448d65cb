/**
 * What the loader keeps of an object, derived from the zod schemas the rules read it with. The
 * whole set stays in memory until the cross-resource rules have run, and every container's env,
 * probes and volumes made garbage collection the largest cost of a big repository; so each object
 * keeps its identity and the fields some schema names, nothing else. The schemas are the one
 * declaration of what rules read: a field added to a schema is kept from then on.
 */
import type { z } from 'zod';
import { objectMetaSchema } from './schemas.js';

/**
 * What to keep of a node: all of it; of a mapping, some keys, each with what to keep of its value;
 * of a sequence, every item the same way. A node of another shape than expected is kept whole, so
 * the schema check still sees what is wrong with it.
 */
export type Keep = 'all' | KeepKeys | KeepItems;
export interface KeepKeys {
  readonly keys: Readonly<Record<string, Keep>>;
}
export interface KeepItems {
  readonly items: Keep;
}

/** The parts of `value` that `keep` names; shares structure with `value`. */
export function pruneValue(value: unknown, keep: Keep): unknown {
  if (keep === 'all') return value;
  if ('items' in keep) {
    return Array.isArray(value) ? value.map((item) => pruneValue(item, keep.items)) : value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const pruned: Record<string, unknown> = {};
  for (const key of Object.keys(keep.keys)) {
    if (Object.hasOwn(value, key)) {
      pruned[key] = pruneValue((value as Record<string, unknown>)[key], keep.keys[key] as Keep);
    }
  }
  return pruned;
}

/** Both: every key either keeps, each as much as either keeps of it. */
export function unionKeep(a: Keep, b: Keep): Keep {
  if (a === 'all' || b === 'all') return 'all';
  if ('keys' in a && 'keys' in b) {
    const keys: Record<string, Keep> = { ...a.keys };
    for (const [key, keep] of Object.entries(b.keys)) {
      keys[key] = Object.hasOwn(keys, key) ? unionKeep(keys[key] as Keep, keep) : keep;
    }
    return { keys };
  }
  if ('items' in a && 'items' in b) return { items: unionKeep(a.items, b.items) };
  // A mapping in one schema, a list in the other: keep the node as written.
  return 'all';
}

/** What zod 4 keeps of a schema's definition; only the parts read here. */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const keepsOfSchemas = new WeakMap<z.ZodType, Keep>();

/**
 * What a schema reads of a value: the keys its objects name, down to the leaves. Records, unknown
 * values and anything this does not follow are kept whole (keeping more is always safe).
 */
export function keepOfSchema(schema: z.ZodType): Keep {
  let keep = keepsOfSchemas.get(schema);
  if (keep === undefined) {
    keep = derive(schema);
    keepsOfSchemas.set(schema, keep);
  }
  return keep;
}

function derive(schema: z.ZodType): Keep {
  const definition = (schema as unknown as { _zod: { def: Definition } })._zod.def;
  switch (definition.type) {
    case 'object': {
      const keys: Record<string, Keep> = {};
      for (const [key, field] of Object.entries(definition.shape ?? {})) keys[key] = keepOfSchema(field);
      return { keys };
    }
    case 'array':
      return definition.element ? { items: keepOfSchema(definition.element) } : 'all';
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return definition.innerType ? keepOfSchema(definition.innerType) : 'all';
    case 'pipe':
      return definition.in ? keepOfSchema(definition.in) : 'all';
    case 'union': {
      // A scalar option needs nothing but itself (pruning leaves scalars alone); the other options
      // keep what any of them reads.
      const collections = (definition.options ?? []).filter((option) => !isScalar(option)).map(keepOfSchema);
      return collections.length === 0 ? 'all' : collections.reduce(unionKeep);
    }
    case 'intersection':
      return definition.left && definition.right
        ? unionKeep(keepOfSchema(definition.left), keepOfSchema(definition.right))
        : 'all';
    default:
      // Scalars, enums and literals are kept as written; records and unknowns whole.
      return 'all';
  }
}

const SCALAR_TYPES = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'enum',
  'literal',
  'null',
  'undefined',
]);

function isScalar(schema: z.ZodType): boolean {
  const definition = (schema as unknown as { _zod: { def: Definition } })._zod.def;
  if (definition.type === 'optional' || definition.type === 'nullable') {
    return definition.innerType !== undefined && isScalar(definition.innerType);
  }
  return SCALAR_TYPES.has(definition.type);
}

/** What every object keeps, whatever reads it: its kind and the metadata references and suppression use. */
export const IDENTITY: KeepKeys = {
  keys: { apiVersion: 'all', kind: 'all', metadata: keepOfSchema(objectMetaSchema) },
};
