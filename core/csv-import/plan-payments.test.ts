import { describe, expect, it } from 'vitest';
import { guessMapping } from './guess-mapping';
import { paymentAmountIn, planPaymentImport, type PaymentPlanOptions } from './plan-payments';

const options: PaymentPlanOptions = { dateFormat: 'yyyy-MM-dd', decimalStyle: 'dot', currency: 'GBP' };

function plan(text: string, opts: Partial<PaymentPlanOptions> = {}) {
  const recs = text.split('\n').map((l) => l.split(','));
  return planPaymentImport(recs, guessMapping(recs[0] ?? [], 'payments'), { ...options, ...opts });
}

describe('planPaymentImport', () => {
  it('reads payments with their method and reference', () => {
    const p = plan(`Invoice Number,Payment Date,Amount,Method,Reference
inv-1 ,2026-01-05,£40.00,Bank transfer,BACS 123
INV-2,2026-01-06,12,Visa,
INV-2,2026-01-07,1,,`);
    expect(p.errors).toEqual([]);
    expect(p.payments).toEqual([
      { row: 2, number: 'inv-1', numberKey: 'INV-1', date: '2026-01-05', amountMinor: 4000, amountText: '£40.00', method: 'bank_transfer', reference: 'BACS 123' },
      { row: 3, number: 'INV-2', numberKey: 'INV-2', date: '2026-01-06', amountMinor: 1200, amountText: '12', method: 'card', reference: '' },
      { row: 4, number: 'INV-2', numberKey: 'INV-2', date: '2026-01-07', amountMinor: 100, amountText: '1', method: 'other', reference: '' },
    ]);
  });

  it('reports each bad row by its line', () => {
    const p = plan(`Invoice Number,Payment Date,Amount
,2026-01-05,1
INV-1,05/01/2026,1
INV-1,2026-01-05,-5
INV-1,2026-01-05,0
INV-1,,`);
    expect(p.payments).toEqual([]);
    expect(p.errors).toEqual([
      { row: 2, column: 'Invoice Number', message: 'No invoice number' },
      { row: 3, column: 'Payment Date', message: '"05/01/2026" is not a date like 2025-12-31 (yyyy-MM-dd)' },
      { row: 4, column: 'Amount', message: '"-5" is negative: refunds are not imported as payments' },
      { row: 5, column: 'Amount', message: 'A payment of zero records nothing' },
      { row: 6, column: 'Payment Date', message: 'No date' },
      { row: 6, column: 'Amount', message: 'No amount' },
    ]);
  });

  it('reads an amount again in the currency of the invoice it pays', () => {
    const p = plan(`Invoice Number,Payment Date,Amount
INV-1,2026-01-05,1234.5`);
    const [payment] = p.payments;
    if (!payment) throw new Error('planned nothing');
    expect(payment.amountMinor).toBe(123450);
    expect(paymentAmountIn(payment, p, 'KWD')).toEqual({ ok: true, minor: 1234500 });
    expect(paymentAmountIn(payment, p, 'GBP')).toEqual({ ok: true, minor: 123450 });
    expect(paymentAmountIn(payment, p, 'JPY')).toMatchObject({ ok: false, error: 'JPY amounts have no decimals' });
  });

  it('reports a missing required column against the header', () => {
    const p = plan(`Invoice Number,Amount
INV-1,1`);
    expect(p.errors).toEqual([{ row: 1, column: 'Payment date', message: 'Choose the column that holds the payment date' }]);
  });
});
