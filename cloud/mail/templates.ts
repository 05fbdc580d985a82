/**
 * The text of the cloud's mails. Plain text only: it reads the same in every client, and in
 * the outbox file. Each returns the subject and text of one OutgoingMail.
 *
 * Codes stay out of subjects: subjects show on lock screens and in mail servers' logs.
 * Names come from users, so they are flattened to one line before they reach a subject.
 */

export interface MailContent {
  subject: string;
  text: string;
}

export interface VerificationCodeInput {
  code: string;
  expiresInMinutes?: number;
}

export function verificationCodeMail({ code, expiresInMinutes = 15 }: VerificationCodeInput): MailContent {
  return {
    subject: 'Your Rateback code',
    text: `Your Rateback code is ${code}. It expires in ${count(expiresInMinutes, 'minute')}. If you did not ask for it, ignore this mail.\n`,
  };
}

export interface TeamInviteInput {
  businessName: string;
  inviterName: string;
  /** The role the invitee gets: 'owner', 'manager', 'staff' read as words; anything else as is. */
  role: string;
  /** Single-use. */
  code: string;
  expiresAt: Date;
}

export function teamInviteMail(input: TeamInviteInput): MailContent {
  const business = oneLine(input.businessName);
  const inviter = oneLine(input.inviterName);
  return {
    subject: `${inviter} invited you to ${business} on Rateback`,
    text: [
      `${inviter} invited you to join ${business} on Rateback ${roleWords(input.role)}.`,
      '',
      'Your invite code:',
      '',
      `    ${input.code}`,
      '',
      'To join, open Rateback, choose to join a team and enter this code.',
      `The code works once and expires on ${utcDateTime(input.expiresAt)}.`,
      '',
      'If you did not expect this invite, ignore this mail: nothing happens unless the code is used.',
      '',
    ].join('\n'),
  };
}

function roleWords(role: string): string {
  switch (role) {
    case 'owner':
      return 'as an owner';
    case 'manager':
      return 'as a manager';
    case 'staff':
      return 'as staff';
    default:
      return `as ${oneLine(role)}`;
  }
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "14 March 2026 at 09:30 UTC". The cloud does not know the reader's time zone, so UTC, said
 * out loud; built by hand so it reads the same whatever ICU data Node ships with.
 */
export function utcDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()} at ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
