import { COMMON_CURRENCIES } from '../../ui/currencies';

/**
 * Currencies offered in the invoice form: the business's own first, then common ones, and the
 * invoice's current one when it is none of these (an imported invoice may be in any ISO code).
 */

export function currencyChoices(businessCurrency: string, current: string): string[] {
  return [...new Set([businessCurrency, current, ...COMMON_CURRENCIES].filter((c) => c !== ''))];
}
