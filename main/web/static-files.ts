import { extname, isAbsolute, join, relative, sep } from 'node:path';

export type StaticTarget =
  | { kind: 'file'; path: string; /** Relative to the root, with '/' separators. */ relative: string }
  | { kind: 'refused'; reason: string };

/**
 * Maps a URL path to a file under `rootDir`, or refuses it. `pathname` comes from WHATWG
 * `new URL()`, which has already resolved plain and %2e-encoded dot segments; this also
 * refuses what decoding reveals afterwards (`..%2f`, `%5c..`, NUL) and anything that would
 * land outside the root, checked on the resolved path rather than on the string.
 */
export function resolveStaticPath(rootDir: string, pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'refused', reason: 'NUL in path' };

  const segments = decoded.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { kind: 'refused', reason: 'parent-folder segment' };
  // A colon would let Windows read a drive path or an alternate data stream.
  if (segments.some((s) => s.includes(':'))) return { kind: 'refused', reason: 'colon in path' };

  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');

  const path = join(rootDir, ...segments);
  const rel = relative(rootDir, path);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') {
    return { kind: 'refused', reason: 'outside the root' };
  }
  return { kind: 'file', path, relative: rel.split(sep).join('/') };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** With nosniff on, a wrong type breaks the file, so unknown extensions get a neutral one. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Vite puts content-hashed files under assets/: their name changes whenever their content
 * does, so they may be cached for good. Everything else (index.html above all) is revalidated
 * on each load so a rebuilt app is picked up at once.
 */
export function cacheControlFor(relativePath: string): string {
  return relativePath.split('/')[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** A path whose last segment has no extension is an app route: the SPA's index.html answers it. */
export function isAppRoute(pathname: string): boolean {
  const last = pathname.split('/').pop() ?? '';
  return extname(last) === '';
}
