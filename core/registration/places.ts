/**
 * Country names and adjectives for error messages ("This German VAT number's check digit…").
 * Written out rather than taken from Intl.DisplayNames: messages need the adjective, which
 * Intl does not give, and "the Netherlands" needs its article inside a sentence.
 *
 * Keyed by ISO 3166-1 code, plus XI (Northern Ireland's VAT prefix, which is not a country
 * code but has its own numbers under the Windsor Framework).
 */
type Place = { name: string; adjective: string };

const PLACES: Record<string, Place> = {
  AT: { name: 'Austria', adjective: 'Austrian' },
  AU: { name: 'Australia', adjective: 'Australian' },
  BE: { name: 'Belgium', adjective: 'Belgian' },
  BG: { name: 'Bulgaria', adjective: 'Bulgarian' },
  CY: { name: 'Cyprus', adjective: 'Cypriot' },
  CZ: { name: 'Czechia', adjective: 'Czech' },
  DE: { name: 'Germany', adjective: 'German' },
  DK: { name: 'Denmark', adjective: 'Danish' },
  EE: { name: 'Estonia', adjective: 'Estonian' },
  ES: { name: 'Spain', adjective: 'Spanish' },
  FI: { name: 'Finland', adjective: 'Finnish' },
  FR: { name: 'France', adjective: 'French' },
  GB: { name: 'the United Kingdom', adjective: 'UK' },
  GR: { name: 'Greece', adjective: 'Greek' },
  HR: { name: 'Croatia', adjective: 'Croatian' },
  HU: { name: 'Hungary', adjective: 'Hungarian' },
  IE: { name: 'Ireland', adjective: 'Irish' },
  IT: { name: 'Italy', adjective: 'Italian' },
  LT: { name: 'Lithuania', adjective: 'Lithuanian' },
  LU: { name: 'Luxembourg', adjective: 'Luxembourg' },
  LV: { name: 'Latvia', adjective: 'Latvian' },
  MT: { name: 'Malta', adjective: 'Maltese' },
  NL: { name: 'the Netherlands', adjective: 'Dutch' },
  PL: { name: 'Poland', adjective: 'Polish' },
  PT: { name: 'Portugal', adjective: 'Portuguese' },
  RO: { name: 'Romania', adjective: 'Romanian' },
  SE: { name: 'Sweden', adjective: 'Swedish' },
  SI: { name: 'Slovenia', adjective: 'Slovenian' },
  SK: { name: 'Slovakia', adjective: 'Slovak' },
  US: { name: 'the United States', adjective: 'US' },
  XI: { name: 'Northern Ireland', adjective: 'Northern Ireland' },
};

export function placeName(code: string): string {
  return PLACES[code]?.name ?? code;
}

export function adjectiveOf(code: string): string {
  return PLACES[code]?.adjective ?? code;
}

/**
 * "a German", "an Irish", "a UK": the article goes by sound, and every adjective here that
 * starts with a vowel sound starts with A, E, I or O (UK and US start with a "y" sound).
 */
export function withArticle(adjective: string): string {
  return `${/^[AEIO]/.test(adjective) ? 'an' : 'a'} ${adjective}`;
}

/** "an Irish" → "An Irish", for the start of a sentence. */
export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
