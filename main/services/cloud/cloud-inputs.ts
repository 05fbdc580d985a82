import { z } from 'zod';

/**
 * Inputs of main's `cloud` router. The cloud validates each call's own input; main checks only
 * the envelope (which procedure, what kind), and the allowlist (allowed-paths.ts) the path.
 *
 * Free of Node imports: the renderer type-checks main's router.
 */

/** Cloud paths are short dotted names (`account.signIn`); anything long is not one. */
const CloudPathField = z.string().min(1).max(100);

export const CloudForwardInput = z.strictObject({
  path: CloudPathField,
  type: z.enum(['query', 'mutation']),
  /**
   * The cloud procedure's input, as the renderer's typed cloud client built it. Optional: a
   * procedure without input has `undefined` here, which JSON leaves out altogether.
   */
  input: z.unknown().optional(),
});

export const CloudSubscribeInput = z.strictObject({
  path: CloudPathField,
  input: z.unknown().optional(),
  /** Added by tRPC's SSE client when it reconnects to main (web mode). */
  lastEventId: z.string().max(200).nullish(),
});

export const CloudSetUrlInput = z.strictObject({
  /** A web address (checked by cloud-url.ts), or null for the default local cloud. */
  url: z.string().max(2000).nullable(),
});
