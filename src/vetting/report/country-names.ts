/**
 * Country names for the report, in English, Lithuanian and Russian, from the runtime's own CLDR
 * data (`Intl.DisplayNames`, full ICU ships with Node 20), so no table of ours can drift.
 */
export interface CountryNames {
  readonly code: string;
  readonly en: string;
  readonly lt: string;
  readonly ru: string;
}

const LANGUAGES = ['en', 'lt', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

let displayNames: Readonly<Record<Language, Intl.DisplayNames>> | null = null;

function namer(language: Language): Intl.DisplayNames {
  displayNames ??= {
    en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }),
    lt: new Intl.DisplayNames(['lt'], { type: 'region', fallback: 'none' }),
    ru: new Intl.DisplayNames(['ru'], { type: 'region', fallback: 'none' }),
  };
  return displayNames[language];
}

function nameIn(language: Language, code: string): string | null {
  if (!/^[A-Z]{2}$/u.test(code)) return null;
  try {
    return namer(language).of(code) ?? null;
  } catch {
    return null;
  }
}

/** The names of an ISO 3166-1 alpha-2 code; the code itself where the runtime knows no name. */
export function countryNames(code: string): CountryNames {
  const names = { code } as { code: string } & Record<Language, string>;
  for (const language of LANGUAGES) names[language] = nameIn(language, code) ?? code;
  return names;
}
