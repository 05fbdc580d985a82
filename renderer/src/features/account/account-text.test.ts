import { describe, expect, it } from 'vitest';
import { businessStatusText, defaultDeviceLabel, registrationHints, ROLE_DESCRIPTIONS } from './account-text';
import { chosenCountry, countryChoices, emptySignUpForm, localSignUpIssues, OTHER_COUNTRY, toSignUpInput } from './sign-up-form';

describe('businessStatusText', () => {
  it('explains that a business syncs but cannot use the network until approved', () => {
    for (const status of ['pending_email', 'pending_review'] as const) {
      expect(businessStatusText(status, null).explanation).toContain('cannot use the network');
    }
    expect(businessStatusText('pending_review', null).label).toBe('Awaiting review');
    expect(businessStatusText('approved', null).label).toBe('Approved');
  });

  it("shows the moderator's note of a rejection", () => {
    const text = businessStatusText('rejected', 'The VAT number belongs to another business');
    expect(text.label).toBe('Rejected');
    expect(text.explanation).toContain('“The VAT number belongs to another business”');
    expect(text.explanation).toContain('cannot use the network');
  });
});

describe('role descriptions', () => {
  it('say what each role adds', () => {
    expect(ROLE_DESCRIPTIONS.staff).toMatch(/look up/i);
    expect(ROLE_DESCRIPTIONS.manager).toMatch(/chase invoices/);
    expect(ROLE_DESCRIPTIONS.owner).toMatch(/team.*workshops.*network/);
  });
});

describe('registrationHints', () => {
  it("names the country's numbers and how they are checked", () => {
    const gb = registrationHints('GB', 'United Kingdom');
    expect(gb.registrationNumber).toBe('Companies House number, e.g. 01234567: we check its format.');
    expect(gb.vatId).toBe('UK VAT number, e.g. GB123456782, or Northern Ireland VAT number, e.g. XI123456782: we check its mod 97 check digits.');
    expect(registrationHints('FR', 'France').registrationNumber).toBe('SIREN or SIRET, e.g. 123 456 782: we check its check digit.');
    expect(registrationHints('DE', 'Germany').registrationNumber).toBe('Handelsregister number, e.g. HRB 12345: we check its register section and number.');
  });

  it('says a country without a rule is checked loosely', () => {
    const ch = registrationHints('CH', 'Switzerland');
    expect(ch.registrationNumber).toContain('For Switzerland we check only that it looks like a number');
    expect(ch.vatId).toBe(ch.registrationNumber);
  });
});

describe('defaultDeviceLabel', () => {
  it("names the shell and the PC's system", () => {
    expect(defaultDeviceLabel('electron', 'win32')).toBe('Rateback on Windows');
    expect(defaultDeviceLabel('web', 'linux')).toBe('Browser on Linux');
    expect(defaultDeviceLabel(undefined, undefined)).toBe('Rateback on PC');
  });
});

describe('sign-up form', () => {
  it("starts from the book's own profile", () => {
    const form = emptySignUpForm({ legalName: 'Acme Plumbing', country: 'GB', deviceLabel: 'Front desk' });
    expect(form).toMatchObject({ legalName: 'Acme Plumbing', country: 'GB', otherCountry: '', deviceLabel: 'Front desk' });
    const elsewhere = emptySignUpForm({ country: 'LI', deviceLabel: 'PC' });
    expect(elsewhere).toMatchObject({ country: OTHER_COUNTRY, otherCountry: 'LI' });
    expect(chosenCountry(elsewhere)).toBe('LI');
  });

  it('leaves out numbers not typed, and sends the rest as typed', () => {
    const form = { ...emptySignUpForm({ deviceLabel: 'PC' }), displayName: 'Jo', email: ' Jo@Acme.test ', country: 'DE', vatId: 'DE 123 456 788' };
    const input = toSignUpInput(form);
    expect(input.owner.email).toBe(' Jo@Acme.test ');
    expect(input.business.country).toBe('DE');
    expect(input.business.vatId).toBe('DE 123 456 788');
    expect('registrationNumber' in input.business).toBe(false);
  });

  it('asks for a two-letter code under "Another country"', () => {
    const form = { ...emptySignUpForm({ deviceLabel: 'PC' }), country: OTHER_COUNTRY, otherCountry: 'Swiss' };
    expect(localSignUpIssues(form)).toEqual([{ path: ['business', 'country'], message: 'Type the two-letter code of the country, e.g. CH for Switzerland' }]);
    expect(localSignUpIssues({ ...form, otherCountry: 'ch' })).toEqual([]);
    expect(toSignUpInput({ ...form, otherCountry: 'ch' }).business.country).toBe('CH');
  });

  it('lists every country whose numbers are checked, by name', () => {
    const codes = countryChoices().map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['GB', 'DE', 'FR', 'US', 'AU', 'SE', 'PL']));
    expect(countryChoices().find((c) => c.code === 'DE')?.name).toBe('Germany');
  });
});
