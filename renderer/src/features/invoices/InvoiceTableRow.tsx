import { memo, type MouseEvent } from 'react';
import { invoiceStatus, daysLate, openBalanceMinor } from '@core/invoice-status';
import type { IsoDate } from '@core/primitives';
import { Link } from '../../app/router';
import { day, money } from '../../ui/format';
import { InvoiceStatusPill } from './InvoiceStatusPill';
import type { InvoiceListItem } from './use-invoice-window';

interface RowProps {
  index: number;
  height: number;
  item: InvoiceListItem;
  today: IsoDate;
  locale: string;
  tabbable: boolean;
  onOpen: (invoiceId: string) => void;
  onFocusRow: (index: number) => void;
}

/** One invoice in the list. The number is the keyboard way in; a click anywhere on the row opens it too. */
export const InvoiceTableRow = memo(function InvoiceTableRow({ index, height, item, today, locale, tabbable, onOpen, onFocusRow }: RowProps) {
  const { invoice, customerName } = item;
  const status = invoiceStatus(invoice, today);
  const late = daysLate(invoice, today);
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    // The link handles its own click; anything else on the row (selecting text aside) opens it.
    if ((e.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
    onOpen(invoice.id);
  };
  return (
    <tr data-index={index} aria-rowindex={index + 2} className="inv-row" style={{ height }} onClick={onClick}>
      <td>
        <Link to={`/invoices/${invoice.id}`} tabIndex={tabbable ? 0 : -1} onFocus={() => onFocusRow(index)}>
          {invoice.number}
        </Link>
      </td>
      <td className="inv-ellipsis" title={customerName}>
        {customerName || <span className="muted">Unknown customer</span>}
      </td>
      <td>{day(invoice.issueDate, locale)}</td>
      <td>{day(invoice.dueDate, locale)}</td>
      <td className="num">{money(invoice.totalMinor, invoice.currency, locale)}</td>
      <td className="num">{money(openBalanceMinor(invoice), invoice.currency, locale)}</td>
      <td>
        <InvoiceStatusPill status={status} />
      </td>
      <td className={late > 0 ? 'num inv-late' : 'num'}>{late > 0 ? late : ''}</td>
    </tr>
  );
});

/** A row whose invoice is still being read: same height, so the scrollbar never jumps. */
export function PlaceholderRow({ index, height, columns }: { index: number; height: number; columns: number }) {
  return (
    <tr data-index={index} aria-rowindex={index + 2} className="inv-row inv-row-loading" style={{ height }}>
      <td colSpan={columns}>
        <span className="muted">Loading…</span>
      </td>
    </tr>
  );
}
