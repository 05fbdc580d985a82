import type { Customer, CustomerInput } from '@core/customer';

/**
 * The customer form as a person types it: plain strings, phone and e-mail lists with an empty
 * row to type into. Converting to CustomerInput drops empty rows; nothing else is changed, so
 * a rejected save leaves every character where it was.
 */
export interface CustomerFormState {
  displayName: string;
  company: string;
  phones: string[];
  emails: string[];
  taxId: string;
  line1: string;
  line2: string;
  city: string;
  postcode: string;
  region: string;
  country: string;
  tags: string;
  notes: string;
}

export function emptyCustomerForm(country: string, displayName = ''): CustomerFormState {
  return {
    displayName,
    company: '',
    phones: [''],
    emails: [''],
    taxId: '',
    line1: '',
    line2: '',
    city: '',
    postcode: '',
    region: '',
    country,
    tags: '',
    notes: '',
  };
}

export function customerToForm(c: Customer): CustomerFormState {
  return {
    displayName: c.displayName,
    company: c.company,
    phones: c.phones.length ? [...c.phones] : [''],
    emails: c.emails.length ? [...c.emails] : [''],
    taxId: c.taxId,
    line1: c.address.line1,
    line2: c.address.line2,
    city: c.address.city,
    postcode: c.address.postcode,
    region: c.address.region,
    country: c.address.country,
    tags: c.tags.join(', '),
    notes: c.notes,
  };
}

/**
 * Empty phone/e-mail rows are dropped, but the positions of the others are kept in `phoneRows`
 * / `emailRows`, so an error at phones[1] of the input can be shown at the right form row.
 */
export function formToInput(f: CustomerFormState): { input: CustomerInput; phoneRows: number[]; emailRows: number[] } {
  const phoneRows = f.phones.flatMap((p, i) => (p.trim() ? [i] : []));
  const emailRows = f.emails.flatMap((e, i) => (e.trim() ? [i] : []));
  return {
    input: {
      displayName: f.displayName,
      company: f.company,
      phones: phoneRows.map((i) => f.phones[i] ?? ''),
      emails: emailRows.map((i) => f.emails[i] ?? ''),
      taxId: f.taxId,
      address: { line1: f.line1, line2: f.line2, city: f.city, postcode: f.postcode, region: f.region, country: f.country.trim().toUpperCase() },
      tags: f.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      notes: f.notes,
    },
    phoneRows,
    emailRows,
  };
}
