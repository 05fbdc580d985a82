import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A hash router: the app is one page, loaded from a file in Electron and from the web host in
 * a browser, and a hash route works the same in both without server rewrites.
 *
 * Routes: /counter, /customers, /customers/new, /customers/:id, /customers/:id/edit,
 * /customers/:id/rate, /invoices, /invoices/new?customer=:id, /invoices/:id, /invoices/:id/edit,
 * /account (sign-in, sign-up, join, verify, team, outbox, review: see features/account/AccountArea),
 * /sync.
 */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

function readHash(): string {
  return window.location.hash.replace(/^#/, '') || '/counter';
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.split('?', 2);
  return { path: pathPart.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return parseRoute(hash);
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(e);
    },
    [onClick],
  );
  return <a href={`#${to}`} onClick={handle} {...rest} />;
}
