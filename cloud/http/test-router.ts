import type { IncomingMessage } from 'node:http';
import { TRPCError, initTRPC, tracked } from '@trpc/server';
import { z } from 'zod';

/**
 * A small router for the lean handler's tests: one procedure per branch of tRPC's HTTP protocol
 * the handler must answer exactly as stock does (success, zod failure, TRPCError, plain Error,
 * unserialisable output, a stream in a plain request, a subscription).
 */
export interface TestContext {
  user: string | null;
}

/** Fails like a real context would on a broken session, when the test asks for it. */
export function createTestContext({ req }: { req: IncomingMessage }): TestContext {
  if (req.headers['x-fail-context'] !== undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Session expired' });
  }
  const user = req.headers['x-user'];
  return { user: typeof user === 'string' ? user : null };
}

const t = initTRPC.context<TestContext>().create({
  // Like the app's formatter: zod issues travel in `data`, so the comparison covers formatting.
  errorFormatter({ shape, error }) {
    const issues = error.cause instanceof z.ZodError ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null;
    return { ...shape, data: { ...shape.data, issues } };
  },
});

/** Signals of the calls to `waitForAbort`, so a test can see the client's leaving reach the procedure. */
export const abortedCalls: string[] = [];

export const testRouter = t.router({
  greet: t.procedure
    .input(z.object({ name: z.string().min(1) }))
    .query(({ input, ctx }) => ({ greeting: `Hello ${input.name}`, user: ctx.user })),
  ping: t.procedure.query(() => 'pong'),
  add: t.procedure.input(z.object({ a: z.number(), b: z.number() })).mutation(({ input }) => input.a + input.b),
  touch: t.procedure.mutation(() => 'touched'),
  forbidden: t.procedure.query(() => {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Not your book' });
  }),
  boom: t.procedure.query(() => {
    throw new Error('kaboom');
  }),
  bigint: t.procedure.query(() => BigInt(1)),
  stream: t.procedure.query(async function* () {
    yield 1;
  }),
  waitForAbort: t.procedure.input(z.object({ id: z.string() })).query(
    ({ input, signal }) =>
      new Promise<string>((resolve) => {
        signal?.addEventListener('abort', () => {
          abortedCalls.push(input.id);
          resolve('aborted');
        });
      }),
  ),
  nested: t.router({
    echo: t.procedure.input(z.unknown()).mutation(({ input }) => ({ echoed: input })),
  }),
  ticks: t.procedure.input(z.object({ count: z.number().int().min(1) })).subscription(async function* ({ input }) {
    for (let n = 1; n <= input.count; n++) yield tracked(`tick-${n}`, { n });
  }),
});

export type TestRouter = typeof testRouter;

/** Same procedures, but with a (do-nothing) transformer: the lean handler must leave it to stock. */
const withTransformer = initTRPC.context<TestContext>().create({
  transformer: { serialize: (value: unknown) => value, deserialize: (value: unknown) => value },
});
export const transformerRouter = withTransformer.router({
  ping: withTransformer.procedure.query(() => 'pong'),
});
