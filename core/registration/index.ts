/**
 * A business's company registration number and VAT id, checked at sign-up before anyone
 * looks them up in a register: catches typing slips and numbers of the wrong kind, with a
 * message the person can act on. Pure; nothing here asks VIES, HMRC or a register.
 *
 *   result.ts                the result type, the compact form, the loose rule for other countries
 *   check-digits.ts          Luhn, mod 97, ISO 7064 MOD 11,10 and MOD 97-10, weighted sums
 *   company-check-digits.ts  SIREN/SIRET, ABN/ACN check digits; the EIN prefixes the IRS issues
 *   company-numbers.ts       checkRegistrationNumber and the rule per country
 *   vat-check-digits.ts      the check digits of national VAT ids
 *   vat-rules.ts             every EU state's, the UK's and Northern Ireland's VAT id format
 *   vat-ids.ts               checkVatId: prefixes, Greece's EL, ids of the wrong country
 *   places.ts                country names and adjectives for messages
 *   rules.ts                 REGISTRATION_RULES: what is checked where, for the UI
 */
export { checkRegistrationNumber } from './company-numbers';
export { checkVatId } from './vat-ids';
export { compactId, type RegistrationResult, type RuleStrength } from './result';
export { REGISTRATION_RULES, registrationRulesFor, type RegistrationRule } from './rules';
