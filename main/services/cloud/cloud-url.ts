/**
 * The cloud's address: parsing what a person typed (or what RATEBACK_CLOUD_URL says) into one
 * normal form, so "https://cloud.example/" and "https://cloud.example" are the same cloud and
 * changing between them does not sign anyone out.
 *
 * Pure and free of Node imports: the router validates `cloud.setUrl` with it, and the renderer
 * type-checks main's router.
 */

/** Where `npm start` runs its own cloud unless told otherwise (CLOUD_PORT changes the port). */
export const DEFAULT_LOCAL_CLOUD_PORT = 4790;

export function localCloudUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export type CloudUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export interface CloudUrlRules {
  /**
   * Plain http to any host. Off for addresses typed in the app: the session token and
   * passwords travel in every request, so outside this PC and the office network the cloud
   * must be https. RATEBACK_CLOUD_URL, set by whoever runs the machine, may say otherwise.
   */
  allowPlainHttpAnywhere: boolean;
}

/** `origin + path` without a trailing slash: the form stored and compared everywhere. */
export function parseCloudUrl(text: string, rules: CloudUrlRules): CloudUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'That is not a web address (it should look like https://cloud.example.com).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'The cloud address must start with https:// (or http:// on this PC or the office network).' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Leave the user name and password out of the cloud address; sign in instead.' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'The cloud address cannot have a ?query or #fragment.' };
  }
  if (url.protocol === 'http:' && !rules.allowPlainHttpAnywhere && !isLocalNetworkHost(url.hostname)) {
    return { ok: false, reason: 'Use https:// for a cloud outside this PC and the office network: passwords travel to it.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/**
 * This PC or a private network (RFC 1918 / loopback addresses, `localhost`, mDNS `.local`
 * names). Literal addresses only, besides those names: a public name resolving to a private
 * address is still reached over the internet's DNS, which is the case https is for.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return false;
  const [a = -1, b = -1] = octets;
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}
