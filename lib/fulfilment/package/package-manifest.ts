import { tableFileName } from '../staging/staging-keys';

export type {
  TPackageFile as PackageFile,
  TPackageManifest as PackageManifest,
  TPackageSource as PackageSource,
} from '@/lib/validation/package-manifest';

export const MANIFEST_PATH = 'manifest.json';
export const INDEX_PATH = 'index.html';

/** Where a source's files sit in the package: the same names they were staged under. */
export function packageJsonPath(sourceSlug: string): string {
  return `${sourceSlug}/${sourceSlug}.json`;
}

export function packageCsvPath(sourceSlug: string, table: string): string {
  return `${sourceSlug}/${tableFileName(table, 'csv')}`;
}
