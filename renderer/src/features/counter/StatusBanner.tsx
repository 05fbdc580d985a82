import type { Customer } from '@core/customer';
import { instant } from '../../ui/format';
import { WarningIcon } from '../../ui/WarningIcon';

/**
 * The warning a counter clerk cannot miss: shown whenever a watch or blacklisted customer is
 * selected, with the reason, who set it and when. Announced to screen readers at once.
 */
export function StatusBanner({ customer, locale }: { customer: Customer; locale: string }) {
  const { status } = customer;
  if (status.value === 'ok') return null;
  const blacklisted = status.value === 'blacklisted';
  return (
    <section role="alert" aria-label={blacklisted ? 'Blacklisted customer' : 'Customer on watch'} className={`status-banner status-banner-${status.value}`}>
      <strong className="status-banner-title">
        <WarningIcon /> {blacklisted ? 'BLACKLISTED' : 'ON WATCH'}: {customer.displayName}
      </strong>
      <span className="status-banner-reason">{status.reason || 'No reason given'}</span>
      <span className="status-banner-meta">
        Set by {status.setBy || 'someone'} on {instant(status.setAt, locale)}
      </span>
    </section>
  );
}
