import type { FieldIssue } from './field-issues';
import type { z } from 'zod';
import { CustomerInput } from './customer';
import type { Customer } from './customer';
import { normaliseEmail, normalisePhone, normaliseTaxId } from './identifiers';

/**
 * The customer form's one way in: reads whatever the form (or an import, or IPC) hands over,
 * checks it against CustomerInput, then brings every identifier to its normal form so two
 * spellings of one phone number or e-mail become one. Problems come back as a list with a
 * path for the form to put next to the right field, in words a counter clerk understands.
 * Never throws on bad input: the form must always get an answer.
 */

export type CustomerFields = Pick<
  Customer,
  'displayName' | 'company' | 'phones' | 'emails' | 'taxId' | 'address' | 'tags' | 'notes'
>;

/** @see FieldIssue: customer input reports its problems in the same shape as every form. */
export type InputIssue = FieldIssue;

export type NormaliseCustomerResult = { ok: true; value: CustomerFields } | { ok: false; issues: InputIssue[] };

const FIELD_LABELS: Record<string, string> = {
  displayName: 'Name',
  company: 'Company',
  phones: 'Phone numbers',
  emails: 'E-mail addresses',
  taxId: 'Tax id',
  address: 'Address',
  tags: 'Tags',
  notes: 'Notes',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'Town or city',
  postcode: 'Postcode',
  region: 'Region',
  country: 'Country',
};

function labelFor(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && FIELD_LABELS[key]) return FIELD_LABELS[key];
  }
  return 'This field';
}

/** Turns zod's developer-facing messages into ones for the person at the form. */
function friendlyMessage(issue: z.core.$ZodIssue, path: readonly (string | number)[]): string {
  const label = labelFor(path);
  const inList = typeof path[path.length - 1] === 'number';
  switch (issue.code) {
    case 'too_small':
      if (path.length === 1 && path[0] === 'displayName') return "Enter the customer's name";
      return issue.origin === 'string' ? (inList ? 'This entry is empty' : `${label} cannot be empty`) : issue.message;
    case 'too_big':
      if (issue.origin === 'string') return `${inList ? 'This entry' : label} can be at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `${label}: at most ${String(issue.maximum)} entries`;
      return issue.message;
    case 'invalid_type':
      return issue.input === undefined ? `${label} is missing` : `${label} has the wrong kind of value (expected ${issue.expected})`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((k) => (typeof k === 'number' ? k : String(k)));
}

function uniqueBy<T>(values: readonly T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const v of values) {
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

/** Names keep the letters people typed; only runs of spaces (pasted text) are tidied. */
function tidySpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Issues for each phone and e-mail that cannot be read, by position in the form's lists. */
function identifierIssues(phones: readonly unknown[], emails: readonly unknown[], defaultCountry: string): InputIssue[] {
  const issues: InputIssue[] = [];
  phones.forEach((raw, i) => {
    if (typeof raw !== 'string' || raw.trim() === '') return; // the schema reports these
    const r = normalisePhone(raw, defaultCountry);
    if (!r.ok) issues.push({ path: ['phones', i], message: r.error });
  });
  emails.forEach((raw, i) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const r = normaliseEmail(raw);
    if (!r.ok) issues.push({ path: ['emails', i], message: r.error });
  });
  return issues;
}

function listField(input: unknown, key: 'phones' | 'emails'): readonly unknown[] {
  if (typeof input !== 'object' || input === null || !(key in input)) return [];
  const value: unknown = (input as Record<typeof key, unknown>)[key];
  return Array.isArray(value) ? value : [];
}

export function normaliseCustomerInput(input: unknown, defaultCountry: string): NormaliseCustomerResult {
  const parsed = CustomerInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = toPath(issue.path);
      return { path, message: friendlyMessage(issue, path) };
    });
    // Report unreadable phones and e-mails in the same round, so the clerk fixes everything
    // at once instead of meeting a new complaint after each save.
    const flagged = new Set(issues.map((i) => i.path.join('.')));
    for (const extra of identifierIssues(listField(input, 'phones'), listField(input, 'emails'), defaultCountry)) {
      if (!flagged.has(extra.path.join('.'))) issues.push(extra);
    }
    return { ok: false, issues };
  }
  const v = parsed.data;
  const issues = identifierIssues(v.phones, v.emails, defaultCountry);
  if (issues.length > 0) return { ok: false, issues };

  // Every entry is readable now; read them again for their normal forms.
  const phones: string[] = [];
  for (const raw of v.phones) {
    const r = normalisePhone(raw, defaultCountry);
    if (r.ok) phones.push(r.e164);
  }
  const emails: string[] = [];
  for (const raw of v.emails) {
    const r = normaliseEmail(raw);
    if (r.ok) emails.push(r.email);
  }

  return {
    ok: true,
    value: {
      displayName: tidySpaces(v.displayName),
      company: tidySpaces(v.company),
      phones: uniqueBy(phones, (p) => p),
      emails: uniqueBy(emails, (e) => e),
      taxId: normaliseTaxId(v.taxId),
      address: v.address,
      // Zod has trimmed each tag; the first spelling typed wins ("VIP" over a later "vip").
      tags: uniqueBy(v.tags, (t) => t.toLowerCase()),
      notes: v.notes,
    },
  };
}
