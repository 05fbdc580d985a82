/**
 * A business's web domain: the host of its website or of its e-mail addresses, kept as a
 * bare host ("acme.co.uk") so moderators can compare it with the owner's e-mail address.
 * People type it every way they see it written, so all of these read as acme.co.uk:
 * "acme.co.uk", "www.Acme.co.uk", "https://www.acme.co.uk/shop?x=1", "jo@acme.co.uk",
 * "@acme.co.uk". Internationalised names come back in their ASCII (punycode) form, as URL
 * gives them.
 */
export type WebDomainResult = { ok: true; domain: string } | { ok: false; error: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const EXAMPLE = 'like acme.co.uk or www.acme.co.uk';

export function normaliseWebDomain(raw: string): WebDomainResult {
  const text = raw.trim();
  if (text === '') return { ok: false, error: `Enter the business's website or e-mail domain, ${EXAMPLE}` };
  const at = text.lastIndexOf('@');
  const candidate = at >= 0 ? text.slice(at + 1) : text;
  let host: string;
  try {
    // new URL, not string surgery: it knows ports, paths, user info and IDN hosts.
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate) ? candidate : `http://${candidate}`).hostname;
  } catch {
    return { ok: false, error: `"${text}" is not a website or e-mail domain; enter one ${EXAMPLE}` };
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  const labels = host.split('.');
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TOP_LEVEL.test(top)) {
    return { ok: false, error: `"${text}" is not a website or e-mail domain; enter one ${EXAMPLE}` };
  }
  return { ok: true, domain: host };
}

/**
 * Whether an e-mail address is at the web domain or one of its subdomains (jo@mail.acme.com
 * for acme.com): a hint for moderators that the person signing up works there, not proof.
 */
export function emailAtDomain(email: string, domain: string): boolean {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}
