import { describe, expect, it } from 'vitest';
import { invoice } from '@core/lateness/test-invoices';
import { addressLines, statementRows, statementTotals } from './statement';

const today = '2025-06-10';

describe('statementRows', () => {
  it('lists what is owed, oldest due first, with paid, open and days late', () => {
    const later = invoice({ issue: '2025-05-20', due: '2025-06-19', total: 30_000, currency: 'GBP' });
    const partly = invoice({ issue: '2025-04-01', due: '2025-05-01', total: 10_000, currency: 'GBP', paid: [['2025-05-05', 2_500]], credits: [['2025-05-06', 500]] });
    const paid = invoice({ issue: '2025-04-01', due: '2025-05-01', total: 100, currency: 'GBP', paid: [['2025-05-01', 100]] });
    const draft = invoice({ issue: '2025-04-01', due: '2025-05-01', state: 'draft', currency: 'GBP' });
    const disputed = invoice({ issue: '2025-03-01', due: '2025-03-31', total: 700, currency: 'GBP', state: 'disputed' });
    const rows = statementRows([later, partly, paid, draft, disputed], today);
    expect(rows.map((r) => [r.number, r.paidMinor, r.openMinor, r.daysLate, r.disputed])).toEqual([
      [disputed.number, 0, 700, 71, true],
      [partly.number, 3_000, 7_000, 40, false],
      [later.number, 0, 30_000, 0, false],
    ]);
  });
});

describe('statementTotals', () => {
  it('totals each currency apart, the business currency first', () => {
    const rows = statementRows(
      [invoice({ currency: 'EUR', total: 100 }), invoice({ currency: 'GBP', total: 200 }), invoice({ currency: 'GBP', total: 50 }), invoice({ currency: 'CHF', total: 7 })],
      today,
    );
    expect(statementTotals(rows, 'GBP')).toEqual([['GBP', 250], ['CHF', 7], ['EUR', 100]]);
  });
});

describe('addressLines', () => {
  const names = (code: string) => ({ IE: 'Ireland' })[code] ?? code;
  it('prints the parts there are, the country only when abroad', () => {
    const home = { line1: '4 Quay St', line2: '', city: 'Bristol', postcode: 'BS1 4DJ', region: ' ', country: 'GB' };
    expect(addressLines(home, 'GB', names)).toEqual(['4 Quay St', 'Bristol', 'BS1 4DJ']);
    expect(addressLines({ ...home, city: 'Dublin', postcode: 'D02 X285', country: 'IE' }, 'GB', names)).toEqual(['4 Quay St', 'Dublin', 'D02 X285', 'Ireland']);
  });
});
