/**
 * Which links leave the app for the user's browser. Only https: pages with a host and no
 * embedded credentials (a classic phishing disguise) are opened; everything else (file:,
 * javascript:, http:, custom schemes that start other programs) is dropped.
 *
 * Parsed with `new URL()`, never by string prefix: `startsWith('https://bank.example')` also
 * passes "https://bank.example.evil.example" and "https://bank.example@evil.example". Input is `unknown` and the opener is passed in, so plain Node tests cover it.
 * Returns whether the URL was handed to `open`.
 */
export function decideExternalOpen(url: unknown, open: (url: string) => void): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') {
    return false;
  }
  open(parsed.href);
  return true;
}
