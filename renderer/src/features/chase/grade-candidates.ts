import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';

/**
 * Which customers the grades list covers. A book may hold 100,000 customers, so grades are
 * never computed for all of them: the list takes the customers who owe the most (in the
 * business currency; then those owing only in other currencies), and, while there is room,
 * the customers invoiced most recently in the last 12 months, up to `GRADED_CUSTOMERS_CAP`.
 * The screen says how many owing customers were left out.
 */
export const GRADED_CUSTOMERS_CAP = 250;

export interface Owing {
  customerId: string;
  /** Open balance in the business currency (0 when they owe only in another). */
  owedMinor: number;
}

/** Customers with money owed, most owed first. */
export function rankOwing(open: readonly Invoice[], currency: string): Owing[] {
  const owed = new Map<string, number>();
  for (const inv of open) {
    const amount = openBalanceMinor(inv);
    if (amount <= 0) continue;
    owed.set(inv.customerId, (owed.get(inv.customerId) ?? 0) + (inv.currency === currency ? amount : 0));
  }
  return [...owed].map(([customerId, owedMinor]) => ({ customerId, owedMinor })).sort((a, b) => b.owedMinor - a.owedMinor || a.customerId.localeCompare(b.customerId));
}

/** The owing customers first, then recently invoiced ones not already in, at most `cap`. */
export function pickCandidates(owing: readonly string[], recent: Iterable<string>, cap = GRADED_CUSTOMERS_CAP): string[] {
  const picked = new Set(owing.slice(0, cap));
  for (const id of recent) {
    if (picked.size >= cap) break;
    picked.add(id);
  }
  return [...picked];
}
