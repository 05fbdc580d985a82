import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import { openBalanceMinor } from '@core/invoice-status';
import { customerPaymentProfile, dayNumber, fromDayNumber, openBalanceAsOf, type BookInvoice, type PaymentGrade } from '@core/lateness';
import type { IsoDate } from '@core/primitives';

/**
 * A customer's payment grade now, and whether it moved over the last six months.
 *
 * Which invoices a grade reads (`gradeWindow`), on a day D:
 *   the invoices issued in the `GRADE_WINDOW_DAYS` days up to D, plus any older invoice still
 *   owed at the end of D. So a customer who pays on time again recovers within a year, while an
 *   old debt never drops out of sight while it is unpaid (90+ days overdue makes the grade D).
 *
 * The trend compares the grade on `today` with the grade on `today − TREND_LOOKBACK_DAYS`,
 * computed the same way from the book as it is now: `customerPaymentProfile` on that day counts
 * only invoices issued by then and payments and credit notes dated by then, so it is the grade
 * the book would have shown then (a payment entered late but dated earlier counts as of its date).
 *
 *   better / worse: the letter moved (A is best);
 *   same:           the same letter;
 *   new:            no grade then (no history yet), a grade now;
 *   none:           no grade now.
 */
export const GRADE_WINDOW_DAYS = 365;
export const TREND_LOOKBACK_DAYS = 182;

export type GradeTrend = 'better' | 'worse' | 'same' | 'new' | 'none';

const RANK: Readonly<Record<PaymentGrade, number>> = { A: 0, B: 1, C: 2, D: 3 };

export function gradeWindow<T extends BookInvoice>(invoices: readonly T[], asOf: IsoDate): T[] {
  const first = fromDayNumber(dayNumber(asOf) - GRADE_WINDOW_DAYS + 1);
  return invoices.filter((inv) => inv.issueDate <= asOf && (inv.issueDate >= first || openBalanceAsOf(inv, asOf) > 0));
}

export function gradeOn(invoices: readonly BookInvoice[], asOf: IsoDate) {
  return customerPaymentProfile(gradeWindow(invoices, asOf), asOf);
}

export function compareGrades(now: PaymentGrade | null, then: PaymentGrade | null): GradeTrend {
  if (now === null) return 'none';
  if (then === null) return 'new';
  const d = RANK[now] - RANK[then];
  return d < 0 ? 'better' : d > 0 ? 'worse' : 'same';
}

export function trendStart(today: IsoDate): IsoDate {
  return fromDayNumber(dayNumber(today) - TREND_LOOKBACK_DAYS);
}

export interface GradedCustomer {
  customerId: string;
  name: string;
  grade: PaymentGrade | null;
  phrase: string | null;
  gradeThen: PaymentGrade | null;
  trend: GradeTrend;
  /** Open balance in the business currency. */
  owedMinor: number;
  overdueCount: number;
}

/** One customer's row for the grades list; `invoices` are all of theirs (any order). */
export function gradeCustomer(customer: Pick<Customer, 'id' | 'displayName'>, invoices: readonly Invoice[], today: IsoDate, currency: string): GradedCustomer {
  const now = gradeOn(invoices, today);
  const then = gradeOn(invoices, trendStart(today));
  let owedMinor = 0;
  for (const inv of invoices) if (inv.currency === currency) owedMinor += openBalanceMinor(inv);
  return {
    customerId: customer.id,
    name: customer.displayName,
    grade: now.grade,
    phrase: now.phrase,
    gradeThen: then.grade,
    trend: compareGrades(now.grade, then.grade),
    owedMinor,
    overdueCount: now.overdueOpenCount,
  };
}

/** Worst grade first (D, C, B, A, then no history), most owed first within a grade. */
export function byGradeThenOwed(a: GradedCustomer, b: GradedCustomer): number {
  const rank = (g: PaymentGrade | null) => (g === null ? -1 : RANK[g]);
  return rank(b.grade) - rank(a.grade) || b.owedMinor - a.owedMinor || a.name.localeCompare(b.name);
}
