import type { InvoiceFilter } from '../../db/invoices-repo';

export const INVOICE_FILTERS: readonly { value: InvoiceFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
];

/** The filter named in the route (?filter=overdue), or "all" for anything else. */
export function filterFromParam(param: string | null): InvoiceFilter {
  return INVOICE_FILTERS.find((f) => f.value === param)?.value ?? 'all';
}

/** Rows are loaded in aligned pages, so a scroll of a few rows does not start a new read. */
export const LIST_PAGE_SIZE = 50;

/**
 * The half-open range [from, to) of list positions to load for the rows on screen
 * (first..last, inclusive): widened by half a page either way, so the next rows are read
 * before they scroll into view, then to whole pages. Reads keyed on page bounds rather than on
 * the exact visible rows stay the same while a person scrolls within a page, so the list
 * neither re-reads nor flickers on every wheel tick.
 */
export function pageWindow(first: number, last: number, count: number, pageSize = LIST_PAGE_SIZE): { from: number; to: number } {
  if (count <= 0 || last < first) return { from: 0, to: 0 };
  const margin = Math.floor(pageSize / 2);
  const from = Math.floor(Math.max(0, first - margin) / pageSize) * pageSize;
  const to = Math.min(count, (Math.floor(Math.min(last + margin, count - 1) / pageSize) + 1) * pageSize);
  return { from: Math.min(from, to), to };
}

/**
 * Where keyboard navigation in the list lands: arrows move one row, Page keys a screenful,
 * Home/End the ends. Returns null for keys the list does not handle.
 */
export function nextRowIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(current - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
