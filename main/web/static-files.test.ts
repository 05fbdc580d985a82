import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, contentTypeFor, isAppRoute, resolveStaticPath } from './static-files';

const root = '/srv/renderer';
const pathOf = (url: string) => resolveStaticPath(root, new URL(url, 'http://127.0.0.1').pathname);

describe('resolveStaticPath', () => {
  it('maps / and folders to index.html, and files to themselves', () => {
    expect(pathOf('/')).toEqual({ kind: 'file', path: join(root, 'index.html'), relative: 'index.html' });
    expect(pathOf('/assets/index-abc.js')).toEqual({ kind: 'file', path: join(root, 'assets', 'index-abc.js'), relative: 'assets/index-abc.js' });
    expect(pathOf('/assets/')).toMatchObject({ relative: 'assets/index.html' });
    expect(pathOf('/a%20b.png')).toMatchObject({ relative: 'a b.png' });
  });

  it.each([
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%2F..%2F..%2Fetc/passwd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/index.html%00.js',
    '/C:%5CWindows%5Cwin.ini',
    '/index.html::$DATA',
    '/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(pathOf(url)).toMatchObject({ kind: 'refused' });
  });

  it('cannot leave the root even with dot segments the URL parser resolves', () => {
    // new URL() turns these into /etc/passwd: still under the root.
    expect(pathOf('/../../etc/passwd')).toEqual({ kind: 'file', path: join(root, 'etc', 'passwd'), relative: 'etc/passwd' });
    expect(pathOf('/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ relative: 'etc/passwd' });
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('assets/logo.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('assets/inter.woff2')).toBe('font/woff2');
    expect(contentTypeFor('something.unknown')).toBe('application/octet-stream');
  });
});

describe('cacheControlFor', () => {
  it('caches hashed assets for good and revalidates everything else', () => {
    expect(cacheControlFor('assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.ico')).toBe('no-cache');
  });
});

describe('isAppRoute', () => {
  it('treats extension-less paths as app routes and files with extensions as assets', () => {
    expect(isAppRoute('/customers/42')).toBe(true);
    expect(isAppRoute('/')).toBe(true);
    expect(isAppRoute('/assets/missing.js')).toBe(false);
  });
});
