import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { openBalanceMinor } from '@core/invoice-status';
import { useBook } from '../../app/book-context';
import { navigate } from '../../app/router';
import { StatusDialog } from '../customers/StatusDialog';
import { ResultCard } from './ResultCard';
import { StatusBanner } from './StatusBanner';
import { useCardFacts, useCounterSearch } from './use-counter-search';
import { useReportCustomerOpened } from '../watch/watch-status';

/**
 * The home screen: one search box, focused on open. Type a name, a company, any part of a
 * phone number written any way, an e-mail or an invoice number; arrows pick, Enter opens,
 * `/` comes back to the box from anywhere on the screen.
 */
export function CounterScreen() {
  const { db, today, profile } = useBook();
  const [query, setQuery] = useState('');
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [statusFor, setStatusFor] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useCounterSearch(db, query);
  const hits = results?.hits ?? [];
  const facts = useCardFacts(db, hits.map((h) => h.customer.id));
  const selected = hits[Math.min(selectedIndex, hits.length - 1)];
  useReportCustomerOpened(selected?.customer, 800);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelectedIndex((i) => Math.min(i + 1, Math.max(hits.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelectedIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      navigate(`/customers/${selected.customer.id}`);
    } else if (e.key === 'Escape') {
      setQuery('');
      setSelectedIndex(0);
    }
  };

  const openCustomer = useCallback((id: string) => navigate(`/customers/${id}`), []);
  const selectedInvoices = selected ? (facts.invoices.get(selected.customer.id) ?? []) : [];
  const oldestOpen = selectedInvoices.filter((i) => openBalanceMinor(i) > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  const statusCustomer = hits.find((h) => h.customer.id === statusFor)?.customer;

  return (
    <div className="counter">
      <h1 className="visually-hidden">Counter</h1>
      <div className="counter-search">
        <label htmlFor="counter-query">Find a customer</label>
        <input
          id="counter-query"
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="counter-results"
          aria-activedescendant={selected ? `result-${selected.customer.id}` : undefined}
          autoComplete="off"
          autoFocus
          spellCheck={false}
          placeholder="Name, company, phone, e-mail or invoice number   ( / )"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelectedIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>

      {selected ? <StatusBanner customer={selected.customer} locale={profile.locale} /> : null}

      {selected ? (
        <div className="quick-actions" role="toolbar" aria-label={`Actions for ${selected.customer.displayName}`}>
          <button type="button" onClick={() => navigate(`/customers/${selected.customer.id}`)}>
            Open
          </button>
          <button type="button" onClick={() => navigate(`/customers/${selected.customer.id}/rate`)}>
            Rate
          </button>
          <button type="button" onClick={() => navigate(`/invoices/new?customer=${selected.customer.id}`)}>
            New invoice
          </button>
          <button type="button" disabled={!oldestOpen} onClick={() => oldestOpen && navigate(`/invoices/${oldestOpen.id}?pay=1`)}>
            Record payment
          </button>
          <button type="button" onClick={() => setStatusFor(selected.customer.id)}>
            Set status
          </button>
        </div>
      ) : null}

      {query.trim() !== '' && results && hits.length === 0 ? (
        <p className="counter-empty">
          No customer matches “{query}”. <a href={`#/customers/new?name=${encodeURIComponent(query)}`}>Add a new customer</a>
        </p>
      ) : null}

      <ul id="counter-results" role="listbox" aria-label="Matching customers" className="results" data-query={results?.query ?? ''}>
        {hits.map((hit, index) => (
          <ResultCard
            key={hit.customer.id}
            customer={hit.customer}
            viaInvoice={hit.viaInvoice}
            invoices={facts.loaded.has(hit.customer.id) ? facts.invoices.get(hit.customer.id) : undefined}
            ratings={facts.loaded.has(hit.customer.id) ? facts.ratings.get(hit.customer.id) : undefined}
            selected={hit === selected}
            today={today}
            currency={profile.currency}
            country={profile.country}
            locale={profile.locale}
            index={index}
            onOpen={openCustomer}
            onHover={setSelectedIndex}
          />
        ))}
      </ul>

      {statusCustomer ? <StatusDialog customer={statusCustomer} onClose={() => setStatusFor(null)} /> : null}
    </div>
  );
}
