import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from './mailer';
import { createOutboxMailer, type OutboxProblem } from './outbox-mailer';

let root: string;
let dir: string;
let problems: OutboxProblem[];
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rateback-outbox-'));
  dir = join(root, 'data', 'outbox');
  problems = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A clock that moves one second per call, from a fixed start. */
function ticking(start = Date.parse('2026-03-14T09:30:00.000Z')) {
  let t = start;
  return () => new Date((t += 1_000));
}
const outbox = (now = ticking()) => createOutboxMailer({ dir, now, onProblem: (p) => problems.push(p) });
const mail = (to: string, text = 'Your Rateback code is 123456.'): OutgoingMail => ({ to, subject: 'Your Rateback code', text, kind: 'verify_email', businessId: 'b1' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createOutboxMailer', () => {
  it('writes each mail as one JSON file, creating the folder', async () => {
    const mailer = outbox(() => new Date('2026-03-14T09:30:05.123Z'));
    const { id } = await mailer.send(mail('ada@example.com'));

    expect(id).toMatch(UUID);
    expect(await readdir(dir)).toEqual([`20260314T093005123Z-${id}.json`]);
    expect(JSON.parse(await readFile(join(dir, `20260314T093005123Z-${id}.json`), 'utf8'))).toEqual({
      id,
      to: 'ada@example.com',
      subject: 'Your Rateback code',
      text: 'Your Rateback code is 123456.',
      kind: 'verify_email',
      businessId: 'b1',
      createdAt: '2026-03-14T09:30:05.123Z',
    });
    expect(await mailer.read(id)).toMatchObject({ id, to: 'ada@example.com', kind: 'verify_email', businessId: 'b1' });
    expect(mailer.describe).toBe(`outbox folder ${dir}`);
  });

  it.skipIf(process.platform === 'win32')('keeps the folder and files to the owner: they hold sign-in codes', async () => {
    const { id } = await outbox().send(mail('ada@example.com'));
    const [name] = (await readdir(dir)).filter((n) => n.includes(id));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, name ?? ''))).mode & 0o777).toBe(0o600);
  });

  it('lists newest first, with a limit', async () => {
    const mailer = outbox();
    const sent = [];
    for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) sent.push((await mailer.send(mail(to))).id);

    expect((await mailer.list()).map((m) => m.id)).toEqual([...sent].reverse());
    expect((await mailer.list({ limit: 2 })).map((m) => m.to)).toEqual(['c@example.com', 'b@example.com']);
    expect(await mailer.list({ limit: 0 })).toEqual([]);
  });

  it('keeps the order of mails sent in the same millisecond', async () => {
    const mailer = outbox(() => new Date('2026-03-14T09:30:00.000Z'));
    const first = await mailer.send(mail('a@example.com'));
    const second = await mailer.send(mail('b@example.com'));
    const third = await mailer.send(mail('c@example.com'));

    expect((await mailer.list()).map((m) => m.id)).toEqual([third.id, second.id, first.id]);
  });

  it('filters by recipient, ignoring case, for one address or several', async () => {
    const mailer = outbox();
    await mailer.send(mail('Ada@Example.com', 'first'));
    await mailer.send(mail('bo@example.com'));
    await mailer.send(mail('ada@example.com', 'second'));
    await mailer.send(mail('cy@example.com'));

    expect((await mailer.list({ to: 'ADA@example.com' })).map((m) => m.text)).toEqual(['second', 'first']);
    expect((await mailer.list({ to: 'ada@example.com', limit: 1 })).map((m) => m.text)).toEqual(['second']);
    expect((await mailer.list({ to: ['bo@example.com', 'cy@example.com'] })).map((m) => m.to)).toEqual(['cy@example.com', 'bo@example.com']);
    expect(await mailer.list({ to: [] })).toEqual([]);
    expect(await mailer.list({ to: 'nobody@example.com' })).toEqual([]);
  });

  it('survives a restart: a new mailer on the same folder reads and adds to what is there', async () => {
    const clock = ticking();
    const before = await outbox(clock).send(mail('ada@example.com', 'before'));

    const restarted = outbox(clock);
    expect(await restarted.read(before.id)).toMatchObject({ text: 'before' });
    await restarted.send(mail('ada@example.com', 'after'));
    expect((await restarted.list({ to: 'ada@example.com' })).map((m) => m.text)).toEqual(['after', 'before']);
  });

  it('lists nothing and reads null before the first mail, without creating the folder', async () => {
    const mailer = outbox();
    expect(await mailer.list()).toEqual([]);
    expect(await mailer.read('7d1f3c2a-9b8e-4c6d-8a5f-1e2d3c4b5a69')).toBeNull();
    await expect(stat(dir)).rejects.toThrow();
  });

  it('reads null for an unknown id or one that is not a uuid (no path tricks)', async () => {
    const mailer = outbox();
    await mailer.send(mail('ada@example.com'));
    expect(await mailer.read('7d1f3c2a-9b8e-4c6d-8a5f-1e2d3c4b5a69')).toBeNull();
    expect(await mailer.read('../../etc/passwd')).toBeNull();
  });

  it('skips and reports a damaged file without its contents, and ignores files that are not mail', async () => {
    const mailer = outbox();
    const good = await mailer.send(mail('ada@example.com'));
    const badName = '20990101T000000000Z-7d1f3c2a-9b8e-4c6d-8a5f-1e2d3c4b5a69.json';
    await writeFile(join(dir, badName), JSON.stringify({ id: 'x', to: 'secret@example.com' }));
    await writeFile(join(dir, '20990101T000000001Z-8d1f3c2a-9b8e-4c6d-8a5f-1e2d3c4b5a69.json'), '{"to": "secret@exa');
    await writeFile(join(dir, 'notes.txt'), 'hello');

    expect((await mailer.list()).map((m) => m.id)).toEqual([good.id]);
    expect(problems).toHaveLength(2);
    expect(problems[1]?.file).toBe(join(dir, badName));
    expect(JSON.stringify(problems)).not.toContain('secret');
  });
});
