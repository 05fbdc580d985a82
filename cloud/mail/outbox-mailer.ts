import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Mailer, OutgoingMail } from './mailer';

/** One mail as kept in the outbox: the file's contents, checked when read back. */
export const OutboxMail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  businessId: z.string(),
  createdAt: z.iso.datetime(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export interface OutboxListQuery {
  /** Only mail to this address, or to any of these; compared without regard to case. */
  to?: string | readonly string[] | undefined;
  /** At most this many, newest first. */
  limit?: number | undefined;
}

export interface OutboxMailer extends Mailer {
  readonly transport: 'outbox';
  readonly dir: string;
  /** Newest first. Files that are not outbox mail, or no longer parse, are skipped and reported. */
  list(query?: OutboxListQuery): Promise<OutboxMail[]>;
  /** null when there is no such mail (or `id` is not a uuid). */
  read(id: string): Promise<OutboxMail | null>;
}

export interface OutboxProblem {
  file: string;
  detail: string;
}

export interface OutboxMailerOptions {
  /** Created (owner-only) on first send if missing. */
  dir: string;
  now?: () => Date;
  /** Told about an unreadable file in the outbox. Defaults to one line on stderr. */
  onProblem?: (problem: OutboxProblem) => void;
}

/*
 * File names are `<time>-<id>.json`, the time in a fixed-width UTC form without colons
 * (Windows refuses them), so sorting names sorts by time and a listing never opens a file
 * it does not return. Within one mailer the time in the name is kept strictly increasing,
 * so mails sent in the same millisecond still list in the order they were sent.
 */
const FILE_NAME = /^(\d{8}T\d{9}Z)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The mailer used when no SMTP server is configured: every mail becomes one JSON file in
 * `dir`, which the owner can read in the app (list/read) or open on disk.
 *
 * The files hold sign-in codes, so the folder and files are created readable by the owner
 * only, and each file is written atomically (temp file, fsync, rename): a reader never sees
 * half a mail, and a crash leaves no truncated one behind.
 */
export function createOutboxMailer(options: OutboxMailerOptions): OutboxMailer {
  const { dir } = options;
  const now = options.now ?? (() => new Date());
  const report = options.onProblem ?? reportToStderr;
  let lastStamp = 0;

  async function send(mail: OutgoingMail): Promise<{ id: string }> {
    const createdAt = now();
    const id = randomUUID();
    const stamp = Math.max(createdAt.getTime(), lastStamp + 1);
    lastStamp = stamp;
    const record: OutboxMail = {
      id,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      kind: mail.kind,
      businessId: mail.businessId,
      createdAt: createdAt.toISOString(),
    };
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomically(join(dir, `${fileStamp(stamp)}-${id}.json`), `${JSON.stringify(record, null, 2)}\n`);
    return { id };
  }

  async function list(query: OutboxListQuery = {}): Promise<OutboxMail[]> {
    const wanted = recipients(query.to);
    const limit = query.limit ?? Infinity;
    const found: OutboxMail[] = [];
    if (limit <= 0) return found;
    for (const name of (await mailFileNames()).reverse()) {
      const mail = await readMailFile(name);
      if (!mail) continue;
      if (wanted && !wanted.has(normalAddress(mail.to))) continue;
      found.push(mail);
      if (found.length >= limit) break;
    }
    return found;
  }

  async function read(id: string): Promise<OutboxMail | null> {
    if (!UUID.test(id)) return null;
    const name = (await mailFileNames()).find((n) => FILE_NAME.exec(n)?.[2] === id);
    return name ? readMailFile(name) : null;
  }

  /** Oldest first; [] while nothing was ever sent. */
  async function mailFileNames(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return [];
      throw error;
    }
    return names.filter((n) => FILE_NAME.test(n)).sort();
  }

  async function readMailFile(name: string): Promise<OutboxMail | null> {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      // Deleted between readdir and now (the owner tidying up): simply gone.
      if (isErrno(error, 'ENOENT')) return null;
      report({ file, detail: error instanceof Error ? error.message : String(error) });
      return null;
    }
    const parsed = OutboxMail.safeParse(json);
    if (!parsed.success) {
      // Paths and messages only: the values are addresses and codes.
      report({ file, detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
      return null;
    }
    return parsed.data;
  }

  return { transport: 'outbox', describe: `outbox folder ${dir}`, dir, send, list, read };
}

/** 2026-03-14T09:30:05.123Z → 20260314T093005123Z */
function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function recipients(to: OutboxListQuery['to']): Set<string> | null {
  if (to === undefined) return null;
  return new Set((typeof to === 'string' ? [to] : to).map(normalAddress));
}

function normalAddress(address: string): string {
  return address.trim().toLowerCase();
}

async function writeFileAtomically(file: string, contents: string): Promise<void> {
  // Not named like a mail, so a listing running meanwhile skips it.
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === code;
}

function reportToStderr(problem: OutboxProblem): void {
  console.error(`[mail] skipped unreadable outbox file ${problem.file}: ${problem.detail}`);
}
