/**
 * Currencies offered in the invoice form: the business's own first, then common ones, and the
 * invoice's current one when it is none of these (an imported invoice may be in any ISO code).
 * The list mirrors the one at set-up (features/onboarding/choices.ts), kept here so invoices do
 * not depend on another feature's folder.
 */
const COMMON = ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'NZD', 'PLN', 'CHF', 'SEK', 'DKK', 'NOK', 'JPY'] as const;

export function currencyChoices(businessCurrency: string, current: string): string[] {
  return [...new Set([businessCurrency, current, ...COMMON].filter((c) => c !== ''))];
}
