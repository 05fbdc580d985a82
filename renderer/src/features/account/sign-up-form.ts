import { REGISTRATION_RULES } from '@core/registration';
import type { FieldIssue } from '@core/field-issues';
import type { CloudInputs } from '../../platform/cloud-client';

/**
 * The sign-up form as typed, and the cloud's input made from it. The form keeps strings
 * exactly as typed (so a refused sign-up shows them again); the cloud checks and normalises.
 */
export interface SignUpFormState {
  displayName: string;
  email: string;
  password: string;
  legalName: string;
  /** An ISO code from the list, or OTHER_COUNTRY with the code typed in `otherCountry`. */
  country: string;
  otherCountry: string;
  trade: string;
  region: string;
  registrationNumber: string;
  vatId: string;
  webDomain: string;
  deviceLabel: string;
}

export const OTHER_COUNTRY = 'other';

export function emptySignUpForm(defaults: { legalName?: string; country?: string; deviceLabel: string }): SignUpFormState {
  const known = defaults.country !== undefined && countryChoices().some((c) => c.code === defaults.country);
  return {
    displayName: '',
    email: '',
    password: '',
    legalName: defaults.legalName ?? '',
    country: known ? (defaults.country ?? '') : defaults.country ? OTHER_COUNTRY : '',
    otherCountry: known ? '' : (defaults.country ?? ''),
    trade: '',
    region: '',
    registrationNumber: '',
    vatId: '',
    webDomain: '',
    deviceLabel: defaults.deviceLabel,
  };
}

/** The code the form stands for: the one chosen, or the one typed under "Another country". */
export function chosenCountry(form: SignUpFormState): string {
  return (form.country === OTHER_COUNTRY ? form.otherCountry : form.country).trim().toUpperCase();
}

export type SignUpInput = CloudInputs['account']['signUp'];

export function toSignUpInput(form: SignUpFormState): SignUpInput {
  const optional = (value: string) => (value.trim() === '' ? undefined : value);
  const registrationNumber = optional(form.registrationNumber);
  const vatId = optional(form.vatId);
  return {
    owner: { displayName: form.displayName, email: form.email, password: form.password },
    business: {
      legalName: form.legalName,
      country: chosenCountry(form),
      trade: form.trade,
      region: form.region,
      ...(registrationNumber === undefined ? {} : { registrationNumber }),
      ...(vatId === undefined ? {} : { vatId }),
      webDomain: form.webDomain,
    },
    deviceLabel: form.deviceLabel,
  };
}

/** Where each field's issue arrives from the cloud (the input's path). */
export const SIGN_UP_PATHS: Record<Exclude<keyof SignUpFormState, 'otherCountry'>, (string | number)[]> = {
  displayName: ['owner', 'displayName'],
  email: ['owner', 'email'],
  password: ['owner', 'password'],
  legalName: ['business', 'legalName'],
  country: ['business', 'country'],
  trade: ['business', 'trade'],
  region: ['business', 'region'],
  registrationNumber: ['business', 'registrationNumber'],
  vatId: ['business', 'vatId'],
  webDomain: ['business', 'webDomain'],
  deviceLabel: ['deviceLabel'],
};

/** Checks the form can make before asking the cloud (which checks everything again). */
export function localSignUpIssues(form: SignUpFormState): FieldIssue[] {
  if (form.country === OTHER_COUNTRY && !/^[A-Za-z]{2}$/.test(form.otherCountry.trim())) {
    return [{ path: SIGN_UP_PATHS.country, message: 'Type the two-letter code of the country, e.g. CH for Switzerland' }];
  }
  return [];
}

const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/** A country's English name, or the code itself when Intl does not know it. */
export function countryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return code;
  return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
}

/** Countries offered in the list: every one whose numbers we check, and the common others. */
const LISTED = ['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'CH', 'NO'];

let choices: { code: string; name: string }[] | null = null;

export function countryChoices(): { code: string; name: string }[] {
  if (!choices) {
    const codes = new Set([...REGISTRATION_RULES.map((r) => r.country), ...LISTED]);
    choices = [...codes].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
  return choices;
}
