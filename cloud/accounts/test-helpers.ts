import { request } from 'node:http';
import { createTRPCClient, httpBatchLink, TRPCClientError, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../routers/_app';

/**
 * What the accounts tests share: a clock they can move, a valid sign-up, codes read out of
 * mail text, tRPC failures read as code + message + field issues, and a client that connects
 * from another loopback address (to test limits per client address).
 */

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-03-14T09:00:00Z')): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
  };
}

export const MINUTE = 60_000;

let counter = 0;
/** A unique e-mail address at `domain`. */
export function uniqueEmail(name: string, domain = 'acme-test.co.uk'): string {
  counter += 1;
  return `${name}-${Date.now().toString(36)}-${counter}@${domain}`;
}

export const PASSWORD = 'correct horse battery';

/** A sign-up that passes every check: a UK business with a VAT id whose check digit is right. */
export function signUpInput(email: string, business: Partial<SignUpBusiness> = {}) {
  return {
    owner: { displayName: 'Jo Owner', email, password: PASSWORD },
    business: {
      legalName: 'Acme Test Ltd',
      country: 'GB',
      trade: 'bicycle repair',
      region: 'London',
      vatId: 'GB 980 7806 84',
      webDomain: 'https://www.acme-test.co.uk/',
      ...business,
    },
    deviceLabel: 'Front desk PC',
  };
}

interface SignUpBusiness {
  legalName: string;
  country: string;
  trade: string;
  region: string;
  registrationNumber: string;
  vatId: string;
  webDomain: string;
}

/** The six-digit code in a verification mail. */
export function emailCodeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in mail: ${text}`);
  return code;
}

/** The invite code, on its own indented line in the invite mail. */
export function inviteCodeIn(text: string): string {
  const code = /^\s+([A-Z0-9]{8})$/m.exec(text)?.[1];
  if (!code) throw new Error(`no invite code in mail: ${text}`);
  return code;
}

export interface Failure {
  code: string | undefined;
  message: string;
  issues: { path: (string | number)[]; message: string }[] | null;
}

/** The tRPC error a call failed with; fails the test if the call worked. */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { code?: string; issues?: Failure['issues'] } | undefined;
    return { code: data?.code, message: error.message, issues: data?.issues ?? null };
  }
  throw new Error('expected the call to fail, and it worked');
}

/**
 * A stock tRPC client whose connections leave from `localAddress` (any of 127.0.0.0/8 on
 * Linux), so the cloud sees a different client address: fetch cannot choose its source
 * address, so this one fetch is a small node:http request.
 */
export function clientFrom(url: string, localAddress: string, token?: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        fetch: (input, init) => fetchFrom(localAddress, String(input), init),
      }),
    ],
  });
}

interface FetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
}

function fetchFrom(localAddress: string, url: string, init: FetchInit | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
    const req = request(url, { method: init?.method ?? 'GET', headers: Object.fromEntries(headers.entries()), localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: res.headers as Record<string, string> })));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(typeof init?.body === 'string' ? init.body : undefined);
  });
}

/*
 * Generous limits: starting a cloud opens and migrates a fresh database (PGlite takes ~3 s
 * alone), and a flow test hashes several passwords; on a busy CI machine both can take many
 * times longer than on a quiet one, and a timeout there says nothing about the code.
 */
export const START_MS = 60_000;
export const TEST_MS = 30_000;
