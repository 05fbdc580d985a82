/**
 * The app's Content Security Policy: only its own scripts, styles, fonts and images (plus
 * data: images), requests only to its own origin, no plugins, no <base>, no forms posting
 * anywhere, and no framing. renderer/index.html carries the same policy in a <meta> tag for
 * Electron's file:// page (minus frame-ancestors, which browsers ignore in <meta>); a unit
 * test keeps the two in step.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response of the web host, whatever it is (page, asset, API, error). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Another site's window cannot keep a handle on ours, nor embed our files.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
