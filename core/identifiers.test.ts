import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, formatPhone, nationalDigits, normaliseEmail, normalisePhone, normaliseTaxId } from './identifiers';

function phone(raw: string, country = 'GB'): string {
  const r = normalisePhone(raw, country);
  return r.ok ? r.e164 : `error: ${r.error}`;
}

describe('foldText', () => {
  it('lower-cases, strips accents and tidies spaces', () => {
    expect(foldText('  Zoë   BRONTË ')).toBe('zoe bronte');
    expect(foldText('Siobhán Ó Súilleabháin')).toBe('siobhan o suilleabhain');
    expect(foldText('François Lefèvre')).toBe('francois lefevre');
    expect(foldText('Müller\tStraße')).toBe('muller strasse');
    expect(foldText('Søren Łukasz Æbelø')).toBe('soren lukasz aebelo');
    expect(foldText('Ayşe Yılmaz Çelik')).toBe('ayse yilmaz celik');
    expect(foldText('Nguyễn')).toBe('nguyen');
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(foldText('İstanbul')).toBe('istanbul');
    expect(foldText('')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
    );
  });
});

describe('normalisePhone', () => {
  it('reads numbers the ways people write them', () => {
    expect(phone('07700 900123')).toBe('+447700900123');
    expect(phone('+44 7700 900123')).toBe('+447700900123');
    expect(phone('0044 7700900123')).toBe('+447700900123');
    expect(phone('+44 (0)7700 900123')).toBe('+447700900123');
    expect(phone('(020) 7946 0958')).toBe('+442079460958');
    expect(phone('+1 (415) 555-0134')).toBe('+14155550134');
    expect(phone('415-555-0134', 'US')).toBe('+14155550134');
    expect(phone('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(phone('085 123 4567', 'IE')).toBe('+353851234567');
  });

  it('reads a leading 00 as the international prefix even where the country dials abroad otherwise', () => {
    expect(phone('0044 7700 900123', 'US')).toBe('+447700900123');
    expect(phone('00353 85 123 4567', 'US')).toBe('+353851234567');
  });

  it('needs a country code when the business country is unknown', () => {
    expect(phone('+44 7700 900123', 'XX')).toBe('+447700900123');
    expect(phone('07700 900123', 'XX')).toBe('error: Add the country code, starting with +, like +44 7700 900123');
    expect(phone('07700 900123', '')).toMatch(/Add the country code/);
  });

  it('says what is wrong', () => {
    expect(phone('')).toBe('error: Enter a phone number');
    expect(phone('   ')).toBe('error: Enter a phone number');
    expect(phone('07700 90012')).toBe('error: Not a complete number for United Kingdom; check for a missing or extra digit');
    expect(phone('0770090')).toMatch(/^error: Not a complete number/);
    expect(phone('020 7946 095')).toMatch(/^error: Not a complete number/);
    expect(phone('+4477009001')).toBe('error: Wrong number of digits for United Kingdom');
    expect(phone('123')).toBe('error: Too short for United Kingdom; a digit may be missing');
    expect(phone('077009001234567890')).toBe('error: Too long for United Kingdom; there may be an extra digit');
    expect(phone('+999 123456')).toMatch(/^error: Unknown country code/);
    expect(phone('0800 FLOWERS')).toMatch(/only have digits/);
    expect(phone('call me')).toMatch(/only have digits/);
    expect(phone('07700 900123 ext 12')).toMatch(/extension/);
    expect(phone('07700 900123 x12')).toMatch(/extension/);
    expect(phone('---')).toMatch(/doesn't look like a phone number/);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('GB', 'US', 'DE', 'XX', '', 'gb'), (raw, country) => {
        const r = normalisePhone(raw, country);
        if (r.ok) expect(r.e164).toMatch(/^\+[1-9]\d{5,14}$/);
        else expect(r.error.length).toBeGreaterThan(0);
      }),
    );
  });

  it('accepts numbers shaped right for their country even outside the allocated ranges', () => {
    // Ofcom's drama ranges: not "valid" in libphonenumber's tables, but well-formed.
    expect(phone('07700 900123')).toBe('+447700900123');
    expect(phone('01632 960123')).toBe('+441632960123');
  });

  it('gives one form for every way of writing the same number', () => {
    const forms = ['07700 900123', '07700900123', '+447700900123', '+44 7700 900 123', '0044 7700 900123', '(07700) 900-123', '+44 (0) 7700 900123'];
    expect(new Set(forms.map((f) => phone(f)))).toEqual(new Set(['+447700900123']));
  });
});

describe('nationalDigits', () => {
  it('gives the number as dialled at home, trunk prefix included', () => {
    expect(nationalDigits('+447700900123')).toBe('07700900123');
    expect(nationalDigits('+442079460958')).toBe('02079460958');
    expect(nationalDigits('+14155550134')).toBe('4155550134');
    expect(nationalDigits('+33612345678')).toBe('0612345678');
    expect(nationalDigits('+4915123456789')).toBe('015123456789');
    expect(nationalDigits('+353851234567')).toBe('0851234567');
  });

  it('is null for what it cannot read', () => {
    expect(nationalDigits('07700900123')).toBeNull();
    expect(nationalDigits('')).toBeNull();
    expect(nationalDigits('+999123456')).toBeNull();
    expect(nationalDigits('not a number')).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Jo.Bloggs@Example.COM ')).toEqual({ ok: true, email: 'jo.bloggs@example.com' });
    expect(normaliseEmail('a+tag@sub.example.co.uk')).toEqual({ ok: true, email: 'a+tag@sub.example.co.uk' });
  });

  it('says what is wrong', () => {
    expect(normaliseEmail('')).toEqual({ ok: false, error: 'Enter an e-mail address' });
    expect(normaliseEmail('jo.example.com')).toEqual({ ok: false, error: 'An e-mail address needs an @, like name@example.com' });
    expect(normaliseEmail('jo@')).toEqual({ ok: false, error: '"jo@" is not a valid e-mail address' });
    expect(normaliseEmail('jo@@example.com').ok).toBe(false);
    expect(normaliseEmail('jo bloggs@example.com').ok).toBe(false);
    expect(normaliseEmail(`${'a'.repeat(250)}@example.com`)).toEqual({ ok: false, error: 'That e-mail address is too long' });
  });
});

describe('normaliseTaxId', () => {
  it('removes spaces, dots and dashes and upper-cases', () => {
    expect(normaliseTaxId('gb 123.456-789')).toBe('GB123456789');
    expect(normaliseTaxId(' FR 12 345678901 ')).toBe('FR12345678901');
    expect(normaliseTaxId('12–3456789')).toBe('123456789');
    expect(normaliseTaxId('')).toBe('');
  });
});

describe('formatPhone', () => {
  it.each([
    ['+447700900123', undefined, '+44 7700 900123'],
    ['+447700900123', 'GB', '07700 900123'],
    ['+14155550134', 'GB', '+1 415 555 0134'],
    ['not a number', 'GB', 'not a number'],
  ])('%s (home %s) → %s', (e164, home, expected) => {
    expect(formatPhone(e164, home)).toBe(expected);
  });
});
