import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkVatId } from './vat-ids';

function vat(raw: string, country?: string): string {
  const r = checkVatId(raw, country);
  return r.ok ? `${r.normalised} ${r.rule}` : `error: ${r.error}`;
}

/**
 * Real VAT ids, as published by their holders or found online and collected in python-stdnum's
 * test suite (tests/test_eu_vat.doctest, "found online and should all be valid"), plus the
 * examples in the national modules' documentation there. Where another source is used it is
 * named. None was made up: each is someone's real number.
 */
const REAL: Record<string, readonly string[]> = {
  GB: [
    'GB 980 7806 84', // python-stdnum's example; original mod 97 rule
    'GB340804329', // 2019 registrations, the "9755" rule; reported valid in koblas/stdnum-js#37
    'GB346270013',
  ],
  IE: [
    'IE 6388047V', // Google Ireland Ltd
    'IE 6433435F',
    'IE8D79739I', // old style: a letter second
    'IE9Y71814N',
    'IE6433435IH', // 9-character numbers (since 2013)
    'IE6433435OA',
    'IE3706224MH', // VIES-valid, from zapadi/vies-dotnet#38
  ],
  DE: ['DE136695976', 'DE 811 363 057', 'DE - 113866163', 'DE129390950'],
  FR: [
    'Fr 40 303 265 045',
    'FR 84 323 140 392',
    'FR 04409414364',
    'FR K 7399859412', // key with a letter: SIREN checked, key not
    'FR16000063601', // Monaco: SIREN part starts 000, not Luhn
  ],
  NL: [
    'NL 004495445B01',
    'NL 806753742B01',
    'NL-812421267 B01',
    'NL002455799B11', // sole trader's id, valid by the 2020 mod 97 rule only
  ],
  BE: ['BE0428759497', 'BE 0202.239.951', 'BE 0897290877', 'BE 444.503.092'],
  IT: ['IT00743110157', 'IT - 01404480202', 'IT 12920760159'],
  AT: ['ATU13585627', 'ATU 64487479', 'ATU 142 43 102'],
  HR: [
    'HR 33392005961', // python-stdnum's example OIB
    'HR27759560625', // INA d.d.
    'HR92963223473', // Zagrebačka banka d.d.
  ],
  PL: ['PL 8567346215', 'PL 5211355116', 'PL 584-030-44-72'],
  PT: ['PT 501 964 843', 'PT 500 019 720', 'PT 502448911'],
  FI: ['FI 20774740', 'FI 0982651-1', 'FI 02459042'],
  LU: ['LU 150 274 42', 'LU 10059929', 'LU.248.70.640'],
  SE: ['SE 556058115801', 'SE-556666-4438-01', 'SE556043606401'],
};

/** Each a real number above with one character changed, so its check digits no longer match. */
const ALTERED: Record<string, readonly string[]> = {
  GB: ['GB980780685', 'GB340804328', 'GB346271013'],
  IE: ['IE6388047W', 'IE6388048V', 'IE8D79729I', 'IE6433435IA'],
  DE: ['DE136695978', 'DE811363058', 'DE129390960'],
  FR: ['FR41303265045', 'FR40303265046', 'FRK7399859413'],
  NL: ['NL004495446B01', 'NL806753743B01', 'NL002455799B12'],
  BE: ['BE0428759498', 'BE0406139583'],
  IT: ['IT00743110158', 'IT01404480203'],
  AT: ['ATU13585626', 'ATU64487478'],
  HR: ['HR33392005962', 'HR27759560626'],
  PL: ['PL8567346216', 'PL5211355117'],
  PT: ['PT501964842', 'PT500019721'],
  FI: ['FI20774741', 'FI02459043'],
  LU: ['LU15027443', 'LU10059928'],
  SE: ['SE556058115901', 'SE556043606501'],
};

const ADJECTIVE: Record<string, string> = {
  GB: 'UK', IE: 'Irish', DE: 'German', FR: 'French', NL: 'Dutch', BE: 'Belgian', IT: 'Italian',
  AT: 'Austrian', HR: 'Croatian', PL: 'Polish', PT: 'Portuguese', FI: 'Finnish', LU: 'Luxembourg', SE: 'Swedish',
};

describe('checkVatId: check digits', () => {
  it.each(Object.entries(REAL))('accepts real %s VAT ids', (prefix, ids) => {
    for (const id of ids) {
      const r = checkVatId(id);
      expect(r, id).toMatchObject({ ok: true, rule: 'check_digit' });
      if (r.ok) expect(r.normalised.startsWith(prefix)).toBe(true);
    }
  });

  it.each(Object.entries(ALTERED))('refuses %s VAT ids with one character changed', (prefix, ids) => {
    for (const id of ids) {
      expect(vat(id), id).toBe(
        `error: This ${ADJECTIVE[prefix] ?? prefix} VAT number's check digit does not match: check for a typing mistake`,
      );
    }
  });

  it('says a German check digit is wrong in words a person can act on', () => {
    expect(vat('DE136695978')).toBe(
      "error: This German VAT number's check digit does not match: check for a typing mistake",
    );
  });

  it('checks UK branch numbers by their first 9 digits, and GD/HA numbers by format', () => {
    // A branch adds 3 digits to the company's number (here python-stdnum's example's).
    expect(vat('GB 980 7806 84 001')).toBe('GB980780684001 check_digit');
    expect(vat('GB 980 7806 85 001')).toMatch(/^error: This UK VAT number's check digit/);
    expect(vat('GBGD001')).toBe('GBGD001 format');
    expect(vat('GBHA599')).toBe('GBHA599 format');
    expect(vat('GBGD500')).toMatch(/^error: A UK VAT number is GB followed by 9 digits/);
    expect(vat('GBHA499')).toMatch(/^error: A UK VAT number is GB followed by 9 digits/);
  });

  it('checks only the format where we have no check-digit rule', () => {
    expect(vat('EL 094012834')).toBe('EL094012834 format');
    expect(vat('ES A-28184661')).toBe('ESA28184661 format');
    expect(vat('ES X5277343Q')).toBe('ESX5277343Q format');
    expect(vat('ES 54362315K')).toBe('ES54362315K format');
    expect(vat('CY 10246672X')).toBe('CY10246672X format');
    expect(vat('DK 28107773')).toBe('DK28107773 format');
  });

  it('checks Monaco ids with a lettered key by format only', () => {
    // Derived: key "AB" on a Monaco (000…) number; the format is the only check left.
    expect(vat('FRAB000063601')).toBe('FRAB000063601 format');
  });
});

describe('checkVatId: reading what was typed', () => {
  it('adds the prefix when the country is given and the prefix left out', () => {
    expect(vat('136 695 976', 'DE')).toBe('DE136695976 check_digit');
    expect(vat('U13585627', 'AT')).toBe('ATU13585627 check_digit');
    expect(vat('6388047V', 'ie')).toBe('IE6388047V check_digit');
    expect(vat('A-28184661', 'ES')).toBe('ESA28184661 format');
    expect(vat('K7399859412', 'FR')).toBe('FRK7399859412 check_digit');
  });

  it('takes the prefix when it is typed, with or without the country', () => {
    expect(vat('de 136.695.976', 'DE')).toBe('DE136695976 check_digit');
    expect(vat('DE/136695976')).toBe('DE136695976 check_digit');
  });

  it('uses EL for Greece, however it was typed', () => {
    expect(vat('094012834', 'GR')).toBe('EL094012834 format');
    expect(vat('GR094012834')).toBe('EL094012834 format');
    expect(vat('GR 094012834', 'GR')).toBe('EL094012834 format');
    expect(vat('EL094012834', 'EL')).toBe('EL094012834 format');
  });

  it('lets a UK business give a Northern Ireland (XI) id and the reverse', () => {
    expect(vat('XI 980 7806 84', 'GB')).toBe('XI980780684 check_digit');
    expect(vat('980780684', 'XI')).toBe('XI980780684 check_digit');
    expect(vat('GB980780684', 'XI')).toBe('GB980780684 check_digit');
  });

  it("refuses another country's id for a business, saying which it is", () => {
    expect(vat('FR40303265045', 'DE')).toBe(
      'error: This is a French VAT number (it starts with FR), but the business is in Germany: ' +
        'enter its German VAT number, which starts with DE',
    );
    expect(vat('IE6388047V', 'NL')).toMatch(/^error: This is an Irish VAT number .* in the Netherlands: enter its Dutch/);
  });

  it('reads a French key that looks like a country code as the key', () => {
    // Derived: SIREN 303265045 with the lettered key "AT" (format only for the key).
    expect(vat('AT303265045', 'FR')).toBe('FRAT303265045 check_digit');
  });

  it('describes the format, with an example, when the shape is wrong', () => {
    expect(vat('DE12345678')).toBe('error: A German VAT number is DE followed by 9 digits, like DE123456788');
    expect(vat('12345678', 'AT')).toBe('error: An Austrian VAT number is AT followed by U and 8 digits, like ATU12345675');
    expect(vat('123456789', 'NL')).toBe(
      'error: A Dutch VAT number is NL followed by 9 digits, B and 2 digits, like NL123456782B01',
    );
  });

  it('needs the prefix when no country is given', () => {
    expect(vat('136695976')).toBe(
      'error: Start the VAT number with its two-letter country code, like DE for Germany or FR for France',
    );
    expect(vat('')).toBe('error: Enter the VAT number');
    expect(vat(' - ')).toBe('error: Enter the VAT number');
  });

  it('accepts plausible ids loosely where we know no rule', () => {
    expect(vat('CHE-123.456.789 MWST')).toBe('CHE123456789MWST none');
    expect(vat('CHE-123.456.789 MWST', 'CH')).toBe('CHE123456789MWST none');
    expect(vat('123 456 789 MVA', 'NO')).toBe('123456789MVA none');
    expect(vat('12', 'NO')).toBe('error: This VAT number is too short: enter the whole number');
    expect(vat('12#45', 'NO')).toBe('error: A VAT number has only letters and digits: remove any other characters');
  });

  it("checks an EU id given by a business in a country we have no rule for", () => {
    expect(vat('DE136695976', 'CH')).toBe('DE136695976 check_digit');
    expect(vat('DE136695978', 'CH')).toMatch(/^error: This German VAT number's check digit/);
  });

  it('gives the same answer for its own normal form', () => {
    const typed = fc.oneof(
      fc.constantFrom(...Object.values(REAL).flat(), ...Object.values(ALTERED).flat()),
      fc.string({ maxLength: 20 }),
    );
    const country = fc.option(fc.constantFrom('DE', 'FR', 'GB', 'GR', 'XI', 'NL', 'CH', 'US', 'ES'), { nil: undefined });
    fc.assert(
      fc.property(typed, country, (raw, c) => {
        const first = checkVatId(raw, c);
        if (first.ok) expect(checkVatId(first.normalised, c)).toEqual(first);
      }),
    );
  });
});
