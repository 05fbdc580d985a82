import { BookProvider } from './book-context';
import { Header } from './Header';
import { Screens } from './Screens';
import { Welcome } from '../features/onboarding/Welcome';
import { FirstStart } from '../features/account/FirstStart';
import { DataProblems } from '../ui/DataProblems';
import { WatchProvider } from '../features/watch/watch-status';
import { AlertToasts } from '../features/alerts/AlertToasts';
import { CloudProvider } from '../platform/cloud-session';
import { SyncProvider } from '../platform/sync-wiring';

/**
 * The cloud and the sync sit above the book: a new PC joining a team starts with an empty
 * book, which the first sync fills while the first-start screen is showing.
 */
export function App() {
  return (
    <CloudProvider>
      <SyncProvider>
        <BookProvider fallback={(db) => <FirstStart welcome={<Welcome db={db} />} />}>
          <WatchProvider>
            <Header />
            <DataProblems />
            <main className="screen">
              <Screens />
            </main>
            <AlertToasts />
          </WatchProvider>
        </BookProvider>
      </SyncProvider>
    </CloudProvider>
  );
}
