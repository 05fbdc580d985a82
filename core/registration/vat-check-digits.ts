/**
 * Check digits of national VAT ids. Each function takes the number without its country
 * prefix, already matched against that country's format in vat-ids.ts, and says whether the
 * check digits agree — or `unchecked` for a form of the number that has none we know.
 *
 * The algorithms follow the EU's published VIES validation routines and the national tax
 * administrations' descriptions; where those leave a doubt the comment says which way we
 * lean. We lean towards accepting: a refused real number blocks a sign-up, while a typing
 * slip that slips through is caught later by the VIES or HMRC look-up.
 */
import {
  iso7064Mod11_10Valid,
  iso7064Mod97Valid,
  luhnSum,
  luhnValid,
  modOfDigits,
  weightedSum,
} from './check-digits';
import { sirenValid } from './company-check-digits';

export type CheckOutcome = 'pass' | 'fail' | 'unchecked';

const outcome = (ok: boolean): CheckOutcome => (ok ? 'pass' : 'fail');

/**
 * UK (and XI): 9 digits, or 12 for a branch (the last 3 name the branch and are not
 * checked). Σ of the first 7 digits × 8…2, plus the last two as a number, must be 0 mod 97
 * (the original rule) or, for numbers issued since the 2009 restart at 100 0000 00, the
 * "9755" rule: 55 added before the mod. Descriptions of that rule differ on whether 55 is
 * added or taken off; real numbers (e.g. 340 8043 29) show "added" (remainder 42), and we
 * accept both readings, as python-stdnum does, rather than refuse a real number.
 * GD (government departments) and HA (health authorities) numbers have no check digits.
 */
export function gbVat(body: string): CheckOutcome {
  if (body.startsWith('GD') || body.startsWith('HA')) return 'unchecked';
  const nine = body.slice(0, 9);
  const r = (weightedSum(nine, [8, 7, 6, 5, 4, 3, 2]) + Number(nine.slice(7))) % 97;
  if (r === 0) return 'pass';
  return outcome(Number(nine.slice(0, 3)) >= 100 && (r === 42 || r === 55));
}

const IE_LETTERS = 'WABCDEFGHIJKLMNOPQRSTUV';

/**
 * Ireland: 7 digits × 8…2, plus — in the 9-character numbers issued since 2013 — the value
 * of the 9th character × 9 (W = 0, A = 1 … I = 9); the remainder mod 23 picks the 8th
 * character from W, A, B … V. Old numbers ("8Z49289F") carry a letter, + or * second; they
 * are checked as the digits moved: 0, then characters 3–7, then the first digit.
 */
export function ieVat(body: string): CheckOutcome {
  const digits = /^\d{7}/.test(body) ? body.slice(0, 7) : `0${body.slice(2, 7)}${body.charAt(0)}`;
  const ninth = body.charAt(8);
  const sum = weightedSum(digits, [8, 7, 6, 5, 4, 3, 2]) + (ninth === '' ? 0 : 9 * IE_LETTERS.indexOf(ninth));
  return outcome(IE_LETTERS.charAt(sum % 23) === body.charAt(7));
}

/** Germany: 9 digits, the last an ISO 7064 MOD 11,10 check digit. */
export function deVat(body: string): CheckOutcome {
  return outcome(iso7064Mod11_10Valid(body));
}

/**
 * France: a 2-character key, then the company's SIREN (Luhn). A numeric key must be
 * (12 + 3 × (SIREN mod 97)) mod 97. Keys with letters (issued since 2009) use an algorithm
 * the tax office does not publish, so only their SIREN is checked. SIRENs starting 000 are
 * Monaco companies, registered for French VAT without a French SIREN: no Luhn there.
 */
export function frVat(body: string): CheckOutcome {
  const key = body.slice(0, 2);
  const siren = body.slice(2);
  const monaco = siren.startsWith('000');
  if (!monaco && !sirenValid(siren)) return 'fail';
  if (!/^\d\d$/.test(key)) return monaco ? 'unchecked' : 'pass';
  return outcome(Number(key) === (12 + 3 * modOfDigits(siren, 97)) % 97);
}

/**
 * The Netherlands: 9 digits, B, 2 digits. Ids derived from a company's RSIN pass the
 * "elfproef" (Σ of the first 8 digits × 9…2 ≡ the 9th, mod 11); the ids given to sole
 * traders since 2020 instead pass ISO 7064 MOD 97-10 over "NL" and the whole number.
 * Either will do.
 */
export function nlVat(body: string): CheckOutcome {
  const elf = weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === Number(body.charAt(8));
  return outcome(elf || iso7064Mod97Valid(`NL${body}`));
}

/** Belgium: 10 digits; the last two are 97 − (the first eight mod 97). */
export function beVat(body: string): CheckOutcome {
  return outcome((modOfDigits(body.slice(0, 8), 97) + Number(body.slice(8))) % 97 === 0);
}

/** Italy: the partita IVA's 11 digits pass Luhn. */
export function itVat(body: string): CheckOutcome {
  return outcome(luhnValid(body));
}

/** Austria: U and 8 digits; the last is (6 − the Luhn sum of the 7 before it) mod 10. */
export function atVat(body: string): CheckOutcome {
  const check = (((6 - luhnSum(body.slice(1, 8))) % 10) + 10) % 10;
  return outcome(check === Number(body.charAt(8)));
}

/** Croatia: the OIB's 11 digits, the last an ISO 7064 MOD 11,10 check digit. */
export function hrVat(body: string): CheckOutcome {
  return outcome(iso7064Mod11_10Valid(body));
}

/** Poland: the NIP; Σ of the first 9 digits × 6, 5, 7, 2, 3, 4, 5, 6, 7, mod 11, is the 10th. */
export function plVat(body: string): CheckOutcome {
  return outcome(weightedSum(body, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === Number(body.charAt(9)));
}

/** Portugal: the NIF; 11 − (Σ of the first 8 digits × 9…2 mod 11), with 10 and 11 read as 0. */
export function ptVat(body: string): CheckOutcome {
  const check = ((11 - (weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 11) % 10;
  return outcome(check === Number(body.charAt(8)));
}

/** Finland: the Y-tunnus; Σ of all 8 digits × 7, 9, 10, 5, 8, 4, 2, 1 is 0 mod 11. */
export function fiVat(body: string): CheckOutcome {
  return outcome(weightedSum(body, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0);
}

/** Luxembourg: the first 6 digits mod 89 are the last 2. */
export function luVat(body: string): CheckOutcome {
  return outcome(modOfDigits(body.slice(0, 6), 89) === Number(body.slice(6)));
}

/** Sweden: the 10-digit organisation or personal number (Luhn), then 01. */
export function seVat(body: string): CheckOutcome {
  return outcome(luhnValid(body.slice(0, 10)));
}
