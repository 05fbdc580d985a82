import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Customer } from '@core/customer';
import { useBook } from '../../app/book-context';
import { searchCounter } from '../../db/counter-search';
import { TextField } from '../../ui/Field';
import './invoices.css';

const MAX_HITS = 8;

/**
 * Chooses a customer by typing part of a name, phone, e-mail or invoice number: the counter's
 * own search, shown as an ARIA combobox. Arrow keys move through the matches, Enter picks,
 * Escape closes; the list never submits the surrounding form.
 */
export function CustomerPicker({ value, onChange, error }: { value: Customer | null; onChange: (c: Customer | null) => void; error?: string | undefined }) {
  const { db } = useBook();
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = text.trim();
  const search = useQuery({
    queryKey: ['invoice-editor', 'customer-search', query],
    queryFn: () => searchCounter(db, query, MAX_HITS),
    enabled: query !== '',
    // Keep the last matches on screen while the next keystroke's search runs.
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const hits = query === '' ? [] : (search.data ?? []);
  const showList = open && hits.length > 0;

  const choose = (c: Customer) => {
    onChange(c);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % hits.length : (i - 1 + hits.length) % hits.length));
    } else if (e.key === 'Enter' && showList) {
      e.preventDefault();
      const hit = hits[Math.min(active, hits.length - 1)];
      if (hit) choose(hit.customer);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const activeId = showList ? `${listId}-${Math.min(active, hits.length - 1)}` : undefined;
  if (value) {
    return (
      <div ref={boxRef} className="inv-picker">
        <ChosenCustomer
          customer={value}
          error={error}
          onChange={() => {
            onChange(null);
            setText('');
            // Back to typing: the input replaces this view on the next render.
            requestAnimationFrame(() => boxRef.current?.querySelector('input')?.focus());
          }}
        />
      </div>
    );
  }
  return (
    <div ref={boxRef} className="inv-picker">
      <TextField
        label="Customer"
        hint="Type a name, phone number, e-mail or invoice number"
        value={text}
        error={error}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Matching customers" className="inv-picker-list" hidden={!showList}>
        {hits.map((hit, i) => (
          <li
            key={hit.customer.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(hit.customer);
            }}
          >
            <strong>{hit.customer.displayName}</strong>
            {hit.customer.company ? <span className="muted"> · {hit.customer.company}</span> : null}
            {hit.viaInvoice ? <span className="muted"> · invoice {hit.viaInvoice}</span> : null}
          </li>
        ))}
      </ul>
      {open && query !== '' && !search.isFetching && hits.length === 0 ? (
        <p className="field-hint" role="status">
          No customer matches “{query}”.
        </p>
      ) : null}
    </div>
  );
}

/** The chosen customer, with a way back to searching. */
function ChosenCustomer({ customer, error, onChange }: { customer: Customer; error?: string | undefined; onChange: () => void }) {
  const labelId = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'} role="group" aria-labelledby={labelId}>
      <span className="inv-field-label" id={labelId}>
        Customer
      </span>
      <p className="inv-chosen">
        <strong>{customer.displayName}</strong>
        {customer.company ? <span className="muted"> · {customer.company}</span> : null}{' '}
        <button type="button" onClick={onChange}>
          Change customer
        </button>
      </p>
      {error ? (
        <small className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
