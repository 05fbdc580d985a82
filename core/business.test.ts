import { describe, expect, it } from 'vitest';
import { BusinessProfile } from './business';

const profile = { name: 'Harbour Lane Hardware', currency: 'GBP', country: 'GB', timeZone: 'Europe/London', locale: 'en-GB' };

describe('BusinessProfile', () => {
  it('accepts a real time zone and locale', () => {
    expect(BusinessProfile.safeParse(profile).success).toBe(true);
  });

  it.each([
    ['timeZone', 'Mars/Olympus'],
    ['locale', 'not a locale!'],
    ['currency', 'pounds'],
    ['country', 'GBR'],
  ])('refuses a bad %s at that field', (field, value) => {
    const parsed = BusinessProfile.safeParse({ ...profile, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});
