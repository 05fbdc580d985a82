import { describe, expect, it } from 'vitest';
import { checkRegistrationNumber, checkVatId, REGISTRATION_RULES, registrationRulesFor } from './index';

const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

describe('REGISTRATION_RULES', () => {
  it('lists a VAT rule for every EU member state, the UK and Northern Ireland', () => {
    const prefixes = REGISTRATION_RULES.filter((r) => r.kind === 'vat_id').map((r) => r.prefix);
    expect(prefixes.sort()).toEqual([...EU_VAT_PREFIXES, 'GB', 'XI'].sort());
  });

  it('lists the company registers asked for', () => {
    const countries = REGISTRATION_RULES.filter((r) => r.kind === 'company_number').map((r) => r.country);
    expect(countries).toEqual(expect.arrayContaining(['GB', 'IE', 'DE', 'FR', 'NL', 'US', 'AU']));
  });

  it("has examples that pass their own rule, at the rule's strength", () => {
    for (const r of REGISTRATION_RULES) {
      const result = r.kind === 'vat_id' ? checkVatId(r.example) : checkRegistrationNumber(r.country, r.example);
      expect(result, `${r.country} ${r.name}`).toMatchObject({ ok: true, rule: r.rule });
    }
  });

  it('finds the rules for one country; Greece (GR) has EL ids', () => {
    expect(registrationRulesFor('gb').map((r) => r.prefix ?? r.name)).toEqual(['Companies House number', 'GB', 'XI']);
    expect(registrationRulesFor('GR').map((r) => r.prefix)).toEqual(['EL']);
    expect(registrationRulesFor('GR')[0]?.name).toBe('Greek VAT number');
    expect(registrationRulesFor('CH')).toEqual([]);
  });
});
