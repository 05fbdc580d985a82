import { formatIsoDate } from '@core/dates';
import { formatMoney } from '@core/money';
import { alertKey, severityForStatus } from '@core/watch/alerts';
import type { MirrorCustomer } from '@core/watch/mirror';
import type { PaymentPromise } from '@core/watch/promises';
import type { AlertSpec } from './alert-book';

/**
 * The words of each alert, for the page, the tray and the desktop notification. They name the
 * customer: alerts are shown to the business's own staff, never written to a log.
 */

function statusWords(customer: MirrorCustomer): string {
  return customer.status === 'blacklisted' ? 'blacklisted' : 'on the watch list';
}

function reasonSentence(customer: MirrorCustomer): string {
  const reason = customer.statusReason.trim();
  const by = customer.statusSetBy.trim();
  return [reason ? `Reason: ${reason}.` : 'No reason was given.', by ? `Set by ${by}.` : ''].filter(Boolean).join(' ');
}

export function counterOpenAlert(customer: MirrorCustomer, today: string): AlertSpec {
  const flagged = customer.status === 'blacklisted' ? 'blacklisted' : 'watch';
  return {
    key: alertKey.counterOpen(customer.id, today),
    kind: 'counter_open',
    severity: severityForStatus(flagged),
    customerId: customer.id,
    invoiceId: null,
    title: `${customer.name} is ${statusWords(customer)}`,
    body: `Opened at the counter. ${reasonSentence(customer)}`,
  };
}

export function newInvoiceAlert(customer: MirrorCustomer, invoiceId: string, invoiceNumber: string | null): AlertSpec {
  const flagged = customer.status === 'blacklisted' ? 'blacklisted' : 'watch';
  const invoice = invoiceNumber ? `Invoice ${invoiceNumber}` : 'An invoice';
  return {
    key: alertKey.newInvoice(invoiceId),
    kind: 'new_invoice',
    severity: severityForStatus(flagged),
    customerId: customer.id,
    invoiceId,
    title: `New invoice for ${customer.name}, who is ${statusWords(customer)}`,
    body: `${invoice} was just created. ${reasonSentence(customer)}`,
  };
}

export function blacklistedOwingAlert(customer: MirrorCustomer, owed: ReadonlyMap<string, number>, invoices: number, locale: string): AlertSpec {
  const amount = [...owed].map(([currency, minor]) => formatMoney(minor, currency, locale)).join(' + ');
  return {
    key: alertKey.blacklistedOwing(customer.id, customer.statusSetAt),
    kind: 'blacklisted_owing',
    severity: 'critical',
    customerId: customer.id,
    invoiceId: null,
    title: `${customer.name} was blacklisted and owes ${amount}`,
    body: `${invoices === 1 ? '1 open invoice' : `${invoices} open invoices`}. ${reasonSentence(customer)}`,
  };
}

export function brokenPromiseAlert(
  customerName: string,
  promise: PaymentPromise,
  stillOwed: { minor: number; currency: string } | null,
  locale: string,
): AlertSpec {
  const promised = promise.amountMinor !== null && stillOwed ? formatMoney(promise.amountMinor, stillOwed.currency, locale) : 'payment';
  const owed = stillOwed ? ` ${formatMoney(stillOwed.minor, stillOwed.currency, locale)} is still owed.` : '';
  return {
    key: alertKey.brokenPromise(promise.id),
    kind: 'broken_promise',
    severity: 'warning',
    customerId: promise.customerId,
    invoiceId: promise.invoiceId,
    title: `${customerName} did not keep a promise to pay`,
    body: `Promised ${promised} by ${formatIsoDate(promise.promisedDate, locale)}.${owed}${promise.note ? ` Note: ${promise.note}` : ''}`,
  };
}
