/** Countries and currencies offered at set-up; the schema accepts any ISO code. */
export const COUNTRIES: readonly (readonly [string, string])[] = [
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['NL', 'Netherlands'],
  ['BE', 'Belgium'],
  ['ES', 'Spain'],
  ['IT', 'Italy'],
  ['AT', 'Austria'],
  ['PL', 'Poland'],
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
];

export { COMMON_CURRENCIES as CURRENCIES } from '../../ui/currencies';
