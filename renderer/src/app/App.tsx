import { BookProvider } from './book-context';
import { Header } from './Header';
import { Screens } from './Screens';
import { Welcome } from '../features/onboarding/Welcome';
import { DataProblems } from '../ui/DataProblems';

export function App() {
  return (
    <BookProvider fallback={(db) => <Welcome db={db} />}>
      <Header />
      <DataProblems />
      <main className="screen">
        <Screens />
      </main>
    </BookProvider>
  );
}
