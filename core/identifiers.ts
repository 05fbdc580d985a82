/**
 * Normal forms of the things that identify a customer: names (for searching), phone numbers,
 * e-mail addresses and tax ids. Two spellings of the same identifier must end up equal here,
 * or search, de-duplication and (later) the network's keyed hashes will treat one person as two.
 *
 * Phone metadata: we import libphonenumber-js's "min" metadata (~80 kB, the library default),
 * not "max" (~145 kB). "min" still carries each country's number pattern, possible lengths and
 * national format rules, which is all normalisePhone and nationalDigits use; "max" adds
 * per-type patterns (mobile, fixed line…) that only sharpen getType() and isValid() at the
 * margins. The renderer bundles this module, so the smaller table is the right one.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
import type { CountryCode as PhoneCountry } from 'libphonenumber-js/min';
import { z } from 'zod';

export type NormalisePhoneResult = { ok: true; e164: string } | { ok: false; error: string };
export type NormaliseEmailResult = { ok: true; email: string } | { ok: false; error: string };

// Letters that NFKD does not decompose into a base letter plus marks.
const FOLD_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLD_SPECIAL_RE = /[ßæœøłđðþı]/g;

/**
 * The form names are compared in: lower-case, accents removed, whitespace collapsed.
 * "  Zoë  BRONTË " → "zoe bronte", "Straße" → "strasse", "Søren Łukasz" → "soren lukasz".
 * Compatibility decomposition (NFKD) also turns full-width digits and ligatures into ASCII.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLD_SPECIAL_RE, (ch) => FOLD_SPECIAL[ch] ?? ch)
    .replace(/\s+/g, ' ')
    .trim();
}

const regionNames = new Intl.DisplayNames('en', { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Reads a phone number as typed at the counter into E.164 ("+447700900123"). Numbers without
 * a country code are read as numbers of `defaultCountry` (the business's country); a leading
 * "00" is read as the international prefix even where the country dials abroad differently
 * (e.g. "0044…" typed in a US business), because that is how most of Europe writes it.
 *
 * A number is accepted when libphonenumber finds it valid (inside a range its tables list),
 * or when it is at least *shaped* like a number of its country: a possible length, and a
 * national format rule that matches its leading digits and length. The second test lets
 * through numbers in ranges the tables leave out — new allocations an old install has not
 * heard of, and the reserved drama and training ranges such as 07700 900xxx — while still
 * catching the typing slips that matter at the counter: a digit missing or one too many.
 * "Possible" alone would not: in the UK it accepts 7, 9 and 10 digits, so "07700 90012"
 * (one digit short) would be stored as +44770090012.
 */
export function normalisePhone(raw: string, defaultCountry: string): NormalisePhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'Enter a phone number' };
  if (/\d\s*(ext\.?|x|#)\s*\d+$/i.test(text)) {
    return { ok: false, error: 'Leave out the extension (put it in the notes); only the number itself can be stored' };
  }
  if (/\p{L}/u.test(text)) {
    return { ok: false, error: 'A phone number can only have digits, spaces and + ( ) - .' };
  }
  const country: PhoneCountry | undefined = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;

  let result = read(text, country);
  if (!result.ok && /^00[1-9]/.test(text.replace(/[\s().-]/g, ''))) {
    const retry = read(`+${text.replace(/^[\s(]*00/, '')}`, country);
    if (retry.ok) result = retry;
  }
  return result;
}

function read(text: string, country: PhoneCountry | undefined): NormalisePhoneResult {
  let lengthProblem: ReturnType<typeof validatePhoneNumberLength>;
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    lengthProblem = validatePhoneNumberLength(text, country);
    parsed = parsePhoneNumberFromString(text, country);
  } catch {
    return { ok: false, error: `"${text}" doesn't look like a phone number` };
  }
  const where = parsed?.country ?? country;
  const inCountry = where ? ` for ${countryName(where)}` : '';
  switch (lengthProblem) {
    case undefined:
      break;
    case 'NOT_A_NUMBER':
      return { ok: false, error: `"${text}" doesn't look like a phone number` };
    case 'INVALID_COUNTRY':
      return {
        ok: false,
        error: text.startsWith('+')
          ? `Unknown country code in "${text}"; check the digits after +`
          : 'Add the country code, starting with +, like +44 7700 900123',
      };
    case 'TOO_SHORT':
      return { ok: false, error: `Too short${inCountry}; a digit may be missing` };
    case 'TOO_LONG':
      return { ok: false, error: `Too long${inCountry}; there may be an extra digit` };
    case 'INVALID_LENGTH':
      return { ok: false, error: `Wrong number of digits${inCountry}` };
  }
  if (!parsed || !parsed.isPossible()) return { ok: false, error: `Wrong number of digits${inCountry}` };
  // With no format rule for its leading digits and length, libphonenumber gives the digits back bare.
  const shaped = parsed.isValid() || /[^\d+]/.test(parsed.format('NATIONAL'));
  if (!shaped) return { ok: false, error: `Not a complete number${inCountry}; check for a missing or extra digit` };
  return { ok: true, e164: parsed.number };
}

/**
 * The number as it is dialled inside its own country, digits only, trunk prefix included:
 * +447700900123 → "07700900123", +14155550134 → "4155550134", +33612345678 → "0612345678".
 * Null when the input is not E.164 or its country code is unknown.
 */
export function nationalDigits(e164: string): string | null {
  if (!/^\+[1-9]\d{5,14}$/.test(e164)) return null;
  try {
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed) return null;
    const digits = parsed.format('NATIONAL').replace(/\D/g, '');
    return digits === '' ? null : digits;
  } catch {
    return null;
  }
}

/**
 * A stored E.164 number written for people: "+44 7700 900123". Numbers from the business's
 * own country are shown as dialled there ("07700 900123"). Falls back to the raw string.
 */
export function formatPhone(e164: string, homeCountry?: string): string {
  try {
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed) return e164;
    // Compare calling codes, not countries: a reserved or new range may have no country.
    const home = homeCountry !== undefined && isSupportedCountry(homeCountry) ? getCountryCallingCode(homeCountry) : null;
    return parsed.countryCallingCode === home ? parsed.formatNational() : parsed.formatInternational();
  } catch {
    return e164;
  }
}

const EmailSchema = z.email().max(254);

/**
 * Trims and lower-cases an e-mail address. Local parts are case-sensitive on paper, but no
 * mail provider a small business meets treats them so, and "Jo@x.com" and "jo@x.com" must be
 * one customer.
 */
export function normaliseEmail(raw: string): NormaliseEmailResult {
  const email = raw.trim().toLowerCase();
  if (email === '') return { ok: false, error: 'Enter an e-mail address' };
  if (!email.includes('@')) return { ok: false, error: 'An e-mail address needs an @, like name@example.com' };
  if (email.length > 254) return { ok: false, error: 'That e-mail address is too long' };
  if (!EmailSchema.safeParse(email).success) {
    return { ok: false, error: `"${raw.trim()}" is not a valid e-mail address` };
  }
  return { ok: true, email };
}

/** "gb 123.456-789" → "GB123456789": tax ids are compared without the punctuation people add. */
export function normaliseTaxId(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-\u2010-\u2015]/g, '');
}
