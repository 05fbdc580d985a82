import type { CustomerStatus, CustomerStatusValue } from '../customer';
import type { IsoInstant } from '../primitives';
import type { Book, PayerProfile } from './book';

/** How a customer comes to be on watch or blacklisted (or back to normal), and why. */
const WATCH_REASONS = [
  'Two invoices paid over 30 days late',
  'Cheque returned unpaid',
  'Disputes most invoices',
  'Cancelled three bookings at short notice',
  'Rude to staff on the phone',
  'Owes on an old invoice; cash only until settled',
  'Asked for credit beyond the agreed limit',
];
const BLACKLIST_REASONS = [
  'Invoice written off after six months of chasing',
  'Abusive to staff at the counter',
  'Refused to pay; passed to debt collection',
  'Damaged hired equipment and would not pay',
  'Two cheques bounced',
  'Threatened a member of staff',
];
const RECOVERED_REASON = 'Paid up and on time since; back to normal terms';

/** The customer's current status, and the history that led to it (appended to the book). */
export function makeStatus(book: Book, customerId: string, profile: PayerProfile, createdDay: number, createdAt: IsoInstant): CustomerStatus {
  const { rng } = book;
  const [watch, black, recovered] = profile === 'prompt' ? [0.01, 0, 0.02] : profile === 'late' ? [0.1, 0.01, 0.04] : [0.28, 0.22, 0];
  const r = rng.next();
  const path: CustomerStatusValue[] =
    r < black ? (rng.chance(0.5) ? ['watch', 'blacklisted'] : ['blacklisted'])
    : r < black + watch ? ['watch']
    : r < black + watch + recovered ? ['watch', 'ok']
    : [];
  let status: CustomerStatus = { value: 'ok', reason: '', setBy: '', setAt: createdAt };
  let day = Math.max(createdDay, book.windowStart);
  for (const to of path) {
    day = rng.int(Math.min(day, book.todayDay), book.todayDay);
    const reason = to === 'watch' ? rng.pick(WATCH_REASONS) : to === 'blacklisted' ? rng.pick(BLACKLIST_REASONS) : RECOVERED_REASON;
    const setBy = book.setters.length > 0 ? rng.pick(book.setters) : '';
    let setAt = book.texts.instant(rng, day);
    if (setAt < status.setAt) setAt = status.setAt;
    book.out.statusChanges.push({ id: rng.uuid(), customerId, from: status.value, to, reason, setBy, setAt });
    status = { value: to, reason, setBy, setAt };
  }
  return status;
}
