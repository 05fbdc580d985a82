import type { CustomerStatusValue } from '@core/customer';

export const STATUS_LABELS: Record<CustomerStatusValue, string> = {
  ok: 'OK',
  watch: 'Watch',
  blacklisted: 'Blacklisted',
};

export function StatusBadge({ status }: { status: CustomerStatusValue }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
