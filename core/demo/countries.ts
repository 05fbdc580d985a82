import type { Rng } from './random';
import { AMERICAN, BRITISH, DIVERSE, FRENCH, GERMAN, IRISH } from './names';
import type { DemoCountry, NamePool } from './names';

/**
 * How customers of one country look in the sample book: their names, phone numbers, postcodes,
 * VAT ids and company suffixes. Phone numbers are drawn only from ranges libphonenumber's full
 * metadata accepts as *valid* (checked in generate.test.ts), steering clear of the ranges
 * reserved for drama (07700 900xxx, 01632 960xxx) and of blocks the tables mark unallocated,
 * so the sample looks like a real book to every part of the app. VAT ids carry correct check
 * digits where the scheme is public and simple (GB, IE, FR).
 */

export type CountryProfile = {
  code: DemoCountry;
  language: 'en' | 'de' | 'fr';
  pools: readonly (readonly [NamePool, number])[];
  /** Street address written "12 High Street" (true) or "Hauptstraße 12" (false). */
  numberFirst: boolean;
  mobile(rng: Rng): string;
  landline(rng: Rng): string;
  postcode(rng: Rng, prefix: string): string;
  vatId(rng: Rng): string;
  legalSuffixes: readonly string[];
};

const GB_POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const EIRCODE_CHARS = 'ACDEFHKNPRTVWXY0123456789';

function letters(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return out;
}

function digitsOf(s: string): number[] {
  return [...s].map(Number);
}

// [national prefix after the 0, digits still to draw]: London 020 3/7/8, Leeds, Birmingham,
// Edinburgh, Glasgow, Manchester, Bristol, Cardiff, Oxford, Cambridge, Aberdeen, Belfast.
const GB_LANDLINES: readonly (readonly [string, number])[] = [
  ['203', 7], ['207', 7], ['208', 7], ['1132', 6], ['1133', 6], ['1212', 6], ['1214', 6], ['1312', 6],
  ['1313', 6], ['1412', 6], ['1413', 6], ['1612', 6], ['1614', 6], ['1179', 6], ['2920', 6], ['18652', 5],
  ['12233', 5], ['12242', 5], ['28903', 5],
];

/** UK VAT: 9 digits, the last two making the weighted sum (weights 8…2) a multiple of 97. */
function gbVat(rng: Rng): string {
  const body = String(rng.int(1, 9)) + rng.digits(6);
  const sum = digitsOf(body).reduce((acc, d, i) => acc + d * (8 - i), 0);
  const check = (97 - (sum % 97)) % 97;
  return `GB${body}${String(check).padStart(2, '0')}`;
}

/** Irish VAT: 7 digits and a check letter (weights 8…2, mod 23). */
function ieVat(rng: Rng): string {
  const body = rng.digits(7);
  const sum = digitsOf(body).reduce((acc, d, i) => acc + d * (8 - i), 0);
  return `IE${body}${'WABCDEFGHIJKLMNOPQRSTUV'.charAt(sum % 23)}`;
}

/** French VAT: FR, a two-digit key computed from the 9-digit SIREN, then the SIREN. */
function frVat(rng: Rng): string {
  const siren = String(rng.int(1, 9)) + rng.digits(8);
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

function usNumber(rng: Rng): string {
  // Exchange 555 is mostly fictional; the first digit of an exchange is never 0 or 1.
  let exchange = `${rng.int(2, 9)}${rng.digits(2)}`;
  if (exchange === '555') exchange = '556';
  return `+1${rng.pick(['212', '312', '415', '617', '303', '206', '512', '404'])}${exchange}${rng.digits(4)}`;
}

const GB: CountryProfile = {
  code: 'GB',
  language: 'en',
  pools: [
    [BRITISH, 78],
    [DIVERSE, 14],
    [IRISH, 8],
  ],
  numberFirst: true,
  mobile(rng) {
    // 07[1-5,7-9]x…; 076 is pagers, 07700 and 07911 hold unallocated or reserved blocks.
    let block = rng.pick(['1', '2', '3', '4', '5', '7', '8', '9']) + rng.digits(2);
    if (block === '700' || block === '911') block = '794';
    return `+447${block}${rng.digits(6)}`;
  },
  landline(rng) {
    const [prefix, rest] = rng.pick(GB_LANDLINES);
    return `+44${prefix}${rng.digits(rest)}`;
  },
  postcode(rng, area) {
    return `${area}${rng.int(1, 20)} ${rng.int(0, 9)}${letters(rng, GB_POSTCODE_LETTERS, 2)}`;
  },
  vatId: gbVat,
  legalSuffixes: ['Ltd', 'Ltd', 'Limited', 'LLP', ''],
};

const IE: CountryProfile = {
  code: 'IE',
  language: 'en',
  pools: [
    [IRISH, 75],
    [BRITISH, 12],
    [DIVERSE, 13],
  ],
  numberFirst: true,
  mobile: (rng) => `+3538${rng.pick(['3', '5', '6', '7', '9'])}${rng.digits(7)}`,
  landline: (rng) => `+3531${rng.digits(7)}`,
  postcode: (rng, key) => `${key} ${letters(rng, EIRCODE_CHARS, 4)}`,
  vatId: ieVat,
  legalSuffixes: ['Ltd', 'Ltd', 'Teoranta', 'DAC', ''],
};

const DE: CountryProfile = {
  code: 'DE',
  language: 'de',
  pools: [
    [GERMAN, 85],
    [DIVERSE, 15],
  ],
  numberFirst: false,
  mobile: (rng) =>
    `+49${rng.pick(['151', '152', '157', '159', '160', '162', '170', '171', '172', '173', '175', '176', '177', '178', '179'])}${rng.digits(8)}`,
  landline: (rng) => `+49${rng.pick(['30', '40', '89', '221', '69'])}${rng.digits(7)}`,
  postcode: (rng, prefix) => `${prefix}${rng.digits(3)}`,
  // German VAT ids use an ISO 7064 check digit; the demo does not need it to be right.
  vatId: (rng) => `DE${rng.int(1, 9)}${rng.digits(8)}`,
  legalSuffixes: ['GmbH', 'GmbH', 'GmbH & Co. KG', 'e.K.', 'UG'],
};

const FR: CountryProfile = {
  code: 'FR',
  language: 'fr',
  pools: [
    [FRENCH, 82],
    [DIVERSE, 18],
  ],
  numberFirst: true,
  // 06 blocks 639 and 69x are not mobile ranges, so the second and third digits stop at 8.
  mobile: (rng) => `+336${rng.int(0, 8)}${rng.int(0, 8)}${rng.digits(6)}`,
  landline: (rng) =>
    `+33${rng.pick(['13', '14', '15', '16', '17', '18', '19', '20', '22', '23', '24', '29', '32', '35', '38', '44', '47', '49', '55', '56'])}${rng.digits(7)}`,
  postcode: (rng, dept) => `${dept}${rng.digits(3)}`,
  vatId: frVat,
  legalSuffixes: ['SARL', 'SAS', 'EURL', ''],
};

const US: CountryProfile = {
  code: 'US',
  language: 'en',
  pools: [[AMERICAN, 100]],
  numberFirst: true,
  // NANP numbers do not tell mobiles from landlines.
  mobile: usNumber,
  landline: usNumber,
  postcode: (rng, prefix) => `${prefix}${rng.digits(2)}`,
  // An EIN, as US businesses put on invoices.
  vatId: (rng) => `${rng.int(10, 99)}-${rng.digits(7)}`,
  legalSuffixes: ['LLC', 'Inc.', 'Co.', ''],
};

export const COUNTRY_PROFILES: readonly CountryProfile[] = [GB, IE, DE, FR, US];

/**
 * The profile for a business country. Countries without one get the British profile, so a
 * sample book can always be made; its addresses then say GB, which is honest about the data.
 */
export function countryProfile(country: string): CountryProfile {
  return COUNTRY_PROFILES.find((p) => p.code === country) ?? GB;
}
