/**
 * checkRegistrationNumber: the number a business is registered under in its country's
 * company register (or, in the US, its EIN), read the ways people type it and checked
 * against the country's rule. Countries not listed get the loose rule in result.ts.
 */
import { abnValid, acnValid, einPrefixAssigned, sirenValid, siretValid } from './company-check-digits';
import { compactId, failed, looseCheck, passed, type RegistrationResult, type RuleStrength } from './result';
import { beVat, fiVat, seVat } from './vat-check-digits';

export type CompanyNumberRule = {
  country: string;
  /** What the number is called, for labels: "Companies House number". */
  name: string;
  /** The strongest check any form of the number gets. */
  rule: Exclude<RuleStrength, 'none'>;
  /** What is verified, for a UI to show. */
  checks: string;
  example: string;
  read: (compact: string) => RegistrationResult;
};

const typo = (name: string) => `This ${name}'s check digit does not match: check for a typing mistake`;

/**
 * UK: 8 characters, digits or a 2-letter prefix for the register (SC Scotland, NI Northern
 * Ireland, OC LLPs, LP limited partnerships…) and 6 digits; very old Northern Ireland
 * companies have R and 7 digits. Older companies often write their number without the
 * leading zeros ("445790"), so shorter ones are padded. No check digit. Any two letters
 * are accepted: Companies House adds prefixes for new registers now and then.
 */
function gbCompany(c: string): RegistrationResult {
  if (/^\d{1,8}$/.test(c) && /[1-9]/.test(c)) return passed(c.padStart(8, '0'), 'format');
  const prefixed = /^([A-Z]{2})(\d{1,6})$/.exec(c);
  if (prefixed?.[1] !== undefined && prefixed[2] !== undefined) {
    return passed(`${prefixed[1]}${prefixed[2].padStart(6, '0')}`, 'format');
  }
  if (/^R\d{7}$/.test(c)) return passed(c, 'format');
  return failed(
    'A Companies House number has 8 characters: 8 digits like 01234567, or 2 letters and 6 digits like SC123456',
  );
}

/** Ireland: the CRO number, up to 7 digits (about 750 000 companies so far); leading zeros dropped. */
function ieCompany(c: string): RegistrationResult {
  if (/^\d{1,7}$/.test(c) && /[1-9]/.test(c)) return passed(c.replace(/^0+/, ''), 'format');
  return failed('An Irish CRO number has only digits, up to 7 of them, like 123456');
}

/**
 * Germany: the register section and its number, e.g. "HRB 12345" or "HRB 12345 B" (some
 * courts add a letter). Sections: HRA (partnerships), HRB (companies), GnR (cooperatives),
 * PR (partnerships of professionals), VR (associations), GsR (civil-law partnerships, since
 * 2024). The number is unique only with its court, which is not part of what we check.
 */
function deCompany(c: string): RegistrationResult {
  if (/^(HRA|HRB|GNR|PR|VR|GSR)[1-9]\d{0,5}[A-Z]{0,2}$/.test(c)) return passed(c, 'format');
  return failed(
    'A Handelsregister number is the register (HRA, HRB, GnR, PR, VR or GsR) and its number, like HRB 12345, without the court',
  );
}

/** The Netherlands: the KvK number, 8 digits. No check digit. */
function nlCompany(c: string): RegistrationResult {
  if (/^\d{8}$/.test(c)) return passed(c, 'format');
  return failed('A Dutch KvK number has 8 digits, like 12345678');
}

/** France: the SIREN (9 digits) or an establishment's SIRET (14), both Luhn-checked. */
function frCompany(c: string): RegistrationResult {
  if (/^\d{9}$/.test(c)) return sirenValid(c) ? passed(c, 'check_digit') : failed(typo('SIREN'));
  if (/^\d{14}$/.test(c)) return siretValid(c) ? passed(c, 'check_digit') : failed(typo('SIRET'));
  return failed('A French SIREN has 9 digits and a SIRET 14, like 123 456 782 or 123 456 782 00010');
}

/** US: the EIN, 9 digits, from a prefix the IRS assigns. */
function usCompany(c: string): RegistrationResult {
  if (!/^\d{9}$/.test(c)) return failed('A US EIN has 9 digits, like 12-3456789');
  if (!einPrefixAssigned(c)) {
    return failed(`No EIN starts with ${c.slice(0, 2)}: the IRS does not issue that prefix. Check the first two digits`);
  }
  return passed(c, 'format');
}

/** Australia: the ABN (11 digits) or the company's ACN (9), both with check digits. */
function auCompany(c: string): RegistrationResult {
  if (/^\d{11}$/.test(c)) {
    return abnValid(c) ? passed(c, 'check_digit') : failed("This ABN's check digits do not match: check for a typing mistake");
  }
  if (/^\d{9}$/.test(c)) return acnValid(c) ? passed(c, 'check_digit') : failed(typo('ACN'));
  return failed('An Australian ABN has 11 digits, like 51 824 753 556, and an ACN 9, like 004 085 616');
}

/**
 * Belgium: the enterprise number (KBO/BCE), which is also the VAT number: 10 digits, 9 in
 * numbers from before 2005 (now with a leading 0), the last two mod 97 check digits.
 */
function beCompany(c: string): RegistrationResult {
  const n = /^\d{9}$/.test(c) ? `0${c}` : c;
  if (!/^[01]\d{9}$/.test(n)) return failed('A Belgian enterprise number has 10 digits, like 0123.456.749');
  return beVat(n) === 'pass' ? passed(n, 'check_digit') : failed(typo('enterprise number'));
}

/** Finland: the business id (Y-tunnus), 7 digits and a check digit, written 1234567-1. */
function fiCompany(c: string): RegistrationResult {
  if (!/^\d{8}$/.test(c)) return failed('A Finnish business ID has 8 digits, like 1234567-1');
  return fiVat(c) === 'pass' ? passed(c, 'check_digit') : failed(typo('business ID'));
}

/** Sweden: the organisation number, 10 digits, the last a Luhn check digit. */
function seCompany(c: string): RegistrationResult {
  if (!/^\d{10}$/.test(c)) return failed('A Swedish organisation number has 10 digits, like 123456-7897');
  return seVat(`${c}01`) === 'pass' ? passed(c, 'check_digit') : failed(typo('organisation number'));
}

export const COMPANY_NUMBER_RULES: readonly CompanyNumberRule[] = [
  { country: 'AU', name: 'ABN or ACN', rule: 'check_digit', checks: 'ABN mod 89 and ACN check digits', example: '51 824 753 556', read: auCompany },
  { country: 'BE', name: 'enterprise number', rule: 'check_digit', checks: 'mod 97 check digits', example: '0123.456.749', read: beCompany },
  { country: 'DE', name: 'Handelsregister number', rule: 'format', checks: 'register section and number; not the court', example: 'HRB 12345', read: deCompany },
  { country: 'FI', name: 'business ID (Y-tunnus)', rule: 'check_digit', checks: 'mod 11 check digit', example: '1234567-1', read: fiCompany },
  { country: 'FR', name: 'SIREN or SIRET', rule: 'check_digit', checks: 'check digit (Luhn)', example: '123 456 782', read: frCompany },
  { country: 'GB', name: 'Companies House number', rule: 'format', checks: 'format only', example: '01234567', read: gbCompany },
  { country: 'IE', name: 'CRO number', rule: 'format', checks: 'format only', example: '123456', read: ieCompany },
  { country: 'NL', name: 'KvK number', rule: 'format', checks: 'format only', example: '12345678', read: nlCompany },
  { country: 'SE', name: 'organisation number', rule: 'check_digit', checks: 'check digit (Luhn)', example: '123456-7897', read: seCompany },
  { country: 'US', name: 'EIN', rule: 'format', checks: 'format and the prefixes the IRS issues', example: '12-3456789', read: usCompany },
];

const BY_COUNTRY = new Map(COMPANY_NUMBER_RULES.map((r) => [r.country, r]));

/**
 * Checks a company registration number of a business in `country` (ISO 3166-1 code). For
 * countries without a rule here, any 3–30 letters and digits pass with rule 'none'.
 */
export function checkRegistrationNumber(country: string, raw: string): RegistrationResult {
  const compact = compactId(raw);
  if (compact === '') return failed('Enter the registration number');
  const rule = BY_COUNTRY.get(country.trim().toUpperCase());
  return rule ? rule.read(compact) : looseCheck(compact, 'registration number');
}
