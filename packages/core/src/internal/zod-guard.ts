/**
 * A yes-or-ask-zod check compiled from a zod schema: true when zod would accept the value, false
 * when it would not or when the schema uses something this compiler does not follow.
 * The inventory validates every object of a repository, and zod's `safeParse` builds a copy and a
 * context per node even for valid input; for the same answer on the common, valid case, this
 * allocates nothing (measured with `pnpm bench`). The schema stays the single source of truth: the
 * guard is derived from it, and zod alone explains what is wrong.
 */
import type { z } from 'zod';

export type Guard = (value: unknown) => boolean;

const guards = new WeakMap<z.ZodType, Guard>();

/** The guard of a schema, compiled on first use; it answers false where zod must be asked. */
export function guardOf(schema: z.ZodType): Guard {
  let guard = guards.get(schema);
  if (guard === undefined) {
    guard = compile(schema) ?? (() => false);
    guards.set(schema, guard);
  }
  return guard;
}

/** What zod 4 keeps of a schema's definition; only the parts read here. */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  checks?: Array<{ _zod: { def: { check?: string; format?: string } } }>;
}

function definitionOf(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

/** A guard for the schema, or undefined when it uses a construct not handled here. */
function compile(schema: z.ZodType): Guard | undefined {
  const definition = definitionOf(schema);
  const checks = definition.checks ?? [];
  switch (definition.type) {
    case 'string':
      return checks.length === 0 ? (value) => typeof value === 'string' : undefined;
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'number': {
      // zod refuses NaN and the infinities (YAML's `.nan`, `.inf`); `.int()` means a safe integer.
      if (checks.length === 0) return (value) => typeof value === 'number' && Number.isFinite(value);
      const formats = checks.map((check) => check._zod.def.format);
      if (checks.length === 1 && formats[0] === 'safeint') {
        return (value) => typeof value === 'number' && Number.isSafeInteger(value);
      }
      return undefined;
    }
    case 'enum': {
      const allowed = new Set(Object.values(definition.entries ?? {}));
      return (value) => allowed.has(value);
    }
    case 'optional': {
      const inner = compileInner(definition.innerType);
      return inner && ((value) => value === undefined || inner(value));
    }
    case 'nullable': {
      const inner = compileInner(definition.innerType);
      return inner && ((value) => value === null || inner(value));
    }
    case 'array': {
      const element = compileInner(definition.element);
      return element && ((value) => Array.isArray(value) && everyItem(value, element));
    }
    case 'union': {
      const options = (definition.options ?? []).map(compile);
      if (options.length === 0 || options.some((option) => option === undefined)) return undefined;
      const compiled = options as Guard[];
      return (value) => compiled.some((option) => option(value));
    }
    case 'record':
      return compileRecord(definition);
    case 'object':
      return compileObject(definition);
    default:
      return undefined;
  }
}

function compileInner(schema: z.ZodType | undefined): Guard | undefined {
  return schema === undefined ? undefined : compile(schema);
}

/** Records of string keys only: other key schemas (enums, numbers) have rules of their own. */
function compileRecord(definition: Definition): Guard | undefined {
  if (definition.keyType === undefined || definitionOf(definition.keyType).type !== 'string')
    return undefined;
  if ((definitionOf(definition.keyType).checks ?? []).length > 0) return undefined;
  const valueGuard = compileInner(definition.valueType);
  if (valueGuard === undefined) return undefined;
  return (value) => {
    if (!isPlainObject(value)) return false;
    // Every own key, as zod reads them: a symbol (never from YAML) is left to zod.
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || !valueGuard(value[key])) return false;
    }
    return true;
  };
}

/** zod's default objects: unknown keys are allowed (and stripped), known ones checked. */
function compileObject(definition: Definition): Guard | undefined {
  const keys: string[] = [];
  const guards: Guard[] = [];
  for (const [key, fieldSchema] of Object.entries(definition.shape ?? {})) {
    const guard = compile(fieldSchema);
    if (guard === undefined) return undefined;
    keys.push(key);
    guards.push(guard);
  }
  // Indexed loops: a guard runs for every object of the set, mostly before it is optimised.
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (let i = 0; i < keys.length; i++) {
      if (!(guards[i] as Guard)(value[keys[i] as string])) return false;
    }
    return true;
  };
}

/** Like `every`, but holes count as undefined, as zod reads them. */
function everyItem(items: unknown[], guard: Guard): boolean {
  for (let index = 0; index < items.length; index++) {
    if (!guard(items[index])) return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
