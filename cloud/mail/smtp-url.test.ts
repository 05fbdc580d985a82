import { describe, expect, it } from 'vitest';
import { parseSmtpUrl, serverLabel } from './smtp-url';

describe('parseSmtpUrl', () => {
  it('reads host, port, TLS and credentials', () => {
    expect(parseSmtpUrl('smtp://me%40example.com:p%3Ass@mail.example.com:2525')).toEqual({
      host: 'mail.example.com',
      port: 2525,
      secure: false,
      auth: { user: 'me@example.com', pass: 'p:ss' },
    });
  });

  it('defaults the port to 587 for smtp and 465 for smtps, and allows no credentials', () => {
    expect(parseSmtpUrl('smtp://mail.example.com')).toMatchObject({ port: 587, secure: false, auth: null });
    expect(parseSmtpUrl('smtps://mail.example.com')).toMatchObject({ port: 465, secure: true, auth: null });
  });

  it('takes IPv6 hosts without brackets, and labels them with brackets', () => {
    const server = parseSmtpUrl('smtp://[::1]:25');
    expect(server.host).toBe('::1');
    expect(serverLabel(server)).toBe('[::1]:25');
  });

  it.each([
    ['not a URL', 'mail.example.com', /not a valid URL/],
    ['no scheme', 'u:hunter2@mail.example.com:25', /smtp:\/\/ or smtps:\/\//],
    ['another scheme', 'https://u:hunter2@mail.example.com', /smtp:\/\/ or smtps:\/\//],
    ['query options', 'smtp://u:hunter2@mail.example.com?secure=true', /not supported/],
    ['a bad escape', 'smtp://u:hunter2%zz@mail.example.com', /%25/],
  ])('refuses %s without repeating the password', (_label, url, message) => {
    let error: unknown;
    try {
      parseSmtpUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).cause).toBeUndefined();
  });
});
