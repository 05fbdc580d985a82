import { describe, expect, it } from 'vitest';
import { explainSmtpFailure, recipientLabel } from './smtp-failure';

const SERVER = 'mail.example.com:587';
const explain = (error: unknown) => explainSmtpFailure(error, 'Ada <ada@example.org>', SERVER);

describe('explainSmtpFailure', () => {
  it.each([
    ['refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.1:587' }, 'refused the connection'],
    ['timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, 'did not answer in time'],
    ['dns', { code: 'EDNS', message: 'getaddrinfo ENOTFOUND mail.example.com' }, 'could not be found (DNS lookup failed)'],
    ['auth', { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed', message: 'Invalid login' }, 'did not accept the user name or password in SMTP_URL (535 5.7.8 Authentication failed)'],
    ['rejected', { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <ada@example.org>: Recipient address rejected', message: 'x' }, 'rejected the mail: 550 5.1.1 <address>: Recipient address rejected'],
    ['failed', new Error('something odd'), 'could not take the mail (something odd)'],
    ['failed', 'a thrown string', 'could not take the mail (a thrown string)'],
  ])('reads %s', (reason, error, what) => {
    const explained = explain(error);
    expect(explained.reason).toBe(reason);
    expect(explained.message).toBe(`Could not send mail to an address at example.org: the mail server at ${SERVER} ${what}`);
    expect(explained.message).not.toContain('ada@');
  });

  it('keeps the SMTP reply code', () => {
    expect(explain({ code: 'EMESSAGE', responseCode: 552, response: '552 too big' }).smtpCode).toBe(552);
    expect(explain({ code: 'ETIMEDOUT' }).smtpCode).toBeNull();
  });
});

describe('recipientLabel', () => {
  it('names the domain only', () => {
    expect(recipientLabel('ada@example.org')).toBe('an address at example.org');
    expect(recipientLabel('Ada <ada@Example.org>')).toBe('an address at Example.org');
    expect(recipientLabel('nonsense')).toBe('an address');
  });
});
