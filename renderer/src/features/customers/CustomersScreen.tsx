import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatPhone } from '@core/identifiers';
import { useBook } from '../../app/book-context';
import { Link, navigate } from '../../app/router';
import { getCustomers } from '../../db/customers-repo';
import { useIdList } from '../../db/use-id-list';
import { searchCounter } from '../../db/counter-search';
import { StatusBadge } from '../../ui/StatusBadge';
import { day } from '../../ui/format';
import { listCustomerIds, type CustomerSort, type CustomerStatusFilter } from './list-customers';

const ROW_HEIGHT = 44;

/**
 * All customers, sortable and filterable. The list is virtualised: only the ids come from an
 * index up front, and rows are read for the part of the list on screen.
 */
export function CustomersScreen() {
  const { db, profile } = useBook();
  const [status, setStatus] = useState<CustomerStatusFilter>('all');
  const [sort, setSort] = useState<CustomerSort>('name');
  const [text, setText] = useState('');
  const ids = useIdList(db.customers, ['customer-ids', status, sort, text], async () => {
    if (text.trim() === '') return listCustomerIds(db, status, sort);
    const hits = await searchCounter(db, text, 200);
    return hits.filter((h) => status === 'all' || h.customer.status.value === status).map((h) => h.customer.id);
  });

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const windowKey = ids ? ids.slice(first, last + 1).join(',') : '';
  const rows = useLiveQuery(async () => {
    const wanted = windowKey === '' ? [] : windowKey.split(',');
    return new Map((await getCustomers(db, wanted)).map((c) => [c.id, c]));
  }, [db, windowKey]);

  return (
    <div className="customers">
      <div className="screen-head">
        <h1>Customers</h1>
        <span className="muted">{ids ? `${ids.length.toLocaleString(profile.locale)} shown` : 'Loading…'}</span>
        <Link to="/customers/new" className="button primary">
          New customer
        </Link>
      </div>
      <div className="filters" role="group" aria-label="Filter customers">
        <label>
          Find <input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label="Find in customers" />
        </label>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as CustomerStatusFilter)} aria-label="Status filter">
            <option value="all">All</option>
            <option value="ok">OK</option>
            <option value="watch">Watch</option>
            <option value="blacklisted">Blacklisted</option>
          </select>
        </label>
        <label>
          Sort{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as CustomerSort)} aria-label="Sort customers" disabled={text.trim() !== ''}>
            <option value="name">Name A–Z</option>
            <option value="name-desc">Name Z–A</option>
            <option value="newest">Newest first</option>
            <option value="updated">Recently changed</option>
          </select>
        </label>
      </div>
      <div className="table-head customer-grid" aria-hidden="true">
        <span>Name</span>
        <span>Company</span>
        <span>Phone</span>
        <span>Status</span>
        <span>Since</span>
      </div>
      <div ref={scroller} className="virtual-scroller" role="list" aria-label="Customer list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids?.[item.index];
            const c = id ? rows?.get(id) : undefined;
            return (
              <div
                key={item.key}
                role="listitem"
                className="virtual-row customer-grid"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {c ? (
                  <>
                    <a href={`#/customers/${c.id}`} onClick={(e) => (e.preventDefault(), navigate(`/customers/${c.id}`))}>
                      {c.displayName}
                    </a>
                    <span>{c.company}</span>
                    <span>{c.phones[0] ? formatPhone(c.phones[0], profile.country) : ''}</span>
                    <span>
                      <StatusBadge status={c.status.value} />
                    </span>
                    <span>{day(c.createdAt.slice(0, 10), profile.locale)}</span>
                  </>
                ) : (
                  <span className="muted">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
