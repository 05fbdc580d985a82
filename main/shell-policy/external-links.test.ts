import { describe, expect, it, vi } from 'vitest';
import { decideExternalOpen } from './external-links';

describe('decideExternalOpen', () => {
  it('opens https: pages, normalised', () => {
    const open = vi.fn();
    expect(decideExternalOpen('https://example.com/help?x=1#top', open)).toBe(true);
    expect(decideExternalOpen('HTTPS://EXAMPLE.com', open)).toBe(true);
    expect(open.mock.calls).toEqual([['https://example.com/help?x=1#top'], ['https://example.com/']]);
  });

  it.each([
    ['http (unencrypted)', 'http://example.com'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a relative path', '/customers/1'],
    ['https with no host', 'https://'],
    ['embedded credentials', 'https://bank.example@evil.example/'],
    ['a smuggled scheme', 'javascript:https://example.com'],
    ['not a URL', 'not a url'],
    ['an empty string', ''],
    ['a non-string', { href: 'https://example.com' }],
    ['undefined', undefined],
  ])('drops %s', (_label, url) => {
    const open = vi.fn();
    expect(decideExternalOpen(url, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
