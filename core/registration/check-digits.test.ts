import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  iso7064Mod11_10CheckDigit,
  iso7064Mod11_10Valid,
  iso7064Mod97Valid,
  luhnSum,
  luhnValid,
  modOfDigits,
  weightedSum,
} from './check-digits';

const digitString = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

/** `s` with the digit at `i` replaced by a different one. */
function altered(s: string, i: number, by: number): string {
  const d = (Number(s.charAt(i)) + by) % 10;
  return `${s.slice(0, i)}${d}${s.slice(i + 1)}`;
}

describe('luhn', () => {
  it('accepts published Luhn-valid numbers and refuses a changed digit', () => {
    // The Wikipedia worked example ("7992739871" + check digit 3) and a Visa test card.
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('79927398714')).toBe(false);
    expect(luhnSum('79927398710')).toBe(67); // Wikipedia's sum, with a 0 where the check digit goes
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(digitString(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, pos, by) => {
        const check = (10 - (luhnSum(`${body}0`) % 10)) % 10;
        const full = `${body}${check}`;
        expect(luhnValid(full)).toBe(true);
        expect(luhnValid(altered(full, pos % full.length, by))).toBe(false);
      }),
    );
  });
});

describe('modOfDigits', () => {
  it('agrees with BigInt arithmetic on long numbers', () => {
    fc.assert(
      fc.property(digitString(1, 40), fc.integer({ min: 2, max: 1000 }), (digits, m) => {
        expect(modOfDigits(digits, m)).toBe(Number(BigInt(digits) % BigInt(m)));
      }),
    );
  });
});

describe('weightedSum', () => {
  it('pairs digits and weights from the left', () => {
    expect(weightedSum('123', [3, 2, 1])).toBe(3 + 4 + 3);
    expect(weightedSum('12', [3, 2, 1])).toBe(3 + 4);
    expect(weightedSum('1234', [1])).toBe(1);
  });
});

describe('ISO 7064 MOD 11,10', () => {
  it('gives the published check digits', () => {
    // DE136695976 is python-stdnum's and many validators' example German VAT id;
    // HR33392005961 is the example OIB in the same sources.
    expect(iso7064Mod11_10CheckDigit('13669597')).toBe(6);
    expect(iso7064Mod11_10Valid('33392005961')).toBe(true);
    expect(iso7064Mod11_10Valid('33392005962')).toBe(false);
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(digitString(1, 15), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, pos, by) => {
        const full = `${body}${iso7064Mod11_10CheckDigit(body)}`;
        expect(iso7064Mod11_10Valid(full)).toBe(true);
        expect(iso7064Mod11_10Valid(altered(full, pos % full.length, by))).toBe(false);
      }),
    );
  });
});

describe('ISO 7064 MOD 97-10', () => {
  it('is the IBAN check once the country and check digits move to the end', () => {
    // GB82 WEST 1234 5698 7654 32: the example IBAN in ISO 13616 and the ECBS guide.
    expect(iso7064Mod97Valid('WEST12345698765432GB82')).toBe(true);
    expect(iso7064Mod97Valid('WEST12345698765433GB82')).toBe(false);
  });
});
