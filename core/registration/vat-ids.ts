/**
 * checkVatId: a business's VAT id, read the ways people type it, checked against its
 * country's rule (vat-rules.ts). The normal form always carries the two-letter prefix
 * ("DE136695976"), whether or not it was typed, so one VAT id has one spelling.
 */
import { adjectiveOf, capitalised, placeName, withArticle } from './places';
import { compactId, failed, looseCheck, passed, type RegistrationResult } from './result';
import { vatRuleFor, type VatRule } from './vat-rules';

const WHAT = 'VAT number';

/**
 * The VAT prefix a country's businesses use: its own code, except Greece (EL). XI, Northern
 * Ireland's prefix, is accepted as a country too. Undefined when we have no rule.
 */
function homePrefix(country: string): string | undefined {
  const code = country.trim().toUpperCase();
  const prefix = code === 'GR' ? 'EL' : code;
  return vatRuleFor(prefix) === undefined ? undefined : prefix;
}

/** The UK and Northern Ireland share a country: a GB business may hold an XI id and back. */
function samePlace(a: string, b: string): boolean {
  const uk = (p: string) => p === 'GB' || p === 'XI';
  return a === b || (uk(a) && uk(b));
}

/** The known prefix an id starts with, reading a typed GR (Greece's country code) as EL. */
function typedPrefix(compact: string): string | undefined {
  const lead = compact.slice(0, 2);
  const prefix = lead === 'GR' ? 'EL' : lead;
  return vatRuleFor(prefix) === undefined ? undefined : prefix;
}

/** The number after the prefix, in today's form, when it has the rule's format. */
function bodyIn(rule: VatRule, body: string): string | undefined {
  const tidied = rule.tidy ? rule.tidy(body) : body;
  return rule.format.test(tidied) ? tidied : undefined;
}

function verdict(rule: VatRule, body: string): RegistrationResult {
  const normalised = `${rule.prefix}${body}`;
  const outcome = rule.check ? rule.check(body) : 'unchecked';
  if (outcome === 'fail') {
    return failed(
      `This ${adjectiveOf(rule.place)} VAT number's check digit does not match: check for a typing mistake`,
    );
  }
  return passed(normalised, outcome === 'pass' ? 'check_digit' : 'format');
}

function formatError(rule: VatRule): RegistrationResult {
  return failed(
    `${capitalised(withArticle(adjectiveOf(rule.place)))} VAT number is ${rule.prefix} followed by ${rule.shape}, like ${rule.example}`,
  );
}

function mismatch(typed: VatRule, home: VatRule): RegistrationResult {
  return failed(
    `This is ${withArticle(adjectiveOf(typed.place))} VAT number (it starts with ${typed.prefix}), but the business ` +
      `is in ${placeName(home.country)}: enter its ${adjectiveOf(home.place)} VAT number, which starts with ${home.prefix}`,
  );
}

/**
 * Checks a VAT id. With `country` (the business's ISO country code), the prefix may be left
 * out, and an id of another country is refused: this is the business's own VAT id, and one
 * from elsewhere is far more often a customer's or supplier's number pasted by mistake than
 * a foreign registration. Without `country`, the id must carry its prefix.
 *
 * For countries we have no rule for (Switzerland, Norway…) any 3–30 letters and digits are
 * accepted with rule 'none'; a business there that gives an EU id is checked as one.
 */
export function checkVatId(raw: string, country?: string): RegistrationResult {
  const compact = compactId(raw);
  if (compact === '') return failed(`Enter the ${WHAT}`);
  const typed = typedPrefix(compact);
  const typedRule = typed === undefined ? undefined : vatRuleFor(typed);
  const typedBody = typedRule && bodyIn(typedRule, compact.slice(2));
  const home = country === undefined ? undefined : homePrefix(country);
  const homeRule = home === undefined ? undefined : vatRuleFor(home);

  if (homeRule === undefined) {
    if (typedRule && typedBody !== undefined) return verdict(typedRule, typedBody);
    if (typedRule && country === undefined) return formatError(typedRule);
    if (country === undefined && !/^[A-Z]{2}/.test(compact)) {
      return failed(`Start the ${WHAT} with its two-letter country code, like DE for Germany or FR for France`);
    }
    return looseCheck(compact, WHAT);
  }

  // The typed prefix is the home one: read the rest as the number. Failing that, the whole
  // may be the number without its prefix (a French key can be two letters, even "FR").
  if (typedRule && samePlace(typedRule.prefix, homeRule.prefix)) {
    if (typedBody !== undefined) return verdict(typedRule, typedBody);
    const whole = bodyIn(homeRule, compact);
    return whole === undefined ? formatError(typedRule) : verdict(homeRule, whole);
  }
  // No prefix, or another country's: first as this country's number without its prefix
  // (Austria's starts with U; French and Spanish ones may start with letters).
  const whole = bodyIn(homeRule, compact);
  if (whole !== undefined) return verdict(homeRule, whole);
  if (typedRule && typedBody !== undefined) return mismatch(typedRule, homeRule);
  return formatError(homeRule);
}
