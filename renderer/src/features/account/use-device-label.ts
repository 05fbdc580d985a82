import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../platform/trpc';
import { defaultDeviceLabel } from './account-text';

/** The name this PC gets in the list of signed-in devices unless someone types another. */
export function useDefaultDeviceLabel(): string | undefined {
  const trpc = useTRPC();
  const info = useQuery(trpc.app.info.queryOptions());
  if (info.data) return defaultDeviceLabel(info.data.runtime, info.data.platform);
  return info.isError ? defaultDeviceLabel(undefined, undefined) : undefined;
}
