import { memo } from 'react';
import type { Customer } from '@core/customer';
import type { Invoice } from '@core/invoice';
import type { Rating } from '@core/rating';
import { INCIDENT_LABELS } from '@core/rating';
import { daysLate, openBalanceMinor } from '@core/invoice-status';
import { formatPhone } from '@core/identifiers';
import { StatusBadge } from '../../ui/StatusBadge';
import { money, day } from '../../ui/format';
import { ScoreChip } from '../ratings/ScoreSummary';

interface Props {
  customer: Customer;
  viaInvoice: string | null;
  invoices: Invoice[] | undefined;
  ratings: Rating[] | undefined;
  selected: boolean;
  today: string;
  currency: string;
  country: string;
  locale: string;
  index: number;
  /** Stable callbacks (the card is memoised): they receive the card's customer id or index. */
  onOpen: (customerId: string) => void;
  onHover: (index: number) => void;
}

/**
 * One customer in the counter's results: who, how risky, what they owe and how late. Memoised:
 * facts arriving a frame after the names re-render only the cards they change.
 */
export const ResultCard = memo(function ResultCard({ customer, viaInvoice, invoices, ratings, selected, today, currency, country, locale, index, onOpen, onHover }: Props) {
  const open = (invoices ?? []).filter((i) => openBalanceMinor(i) > 0);
  const owed = open.filter((i) => i.currency === currency).reduce((sum, i) => sum + openBalanceMinor(i), 0);
  const worstLate = open.reduce((max, i) => Math.max(max, daysLate(i, today)), 0);
  const incidents = (ratings ?? [])
    .filter((r) => r.incidents.length > 0)
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 2);
  const phone = customer.phones[0];
  const contact = [customer.company, phone && formatPhone(phone, country), customer.emails[0]].filter(Boolean).join(' · ');
  return (
    <li
      role="option"
      aria-selected={selected}
      id={`result-${customer.id}`}
      className={`result-card result-${customer.status.value}${selected ? ' result-selected' : ''}`}
      onClick={() => onOpen(customer.id)}
      onMouseMove={() => onHover(index)}
    >
      <div className="result-head">
        <span className="result-name">{customer.displayName}</span>
        <StatusBadge status={customer.status.value} />
        {ratings ? <ScoreChip ratings={ratings} /> : null}
      </div>
      <div className="result-contact">{contact || 'No contact details'}</div>
      {viaInvoice ? <div className="result-via">Found by invoice {viaInvoice}</div> : null}
      <div className="result-facts">
        {invoices === undefined ? (
          <span className="muted">…</span>
        ) : owed > 0 ? (
          <span className={worstLate > 0 ? 'owes late' : 'owes'}>
            Owes {money(owed, currency, locale)}
            {worstLate > 0 ? `, ${worstLate} ${worstLate === 1 ? 'day' : 'days'} late` : ', not yet due'}
          </span>
        ) : (
          <span className="muted">Nothing owed</span>
        )}
        {incidents.map((r) => (
          <span key={r.id} className="incident">
            {r.incidents.map((t) => INCIDENT_LABELS[t]).join(', ')} ({day(r.date, locale)})
          </span>
        ))}
      </div>
    </li>
  );
});
