import { useId, useState } from 'react';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { day, money } from '../../ui/format';
import { DraftPreview } from './DraftPreview';
import { PromiseDialog } from './PromiseDialog';
import { ReminderActions } from './ReminderActions';
import { reasonText, type WorkItem } from './work-list';

/** One line of today's work: who, which invoice, how much, how late, why, and what to do. */
export function WorkItemCard({ item }: { item: WorkItem }) {
  const { profile } = useBook();
  const { locale } = profile;
  const titleId = useId();
  const [promising, setPromising] = useState(false);
  const formatDay = (iso: string) => day(iso, locale);
  const formatAmount = (minor: number) => money(minor, item.currency, locale);

  return (
    <li className={`work-item${item.daysLate > 0 ? ' work-item-late' : ''}`} aria-labelledby={titleId}>
      <div className="work-item-head">
        <h3 id={titleId}>
          {item.customerName}
          <span className="work-item-invoice">{item.invoiceNumber ? ` · ${item.invoiceNumber}` : ' · whole account'}</span>
        </h3>
        <span className="work-item-amount">{formatAmount(item.openMinor)}</span>
        <span className={item.daysLate > 0 ? 'pill pill-overdue' : 'pill'}>{lateText(item.daysLate)}</span>
      </div>
      <ul className="work-reasons" aria-label="Why it is listed">
        {item.reasons.map((r, i) => (
          <li key={i}>{reasonText(r, formatDay, formatAmount)}</li>
        ))}
      </ul>
      {item.reminder ? <DraftPreview draft={item.reminder.draft} /> : null}
      <div className="toolbar work-actions" role="toolbar" aria-label={`Actions for ${item.customerName}`}>
        {item.reminder ? <ReminderActions reminder={item.reminder} /> : null}
        <button type="button" onClick={() => setPromising(true)}>
          Record promise
        </button>
        {item.invoiceId ? (
          <button type="button" onClick={() => navigate(`/invoices/${item.invoiceId}?pay=1`)}>
            Record payment
          </button>
        ) : null}
        <Link className="button" to={`/customers/${item.customerId}`}>
          Open customer
        </Link>
        {item.invoiceId ? (
          <Link className="button" to={`/invoices/${item.invoiceId}`}>
            Open invoice
          </Link>
        ) : null}
      </div>
      {promising ? <PromiseDialog open target={item} onClose={() => setPromising(false)} /> : null}
    </li>
  );
}

function lateText(daysLate: number): string {
  if (daysLate <= 0) return 'Not yet due';
  return daysLate === 1 ? '1 day late' : `${daysLate} days late`;
}
