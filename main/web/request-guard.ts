export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** True for /trpc: only the app's own pages may call main. */
  isApi: boolean;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 421; reason: string };

/**
 * The web host listens on 127.0.0.1, but any web page the user visits can still aim requests
 * at it. This refuses:
 * - a Host header other than our own address (DNS rebinding: evil.example resolved to
 *   127.0.0.1 would otherwise be "same-origin" with us);
 * - an Origin other than ours (another site, or another local app on another port, posting
 *   to /trpc);
 * - API calls that the browser itself marks as cross-site.
 * Plain navigations to the app (a bookmark, a link) carry no Origin and stay allowed.
 */
export function checkRequest(facts: RequestFacts, allowedHosts: readonly string[]): GuardVerdict {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));

  if (facts.host === undefined || !allowed.has(facts.host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'unexpected Host header' };
  }

  if (facts.origin !== undefined) {
    let origin: URL;
    try {
      origin = new URL(facts.origin);
    } catch {
      return { ok: false, status: 403, reason: 'unparseable Origin' };
    }
    if (origin.protocol !== 'http:' || !allowed.has(origin.host.toLowerCase())) {
      return { ok: false, status: 403, reason: 'cross-origin request' };
    }
  }

  if (facts.isApi && facts.secFetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site API request' };
  }

  return { ok: true };
}

/** The Host values under which the app is reachable on a loopback port. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
