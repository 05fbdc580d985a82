import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { FieldIssue } from '@core/field-issues';

/**
 * A failed cloud call as main reports it: the cloud's own code and message when it answered,
 * or one of main's when it did not. Main's router turns it into a TRPCError with the same
 * code and message and this error as the cause; main's errorFormatter (router/trpc.ts) puts
 * `issues` into the error's data, where the cloud itself puts them, so a form in the renderer
 * reads a forwarded error exactly like one from the cloud.
 *
 * Codes main uses for "the cloud did not answer", which the cloud itself never throws:
 * - SERVICE_UNAVAILABLE: no connection, or an answer that was not tRPC (a proxy's error page);
 * - GATEWAY_TIMEOUT: no answer in time.
 *
 * Free of Node imports: router/trpc.ts reads `issuesOf` and the renderer type-checks it.
 */
export class CloudError extends Error {
  override readonly name = 'CloudError';

  constructor(
    readonly code: TRPC_ERROR_CODE_KEY,
    message: string,
    readonly issues: FieldIssue[] | null = null,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** The field issues of a forwarded cloud error, for the error's data; null for anything else. */
export function cloudIssuesOf(cause: unknown): FieldIssue[] | null {
  return cause instanceof CloudError ? cause.issues : null;
}
