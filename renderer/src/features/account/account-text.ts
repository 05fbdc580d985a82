import { registrationRulesFor, type RegistrationRule } from '@core/registration';
import type { MemberRole } from '@core/member';

/**
 * The words of the account screens that depend on data: a business's review status, what a
 * role may do, what is checked of a registration number per country, a device's default name.
 * Pure, so the wording is tested once and every screen says the same.
 */

export type BusinessStatus = 'pending_email' | 'pending_review' | 'approved' | 'rejected';

export interface StatusText {
  label: string;
  explanation: string;
}

const UNTIL_APPROVED = 'Until the business is approved, your team syncs its own book between its PCs but cannot use the network of other businesses.';

export function businessStatusText(status: BusinessStatus, reviewNote: string | null): StatusText {
  switch (status) {
    case 'pending_email':
      return { label: 'Waiting for your e-mail code', explanation: `Enter the code we e-mailed you to confirm your address; then a Rateback moderator reviews the business. ${UNTIL_APPROVED}` };
    case 'pending_review':
      return { label: 'Awaiting review', explanation: `A Rateback moderator is checking the business’s registration details. ${UNTIL_APPROVED}` };
    case 'approved':
      return { label: 'Approved', explanation: 'The business is verified: your team syncs its book and may use the network of other businesses.' };
    case 'rejected':
      return {
        label: 'Rejected',
        explanation: `${reviewNote ? `The moderator's note: “${reviewNote}”. ` : ''}Your team still syncs its own book between its PCs, but cannot use the network. Write to Rateback support with the corrected details to be reviewed again.`,
      };
  }
}

export const ROLE_NAMES: Record<MemberRole, string> = { owner: 'Owner', manager: 'Manager', staff: 'Staff' };

/** What each role may do, each building on the one before. */
export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  staff: 'Look up customers, rate them and record invoices, payments and calls.',
  manager: 'Everything staff do, and also chase invoices and set customers’ status (watch, blacklisted).',
  owner: 'Everything managers do, and also manage the team, run workshops and decide what is shared with the network.',
};

export const ROLES: readonly MemberRole[] = ['staff', 'manager', 'owner'];

export interface RegistrationHints {
  registrationNumber: string;
  vatId: string;
}

/** What is checked, in a few words: without the asides in brackets or after a semicolon. */
function checksOf(rule: RegistrationRule): string {
  const short = rule.checks.replace(/\s*\([^)]*\)/g, '').split(';')[0]?.trim() ?? rule.checks;
  return short === 'format only' ? 'format' : short;
}

/** "UK VAT number, e.g. GB123456782, or Northern Ireland VAT number, e.g. XI123456782: we check its mod 97 check digits." */
function describe(rules: RegistrationRule[]): string {
  const groups = new Map<string, RegistrationRule[]>();
  for (const r of rules) groups.set(checksOf(r), [...(groups.get(checksOf(r)) ?? []), r]);
  return [...groups]
    .map(([checks, group]) => {
      const names = group.map((r) => `${r.name.charAt(0).toUpperCase()}${r.name.slice(1)}, e.g. ${r.example}`).join(', or ');
      return `${names}: we check its ${checks}.`;
    })
    .join(' ');
}

/**
 * What the sign-up form says under the registration number and VAT id for a country: the
 * name of the number there, an example, and how strongly it is checked (from core's rules,
 * so the hint never promises more than the check does).
 */
export function registrationHints(country: string, countryName: string): RegistrationHints {
  const rules = registrationRulesFor(country);
  const company = rules.filter((r) => r.kind === 'company_number');
  const vat = rules.filter((r) => r.kind === 'vat_id');
  const loose = `For ${countryName || 'this country'} we check only that it looks like a number (3 to 30 letters and digits); a moderator checks the rest.`;
  return {
    registrationNumber: company.length > 0 ? describe(company) : loose,
    vatId: vat.length > 0 ? describe(vat) : loose,
  };
}

const OS_NAMES: Record<string, string> = { win32: 'Windows', darwin: 'Mac', linux: 'Linux' };

/** A first name for this device in the list of signed-in devices; people may type their own. */
export function defaultDeviceLabel(runtime: 'electron' | 'web' | undefined, platform: string | undefined): string {
  const os = (platform && OS_NAMES[platform]) ?? 'PC';
  return runtime === 'web' ? `Browser on ${os}` : `Rateback on ${os}`;
}
