import { foldText, nationalDigits, normaliseTaxId } from './identifiers';

/**
 * The counter lookup. Customers are stored with a multi-entry IndexedDB index on `tokens`; a
 * lookup is ONE prefix range query, `IDBKeyRange.bound(p, p + '\uffff')`, on the query's most
 * selective word (`primary`), and the few rows it returns are filtered here with
 * `customerMatches`. So the rule for tokens is: anything a clerk might start typing must be the
 * *prefix* of some token.
 *
 * Every token costs ~17 µs of write time per customer at import, so tokens are chosen to be
 * few: a typical customer (two name words, one company word, one mobile, one e-mail) has 14.
 * Phone numbers are the expensive part: to find "any 4+ digits from anywhere in the number"
 * by prefix we store each suffix of the international digits of length ≥ 4 (9 for a UK
 * mobile), plus the national form so "07700 9…" typed the local way also prefix-matches.
 */

export type CustomerTokenSource = {
  displayName: string;
  company: string;
  phones: readonly string[];
  emails: readonly string[];
  taxId: string;
};

const MIN_PHONE_SUFFIX = 4;

/** Splits folded text into words on anything that is not a letter or digit (space - ' . , & / …). */
function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

function addNameTokens(out: Set<string>, text: string): void {
  const folded = foldText(text);
  for (const chunk of folded.split(' ')) {
    const parts = words(chunk);
    for (const w of parts) out.add(w);
    // "O'Brien" gives "o" and "brien"; clerks also type "obrien". Adding the joined form costs
    // a token only for the rare names with inner punctuation.
    if (parts.length > 1) out.add(parts.join(''));
  }
}

/** The search tokens of a customer, de-duplicated, in a stable order. */
export function customerTokens(c: CustomerTokenSource): string[] {
  const out = new Set<string>();
  addNameTokens(out, c.displayName);
  addNameTokens(out, c.company);
  for (const phone of c.phones) {
    const digits = phone.replace(/\D/g, '');
    for (let i = 0; i + MIN_PHONE_SUFFIX <= digits.length; i++) out.add(digits.slice(i));
    const national = nationalDigits(phone);
    if (national) out.add(national);
  }
  for (const email of c.emails) {
    const e = email.trim().toLowerCase();
    if (e !== '') out.add(e);
  }
  // Tokens are matched against folded (lower-case) queries, so the tax id is lower-cased too.
  const taxId = normaliseTaxId(c.taxId).toLowerCase();
  if (taxId !== '') {
    out.add(taxId);
    // VAT ids carry a country prefix ("GB123456789") that clerks often leave off.
    const bare = /^[a-z]{2}(\d.*)$/.exec(taxId)?.[1];
    if (bare) out.add(bare);
  }
  return [...out];
}

type InvoiceNumberField = { invoiceNumber: string | null };

export type SearchQuery =
  | { kind: 'empty' }
  | ({ kind: 'text'; words: string[]; primary: string } & InvoiceNumberField)
  | ({ kind: 'phone'; digits: string; primary: string } & InvoiceNumberField)
  | ({ kind: 'email'; primary: string } & InvoiceNumberField);

const PHONE_QUERY = /^[\d+\s\-().]+$/;

/**
 * Reads what the clerk typed into the search box:
 * - contains '@' → an e-mail, matched by prefix;
 * - only digits and phone punctuation, with at least 3 digits → a phone number: digits only,
 *   a leading "00" international prefix (when 4+ digits follow it) and a "(0)" trunk marker
 *   dropped, so "0044 (0)7700" and "+44 7700" both become "447700";
 * - anything else → words, each matched by prefix; `primary` is the longest word, the one
 *   most likely to narrow the index range.
 * `invoiceNumber` is set whenever the query contains a digit, for the parallel prefix lookup
 * on the (upper-cased) invoice-number index.
 */
export function parseSearchQuery(raw: string): SearchQuery {
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'empty' };
  const invoiceNumber = /\d/.test(trimmed) ? trimmed.toUpperCase() : null;

  if (trimmed.includes('@')) {
    return { kind: 'email', primary: trimmed.toLowerCase(), invoiceNumber };
  }
  if (PHONE_QUERY.test(trimmed)) {
    let digits = trimmed.replace('(0)', '').replace(/\D/g, '');
    if (digits.length >= 3) {
      // Only with at least four digits left: a run from inside a number may start with 00
      // too ("…0045"), and stripped to "45" it would no longer prefix any (4+ digit) token.
      // With four or more left, the stripped run is still a run of the number, so nothing is lost.
      if (digits.startsWith('00') && digits.length >= 6) digits = digits.slice(2);
      if (digits !== '') return { kind: 'phone', digits, primary: digits, invoiceNumber };
    }
  }
  const ws = words(foldText(trimmed));
  let primary = '';
  for (const w of ws) if (w.length > primary.length) primary = w;
  if (primary === '') return { kind: 'empty' };
  return { kind: 'text', words: ws, primary, invoiceNumber };
}

function someTokenStartsWith(tokens: readonly string[], prefix: string): boolean {
  for (const t of tokens) if (t.startsWith(prefix)) return true;
  return false;
}

/** Whether a customer with these tokens answers the query (the filter after the index range). */
export function customerMatches(tokens: readonly string[], q: SearchQuery): boolean {
  switch (q.kind) {
    case 'empty':
      // An empty box is not a search; the screen shows its recent customers instead.
      return false;
    case 'text':
      return q.words.every((w) => someTokenStartsWith(tokens, w));
    case 'phone':
      return someTokenStartsWith(tokens, q.digits);
    case 'email':
      return someTokenStartsWith(tokens, q.primary);
  }
}
