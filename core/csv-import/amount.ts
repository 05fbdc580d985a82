import { minorDigits, parseMoney } from '../money';

/**
 * Amounts in a CSV are read with parseMoney's rules (core/money.ts) in a decimal style the
 * person confirms for the whole file: 'dot' for "1,234.56", 'comma' for "1.234,56". Currency
 * symbols ("€", "US$") and codes ("EUR 12,50") around the number and the spaces between digit
 * groups are dropped; a code that names another currency than the invoice's is refused rather
 * than silently read as the invoice's.
 */
export type DecimalStyle = 'dot' | 'comma';

export const DECIMAL_STYLE_EXAMPLES: Readonly<Record<DecimalStyle, string>> = {
  dot: '1,234.56',
  comma: '1.234,56',
};

export type AmountResult =
  | { ok: true; minor: number }
  | { ok: false; negative: boolean; error: string };

// A locale that writes the style's decimal mark: parseMoney takes its decimal mark from one.
const LOCALE_OF: Readonly<Record<DecimalStyle, string>> = { dot: 'en', comma: 'de' };

const NEGATIVE = /^[-\u2212\u2013(]|[-\u2212\u2013)]$|(?:^|[\d\s])CR$/i;
// "$", "€", and the prefixed dollars "US$", "CA$", "A$", "HK$", "R$".
const SYMBOLS = /[A-Z]{0,2}\p{Sc}/gu;
const CODE_BEFORE = /^([A-Za-z]{3})\s*(?=[\d.,(\-\u2212])/;
const CODE_AFTER = /(?<=[\d.,)\-\u2212])\s*([A-Za-z]{3})$/;

// Plain "1234" or "1234.50" (with the style's decimal mark): most cells of a machine export.
const PLAIN: Readonly<Record<DecimalStyle, RegExp>> = { dot: /^(\d{1,15})(?:\.(\d*))?$/, comma: /^(\d{1,15})(?:,(\d*))?$/ };

/** Reads an amount cell into minor units of `currency`. Never throws. */
export function parseAmount(value: string, currency: string, style: DecimalStyle): AmountResult {
  const plain = PLAIN[style].exec(value);
  if (plain) {
    // The answer parseMoney would give, without its separator and symbol handling; anything
    // unusual (too many decimals, an unknown currency) falls through to it.
    const digits = currencyDigits(currency);
    const fraction = plain[2] ?? '';
    if (digits !== null && fraction.length <= digits) {
      const minor = Number((plain[1] ?? '') + fraction.padEnd(digits, '0'));
      if (Number.isSafeInteger(minor)) return { ok: true, minor };
    }
  }
  let text = value.trim().replace(SYMBOLS, '').trim();
  for (const around of [CODE_BEFORE, CODE_AFTER]) {
    const code = around.exec(text)?.[1]?.toUpperCase();
    if (code === undefined) continue;
    if (code !== currency) {
      return { ok: false, negative: false, error: `"${value.trim()}" is in ${code}, but this invoice is in ${currency}` };
    }
    text = text.replace(around, '').trim();
  }
  if (text === '') return { ok: false, negative: false, error: 'No amount' };
  if (NEGATIVE.test(text)) return { ok: false, negative: true, error: `"${value.trim()}" is negative` };
  const parsed = parseMoney(text, currency, LOCALE_OF[style]);
  if (parsed.ok) return { ok: true, minor: parsed.minor };
  // A whole file in the other style fails on every row; say which style would read it.
  const other: DecimalStyle = style === 'dot' ? 'comma' : 'dot';
  if (parseMoney(text, currency, LOCALE_OF[other]).ok) {
    return { ok: false, negative: false, error: `"${value.trim()}" is written like ${DECIMAL_STYLE_EXAMPLES[other]}, not ${DECIMAL_STYLE_EXAMPLES[style]}; check how amounts are written` };
  }
  return { ok: false, negative: false, error: parsed.error };
}

/**
 * The decimal style the amounts are written in, judged from the values: a value with both
 * marks ("1.234,56") settles it by the last one; a lone mark followed by one or two digits
 * ("12,5", "99.90") can only be a decimal mark. "1,234" could be either and does not count.
 * Null when nothing tells (whole numbers only); the majority wins if values disagree.
 */
export function detectDecimalStyle(values: Iterable<string>): DecimalStyle | null {
  let dot = 0;
  let comma = 0;
  for (const raw of values) {
    const t = raw.replace(/[^\d.,]/g, '');
    const lastDot = t.lastIndexOf('.');
    const lastComma = t.lastIndexOf(',');
    if (lastDot !== -1 && lastComma !== -1) {
      if (lastDot > lastComma) dot++;
      else comma++;
      continue;
    }
    const mark = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
    if (mark === null || t.indexOf(mark) !== t.lastIndexOf(mark)) continue;
    const after = t.length - t.lastIndexOf(mark) - 1;
    if (after === 1 || after === 2) {
      if (mark === '.') dot++;
      else comma++;
    }
  }
  if (dot === 0 && comma === 0) return null;
  return comma > dot ? 'comma' : 'dot';
}

function currencyDigits(currency: string): number | null {
  try {
    return minorDigits(currency);
  } catch {
    return null;
  }
}
