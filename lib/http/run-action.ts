import { z } from 'zod';
import { isAppError } from '@/lib/errors/app-error';
import { findMaxLength } from '@/lib/validation/max-length-of';

/** What every form's server action returns (staff and requester pages): field errors, a form-level message, or success. */
export type ActionState = {
  formError?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  notice?: string;
  /** Set when the page was stale (someone else changed the request): the form offers a reload. */
  isConflict?: boolean;
  values?: Record<string, string>;
  /** A secret the save generated (a webhook signing secret): shown once, stored only encrypted, never sent again. */
  oneTimeSecret?: string;
};

/**
 * What a successful action may answer: a notice, or a notice with a one-time secret, or with the
 * values to keep in the form (a dry run whose next step is the same form sent for real).
 */
export type ActionSuccess = { notice: string; oneTimeSecret?: string; values?: Record<string, string> };

export const initialActionState: ActionState = {};

/** Form values as strings, for re-filling a form after a failed submit. Files are left out. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  return values;
}

/** A form's chosen files by field. An empty file input still sends a nameless, empty file: that is no upload. */
export function formFiles(formData: FormData): Record<string, File> {
  const files: Record<string, File> = {};
  // An empty file input still sends a part (no bytes; its name is "" or a parser's placeholder such as "blob"):
  // that is no file chosen, not an empty upload.
  for (const [key, value] of formData.entries()) if (value instanceof File && value.size > 0) files[key] = value;
  return files;
}

/** Every file chosen in a `multiple` file input (empty parts dropped, as formFiles does). */
export function formFileList(formData: FormData, field: string): File[] {
  return formData.getAll(field).filter((value): value is File => value instanceof File && value.size > 0);
}

/**
 * The one wrapper every server action runs through: parses with the use case's
 * schema, runs it, and turns expected failures (AppError) into a form state.
 * Unexpected errors, and Next's redirect() after a success, are rethrown.
 */
export async function runAction<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  // biome-ignore lint/suspicious/noConfusingVoidType: an action that returns nothing (Promise<void>) is a success without a message
  run: (input: z.infer<S>) => Promise<string | void | ActionSuccess>,
  /** File inputs the schema itself checks (a signed permission); other forms hand their files to the use case apart. */
  {
    fileFields,
    multipleFileFields,
  }: {
    fileFields?: readonly string[];
    /** File inputs with `multiple`: each becomes a list of the files chosen (left out when none). */
    multipleFileFields?: readonly string[];
  } = {},
): Promise<ActionState> {
  const values = formValues(formData);
  const files = formFiles(formData);
  const chosenFiles = {
    ...Object.fromEntries((fileFields ?? []).filter((field) => files[field]).map((field) => [field, files[field]])),
    ...Object.fromEntries(
      (multipleFileFields ?? []).flatMap((field) => {
        const chosen = formFileList(formData, field);
        return chosen.length > 0 ? [[field, chosen]] : [];
      }),
    ),
  };
  const parsed = schema.safeParse({ ...values, ...chosenFiles });
  // Never echo back more than a field takes (its schema's maximum): a huge post is not re-rendered.
  const echoed = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value.slice(0, findMaxLength(schema, key) ?? value.length)]),
  );
  if (!parsed.success) {
    return {
      formError: 'Please correct the problems below.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values: echoed,
    };
  }
  try {
    const outcome = await run(parsed.data);
    return typeof outcome === 'object' ? outcome : { notice: outcome ?? 'Saved.' };
  } catch (error) {
    if (isAppError(error)) {
      // A use case names the field a problem belongs to (details.field), or several with their messages (details.fieldErrors).
      const field = typeof error.details.field === 'string' ? error.details.field : null;
      const fieldErrors =
        (error.details.fieldErrors as Record<string, string[]> | undefined) ?? (field ? { [field]: [error.message] } : undefined);
      return {
        formError: error.message,
        fieldErrors,
        isConflict: error.code === 'CONFLICT',
        values: echoed,
      };
    }
    throw error;
  }
}
