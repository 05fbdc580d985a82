import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailerFromEnv } from './from-env';

describe('createMailerFromEnv', () => {
  it('uses the outbox under the data folder when SMTP_URL is not set', () => {
    const mailer = createMailerFromEnv({}, '/data');
    expect(mailer.transport).toBe('outbox');
    expect(mailer.transport === 'outbox' && mailer.dir).toBe(join('/data', 'outbox'));
    expect(createMailerFromEnv({ SMTP_URL: '  ' }, '/data').transport).toBe('outbox');
  });

  it('uses SMTP when SMTP_URL is set', () => {
    const mailer = createMailerFromEnv({ SMTP_URL: 'smtp://u:hunter2@mail.example.com:2525', MAIL_FROM: 'a@example.com' }, '/data');
    expect(mailer.transport).toBe('smtp');
    expect(mailer.describe).toBe('SMTP server at smtp://mail.example.com:2525');
  });

  it('fails at once on an SMTP_URL it cannot read', () => {
    expect(() => createMailerFromEnv({ SMTP_URL: 'mail.example.com' }, '/data')).toThrow(/not a valid URL/);
  });
});
