import type { Address } from '@core/customer';
import { daysBetween } from '@core/dates';
import type { Invoice } from '@core/invoice';
import { creditedMinor, openBalanceMinor, paidMinor } from '@core/invoice-status';
import type { IsoDate } from '@core/primitives';

/**
 * A customer's statement: every invoice with money owed on `today`, oldest due first, and the
 * total per currency (amounts in different currencies are never added together).
 * "Paid" is what has been settled so far: payments and credit notes together.
 */
export interface StatementRow {
  invoiceId: string;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  openMinor: number;
  /** Days past due, 0 when not yet due. */
  daysLate: number;
  disputed: boolean;
}

export function statementRows(invoices: readonly Invoice[], today: IsoDate): StatementRow[] {
  const rows: StatementRow[] = [];
  for (const inv of invoices) {
    const openMinor = openBalanceMinor(inv);
    if (openMinor <= 0) continue;
    rows.push({
      invoiceId: inv.id,
      number: inv.number,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      currency: inv.currency,
      totalMinor: inv.totalMinor,
      paidMinor: paidMinor(inv) + creditedMinor(inv),
      openMinor,
      daysLate: Math.max(0, daysBetween(inv.dueDate, today)),
      disputed: inv.state === 'disputed',
    });
  }
  return rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
}

/** Currency → total open, in code order, the business's currency first. */
export function statementTotals(rows: readonly StatementRow[], businessCurrency: string): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.openMinor);
  return [...totals].sort(([a], [b]) => (a === businessCurrency ? -1 : b === businessCurrency ? 1 : a.localeCompare(b)));
}

/**
 * The address as printed lines (street, town, region, postcode, country), empty parts left
 * out. The country is printed by name, and only when it is not the business's own.
 */
export function addressLines(address: Address, homeCountry: string, countryName: (code: string) => string): string[] {
  const country = address.country === '' || address.country === homeCountry ? '' : countryName(address.country);
  return [address.line1, address.line2, address.city, address.region, address.postcode, country].map((l) => l.trim()).filter((l) => l !== '');
}
