import { Invoice } from '../invoice';
import type { CurrencyCode, Id, IsoDate } from '../primitives';

/**
 * Test data for core/lateness: terse invoice specs turned into real, schema-valid `Invoice`s
 * (parsed with the contract's own zod schema, so a test can never rely on an impossible one).
 */

export function testId(n: number): Id {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const CUSTOMER_A = testId(0xa0001);
export const CUSTOMER_B = testId(0xb0001);

export interface InvoiceSpec {
  total?: number;
  issue?: IsoDate;
  due?: IsoDate;
  state?: Invoice['state'];
  currency?: CurrencyCode;
  customer?: Id;
  /** [date, amountMinor] */
  paid?: readonly (readonly [IsoDate, number])[];
  credits?: readonly (readonly [IsoDate, number])[];
}

let next = 1;

export function invoice(spec: InvoiceSpec = {}): Invoice {
  const n = next++;
  return Invoice.parse({
    id: testId(n),
    number: `INV-${n}`,
    customerId: spec.customer ?? CUSTOMER_A,
    issueDate: spec.issue ?? '2024-01-01',
    dueDate: spec.due ?? '2024-01-31',
    currency: spec.currency ?? 'EUR',
    totalMinor: spec.total ?? 10_000,
    state: spec.state ?? 'issued',
    payments: (spec.paid ?? []).map(([date, amountMinor], i) => ({
      id: testId(1_000_000 + n * 1000 + i),
      date,
      amountMinor,
      method: 'bank_transfer',
      recordedBy: '',
      recordedAt: '2024-01-01T00:00:00Z',
    })),
    creditNotes: (spec.credits ?? []).map(([date, amountMinor], i) => ({
      id: testId(2_000_000 + n * 1000 + i),
      date,
      amountMinor,
      reason: '',
    })),
    notes: '',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  });
}
