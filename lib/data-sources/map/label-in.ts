import type { TLocalisedLabel } from '@/lib/validation/data-source';

/**
 * A map's label in one language: a plain text is every language's; a label per language falls back to
 * English where the map has none for it. Staff views read it in English.
 */
export function labelIn(label: TLocalisedLabel | undefined, language: string): string | undefined {
  if (label === undefined || typeof label === 'string') return label;
  return label[language as keyof typeof label] ?? label.en;
}
