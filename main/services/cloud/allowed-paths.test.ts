import { describe, expect, it } from 'vitest';
import { appRouter } from '../../../cloud/routers/_app';
import { CLOUD_PROCEDURES, cloudProcedure } from './allowed-paths';

/**
 * The allowlist is written by hand so main never bundles the cloud server; this test (which
 * may import it) keeps the two in step. A procedure added to the cloud fails here until it
 * is listed, with the right kind and what it does to the session.
 */
describe('the allowlist of cloud procedures', () => {
  // At runtime tRPC keeps every procedure under its full dotted path (the type says nested).
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;

  it('lists exactly the cloud router’s procedures', () => {
    expect(Object.keys(CLOUD_PROCEDURES).sort()).toEqual(Object.keys(procedures).sort());
  });

  it('gives each the kind the cloud declares', () => {
    for (const [path, spec] of Object.entries(CLOUD_PROCEDURES)) expect([path, spec.type]).toEqual([path, procedures[path]?._def.type]);
  });

  it('answers null for anything else, inherited names included', () => {
    expect(cloudProcedure('account.me')).toEqual({ type: 'query', session: 'uses' });
    for (const path of ['account', 'toString', '__proto__', 'constructor', 'account.me.extra', '']) expect(cloudProcedure(path)).toBeNull();
  });

  it('marks the procedures whose answers carry a session token', () => {
    const carriers = Object.entries(CLOUD_PROCEDURES)
      .filter(([, spec]) => spec.session === 'opens' || spec.session === 'rotates')
      .map(([path]) => path)
      .sort();
    expect(carriers).toEqual(['account.rotateSession', 'account.signIn', 'account.signUp', 'team.acceptInvite']);
  });
});
