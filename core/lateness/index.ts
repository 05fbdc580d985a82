/**
 * Lateness maths for the back office: who owes us, how late, who pays late. Pure functions of
 * the ledger and a calendar day in the business's time zone (from `todayIn` in core/dates.ts,
 * computed once by the caller); every definition is written out where it is implemented:
 *
 *   day-number.ts        IsoDate ⇄ days since 1970-01-01, integer maths, no Date
 *   ledger.ts            the invoice fields lateness reads; which states are receivable
 *   balance.ts           open balance at the end of a day; the day the balance reached zero
 *   days-past-due.ts     days past due on a day; overdue; signed lateness at clearing
 *   aging.ts             buckets, the hot-path agingTotals, reports per currency and customer
 *   payment-grade.ts     grade A–D cut-offs and the "usually pays …" phrase
 *   expected-payment.ts  when an open invoice is expected to be paid
 *   payment-profile.ts   one customer's weighted lateness, days to pay, grade, expectations
 *   business-metrics.ts  DSO and the share of receivables more than 90 days past due
 */
export { dayNumber, fromDayNumber, daysInMonth, isLeapYear, MIN_DAY_NUMBER, MAX_DAY_NUMBER } from './day-number';
export { isReceivable, type BookInvoice, type InvoiceLedger, type Settlement } from './ledger';
export { clearedOn, openBalanceAsOf, paidMinorAsOf, settledMinorAsOf } from './balance';
export { daysAfterDueAtClearing, daysPastDue, isOverdue } from './days-past-due';
export {
  AGING_BUCKETS,
  agingBucketIndex,
  agingBucketOf,
  agingByCustomer,
  agingReport,
  agingTotals,
  emptyAgingTotals,
  type AgingBucket,
  type AgingBuckets,
  type AgingReport,
  type AgingRow,
  type AgingTotals,
  type BucketTotal,
  type CurrencyAging,
} from './aging';
export { GRADE_CUTOFFS, GRADE_D_OVERDUE_DAYS, paymentGrade, paymentPhrase, type PaymentGrade } from './payment-grade';
export {
  expectedPaymentDate,
  OVERDUE_EXPECTATION_DAYS,
  type ExpectationBasis,
  type ExpectedDate,
} from './expected-payment';
export {
  customerPaymentProfile,
  EXPECTED_HISTORY_SIZE,
  type CustomerPaymentProfile,
  type ExpectedPayment,
} from './payment-profile';
export { dso, dsoFromTotals, shareOver90, shareOver90Of } from './business-metrics';
