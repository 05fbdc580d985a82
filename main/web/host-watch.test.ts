import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '@core/dates';
import { MAX_MIRROR_CUSTOMERS_PER_CALL, MAX_MIRROR_ROWS_PER_CALL } from '@core/watch/mirror';
import { mirrorCustomer, mirrorInvoice } from '@core/watch/test-rows';
import type { AppRouter } from '../router/app-router';
import { LONDON } from '../services/watch/test-watch';
import { startWebHost, type WebHost } from './host';

let tmp: string;
let host: WebHost;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'rateback-host-watch-'));
  host = await startWebHost({ port: 0, rendererDir: join(tmp, 'renderer'), dataDir: join(tmp, 'data'), version: '0.0.0-test' });
});

afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the watch over HTTP (web mode)', () => {
  it('takes a full chunk of the mirror within the body limit and answers watch.today on the real clock', async () => {
    const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${host.url}/trpc` })] });
    await trpc.watch.configure.mutate(LONDON);

    // The biggest chunk the protocol allows, with long numbers: it must fit the host's 1 MB cap.
    const invoices = Array.from({ length: MAX_MIRROR_ROWS_PER_CALL }, (_, i) =>
      mirrorInvoice(i + 1, 1, { number: `INV-${String(i + 1).padStart(36, '0')}`, issueDate: '2020-01-01', dueDate: '2020-01-31' }),
    );
    await expect(trpc.watch.mirror.replace.mutate({ generation: randomUUID(), part: 0, final: false, customers: [], invoices })).resolves.toMatchObject({ invoices: 2_000 });
    // And the most customers, each as big as the schema allows.
    const longest = Array.from({ length: MAX_MIRROR_CUSTOMERS_PER_CALL }, (_, i) =>
      mirrorCustomer(i + 100, {
        name: 'N'.repeat(200),
        emails: Array.from({ length: 10 }, (_, e) => `${String(e).repeat(64)}.${'a'.repeat(170)}@example.com`),
        statusReason: 'R'.repeat(500),
        statusSetBy: 'B'.repeat(120),
      }),
    );
    await expect(trpc.watch.mirror.delta.mutate({ customers: longest, invoices: [], removedCustomerIds: [], removedInvoiceIds: [] })).resolves.toMatchObject({ customers: 250 });
    const generation = randomUUID();
    await trpc.watch.mirror.replace.mutate({ generation, part: 0, final: true, customers: [mirrorCustomer(1)], invoices: invoices.slice(0, 3) });

    const today = await trpc.watch.today.query({ limit: 2 });
    expect(today.today).toBe(todayIn('Europe/London', new Date()));
    expect(today.counts.dueReminders).toBe(3);
    expect(today.dueReminders).toHaveLength(2);
    expect(today.dueReminders[0]).toMatchObject({ customerName: 'Customer 1', step: { offsetDays: 30 }, draft: { to: ['c1@example.com'] } });
  });
});
