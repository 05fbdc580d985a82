import { minorDigits, minorToDecimalString } from '@core/money';

const decimalMarks = new Map<string, '.' | ','>();

/** The decimal mark people write in this locale, as core/money.ts parseMoney reads it. */
function decimalMarkOf(locale: string): '.' | ',' {
  let mark = decimalMarks.get(locale);
  if (!mark) {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    // parseMoney reads only '.' or ','; any other mark (Arabic '٫') it treats as '.'.
    mark = part?.value === ',' ? ',' : '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/**
 * An amount as a person would type it into a form field in this locale — no currency symbol,
 * no digit grouping, ASCII digits: 123450 GBP in en-GB → "1234.50", in de-DE → "1234,50".
 * Prefilled fields use this so that submitting them untouched parses back to the same minor
 * units with parseMoney, and a person can edit the number without fighting separators.
 */
export function amountForInput(minor: number, currency: string, locale: string): string {
  const text = minorToDecimalString(minor, minorDigits(currency));
  return decimalMarkOf(locale) === ',' ? text.replace('.', ',') : text;
}
