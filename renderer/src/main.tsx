import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BookDb } from './db/book-db';
import { DbProvider } from './app/book-context';
import { App } from './app/App';
import { createMainClient } from './platform/trpc-client';
import { TRPCProvider } from './platform/trpc';
import './app/styles.css';

function Root() {
  // One query client and one tRPC client for the app's life (tRPC's React Query v5 shape).
  // networkMode 'always': the book and main are on this PC, so a write must not pause while the
  // PC is offline (React Query's default would hold every mutation until the network is back);
  // calls to the cloud fail fast instead, with main's "cannot reach the cloud".
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, networkMode: 'always' }, mutations: { networkMode: 'always' } },
      }),
  );
  const [trpcClient] = useState(() => createMainClient());
  const [db] = useState(() => new BookDb());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <DbProvider db={db}>
          <App />
        </DbProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
