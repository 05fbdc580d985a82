import {
  emptyInvoiceMapping,
  emptyPaymentMapping,
  type ImportKind,
  type InvoiceMapping,
  type PaymentMapping,
} from './fields';
import { INVOICE_SPELLINGS, normaliseHeader, PAYMENT_SPELLINGS, type Spellings } from './header-spellings';

/** How the amount column of an invoice file is meant: one line's amount, or the invoice total. */
export type AmountKind = 'line' | 'total';

/**
 * A first guess at which column holds which field, from the header's spellings. Every
 * (field, column) pair is scored — an exact spelling beats a partial one, an earlier spelling
 * in the list beats a later one — and pairs are taken best first, so each column feeds at most
 * one field and "Due Date" goes to the due date before the issue date can claim it through
 * "date". The person checks the guess in the mapping form; nothing here is final.
 */
export function guessMapping(header: readonly string[], kind: 'invoices'): InvoiceMapping;
export function guessMapping(header: readonly string[], kind: 'payments'): PaymentMapping;
export function guessMapping(header: readonly string[], kind: ImportKind): InvoiceMapping | PaymentMapping;
export function guessMapping(header: readonly string[], kind: ImportKind): InvoiceMapping | PaymentMapping {
  if (kind === 'invoices') return assign(header, INVOICE_SPELLINGS, emptyInvoiceMapping());
  return assign(header, PAYMENT_SPELLINGS, emptyPaymentMapping());
}

/**
 * Whether an amount column holds invoice totals (repeated on every line of a multi-line
 * invoice, so they must not be added up) or line amounts (added up per invoice), from its
 * header. "Total", "Gesamtbetrag", "Total TTC" → total; "Amount", "LineAmount" → line.
 */
export function guessAmountKind(header: string | undefined): AmountKind {
  if (header === undefined) return 'line';
  const h = normaliseHeader(header);
  if (/\b(line|zeile|position|ligne|regel)\b/.test(h)) return 'line';
  return /(total|totaal|gesamt|summe|brutto|gross|rechnungsbetrag|factuurbedrag|endbetrag|ttc)/.test(h) ? 'total' : 'line';
}

const EXACT = 1000;
const PARTIAL = 100;

function score(normalised: string, spellings: Spellings): number {
  const at = spellings.exact.indexOf(normalised);
  if (at !== -1) return EXACT - at;
  if (spellings.contains?.test(normalised) && !spellings.unless?.test(normalised)) return PARTIAL;
  return 0;
}

function assign<F extends string>(
  header: readonly string[],
  spellings: Readonly<Record<F, Spellings>>,
  mapping: Record<F, number | null>,
): Record<F, number | null> {
  const fields = Object.keys(spellings) as F[];
  const normalised = header.map(normaliseHeader);
  const pairs: { field: F; column: number; score: number; order: number }[] = [];
  fields.forEach((field, order) => {
    normalised.forEach((h, column) => {
      if (h === '') return;
      const s = score(h, spellings[field]);
      if (s > 0) pairs.push({ field, column, score: s, order });
    });
  });
  // Best score first; on a tie the leftmost column, then the field listed first.
  pairs.sort((a, b) => b.score - a.score || a.column - b.column || a.order - b.order);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (mapping[p.field] !== null || taken.has(p.column)) continue;
    mapping[p.field] = p.column;
    taken.add(p.column);
  }
  return mapping;
}
