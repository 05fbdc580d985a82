import { TRPCError } from '@trpc/server';
import { isObject } from '@trpc/server/unstable-core-do-not-import';
import type { CappedBody } from './capped-body';

/**
 * The raw (still unvalidated) inputs of one request's calls, parsed once on first use.
 *
 * This mirrors the stock JSON content-type handler in tRPC 11 (`getRequestInfo` →
 * `jsonContentTypeHandler`) step for step, because its quirks are part of the wire protocol the
 * client sees:
 * - parsing is lazy: a procedure without `.input()` never reads its input, so a malformed or
 *   oversized body fails only the calls that do read it;
 * - any non-tRPC failure while parsing becomes BAD_REQUEST with the cause's message (so bad JSON
 *   answers 400 BAD_REQUEST with V8's SyntaxError text, not PARSE_ERROR);
 * - `result(i)` (the `input` handed to the error formatter and onError) is only known once the
 *   inputs were read successfully.
 * No transformer is applied: the lean handler only runs for routers without one.
 */
export interface CallInputs {
  read(index: number): Promise<unknown>;
  result(index: number): unknown;
}

/** Where the inputs come from: the `input` query parameter (GET) or the JSON body (POST). */
export type InputSource = { from: 'query'; text: string | null } | { from: 'body'; body: Promise<CappedBody> };

type InputsByIndex = Record<number, unknown>;

export function createCallInputs(source: InputSource, isBatch: boolean, callCount: number): CallInputs {
  let parsed: InputsByIndex | undefined;
  let pending: Promise<InputsByIndex> | undefined;

  return {
    async read(index) {
      if (parsed === undefined) {
        pending ??= parseInputs(source, isBatch, callCount).catch(asInputError);
        parsed = await pending;
      }
      return parsed[index];
    },
    result: (index) => parsed?.[index],
  };
}

async function parseInputs(source: InputSource, isBatch: boolean, callCount: number): Promise<InputsByIndex> {
  let inputs: unknown;
  if (source.from === 'query') {
    // An empty `input=` counts as absent, as in stock.
    if (source.text) inputs = JSON.parse(source.text);
  } else {
    const body = await source.body;
    if (body.tooLarge) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });
    inputs = JSON.parse(body.text);
  }
  if (inputs === undefined) return {};
  if (!isBatch) return { 0: inputs };
  if (!isObject(inputs)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: '"input" needs to be an object when doing a batch call' });
  }
  const byIndex: InputsByIndex = {};
  for (let index = 0; index < callCount; index++) {
    const input = inputs[index];
    if (input !== undefined) byIndex[index] = input;
  }
  return byIndex;
}

function asInputError(cause: unknown): never {
  if (cause instanceof TRPCError) throw cause;
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: cause instanceof Error ? cause.message : 'Invalid input',
    cause,
  });
}
