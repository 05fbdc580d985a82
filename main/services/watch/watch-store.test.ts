import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mirrorCustomer, mirrorInvoice } from '@core/watch/test-rows';
import type { JsonFileProblem } from './json-file';
import { FakeClock } from './test-clock';
import { LONDON, sendSnapshot, startTestWatch } from './test-watch';
import { CHASE_FILE_NAME, createFileWatchStore, MIRROR_FILE_NAME } from './watch-store';

let dir: string;
let clock: FakeClock;
let problems: JsonFileProblem[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rateback-watch-store-'));
  clock = new FakeClock('2025-01-15T09:00:00Z');
  problems = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const store = (d = dir) => createFileWatchStore({ dir: d, timers: clock, onProblem: (p) => problems.push(p) });
const chaseFile = () => join(dir, CHASE_FILE_NAME);
const mirrorFile = () => join(dir, MIRROR_FILE_NAME);

describe('reading', () => {
  it('finds nothing in an empty dir, and creates nothing', async () => {
    await expect(store().load()).resolves.toEqual({ chase: null, mirror: null });
    expect(await readdir(dir)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['not JSON', '{"version": 1,'],
    ['the wrong shape', JSON.stringify({ version: 1, config: null, plan: { steps: [] } })],
    ['a newer version', JSON.stringify({ version: 2 })],
    ['empty', ''],
  ])('keeps a .bad copy of a chase file that is %s, reports it, and the watch carries on without it', async (_label, content) => {
    await writeFile(chaseFile(), content);
    await expect(store().load()).resolves.toEqual({ chase: null, mirror: null });
    expect(await readFile(`${chaseFile()}.bad`, 'utf8')).toBe(content);
    expect(problems).toEqual([{ kind: 'invalid-file', file: chaseFile(), backup: `${chaseFile()}.bad`, detail: expect.any(String) }]);
  });

  it('never puts file contents (names, emails) in the problem it reports', async () => {
    await writeFile(mirrorFile(), JSON.stringify({ version: 1, synced: true, customers: [{ ...mirrorCustomer(1), name: 'Jane Secret', emails: ['not-an-email'] }], invoices: [] }));
    await store().load();
    expect(JSON.stringify(problems)).not.toMatch(/Jane Secret|not-an-email/);
  });

  it('will not overwrite a bad file it could not copy aside, and says so once', async () => {
    await writeFile(chaseFile(), 'garbage');
    await mkdir(`${chaseFile()}.bad`); // the copy cannot be made
    const s = store();
    await s.load();
    s.schedule('chase', () => ({ version: 1 }));
    await s.flush();
    s.schedule('chase', () => ({ version: 1 }));
    await s.flush();
    expect(await readFile(chaseFile(), 'utf8')).toBe('garbage');
    expect(problems.map((p) => p.kind)).toEqual(['invalid-file', 'write-refused']);
  });
});

describe('writing', () => {
  it('coalesces a burst of changes into one write of the latest state', async () => {
    const s = store();
    let produced = 0;
    for (let i = 1; i <= 5; i++) s.schedule('chase', () => ({ produced: ++produced, last: i }));
    clock.advanceBy(299);
    expect(await readdir(dir)).toEqual([]);
    clock.advanceBy(1);
    await s.flush();
    expect(produced).toBe(1);
    expect(JSON.parse(await readFile(chaseFile(), 'utf8'))).toEqual({ produced: 1, last: 5 });
    expect(await readdir(dir)).toEqual([CHASE_FILE_NAME]); // no temp files left behind
  });

  it('creates the data dir on the first write', async () => {
    const nested = join(dir, 'a', 'b');
    const s = store(nested);
    s.schedule('mirror', () => ({ ok: true }));
    await s.flush();
    expect(JSON.parse(await readFile(join(nested, MIRROR_FILE_NAME), 'utf8'))).toEqual({ ok: true });
  });

  it('reports a failed write and writes it with the next flush', async () => {
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file where the data dir should be');
    const s = store(blocked);
    s.schedule('chase', () => ({ n: 1 }));
    await s.flush();
    expect(problems).toMatchObject([{ kind: 'write-failed' }]);
    await rm(blocked);
    await s.flush();
    expect(JSON.parse(await readFile(join(blocked, CHASE_FILE_NAME), 'utf8'))).toEqual({ n: 1 });
  });
});

describe('the watch over its store', () => {
  it('saves what it holds in files that parse back, and reports a corrupt file while carrying on', async () => {
    const t = await startTestWatch(dir, clock);
    t.watch.configure(LONDON);
    sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, { dueDate: '2025-01-10' })]);
    await t.watch.close();
    const loaded = await store().load();
    expect(loaded.chase).toMatchObject({ config: LONDON, ledger: [{ highest: 1, superseded: [-3] }], reminders: [{ offsetDays: 1, status: 'due' }] });
    expect(loaded.mirror).toMatchObject({ synced: true, invoices: [{ firstSeenOn: '2025-01-15', invoice: { number: 'INV-1' } }] });
    expect(problems).toEqual([]);

    await writeFile(mirrorFile(), '{"truncated');
    const again = await startTestWatch(dir, clock);
    expect(again.problems).toMatchObject([{ kind: 'invalid-file', file: mirrorFile() }]);
    // The chase record survived: the ledger still knows +1 was raised, so nothing is raised twice
    // when the renderer resends the mirror.
    sendSnapshot(again.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1, { dueDate: '2025-01-10' })]);
    expect(again.watch.reminderLog()).toHaveLength(1);
    await again.watch.close();
  });
});

describe('a lost mirror file', () => {
  it('does not make open promises look kept before the renderer has resent the book', async () => {
    const t = await startTestWatch(dir, clock);
    t.watch.configure(LONDON);
    sendSnapshot(t.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1)]);
    t.watch.addPromise({ customerId: mirrorCustomer(1).id, invoiceId: null, promisedDate: '2025-01-20', amountMinor: null, note: '' });
    await t.watch.close();
    await rm(mirrorFile());

    const again = await startTestWatch(dir, clock);
    expect(again.watch.promises().map((p) => p.status)).toEqual(['open']);
    sendSnapshot(again.watch, [mirrorCustomer(1)], [mirrorInvoice(1, 1)]);
    expect(again.watch.promises().map((p) => p.status)).toEqual(['open']);
    clock.advanceTo('2025-01-21T00:00:00Z');
    expect(again.watch.promises().map((p) => p.status)).toEqual(['broken']);
    await again.watch.close();
  });
});

describe('what the watch writes, it can read back', () => {
  it('cuts an alert too long for the file schema instead of writing a file it would reject', async () => {
    const t = await startTestWatch(dir, clock);
    t.watch.configure(LONDON);
    sendSnapshot(t.watch, [mirrorCustomer(1)], ['GBP', 'EUR', 'USD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'CAD', 'AUD', 'NZD', 'ZAR', 'INR', 'BRL', 'MXN', 'SGD', 'HKD'].map((currency, i) => mirrorInvoice(i + 1, 1, { currency, openMinor: 123_456_789 })));
    t.watch.mirrorDelta({
      customers: [mirrorCustomer(1, { name: 'N'.repeat(200), status: 'blacklisted', statusReason: 'R'.repeat(500), statusSetAt: '2025-01-15T09:00:00.000Z' })],
      invoices: [],
      removedCustomerIds: [],
      removedInvoiceIds: [],
    });
    const [alert] = t.watch.alerts({ unacknowledgedOnly: true });
    expect(alert?.title).toHaveLength(300);
    await t.watch.close();
    const again = await startTestWatch(dir, clock);
    expect(again.problems).toEqual([]);
    expect(again.watch.alerts({ unacknowledgedOnly: true })).toHaveLength(1);
    await again.watch.close();
  });
});
