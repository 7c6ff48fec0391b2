import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { runAction } from './run-action';

const ZNote = z.strictObject({
  body: z.string().trim().min(1, 'Enter the note').max(10, 'Keep the note under 10 characters'),
  reference: z.string(),
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('runAction, the one wrapper of every server action', () => {
  it('returns field errors and echoes each value cut to its schema maximum, without running the use case', async () => {
    let ran = false;
    const state = await runAction(ZNote, form({ body: 'x'.repeat(5000), reference: 'DSR-1' }), async () => {
      ran = true;
    });

    expect(ran).toBe(false);
    expect(state).toEqual({
      formError: 'Please correct the problems below.',
      fieldErrors: { body: ['Keep the note under 10 characters'] },
      values: { body: 'x'.repeat(10), reference: 'DSR-1' },
    });
  });

  it('turns an AppError into the form message, on the field the use case names, with a conflict flagged', async () => {
    const state = await runAction(ZNote, form({ body: 'Called', reference: 'DSR-1' }), async () => {
      throw new AppError('CONFLICT', 'Reload and try again.', { field: 'body' });
    });

    expect(state).toEqual({
      formError: 'Reload and try again.',
      fieldErrors: { body: ['Reload and try again.'] },
      isConflict: true,
      values: { body: 'Called', reference: 'DSR-1' },
    });
  });

  it('answers success with the use case’s notice, or "Saved." when it returns nothing', async () => {
    expect(await runAction(ZNote, form({ body: 'Called', reference: 'DSR-1' }), async ({ body }) => `Noted: ${body}`)).toEqual({
      notice: 'Noted: Called',
    });
    expect(await runAction(ZNote, form({ body: 'Called', reference: 'DSR-1' }), async () => undefined)).toEqual({ notice: 'Saved.' });
  });

  it('rethrows anything that is not an AppError (a bug, or Next’s redirect after success)', async () => {
    const bug = new TypeError('boom');
    await expect(
      runAction(ZNote, form({ body: 'Called', reference: 'DSR-1' }), async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });

  it('hands the schema only the file inputs it names; an empty file input is no file, and files are never echoed', async () => {
    const ZWithFile = z.strictObject({ reference: z.string(), permission: z.file().optional() });
    const data = form({ reference: 'DSR-1' });
    data.set('permission', new File(['signed'], 'permission.pdf', { type: 'application/pdf' }));
    let received: z.infer<typeof ZWithFile> | undefined;
    const state = await runAction(
      ZWithFile,
      data,
      async (input) => {
        received = input;
      },
      { fileFields: ['permission'] },
    );
    expect(state).toEqual({ notice: 'Saved.' });
    expect(await received?.permission?.text()).toBe('signed');

    // Other forms hand their files to the use case themselves: their strict schemas never see them.
    expect(await runAction(z.strictObject({ reference: z.string() }), data, async () => {})).toEqual({ notice: 'Saved.' });

    const empty = form({ reference: 'DSR-1' });
    empty.set('permission', new File([], '', { type: 'application/octet-stream' }));
    await runAction(
      ZWithFile,
      empty,
      async (input) => {
        received = input;
      },
      { fileFields: ['permission'] },
    );
    expect(received?.permission).toBeUndefined();
  });
});
