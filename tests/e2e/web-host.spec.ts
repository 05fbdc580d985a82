import { expect, test } from '@playwright/test';

/**
 * The web host as the browser sees it: its security headers, main's router over HTTP, and a
 * page that loads under the strict CSP. Feature pages are tested in their own files.
 */

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

test('the page and the API carry the strict security headers', async ({ request }) => {
  for (const path of ['/', '/trpc/app.info']) {
    const res = await request.get(path);
    expect(res.ok(), path).toBe(true);
    expect(res.headers()['content-security-policy'], path).toBe(CSP);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(res.headers()['referrer-policy'], path).toBe('no-referrer');
  }
});

test('main answers app.info over HTTP', async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/trpc/app.info`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: Record<string, unknown> } };
  expect(body.result.data).toMatchObject({
    name: 'Rateback',
    runtime: 'web',
    version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    dataDir: expect.any(String),
    platform: expect.any(String),
  });
});

test('the app loads in Chromium with no CSP violation or script error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Console lines about failed loads do not say which URL: record it here.
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`);
  });

  await page.goto('/');
  await expect(page).toHaveTitle('Rateback');
  // The bundle ran: React rendered something into #root.
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(problems).toEqual([]);
});
