/**
 * REGISTRATION_RULES: what is checked for which country, built from the rule tables
 * themselves so a UI's "we check the check digit" can never promise more than the code does.
 */
import { COMPANY_NUMBER_RULES } from './company-numbers';
import { adjectiveOf } from './places';
import type { RuleStrength } from './result';
import { VAT_RULES } from './vat-rules';

export type RegistrationRule = {
  kind: 'company_number' | 'vat_id';
  /** ISO 3166-1 code of the business's country (GB for Northern Ireland's XI ids). */
  country: string;
  /** The VAT prefix (EL for Greece, XI for Northern Ireland); null for company numbers. */
  prefix: string | null;
  /** What the number is called: "Companies House number", "German VAT number". */
  name: string;
  /** The strongest check any form of the number gets. */
  rule: Exclude<RuleStrength, 'none'>;
  /** What is verified, in a few words. */
  checks: string;
  example: string;
};

export const REGISTRATION_RULES: readonly RegistrationRule[] = [
  ...COMPANY_NUMBER_RULES.map(
    (r): RegistrationRule => ({
      kind: 'company_number',
      country: r.country,
      prefix: null,
      name: r.name,
      rule: r.rule,
      checks: r.checks,
      example: r.example,
    }),
  ),
  ...VAT_RULES.map(
    (r): RegistrationRule => ({
      kind: 'vat_id',
      country: r.country,
      prefix: r.prefix,
      name: `${adjectiveOf(r.place)} VAT number`,
      rule: r.rule,
      checks: r.checks,
      example: r.example,
    }),
  ),
];

/**
 * The rules for a business in `country`: its company number's (if we have one) first, then
 * its VAT ids'. Empty means every number from there is checked only loosely (rule 'none').
 */
export function registrationRulesFor(country: string): RegistrationRule[] {
  const code = country.trim().toUpperCase();
  return REGISTRATION_RULES.filter((r) => r.country === code);
}
