import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { z } from 'zod';

/** A problem with one input field, in the shape forms show beside the field. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/**
 * An error whose cause is a ZodError, so cloud/trpc.ts's errorFormatter sends the issues as
 * `error.data.issues` exactly as it does for input that fails its schema: the client has one
 * way to put every message beside its field. BAD_REQUEST unless said otherwise (an e-mail
 * address already in use is a CONFLICT, still shown at its field). The error's own message
 * is the first issue's.
 *
 * The cause is a ZodRealError, the class zod's own parse throws: it is both an Error and a
 * ZodError. A plain `new z.ZodError` is not an Error in zod 4, so tRPC would wrap it in an
 * UnknownCauseError and the formatter would no longer see the issues.
 */
export function fieldErrors(issues: [FieldIssue, ...FieldIssue[]], code: TRPC_ERROR_CODE_KEY = 'BAD_REQUEST'): TRPCError {
  return new TRPCError({
    code,
    message: issues.length === 1 ? issues[0].message : `${issues[0].message} (and ${issues.length - 1} more to fix)`,
    cause: new z.ZodRealError(issues.map((i) => ({ code: 'custom' as const, path: i.path, message: i.message, input: undefined }))),
  });
}

export function fieldError(path: FieldIssue['path'], message: string, code: TRPC_ERROR_CODE_KEY = 'BAD_REQUEST'): TRPCError {
  return fieldErrors([{ path, message }], code);
}
