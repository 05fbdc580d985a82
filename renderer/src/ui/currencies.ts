/** Currencies offered in pickers; the schemas accept any ISO 4217 code. */
export const COMMON_CURRENCIES: readonly string[] = ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'NZD', 'PLN', 'CHF', 'SEK', 'DKK', 'NOK', 'JPY'];
