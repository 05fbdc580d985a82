import { createElement, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createTRPCContext, useSubscription } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter as MainAppRouter } from '../../../main/router/app-router';
import { codeOf, createCloudClient, type CloudAppRouter, type Me } from './cloud-client';
import { useTRPC, useTRPCClient } from './trpc';

/**
 * The cloud in React, beside main's bindings (platform/trpc.ts): its query options
 * (`useCloud()`), its client (`useCloudClient()`), and where this PC stands with it
 * (`useCloudSession()`), for the account screens and the sync. Query keys carry the prefix
 * `CLOUD_KEY_PREFIX`, so the two routers' caches can never collide and everything from the
 * cloud can be forgotten at once on sign-out (`forgetCloudData`).
 */
export const CLOUD_KEY_PREFIX = 'cloudApi';

/**
 * Forgets every answer from the cloud (signed out, another cloud): each cached query is reset
 * to "never fetched" in place. Not removed: a mounted component's observer would stay on the
 * removed query, never to see the next account's data.
 */
export function forgetCloudData(queryClient: QueryClient): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: [[CLOUD_KEY_PREFIX]] })) query.reset();
}

export const {
  TRPCProvider: CloudTRPCProvider,
  useTRPC: useCloud,
  useTRPCClient: useCloudClient,
} = createTRPCContext<CloudAppRouter, { keyPrefix: true }>();

/**
 * Puts the cloud client in React: `useCloud()` for query and mutation options, `useCloudClient()`
 * for direct calls. When the cloud refuses the session, main has already dropped it: the
 * connection is read again (it now says signed out) and every cloud answer in the cache goes,
 * so no screen keeps showing a team this PC is no longer signed in to.
 */
export function CloudProvider({ children }: { children: ReactNode }) {
  const main = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [client] = useState(() =>
    createCloudClient(main, {
      onSessionEnded: () => {
        // Connection first: once it says signed out, nothing asks the cloud again.
        void queryClient
          .invalidateQueries({ queryKey: trpc.cloud.connection.queryKey() })
          .finally(() => forgetCloudData(queryClient));
      },
    }),
  );
  // Main says when the connection changes (signed in or out here or by the cloud, a new
  // address, the local cloud in trouble): the cached connection follows at once.
  useSubscription(
    trpc.cloud.changes.subscriptionOptions(undefined, {
      onData: (info) => {
        const before = queryClient.getQueryData(trpc.cloud.connection.queryKey());
        queryClient.setQueryData(trpc.cloud.connection.queryKey(), info);
        if (before && (before.signedIn !== info.signedIn || before.url !== info.url) && !info.signedIn) {
          forgetCloudData(queryClient);
        }
      },
    }),
  );
  return createElement(CloudTRPCProvider, { trpcClient: client, queryClient, keyPrefix: CLOUD_KEY_PREFIX, children });
}

export type Connection = inferRouterOutputs<MainAppRouter>['cloud']['connection'];

/**
 * Where this PC stands with the cloud, for every screen that cares:
 * - `signed_out`: main holds no session (or the cloud ended it);
 * - `needs_code`: signed in after sign-up, the e-mail code not entered yet;
 * - `signed_in`: a member whose address is confirmed (the business may still await review);
 * - `loading`: not known yet. `unreachable`: signed in, but the account could not be read
 *   (offline, or the cloud is down) and nothing was read before.
 */
export type CloudSession =
  | { state: 'loading'; connection: Connection | undefined }
  | { state: 'signed_out'; connection: Connection }
  | { state: 'unreachable'; connection: Connection; error: unknown }
  | { state: 'needs_code'; connection: Connection; me: Me }
  | { state: 'signed_in'; connection: Connection; me: Me };

export function useCloudSession(): CloudSession {
  const trpc = useTRPC();
  const cloud = useCloud();
  const connection = useQuery(trpc.cloud.connection.queryOptions());
  const signedIn = connection.data?.signedIn === true;
  const me = useQuery({
    ...cloud.account.me.queryOptions(),
    enabled: signedIn,
    staleTime: 60_000,
    retry: 1,
    // Out of reach at start: ask again now and then, so the sync starts once the cloud answers.
    refetchInterval: (query) => (query.state.status === 'error' ? 30_000 : false),
  });
  return useMemo((): CloudSession => {
    const conn = connection.data;
    if (!conn) return { state: 'loading', connection: undefined };
    if (!conn.signedIn) return { state: 'signed_out', connection: conn };
    // An answer read before keeps its screen while offline (React Query keeps it on error).
    if (me.data) return me.data.user.emailVerified ? { state: 'signed_in', connection: conn, me: me.data } : { state: 'needs_code', connection: conn, me: me.data };
    if (me.error && codeOf(me.error) !== 'UNAUTHORIZED') return { state: 'unreachable', connection: conn, error: me.error };
    return { state: 'loading', connection: conn };
  }, [connection.data, me.data, me.error]);
}
