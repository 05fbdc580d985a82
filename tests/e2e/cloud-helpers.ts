import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { z } from 'zod';

/**
 * What the specs that use the cloud share: where the test cloud and the PCs that sign in to it
 * listen (set up in playwright.config.ts), the cloud's mail outbox read from disk, signing a
 * PC out, and the app's sync indicator.
 *
 * Each spec file has PCs of its own: files may run side by side, and a PC's main holds one
 * session for every browser that opens it. sync.spec.ts uses PC A and PC B, account.spec.ts PC C.
 */

export const CLOUD_PORTS = { cloud: 4791, pcA: 4782, pcB: 4783, pcC: 4784 } as const;
export const PC_A = `http://127.0.0.1:${CLOUD_PORTS.pcA}`;
export const PC_B = `http://127.0.0.1:${CLOUD_PORTS.pcB}`;
export const PC_C = `http://127.0.0.1:${CLOUD_PORTS.pcC}`;

/** playwright.config.ts puts the test cloud's CLOUD_DATA_DIR here. */
export const CLOUD_DIR_ENV = 'RATEBACK_E2E_CLOUD_DIR';

/** One mail as the cloud's outbox keeps it: a JSON file per mail in CLOUD_DATA_DIR/outbox/. */
const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  businessId: z.string(),
  createdAt: z.string(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

/** Every mail in the test cloud's outbox, oldest first (the file names start with the time). */
export async function readOutbox(): Promise<OutboxMail[]> {
  const cloudDir = process.env[CLOUD_DIR_ENV];
  if (!cloudDir) throw new Error(`${CLOUD_DIR_ENV} is not set: run the e2e tests through playwright.config.ts`);
  const dir = join(cloudDir, 'outbox');
  const names = await readdir(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const mails: OutboxMail[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    // A file the cloud is still writing does not parse yet: the poll reads it next time.
    const parsed = OutboxMail.safeParse(await readFile(join(dir, name), 'utf8').then((text) => JSON.parse(text) as unknown).catch(() => null));
    if (parsed.success) mails.push(parsed.data);
  }
  return mails;
}

/** The newest mail of `kind` to `to`, waiting for the cloud to write it. */
export async function waitForMail(to: string, kind: 'verify_email' | 'invite'): Promise<OutboxMail> {
  let found: OutboxMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await readOutbox()).filter((m) => m.to.toLowerCase() === to.toLowerCase() && m.kind === kind).at(-1);
        return found !== undefined;
      },
      { message: `a ${kind} mail to ${to} in the cloud's outbox`, timeout: 15_000 },
    )
    .toBe(true);
  return found as OutboxMail;
}

/** The six-digit code of a sign-up mail. */
export function emailCodeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in mail: ${text}`);
  return code;
}

/** The invite code, on its own indented line of the invite mail. */
export function inviteCodeIn(text: string): string {
  const code = /^\s+([A-Z0-9-]{8,9})$/m.exec(text)?.[1];
  if (!code) throw new Error(`no invite code in mail: ${text}`);
  return code;
}

/** An address no earlier run used. */
export function uniqueEmail(name: string, domain: string): string {
  return `${name}-${Date.now().toString(36)}@${domain}`;
}

/**
 * Signs a PC's main out of the cloud, as its "Sign out this device" button does, so a test
 * starts on a PC that is not in a team yet (a retry would otherwise find the last run's team).
 */
export async function signOutPc(baseURL: string): Promise<void> {
  const connection = async () => {
    const res = await fetch(`${baseURL}/trpc/cloud.connection`);
    const body = (await res.json()) as { result?: { data?: { signedIn?: unknown } } };
    return body.result?.data?.signedIn;
  };
  if ((await connection()) === false) return;
  // The cloud's answer does not matter: main forgets the token either way.
  await fetch(`${baseURL}/trpc/cloud.forward`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: 'account.signOut', type: 'mutation' }),
  });
  expect(await connection(), `${baseURL} signed out`).toBe(false);
}

/**
 * The names of the customers the cloud finds for a phone number (in E.164: the cloud does not
 * know the book's country) or an e-mail address, in the book of the business this PC is signed
 * in to (`book.lookup`, through the PC's main, which adds its session): what reached the
 * cloud, whatever the PC itself shows.
 */
export async function cloudLookup(baseURL: string, identifier: string): Promise<string[]> {
  const res = await fetch(`${baseURL}/trpc/cloud.forward`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: 'book.lookup', type: 'query', input: { identifier } }),
  });
  const body = (await res.json()) as { result?: { data?: { displayName: string }[] }; error?: unknown };
  if (!body.result?.data) throw new Error(`book.lookup failed: ${JSON.stringify(body.error)}`);
  return body.result.data.map((c) => c.displayName);
}

/** The header's sync indicator ("Synced just now", "2 changes waiting", "Offline — …"). */
export function syncIndicator(page: Page): Locator {
  return page.getByRole('banner').getByRole('status').getByRole('link');
}

/**
 * Cuts this PC off from the cloud while its book keeps working. The page talks to its own
 * host on loopback and main talks to the cloud, so the browser's offline switch would stop
 * the book too. Instead main's cloud calls answer as main does when the cloud cannot be
 * reached: `cloud.forward` fails with SERVICE_UNAVAILABLE (the rest of a batch still reaches
 * main), and a new `cloud.subscribe` stream cannot connect. Returns the undo.
 *
 * Not quite a cable pulled: a `cloud.subscribe` stream already open stays open; its notices
 * only start pulls, which fail.
 */
export async function cutOffFromCloud(context: BrowserContext): Promise<() => Promise<void>> {
  const procedures = (url: URL) => decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',');
  const isCloudCall = (procedure: string) => procedure === 'cloud.forward' || procedure === 'cloud.subscribe';
  const toCloud = (url: URL) => url.pathname.startsWith('/trpc/') && procedures(url).some(isCloudCall);
  const noAnswer = (path: string) => ({
    error: {
      message: `Cannot reach the Rateback cloud at http://127.0.0.1:${CLOUD_PORTS.cloud}.`,
      code: -32603,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503, path, issues: [] },
    },
  });

  await context.route(toCloud, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // A subscription (server-sent events) is a call of its own; queries to main are never
    // batched with cloud.forward, which is a mutation.
    if (url.searchParams.get('batch') !== '1' || request.method() !== 'POST') return route.abort('internetdisconnected');
    const calls = procedures(url).map((path, index) => ({ path, index }));
    const inputs = (request.postDataJSON() ?? {}) as Record<string, unknown>;
    const local = calls.filter((c) => !isCloudCall(c.path));
    let localAnswers: unknown[] = [];
    if (local.length > 0) {
      const localUrl = new URL(`/trpc/${local.map((c) => c.path).join(',')}?batch=1`, url);
      const response = await route.fetch({
        url: localUrl.href,
        postData: JSON.stringify(Object.fromEntries(local.map((c, i) => [String(i), inputs[String(c.index)]]))),
      });
      localAnswers = (await response.json()) as unknown[];
    }
    const answers = calls.map((c) => (isCloudCall(c.path) ? noAnswer(c.path) : localAnswers[local.indexOf(c)]));
    await route.fulfill({ status: local.length > 0 ? 207 : 503, contentType: 'application/json', body: JSON.stringify(answers) });
  });
  return () => context.unroute(toCloud);
}
