import { describe, expect, it } from 'vitest';
import { emailAtDomain, normaliseWebDomain } from './web-domain';

describe('normaliseWebDomain', () => {
  it.each([
    ['acme.co.uk', 'acme.co.uk'],
    ['  www.Acme.co.uk ', 'acme.co.uk'],
    ['https://www.acme.co.uk/shop?x=1', 'acme.co.uk'],
    ['http://acme.com:8080', 'acme.com'],
    ['jo@acme.co.uk', 'acme.co.uk'],
    ['@acme.co.uk', 'acme.co.uk'],
    ['shop.acme.com.', 'shop.acme.com'],
    ['bäckerei-müller.de', 'xn--bckerei-mller-bfb28a.de'],
  ])('%s → %s', (raw, domain) => {
    expect(normaliseWebDomain(raw)).toEqual({ ok: true, domain });
  });

  it.each(['', 'localhost', 'acme', '192.168.1.1', 'acme..com', 'ftp://', 'acme.c0m', 'not a domain.com'])('refuses %j with a message', (raw) => {
    const result = normaliseWebDomain(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/acme\.co\.uk/);
  });
});

describe('emailAtDomain', () => {
  it('matches the domain and its subdomains only', () => {
    expect(emailAtDomain('jo@acme.com', 'acme.com')).toBe(true);
    expect(emailAtDomain('jo@Mail.Acme.com', 'acme.com')).toBe(true);
    expect(emailAtDomain('jo@notacme.com', 'acme.com')).toBe(false);
    expect(emailAtDomain('jo@gmail.com', 'acme.com')).toBe(false);
  });
});
