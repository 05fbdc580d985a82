import { useMutation } from '@tanstack/react-query';
import { navigate } from '../../app/router';
import { useCloudClient } from '../../platform/cloud-session';
import { useSessionEvents } from './use-session-events';

/**
 * Ends this PC's session. Main forgets the token even when the cloud cannot be told (offline),
 * so this always signs out here; the book and its unsent changes stay on this PC.
 */
export function SignOutButton({ label = 'Sign out this device' }: { label?: string }) {
  const client = useCloudClient();
  const session = useSessionEvents();
  const signOut = useMutation({
    mutationFn: () => client.account.signOut.mutate(),
    onSettled: async () => {
      await session.ended();
      navigate('/account/sign-in');
    },
  });
  return (
    <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {label}
    </button>
  );
}
