'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createDataSource } from '@/lib/data-sources/create-data-source';
import { rotateSigningSecret } from '@/lib/data-sources/rotate-signing-secret';
import { setDataSourceEnabled } from '@/lib/data-sources/set-data-source-enabled';
import type { SourceCatalog } from '@/lib/data-sources/read-source-catalog';
import { trySourceMap } from '@/lib/data-sources/try-source-map';
import { updateDataSource } from '@/lib/data-sources/update-data-source';
import { getDb } from '@/lib/database';
import { setPrivateTargetsAllowed } from '@/lib/settings/set-private-targets-allowed';
import { requireStaff } from '@/lib/staff/get-current-staff';
import {
  isDatabaseKind,
  ZCreateDataSourceForm,
  ZRotateSigningSecretForm,
  ZSetDataSourceEnabledForm,
  ZTrySourceMapForm,
  ZUpdateDataSourceForm,
} from '@/lib/validation/data-source-form';
import { withJsonLines } from '@/lib/validation/json-path-line';
import { ZPrivateTargetsForm } from '@/lib/validation/network-settings';
import { type ActionState, formValues, runAction } from '../../action-state';

const SECRET_HINT = 'Copy it into the other system now: it is stored encrypted and will not be shown again.';

export async function createDataSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  let createdSlug: string | null = null;
  const state = await runAction(ZCreateDataSourceForm, formData, async (input) => {
    const actor = await requireStaff();
    const created = await createDataSource(getDb(), { actor, input });
    revalidatePath('/staff/settings/sources');
    if (created.signingSecret)
      return { notice: `“${input.name}” was added. Its signing secret is below. ${SECRET_HINT}`, oneTimeSecret: created.signingSecret };
    createdSlug = created.slug;
    return 'Added.';
  });
  // A webhook's secret is shown on this page once; other kinds go straight to their page.
  if (createdSlug) redirect(`/staff/settings/sources/${createdSlug}?notice=created`);
  return withMapLines(state, formData);
}

export async function updateDataSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(ZUpdateDataSourceForm, formData, async ({ slug, version, settings }) => {
    const actor = await requireStaff();
    const { changes } = await updateDataSource(getDb(), { actor, slug, version, input: settings });
    revalidatePath('/staff/settings/sources', 'layout');
    if (changes.length === 0) return 'Nothing had changed.';
    return isDatabaseKind(settings.config.kind) ? 'Saved. The map matches the source database.' : 'Saved.';
  });
  return withMapLines(state, formData);
}

/** The map's problems with the line each sits on in the text as typed, so the editor can mark them. */
function withMapLines<State extends ActionState>(state: State, formData: FormData): State {
  const map = formData.get('map');
  const messages = state.fieldErrors?.map;
  if (!messages?.length || typeof map !== 'string') return state;
  return { ...state, fieldErrors: { ...state.fieldErrors, map: withJsonLines(messages, map) } };
}

export async function setDataSourceEnabledAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZSetDataSourceEnabledForm, formData, async ({ slug, version, isEnabled }) => {
    const actor = await requireStaff();
    await setDataSourceEnabled(getDb(), { actor, slug, version, isEnabled });
    revalidatePath('/staff/settings/sources', 'layout');
    return isEnabled
      ? 'Switched on: runs started from now on include this source.'
      : 'Switched off: runs started from now on leave this source out.';
  });
}

export async function rotateSigningSecretAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZRotateSigningSecretForm, formData, async ({ slug, version }) => {
    const actor = await requireStaff();
    const { signingSecret } = await rotateSigningSecret(getDb(), { actor, slug, version });
    revalidatePath('/staff/settings/sources', 'layout');
    return { notice: `A new signing secret was made; the old one no longer works. ${SECRET_HINT}`, oneTimeSecret: signingSecret };
  });
}

export async function setPrivateTargetsAllowedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(ZPrivateTargetsForm, formData, async ({ allowPrivateTargets }) => {
    const actor = await requireStaff();
    await setPrivateTargetsAllowed(getDb(), { actor, allowed: allowPrivateTargets });
    revalidatePath('/staff/settings/sources');
    return allowPrivateTargets
      ? 'Saved: sources may now point at private network addresses.'
      : 'Saved: sources may point at public addresses only. Sources already saved with a private address fail when they run.';
  });
}

/** One table of a preview as the form shows it: every value already text (dates, numbers and JSON as the database gave them). */
export type PreviewTable = { table: string; columns: string[]; rows: string[][]; isCut: boolean };
export type TrySourceMapState = ActionState & { preview?: PreviewTable[]; catalog?: SourceCatalog };

/** "Test connection" / "Preview for this address" on the source form: nothing is saved. */
export async function trySourceMapAction(_previous: TrySourceMapState, formData: FormData): Promise<TrySourceMapState> {
  let preview: PreviewTable[] | undefined;
  let catalog: SourceCatalog | undefined;
  // The form keeps what was typed (a form action resets it otherwise), so the next step is Save.
  const values = Object.fromEntries(Object.entries(formValues(formData)).filter(([key]) => key !== 'intent'));
  const state = await runAction(ZTrySourceMapForm, formData, async (input) => {
    const result = await trySourceMap(getDb(), {
      actor: await requireStaff(),
      input,
      onCatalog: (found) => {
        catalog = found;
      },
    });
    if (result.intent === 'test') return { notice: 'The connection works and the map matches the source database.', values };
    preview = result.tables.map((table) => ({
      table: table.table,
      columns: table.columns,
      rows: table.rows.map((row) => table.columns.map((column) => cellText(row[column]))),
      isCut: table.isCut,
    }));
    const rows = preview.reduce((sum, table) => sum + table.rows.length, 0);
    return {
      notice:
        rows === 0
          ? 'The map matches the source database, and it holds nothing for this address.'
          : 'The map matches the source database. Below are the first rows each table would export for this address.',
      values,
    };
  });
  return withMapLines({ ...state, ...(preview ? { preview } : {}), ...(catalog ? { catalog } : {}) }, formData);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `(${value.length} bytes)`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
