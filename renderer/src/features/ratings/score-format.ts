/** How scores (means of 1–5) are shown: one decimal, a bar length, a tone, a disagreement flag. */

const oneDecimal = new Map<string, Intl.NumberFormat>();

/** "3.8" / "3,8" in the business's locale; an em dash when there is nothing to average. */
export function formatScore(value: number | null, locale: string): string {
  if (value === null) return '—';
  let nf = oneDecimal.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    oneDecimal.set(locale, nf);
  }
  return nf.format(value);
}

/** Bar length in percent for a 1–5 score, 1 → 20%, 5 → 100%: even the worst score shows a stub. */
export function scoreBarPercent(value: number): number {
  return Math.round((Math.min(5, Math.max(0, value)) / 5) * 100);
}

export type ScoreTone = 'low' | 'mid' | 'high';

/** Below 2.5 is a warning, 3.5 and above is good; the words beside the bar carry the meaning too. */
export function scoreTone(value: number): ScoreTone {
  if (value < 2.5) return 'low';
  if (value >= 3.5) return 'high';
  return 'mid';
}

/**
 * A spread of two points or more (someone says 2, someone says 4) is where the team sees the
 * customer differently — the conversation a workshop is for.
 */
export const WIDE_SPREAD = 2;

export function isWideSpread(spread: number | null): boolean {
  return spread !== null && spread >= WIDE_SPREAD;
}
