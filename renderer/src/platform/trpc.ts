import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../../../main/router/app-router';

/**
 * React bindings for main's router. Wrap the app in
 * `<TRPCProvider trpcClient={createMainClient()} queryClient={queryClient}>`, then in a
 * component: `const trpc = useTRPC(); useQuery(trpc.settings.get.queryOptions())`.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
