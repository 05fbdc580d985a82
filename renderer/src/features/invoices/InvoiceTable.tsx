import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useBook } from '../../app/book-context';
import { navigate } from '../../app/router';
import { nextRowIndex } from './invoice-list';
import { InvoiceTableRow, PlaceholderRow } from './InvoiceTableRow';
import { useInvoiceWindow } from './use-invoice-window';
import './invoices.css';

/** Fixed row and header heights (kept in step with invoices.css) so no row is measured. */
const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const COLUMN_COUNT = 8;

/**
 * The invoice list, virtualised: only the rows on screen (plus a few either side) exist in the
 * DOM, with spacer rows standing in for the rest, so it keeps native table semantics and
 * aligned columns at 300,000 rows. One row at a time is in the Tab order (its number link);
 * arrows, Page Up/Down, Home and End move between rows, scrolling as needed.
 */
export function InvoiceTable({ ids, caption }: { ids: readonly string[]; caption: string }) {
  const { db, today, profile } = useBook();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits over the top of the scroll area; keep a focused row out from under it.
    scrollPaddingEnd: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const rows = useInvoiceWindow(db, ids, first, last);

  const [active, setActive] = useState(0);
  // Stable, so rows that stay on screen while scrolling are not re-rendered (InvoiceTableRow is memoised).
  const openInvoice = useCallback((id: string) => navigate(`/invoices/${id}`), []);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  // The tabbable row: the last one used, or the first on screen when that one scrolled away.
  const tabbable = active >= first && active <= last ? active : first;

  // A row moved to by keyboard may not be rendered yet; focus it once it is.
  useEffect(() => {
    if (pendingFocus === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${pendingFocus}"] a`);
    if (link) {
      link.focus();
      setPendingFocus(null);
    }
  }, [pendingFocus, items, rows]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const viewport = scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10;
    const target = nextRowIndex(e.key, tabbable, ids.length, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    if (target === null) return;
    e.preventDefault();
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setPendingFocus(target);
  };

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div ref={scrollRef} className="virtual-scroller inv-scroll" style={{ scrollPaddingTop: HEADER_HEIGHT }}>
      <table className="inv-table" aria-rowcount={ids.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="inv-col-number" />
          <col className="inv-col-customer" />
          <col className="inv-col-date" />
          <col className="inv-col-date" />
          <col className="inv-col-money" />
          <col className="inv-col-money" />
          <col className="inv-col-status" />
          <col className="inv-col-late" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            <th scope="col">Number</th>
            <th scope="col">Customer</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">Total</th>
            <th scope="col" className="num">Open balance</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Days late</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {top > 0 ? <SpacerRow height={top} /> : null}
          {items.map((item) => {
            const id = ids[item.index];
            const row = id === undefined ? undefined : rows.get(id);
            if (id === undefined || !row) return <PlaceholderRow key={item.key} index={item.index} height={ROW_HEIGHT} columns={COLUMN_COUNT} />;
            return (
              <InvoiceTableRow
                key={id}
                index={item.index}
                height={ROW_HEIGHT}
                item={row}
                today={today}
                locale={profile.locale}
                tabbable={item.index === tabbable}
                onOpen={openInvoice}
                onFocusRow={setActive}
              />
            );
          })}
          {bottom > 0 ? <SpacerRow height={bottom} /> : null}
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="inv-spacer" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}
