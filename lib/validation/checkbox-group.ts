import { z } from 'zod';

/**
 * A form's group of checkboxes named `<name>:<value>` (see CheckboxFieldset), as the fields
 * a form schema accepts and the list of values that were ticked.
 */
export function checkboxGroupFields<const V extends string>(name: string, values: readonly V[]) {
  return Object.fromEntries(values.map((value) => [`${name}:${value}`, z.literal('on').optional()])) as Record<
    `${string}:${V}`,
    z.ZodOptional<z.ZodLiteral<'on'>>
  >;
}

export function checkedValues<const V extends string>(form: Record<string, unknown>, name: string, values: readonly V[]): V[] {
  return values.filter((value) => form[`${name}:${value}`] === 'on');
}

/** Copies a use-case schema's issues onto the form's fields (the first path segment names the field). */
export function addIssuesTo(context: z.RefinementCtx, error: z.ZodError, fallbackField: string): void {
  for (const issue of error.issues)
    context.addIssue({ code: 'custom', message: issue.message, path: [String(issue.path[0] ?? fallbackField)] });
}
