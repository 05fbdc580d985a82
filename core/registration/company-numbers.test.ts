import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber } from './company-numbers';

function reg(country: string, raw: string): string {
  const r = checkRegistrationNumber(country, raw);
  return r.ok ? `${r.normalised} ${r.rule}` : `error: ${r.error}`;
}

describe('France: SIREN and SIRET (Luhn)', () => {
  it('accepts real numbers', () => {
    // python-stdnum's examples (fr/siren.py, fr/siret.py), all real companies.
    expect(reg('FR', '552 008 443')).toBe('552008443 check_digit');
    expect(reg('FR', '404833048')).toBe('404833048 check_digit');
    expect(reg('FR', '732 829 320 00074')).toBe('73282932000074 check_digit');
    // La Poste's head office follows Luhn; its other establishments do not (below).
    expect(reg('FR', '356 000 000 00048')).toBe('35600000000048 check_digit');
  });

  it('refuses a changed digit', () => {
    expect(reg('FR', '404833047')).toBe("error: This SIREN's check digit does not match: check for a typing mistake");
    expect(reg('FR', '552008453')).toMatch(/^error: This SIREN's check digit/);
    expect(reg('FR', '73282932000079')).toBe("error: This SIRET's check digit does not match: check for a typing mistake");
    // A SIRET whose own Luhn passes but whose SIREN part does not.
    expect(reg('FR', '73282933000073')).toMatch(/^error: This SIRET's check digit/);
  });

  it("checks La Poste's establishments by their digit sum", () => {
    // Derived, not real: 356000000 + establishment digits chosen so the digit sum (15) is a
    // multiple of 5 while Luhn fails, then the same with the last digit changed (sum 16).
    expect(reg('FR', '35600000000010')).toBe('35600000000010 check_digit');
    expect(reg('FR', '35600000000011')).toMatch(/^error: This SIRET's check digit/);
  });

  it('describes the two lengths', () => {
    expect(reg('FR', '12345678')).toBe(
      'error: A French SIREN has 9 digits and a SIRET 14, like 123 456 782 or 123 456 782 00010',
    );
  });
});

describe('Australia: ABN and ACN', () => {
  it('accepts real numbers', () => {
    // 51 824 753 556 is the ATO's own worked example; 43 002 724 334 and its ACN 002 724 334,
    // 004 085 616 and 000 000 019 come from python-stdnum's tests (ASIC's published examples).
    expect(reg('AU', '51 824 753 556')).toBe('51824753556 check_digit');
    expect(reg('AU', '43 002 724 334')).toBe('43002724334 check_digit');
    expect(reg('AU', '002 724 334')).toBe('002724334 check_digit');
    expect(reg('AU', '004 085 616')).toBe('004085616 check_digit');
    expect(reg('AU', '000 000 019')).toBe('000000019 check_digit');
  });

  it('refuses a changed digit', () => {
    expect(reg('AU', '51 824 753 557')).toBe("error: This ABN's check digits do not match: check for a typing mistake");
    expect(reg('AU', '43 002 725 334')).toMatch(/^error: This ABN's check digits/);
    expect(reg('AU', '004 085 617')).toBe("error: This ACN's check digit does not match: check for a typing mistake");
    expect(reg('AU', '002 724 324')).toMatch(/^error: This ACN's check digit/);
  });

  it('refuses an ABN starting with 0, which the first-digit rule cannot give', () => {
    expect(reg('AU', '01824753556')).toMatch(/^error: This ABN's check digits/);
  });

  it('describes both numbers', () => {
    expect(reg('AU', '1234')).toBe(
      'error: An Australian ABN has 11 digits, like 51 824 753 556, and an ACN 9, like 004 085 616',
    );
  });
});

describe('Belgium, Finland and Sweden: the VAT number without its prefix', () => {
  it('accepts real numbers and refuses a changed digit', () => {
    expect(reg('BE', '0428.759.497')).toBe('0428759497 check_digit');
    expect(reg('BE', '428759497')).toBe('0428759497 check_digit');
    expect(reg('BE', '0428.759.498')).toMatch(/^error: This enterprise number's check digit/);
    expect(reg('FI', '2077474-0')).toBe('20774740 check_digit');
    expect(reg('FI', '2077474-1')).toMatch(/^error: This business ID's check digit/);
    expect(reg('SE', '556058-1158')).toBe('5560581158 check_digit');
    expect(reg('SE', '556058-1159')).toMatch(/^error: This organisation number's check digit/);
  });
});

describe('US: EIN', () => {
  it('accepts 9 digits with an IRS prefix', () => {
    expect(reg('US', '12-3456789')).toBe('123456789 format');
    expect(reg('us', '98 7654321')).toBe('987654321 format');
  });

  it.each(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])(
    'refuses the unissued prefix %s',
    (prefix) => {
      expect(reg('US', `${prefix}-1234567`)).toBe(
        `error: No EIN starts with ${prefix}: the IRS does not issue that prefix. Check the first two digits`,
      );
    },
  );

  it('accepts every other prefix', () => {
    const refused = new Set(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97']);
    for (let p = 0; p < 100; p++) {
      const prefix = String(p).padStart(2, '0');
      expect(checkRegistrationNumber('US', `${prefix}1234567`).ok, prefix).toBe(!refused.has(prefix));
    }
  });

  it('says how an EIN looks', () => {
    expect(reg('US', '12-345678')).toBe('error: A US EIN has 9 digits, like 12-3456789');
  });
});

describe('format-only registers', () => {
  it('UK: Companies House numbers', () => {
    expect(reg('GB', '00445790')).toBe('00445790 format'); // Tesco PLC
    expect(reg('GB', '445790')).toBe('00445790 format');
    expect(reg('GB', 'SC123456')).toBe('SC123456 format');
    expect(reg('GB', 'oc 12345')).toBe('OC012345 format');
    expect(reg('GB', 'R0000123')).toBe('R0000123 format');
    expect(reg('GB', '123456789')).toBe(
      'error: A Companies House number has 8 characters: 8 digits like 01234567, or 2 letters and 6 digits like SC123456',
    );
    expect(reg('GB', '00000000')).toMatch(/^error: A Companies House number/);
  });

  it('Ireland: CRO numbers', () => {
    expect(reg('IE', '123456')).toBe('123456 format');
    expect(reg('IE', '0123456')).toBe('123456 format');
    expect(reg('IE', '12345678')).toBe('error: An Irish CRO number has only digits, up to 7 of them, like 123456');
    expect(reg('IE', 'IE123456')).toMatch(/^error: An Irish CRO number/);
  });

  it('Germany: Handelsregister numbers', () => {
    expect(reg('DE', 'HRB 12345')).toBe('HRB12345 format');
    expect(reg('DE', 'hrb 12345 B')).toBe('HRB12345B format');
    expect(reg('DE', 'HRA 1')).toBe('HRA1 format');
    expect(reg('DE', 'GnR 123')).toBe('GNR123 format');
    expect(reg('DE', 'VR 4567')).toBe('VR4567 format');
    expect(reg('DE', '12345')).toBe(
      'error: A Handelsregister number is the register (HRA, HRB, GnR, PR, VR or GsR) and its number, like HRB 12345, without the court',
    );
    expect(reg('DE', 'Amtsgericht München HRB 12345')).toMatch(/^error: A Handelsregister number/);
    expect(reg('DE', 'HRC 12345')).toMatch(/^error: A Handelsregister number/);
  });

  it('the Netherlands: KvK numbers', () => {
    expect(reg('NL', '1234 5678')).toBe('12345678 format');
    expect(reg('NL', '1234567')).toBe('error: A Dutch KvK number has 8 digits, like 12345678');
  });
});

describe('other countries', () => {
  it('accept 3–30 letters and digits', () => {
    expect(reg('CH', 'CHE-123.456.789')).toBe('CHE123456789 none');
    expect(reg('JP', '1234-56-789012')).toBe('123456789012 none');
    expect(reg('CH', 'ab')).toBe('error: This registration number is too short: enter the whole number');
    expect(reg('CH', 'x'.repeat(31))).toBe('error: This registration number is too long: enter only the number');
    expect(reg('CH', 'ABC_123')).toBe(
      'error: A registration number has only letters and digits: remove any other characters',
    );
    expect(reg('CH', '  ')).toBe('error: Enter the registration number');
  });

  it('give the same answer for their own normal form', () => {
    fc.assert(
      fc.property(fc.constantFrom('GB', 'IE', 'DE', 'FR', 'NL', 'US', 'AU', 'BE', 'FI', 'SE', 'CH'), fc.string({ maxLength: 16 }), (c, raw) => {
        const first = checkRegistrationNumber(c, raw);
        if (first.ok) expect(checkRegistrationNumber(c, first.normalised)).toEqual(first);
      }),
    );
  });
});
