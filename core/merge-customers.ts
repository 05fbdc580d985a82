import type { Address, Customer, CustomerStatusValue } from './customer';
import type { IsoInstant } from './primitives';

/**
 * Merging two records of the same customer (found as duplicates, or after an import). `keep`
 * is the record the user chose; `drop` will be deleted by the caller once its invoices,
 * ratings and history point at `keep`. Nothing that was typed into `drop` may be lost:
 * identifiers are united, empty fields are filled from it, notes are joined, and whatever
 * does not fit the schema's limits is written into the notes rather than discarded.
 *
 * The caller should append a StatusChange when the merged status differs from keep's.
 */

// Limits of the Customer schema (core/customer.ts); the merged record must still pass it.
const MAX_PHONES = 10;
const MAX_EMAILS = 10;
const MAX_TAGS = 20;
const MAX_NOTES = 5000;

const SEVERITY: Record<CustomerStatusValue, number> = { ok: 0, watch: 1, blacklisted: 2 };

function union(first: readonly string[], second: readonly string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of [...first, ...second]) {
    const k = key(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

function isAddressEmpty(a: Address): boolean {
  return a.line1 === '' && a.line2 === '' && a.city === '' && a.postcode === '' && a.region === '';
}

/**
 * The address is taken whole, never field by field: keep's street with drop's town would be a
 * place neither customer lives. A country alone is a form default, so it does not count.
 */
function mergeAddress(keep: Address, drop: Address): Address {
  if (!isAddressEmpty(keep) || isAddressEmpty(drop)) return { ...keep };
  return { ...drop, country: drop.country === '' ? keep.country : drop.country };
}

function joinNotes(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('\n');
}

export function mergeCustomerFields(keep: Customer, drop: Customer, now: IsoInstant): Customer {
  const phones = union(keep.phones, drop.phones, (p) => p);
  const emails = union(keep.emails, drop.emails, (e) => e.toLowerCase());
  const tags = union(keep.tags, drop.tags, (t) => t.toLowerCase());

  const overflow: string[] = [];
  if (phones.length > MAX_PHONES) overflow.push(`Phones: ${phones.splice(MAX_PHONES).join(', ')}`);
  if (emails.length > MAX_EMAILS) overflow.push(`E-mails: ${emails.splice(MAX_EMAILS).join(', ')}`);
  if (tags.length > MAX_TAGS) overflow.push(`Tags: ${tags.splice(MAX_TAGS).join(', ')}`);

  const dropNotes = drop.notes !== '' && drop.notes !== keep.notes ? drop.notes : '';
  const merged = dropNotes !== '' && keep.notes !== '' ? [keep.notes, `--- Merged from ${drop.displayName} ---`, dropNotes] : [keep.notes, dropNotes];
  if (overflow.length > 0) merged.push(`--- Not kept above (limit reached) ---`, ...overflow);
  let notes = joinNotes(merged);
  // The schema caps notes; keep the start (keep's own notes) and say that something was cut.
  if (notes.length > MAX_NOTES) notes = `${notes.slice(0, MAX_NOTES - 1)}…`;

  // On equal severity keep's status stands: the user chose that record.
  const status = SEVERITY[drop.status.value] > SEVERITY[keep.status.value] ? drop.status : keep.status;

  return {
    id: keep.id,
    displayName: keep.displayName,
    company: keep.company !== '' ? keep.company : drop.company,
    phones,
    emails,
    taxId: keep.taxId !== '' ? keep.taxId : drop.taxId,
    address: mergeAddress(keep.address, drop.address),
    tags,
    notes,
    status: { ...status },
    // Instants are compared as times: "…:00Z" and "…:00.500Z" do not sort correctly as text.
    createdAt: Date.parse(drop.createdAt) < Date.parse(keep.createdAt) ? drop.createdAt : keep.createdAt,
    updatedAt: now,
  };
}
