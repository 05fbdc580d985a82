/**
 * The cloud procedures the renderer may reach through main, and what each does to this PC's
 * session. Written by hand, not read from the cloud's router: main must not bundle the cloud
 * server. allowed-paths.test.ts compares this table with the cloud's router, so a procedure
 * added, removed or changed there fails the tests until someone decides here.
 *
 * Free of Node imports: the renderer type-checks main's router, which reaches this file.
 */

export type CloudProcedureType = 'query' | 'mutation' | 'subscription';

/**
 * - `none`: public, and main sends no token (nothing to prove);
 * - `opens`: public; the answer carries a new session token, which main keeps and strips;
 * - `uses`: needs the session; UNAUTHORIZED means it has ended;
 * - `rotates`: swaps the session's token for a new one, which main keeps and strips;
 * - `ends`: ends the session; main forgets it whether or not the cloud could be told.
 */
export type SessionEffect = 'none' | 'opens' | 'uses' | 'rotates' | 'ends';

export interface CloudProcedure {
  type: CloudProcedureType;
  session: SessionEffect;
}

export const CLOUD_PROCEDURES = {
  health: { type: 'query', session: 'none' },

  'account.signUp': { type: 'mutation', session: 'opens' },
  'account.verifyEmail': { type: 'mutation', session: 'uses' },
  'account.resendCode': { type: 'mutation', session: 'uses' },
  'account.signIn': { type: 'mutation', session: 'opens' },
  'account.me': { type: 'query', session: 'uses' },
  'account.rotateSession': { type: 'mutation', session: 'rotates' },
  'account.signOut': { type: 'mutation', session: 'ends' },
  'account.signOutEverywhere': { type: 'mutation', session: 'ends' },
  'account.sessions': { type: 'query', session: 'uses' },
  'account.revokeSession': { type: 'mutation', session: 'uses' },
  'account.mailOutbox': { type: 'query', session: 'uses' },

  'team.members': { type: 'query', session: 'uses' },
  'team.invite': { type: 'mutation', session: 'uses' },
  'team.invites': { type: 'query', session: 'uses' },
  'team.revokeInvite': { type: 'mutation', session: 'uses' },
  'team.acceptInvite': { type: 'mutation', session: 'opens' },
  'team.changeRole': { type: 'mutation', session: 'uses' },
  'team.remove': { type: 'mutation', session: 'uses' },

  'moderation.queue': { type: 'query', session: 'uses' },
  'moderation.approve': { type: 'mutation', session: 'uses' },
  'moderation.reject': { type: 'mutation', session: 'uses' },

  'sync.push': { type: 'mutation', session: 'uses' },
  'sync.pull': { type: 'query', session: 'uses' },
  'sync.deviceStatus': { type: 'query', session: 'uses' },
  'sync.onVersion': { type: 'subscription', session: 'uses' },

  'book.lookup': { type: 'query', session: 'uses' },
} as const satisfies Record<string, CloudProcedure>;

export type CloudPath = keyof typeof CLOUD_PROCEDURES;

/** The table's entry for `path`, or null for a path the app may not call (own keys only). */
export function cloudProcedure(path: string): CloudProcedure | null {
  return Object.hasOwn(CLOUD_PROCEDURES, path) ? CLOUD_PROCEDURES[path as CloudPath] : null;
}
