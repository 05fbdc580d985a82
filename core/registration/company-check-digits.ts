/**
 * Check digits and assigned ranges of company numbers (French SIREN/SIRET, Australian
 * ABN/ACN, US EIN prefixes). Each function takes a string of digits of the right length.
 */
import { luhnValid, weightedSum } from './check-digits';

/** France: the SIREN's 9 digits pass Luhn. */
export function sirenValid(siren: string): boolean {
  return luhnValid(siren);
}

/**
 * France: a SIRET is the SIREN and a 5-digit establishment number; all 14 digits pass Luhn.
 * La Poste's establishments (SIREN 356 000 000, more than Luhn's 10 000 numbers can hold
 * per SIREN) instead have a digit sum divisible by 5; its head office follows Luhn.
 */
export function siretValid(siret: string): boolean {
  if (!sirenValid(siret.slice(0, 9))) return false;
  if (siret.startsWith('356000000') && siret !== '35600000000048') {
    return [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  return luhnValid(siret);
}

/**
 * Australia: the ABN, as the ATO publishes it: take 1 from the first digit, weight the 11
 * digits 10, 1, 3, 5 … 19, and the sum must be divisible by 89.
 */
export function abnValid(abn: string): boolean {
  const first = Number(abn.charAt(0)) - 1;
  if (first < 0) return false;
  return (first * 10 + weightedSum(abn.slice(1), [1, 3, 5, 7, 9, 11, 13, 15, 17, 19])) % 89 === 0;
}

/**
 * Australia: the ACN, as ASIC publishes it: weight the first 8 digits 8…1; the 9th is
 * 10 − (the sum mod 10), with 10 read as 0.
 */
export function acnValid(acn: string): boolean {
  const check = (10 - (weightedSum(acn, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10;
  return check === Number(acn.charAt(8));
}

/**
 * US: the two-digit prefixes the IRS assigns EINs from (its "How EINs are assigned and
 * valid EIN prefixes" page): by campus, for internet applications and for the SBA. An EIN
 * with any other prefix (00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97) has not
 * been issued. The EIN has no check digit.
 */
const EIN_PREFIX_RANGES: readonly (readonly [number, number])[] = [
  [1, 6],
  [10, 16],
  [20, 27],
  [30, 48],
  [50, 68],
  [71, 77],
  [80, 88],
  [90, 95],
  [98, 99],
];

export function einPrefixAssigned(ein: string): boolean {
  const prefix = Number(ein.slice(0, 2));
  return EIN_PREFIX_RANGES.some(([from, to]) => prefix >= from && prefix <= to);
}
