import { describe, expect, it } from 'vitest';
import { teamInviteMail, utcDateTime, verificationCodeMail } from './templates';

describe('verificationCodeMail', () => {
  it('gives the code and its expiry in the text, not in the subject', () => {
    const mail = verificationCodeMail({ code: '123456' });
    expect(mail.text).toBe('Your Rateback code is 123456. It expires in 15 minutes. If you did not ask for it, ignore this mail.\n');
    expect(mail.subject).toBe('Your Rateback code');
  });

  it('says another expiry, in words that fit the number', () => {
    expect(verificationCodeMail({ code: '1', expiresInMinutes: 1 }).text).toContain('It expires in 1 minute.');
    expect(verificationCodeMail({ code: '1', expiresInMinutes: 30 }).text).toContain('It expires in 30 minutes.');
  });
});

describe('teamInviteMail', () => {
  const input = {
    businessName: 'Acme Ltd',
    inviterName: 'Ada Lovelace',
    role: 'manager',
    code: 'K7QX-M2PD',
    expiresAt: new Date('2026-03-21T09:05:00Z'),
  };

  it('names the business, the inviter, the role, the code and when it expires', () => {
    const mail = teamInviteMail(input);
    expect(mail.subject).toBe('Ada Lovelace invited you to Acme Ltd on Rateback');
    expect(mail.text).toContain('Ada Lovelace invited you to join Acme Ltd on Rateback as a manager.');
    expect(mail.text).toContain('\n    K7QX-M2PD\n');
    expect(mail.text).toContain('The code works once and expires on 21 March 2026 at 09:05 UTC.');
    expect(mail.subject).not.toContain('K7QX');
  });

  it.each([
    ['owner', 'as an owner'],
    ['staff', 'as staff'],
    ['auditor', 'as auditor'],
  ])('words the role %s', (role, words) => {
    expect(teamInviteMail({ ...input, role }).text).toContain(`on Rateback ${words}.`);
  });

  it('keeps names to one line, so a name cannot add lines to the subject', () => {
    const mail = teamInviteMail({ ...input, businessName: 'Acme\r\nBcc: x@example.com', inviterName: '  Ada\n' });
    expect(mail.subject).toBe('Ada invited you to Acme Bcc: x@example.com on Rateback');
  });
});

describe('utcDateTime', () => {
  it('pads hours and minutes, not the day', () => {
    expect(utcDateTime(new Date('2026-01-02T03:04:00Z'))).toBe('2 January 2026 at 03:04 UTC');
  });
});
