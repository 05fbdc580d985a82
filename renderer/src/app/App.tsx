import { BookProvider } from './book-context';
import { Header } from './Header';
import { Screens } from './Screens';
import { Welcome } from '../features/onboarding/Welcome';
import { DataProblems } from '../ui/DataProblems';
import { WatchProvider } from '../features/watch/watch-status';
import { AlertToasts } from '../features/alerts/AlertToasts';

export function App() {
  return (
    <BookProvider fallback={(db) => <Welcome db={db} />}>
      <WatchProvider>
        <Header />
        <DataProblems />
        <main className="screen">
          <Screens />
        </main>
        <AlertToasts />
      </WatchProvider>
    </BookProvider>
  );
}
