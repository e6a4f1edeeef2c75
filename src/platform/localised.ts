/**
 * Localised text: one convention everywhere, `{fi?, sv?, en?}` (JSONB in the database).
 * The fallback order is requested → fi → sv → en, and the language actually shown is returned
 * so that views can mark it with `lang` when it differs from the page language.
 */

export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];

export type LocalisedText = Partial<Record<Language, string>>;

export interface ShownText {
  text: string;
  lang: Language;
  /** true when the text is not in the requested language */
  fallback: boolean;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The order in which languages are tried for a request in `requested`. */
export function fallbackOrder(requested: Language): Language[] {
  return [requested, ...(['fi', 'sv', 'en'] as const).filter((lang) => lang !== requested)];
}

/** Picks the text to show, or undefined when no language has non-blank text. */
export function pickText(text: LocalisedText | null | undefined, requested: Language): ShownText | undefined {
  if (!text) return undefined;
  for (const lang of fallbackOrder(requested)) {
    const value = text[lang];
    if (typeof value === 'string' && value.trim() !== '') {
      return { text: value, lang, fallback: lang !== requested };
    }
  }
  return undefined;
}

/** The text in the best available language, or '' when there is none. */
export function textOf(text: LocalisedText | null | undefined, requested: Language): string {
  return pickText(text, requested)?.text ?? '';
}

/** Drops blank entries and unknown keys; returns a clean object for storage. */
export function cleanLocalised(input: Record<string, unknown> | null | undefined): LocalisedText {
  const result: LocalisedText = {};
  if (!input) return result;
  for (const lang of languages) {
    const value = input[lang];
    if (typeof value === 'string' && value.trim() !== '') result[lang] = value.trim();
  }
  return result;
}

export function hasLanguage(text: LocalisedText | null | undefined, lang: Language): boolean {
  return typeof text?.[lang] === 'string' && text[lang]!.trim() !== '';
}
