import { useQueryClient } from '@tanstack/react-query';
import { type Me } from '../../platform/cloud-client';
import { forgetCloudData, useCloud } from '../../platform/cloud-session';
import { useTRPC } from '../../platform/trpc';

/**
 * What the app does when main opens or ends a cloud session: the account just returned is
 * put in the cache (no second round trip), and main's connection is read again. On the way
 * out every cloud answer is dropped, so no screen shows a team this PC has left.
 */
export function useSessionEvents() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const cloud = useCloud();
  return {
    opened: async (me: Me) => {
      queryClient.setQueryData(cloud.account.me.queryKey(), me);
      await queryClient.invalidateQueries({ queryKey: trpc.cloud.connection.queryKey() });
    },
    ended: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.cloud.connection.queryKey() });
      forgetCloudData(queryClient);
    },
  };
}
