import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

/** The schemas a string limit can sit inside: wrappers, pipes (preprocess, .pipe) and objects. */
function inner(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
  if (def.innerType) return [def.innerType];
  if (def.type === 'pipe') return [def.in!, def.out!];
  return [];
}

function findField(schema: AnySchema, field: string): AnySchema | undefined {
  const shape = (schema._zod.def as { shape?: Record<string, AnySchema> }).shape;
  if (shape) return shape[field];
  for (const candidate of inner(schema)) {
    const found = findField(candidate, field);
    if (found) return found;
  }
  return undefined;
}

function findMaximum(schema: AnySchema): number | undefined {
  // ZodString exposes the smallest of its .max() checks as maxLength (null without one).
  const { maxLength } = schema as { maxLength?: number | null };
  if (schema._zod.def.type === 'string' && typeof maxLength === 'number') return maxLength;
  for (const candidate of inner(schema)) {
    const found = findMaximum(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The `.max()` a schema puts on a string, read from the schema itself, so a form's
 * maxLength is the limit the server enforces: `maxLengthOf(ZSubmitRequest, 'fullName')`,
 * or `maxLengthOf(ZDataSourceSlug)` for a schema that is the string. Throws when
 * there is none, so a form cannot silently lose its limit.
 */
export function maxLengthOf(schema: AnySchema, field?: string): number {
  const maximum = findMaxLength(schema, field);
  if (maximum === undefined) throw new Error(`No string maximum for ${field ?? 'the schema'}`);
  return maximum;
}

/** The same, or undefined when the field has no string maximum (or does not exist). */
export function findMaxLength(schema: AnySchema, field?: string): number | undefined {
  const target = field === undefined ? schema : findField(schema, field);
  return target ? findMaximum(target) : undefined;
}
