import { httpBatchLink, httpSubscriptionLink, splitLink, type TRPCLink } from '@trpc/client';
import type { AppRouter } from '../../../main/router/app-router';

/** Same origin as the page: the web host serves both the app and main's router. */
const API_URL = '/trpc';

/**
 * Web mode: queries and mutations are batched over HTTP; subscriptions (alerts, settings
 * changes) use server-sent events, which reconnect by themselves after a drop.
 */
export function webLink(): TRPCLink<AppRouter> {
  return splitLink({
    condition: (op) => op.type === 'subscription',
    true: httpSubscriptionLink({ url: API_URL }),
    false: httpBatchLink({ url: API_URL }),
  });
}
