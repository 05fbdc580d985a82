import { useRoute } from './router';
import { CounterScreen } from '../features/counter/CounterScreen';
import { CustomersScreen } from '../features/customers/CustomersScreen';
import { CustomerDetail } from '../features/customers/CustomerDetail';
import { CustomerEditor } from '../features/customers/CustomerEditor';
import { RatingScreen } from '../features/ratings/RatingScreen';
import { InvoicesScreen } from '../features/invoices/InvoicesScreen';
import { InvoiceDetail } from '../features/invoices/InvoiceDetail';
import { InvoiceEditor } from '../features/invoices/InvoiceEditor';
import { AlertCentre } from '../features/alerts/AlertCentre';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { ChaseScreen } from '../features/chase/ChaseScreen';
import { StatementScreen } from '../features/chase/StatementScreen';
import { AccountArea } from '../features/account/AccountArea';
import { SyncDetails } from '../features/sync-status/SyncDetails';

/** Picks the screen for the current hash route (see router.tsx for the list). */
export function Screens() {
  const { path, params } = useRoute();
  const [section, id, action] = path;
  switch (section) {
    case 'customers':
      if (id === undefined) return <CustomersScreen />;
      if (id === 'new') return <CustomerEditor customerId={null} />;
      if (action === 'edit') return <CustomerEditor key={id} customerId={id} />;
      if (action === 'rate') return <RatingScreen key={id} customerId={id} invoiceId={params.get('invoice')} />;
      if (action === 'statement') return <StatementScreen key={id} customerId={id} />;
      return <CustomerDetail key={id} customerId={id} />;
    case 'invoices':
      if (id === undefined) return <InvoicesScreen />;
      if (id === 'new') return <InvoiceEditor invoiceId={null} customerId={params.get('customer')} />;
      if (action === 'edit') return <InvoiceEditor key={id} invoiceId={id} customerId={null} />;
      return <InvoiceDetail key={id} invoiceId={id} />;
    case 'alerts':
      return <AlertCentre />;
    case 'settings':
      return <SettingsScreen />;
    case 'import':
      return <ImportScreen />;
    case 'chase':
      return <ChaseScreen />;
    case 'account':
      return <AccountArea page={id} />;
    case 'sync':
      return <SyncDetails />;
    default:
      return <CounterScreen />;
  }
}
