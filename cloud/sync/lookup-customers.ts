import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { CustomerStatus } from '@core/customer';
import { rowsOf, type Database } from '../db/client';
import { asBusiness } from '../db/tenancy';
import { normaliseLookup } from './customer-identifiers';

/**
 * The counter's question "do we know this person?": the business's live customers with a phone,
 * e-mail or tax id equal to what was typed. One indexed statement (after asBusiness's
 * set_config): the identifier's primary key (business_id, identifier, …) finds the ids, the book's
 * primary key finds each record, and only the fields shown are taken out of its JSON.
 */
export const LOOKUP_MAX = 20;

export const FoundCustomer = z.object({
  id: z.string(),
  displayName: z.string(),
  status: CustomerStatus,
  phones: z.array(z.string()),
  emails: z.array(z.string()),
});
export type FoundCustomer = z.infer<typeof FoundCustomer>;

export async function lookupCustomers(database: Database, businessId: string, typed: string): Promise<FoundCustomer[]> {
  const identifier = normaliseLookup(typed);
  if (identifier === '') return [];
  const rows = await asBusiness(database, businessId, async (tx) =>
    rowsOf<unknown>(
      await tx.execute(sql`
        SELECT b.id,
               b.data->>'displayName' AS "displayName",
               b.data->'status' AS status,
               b.data->'phones' AS phones,
               b.data->'emails' AS emails
        FROM customer_identifiers ci
        JOIN book_records b ON b.business_id = ci.business_id AND b.tbl = 'customers' AND b.id = ci.customer_id
        WHERE ci.business_id = ${businessId}::uuid AND ci.identifier = ${identifier} AND NOT b.deleted
        ORDER BY b.data->>'displayName', b.id
        LIMIT ${LOOKUP_MAX}`),
    ),
  );
  // Checked on the way out: a row that does not read as a customer is left out, not sent.
  return rows.flatMap((row) => {
    const parsed = FoundCustomer.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
