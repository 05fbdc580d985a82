import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '@core/invoice-status';
import './invoices.css';

/** The derived status as a coloured pill; the label is always in words, never colour alone. */
export function InvoiceStatusPill({ status }: { status: InvoiceStatus }) {
  return <span className={`pill pill-${status}`}>{INVOICE_STATUS_LABELS[status]}</span>;
}
