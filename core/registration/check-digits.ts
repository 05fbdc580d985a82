/**
 * The generic check-digit algorithms national numbers are built on. Every function takes a
 * string of ASCII digits whose format the caller has already checked; none of them parses a
 * whole number into a JS number, so long numbers lose no precision.
 */

function digitAt(digits: string, i: number): number {
  return digits.charCodeAt(i) - 48;
}

/** Σ digit × weight, pairing digits and weights from the left; extra digits are ignored. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((w, i) => {
    if (i < digits.length) sum += digitAt(digits, i) * w;
  });
  return sum;
}

/**
 * The Luhn sum: from the right, every second digit is doubled (and 9 taken off when that
 * makes two digits). The rightmost digit is not doubled, so for a number that ends in its
 * check digit a multiple of 10 means valid.
 */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const d = digitAt(digits, i);
    sum += double ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return sum;
}

export function luhnValid(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** The remainder of a decimal string of any length divided by `m`, read a digit at a time. */
export function modOfDigits(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + digitAt(digits, i)) % m;
  return r;
}

/**
 * ISO 7064 MOD 97-10, the IBAN check: letters count as two digits (A = 10 … Z = 35) and the
 * whole number is valid when its remainder mod 97 is 1.
 */
export function iso7064Mod97Valid(alphanumeric: string): boolean {
  const digits = alphanumeric.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return modOfDigits(digits, 97) === 1;
}

/**
 * ISO 7064 MOD 11,10 (the hybrid system German VAT ids and Croatian OIBs use): the check
 * digit for `digits`, which do not include it.
 */
export function iso7064Mod11_10CheckDigit(digits: string): number {
  let product = 10;
  for (let i = 0; i < digits.length; i++) {
    const sum = (digitAt(digits, i) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/** True when the last digit of `digits` is its ISO 7064 MOD 11,10 check digit. */
export function iso7064Mod11_10Valid(digits: string): boolean {
  return iso7064Mod11_10CheckDigit(digits.slice(0, -1)) === digitAt(digits, digits.length - 1);
}
