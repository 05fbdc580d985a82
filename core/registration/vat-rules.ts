/**
 * The VAT id of every EU member state, the UK's and Northern Ireland's: the two-letter
 * prefix, the format of what follows it (as VIES describes it), and the check digits where
 * we have them (vat-check-digits.ts). Greece's prefix is EL, not its country code GR;
 * Northern Ireland's XI numbers are UK numbers under another prefix.
 *
 * Each `example` passes its own rule (a test holds us to that); they are made-up numbers
 * with computed check digits, for messages, not anyone's real VAT id.
 */
import type { RuleStrength } from './result';
import {
  atVat,
  beVat,
  deVat,
  fiVat,
  frVat,
  gbVat,
  hrVat,
  ieVat,
  itVat,
  luVat,
  nlVat,
  plVat,
  ptVat,
  seVat,
  type CheckOutcome,
} from './vat-check-digits';

export type VatRule = {
  prefix: string;
  /** ISO 3166-1 code of the country whose businesses hold it. */
  country: string;
  /** Key into places.ts for the words in messages: the country code, or XI. */
  place: string;
  /** The strongest check any form of the number gets. */
  rule: Exclude<RuleStrength, 'none'>;
  /** What follows the prefix, compacted. */
  format: RegExp;
  /** The format in words, to follow "… is DE followed by". */
  shape: string;
  example: string;
  /** What is verified, for a UI to show. */
  checks: string;
  check?: (body: string) => CheckOutcome;
  /** Rewrites an older form people still type into today's (Belgium's 9-digit numbers). */
  tidy?: (body: string) => string;
};

const UK_FORMAT = /^(\d{9}|\d{12}|GD[0-4]\d\d|HA[5-9]\d\d)$/;
const UK_SHAPE = '9 digits (12 for a branch), or GD or HA and 3 digits';
const UK_CHECKS = 'mod 97 check digits (both the original and the 2009 "9755" rule); GD and HA numbers by format';

const formatOnly = (prefix: string, country: string, format: RegExp, shape: string, example: string): VatRule => ({
  prefix,
  country,
  place: country,
  rule: 'format',
  format,
  shape,
  example,
  checks: 'format only',
});

export const VAT_RULES: readonly VatRule[] = [
  {
    prefix: 'AT', country: 'AT', place: 'AT', rule: 'check_digit',
    format: /^U\d{8}$/, shape: 'U and 8 digits', example: 'ATU12345675',
    checks: 'check digit (Luhn variant)', check: atVat,
  },
  {
    prefix: 'BE', country: 'BE', place: 'BE', rule: 'check_digit',
    format: /^[01]\d{9}$/, shape: '10 digits starting with 0 or 1', example: 'BE0123456749',
    checks: 'mod 97 check digits', check: beVat,
    // Enterprise numbers had 9 digits until 2005; the leading 0 was added to all of them.
    tidy: (body) => (/^\d{9}$/.test(body) ? `0${body}` : body),
  },
  formatOnly('BG', 'BG', /^\d{9,10}$/, '9 or 10 digits', 'BG123456789'),
  formatOnly('CY', 'CY', /^\d{8}[A-Z]$/, '8 digits and a letter', 'CY12345678X'),
  formatOnly('CZ', 'CZ', /^\d{8,10}$/, '8, 9 or 10 digits', 'CZ12345678'),
  {
    prefix: 'DE', country: 'DE', place: 'DE', rule: 'check_digit',
    format: /^[1-9]\d{8}$/, shape: '9 digits', example: 'DE123456788',
    checks: 'ISO 7064 MOD 11,10 check digit', check: deVat,
  },
  formatOnly('DK', 'DK', /^\d{8}$/, '8 digits', 'DK12345678'),
  formatOnly('EE', 'EE', /^\d{9}$/, '9 digits', 'EE123456789'),
  formatOnly('EL', 'GR', /^\d{9}$/, '9 digits', 'EL123456789'),
  formatOnly('ES', 'ES', /^([A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/, 'a letter, 7 digits and a letter or digit (or 8 digits and a letter)', 'ESA12345678'),
  {
    prefix: 'FI', country: 'FI', place: 'FI', rule: 'check_digit',
    format: /^\d{8}$/, shape: '8 digits', example: 'FI12345671',
    checks: 'mod 11 check digit', check: fiVat,
  },
  {
    prefix: 'FR', country: 'FR', place: 'FR', rule: 'check_digit',
    format: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, shape: 'a 2-character key and the 9-digit SIREN', example: 'FR11123456782',
    checks: 'SIREN check digit (Luhn), and the key when it is numeric', check: frVat,
  },
  {
    prefix: 'GB', country: 'GB', place: 'GB', rule: 'check_digit',
    format: UK_FORMAT, shape: UK_SHAPE, example: 'GB123456782', checks: UK_CHECKS, check: gbVat,
  },
  {
    prefix: 'HR', country: 'HR', place: 'HR', rule: 'check_digit',
    format: /^\d{11}$/, shape: '11 digits', example: 'HR12345678903',
    checks: 'ISO 7064 MOD 11,10 check digit', check: hrVat,
  },
  formatOnly('HU', 'HU', /^\d{8}$/, '8 digits', 'HU12345678'),
  {
    prefix: 'IE', country: 'IE', place: 'IE', rule: 'check_digit',
    format: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, shape: '7 digits and one or two letters', example: 'IE1234567T',
    checks: 'mod 23 check letter, including the 9th character of newer numbers', check: ieVat,
  },
  {
    prefix: 'IT', country: 'IT', place: 'IT', rule: 'check_digit',
    format: /^\d{11}$/, shape: '11 digits', example: 'IT12345678903',
    checks: 'check digit (Luhn)', check: itVat,
  },
  formatOnly('LT', 'LT', /^(\d{9}|\d{12})$/, '9 or 12 digits', 'LT123456789'),
  {
    prefix: 'LU', country: 'LU', place: 'LU', rule: 'check_digit',
    format: /^\d{8}$/, shape: '8 digits', example: 'LU12345613',
    checks: 'mod 89 check digits', check: luVat,
  },
  formatOnly('LV', 'LV', /^\d{11}$/, '11 digits', 'LV12345678901'),
  formatOnly('MT', 'MT', /^\d{8}$/, '8 digits', 'MT12345678'),
  {
    prefix: 'NL', country: 'NL', place: 'NL', rule: 'check_digit',
    format: /^\d{9}B\d{2}$/, shape: '9 digits, B and 2 digits', example: 'NL123456782B01',
    checks: 'mod 11 check digit, or the mod 97 check of sole traders’ ids issued since 2020', check: nlVat,
  },
  {
    prefix: 'PL', country: 'PL', place: 'PL', rule: 'check_digit',
    format: /^\d{10}$/, shape: '10 digits', example: 'PL1234567883',
    checks: 'mod 11 check digit', check: plVat,
  },
  {
    prefix: 'PT', country: 'PT', place: 'PT', rule: 'check_digit',
    format: /^\d{9}$/, shape: '9 digits', example: 'PT123456789',
    checks: 'mod 11 check digit', check: ptVat,
  },
  formatOnly('RO', 'RO', /^[1-9]\d{1,9}$/, '2 to 10 digits', 'RO1234567'),
  {
    prefix: 'SE', country: 'SE', place: 'SE', rule: 'check_digit',
    format: /^\d{10}01$/, shape: '12 digits ending in 01', example: 'SE123456789701',
    checks: 'check digit of the organisation number (Luhn)', check: seVat,
  },
  formatOnly('SI', 'SI', /^[1-9]\d{7}$/, '8 digits', 'SI12345678'),
  formatOnly('SK', 'SK', /^[1-9]\d{9}$/, '10 digits', 'SK1234567890'),
  {
    prefix: 'XI', country: 'GB', place: 'XI', rule: 'check_digit',
    format: UK_FORMAT, shape: UK_SHAPE, example: 'XI123456782', checks: UK_CHECKS, check: gbVat,
  },
];

const BY_PREFIX = new Map(VAT_RULES.map((r) => [r.prefix, r]));

export function vatRuleFor(prefix: string): VatRule | undefined {
  return BY_PREFIX.get(prefix);
}
