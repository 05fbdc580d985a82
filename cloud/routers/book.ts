import { z } from 'zod';
import { memberProcedure, router } from '../trpc';
import { lookupCustomers } from '../sync/lookup-customers';

/**
 * Reads of the business's book as the cloud holds it (synced from its PCs).
 */
export const bookRouter = router({
  /** Customers of this business with the typed phone (E.164, "+…"), e-mail or tax id; at most 20. */
  lookup: memberProcedure
    .input(z.strictObject({ identifier: z.string().trim().min(1).max(254) }))
    .query(({ ctx, input }) => lookupCustomers(ctx.database, ctx.session.businessId, input.identifier)),
});
