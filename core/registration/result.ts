/**
 * What a check of a registration number or VAT id answers, and the two steps every check
 * shares: the compact form numbers are compared in, and the loose rule for countries whose
 * numbers we have no rule for.
 */

/**
 * How strongly a number was checked: `check_digit` when a check-digit algorithm passed (a
 * typing slip is then very likely caught), `format` when only its shape was checked, `none`
 * when we know no rule for the country and accepted any plausible run of letters and digits.
 */
export type RuleStrength = 'check_digit' | 'format' | 'none';

export type RegistrationResult = { ok: true; normalised: string; rule: RuleStrength } | { ok: false; error: string };

/**
 * The compact form: separators people type (spaces, dots, dashes, slashes) removed and
 * letters upper-cased, so "hrb 12.345" and "HRB12345" are one number. Unicode dashes and
 * non-breaking spaces count as separators too: they arrive when numbers are pasted from
 * PDFs and web pages.
 */
export function compactId(raw: string): string {
  return raw.replace(/[\s.\-/\u2010-\u2015]/g, '').toUpperCase();
}

const LOOSE = /^[A-Z0-9]{3,30}$/;

/**
 * The rule for a country we have no rule for: 3–30 letters and digits once compacted. It
 * refuses only what cannot be an identifier anywhere (one or two characters, punctuation,
 * a paragraph pasted into the field), because refusing a real number blocks a sign-up.
 */
export function looseCheck(compact: string, what: string): RegistrationResult {
  if (LOOSE.test(compact)) return { ok: true, normalised: compact, rule: 'none' };
  if (compact.length < 3) return { ok: false, error: `This ${what} is too short: enter the whole number` };
  if (compact.length > 30) return { ok: false, error: `This ${what} is too long: enter only the number` };
  return { ok: false, error: `A ${what} has only letters and digits: remove any other characters` };
}

export function passed(normalised: string, rule: RuleStrength): RegistrationResult {
  return { ok: true, normalised, rule };
}

export function failed(error: string): RegistrationResult {
  return { ok: false, error };
}
