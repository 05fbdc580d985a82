import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../tests/support/smtp-receiver';
import { MailDeliveryError } from './smtp-failure';
import { createSmtpMailer } from './smtp-mailer';
import { verificationCodeMail } from './templates';

let receiver: SmtpReceiver;
beforeEach(async () => {
  receiver = await startSmtpReceiver();
});
afterEach(() => receiver.close());

describe('createSmtpMailer', () => {
  it('delivers a verification mail the receiver can read', async () => {
    const mailer = createSmtpMailer({ url: receiver.url, from: 'Rateback <no-reply@rateback.test>' });
    const { id } = await mailer.send({ to: 'ada@example.com', kind: 'verify_email', businessId: 'b1', ...verificationCodeMail({ code: '123456' }) });

    const mail = await receiver.waitFor((m) => m.envelope.to.includes('ada@example.com'));
    expect(id).toMatch(/^<.+@.+>$/);
    expect(mail.headers.get('message-id')).toBe(id);
    expect(mail.envelope.from).toBe('no-reply@rateback.test');
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe('Your Rateback code');
    expect(mail.text).toContain('Your Rateback code is 123456.');
    expect(mail.headers.get('x-rateback-kind')).toBe('verify_email');
    expect(mail.user).toBeNull();
  });

  it('signs in with the user and password in the URL, percent-decoded', async () => {
    const url = receiver.url.replace('smtp://', 'smtp://mailer:p%40ss%2Fword@');
    const mailer = createSmtpMailer({ url, from: 'no-reply@rateback.test' });
    await mailer.send({ to: 'bo@example.com', subject: 'Hi', text: 'Hello', kind: 'invite', businessId: 'b1' });

    expect((await receiver.waitFor((m) => m.to === 'bo@example.com')).user).toBe('mailer');
  });

  // nodemailer picks quoted-printable for mostly-ASCII text and base64 for the rest; the
  // receiver has to undo both for the tests above to read codes at all.
  it.each([
    ['quoted-printable', `Zoë from Café Müller invited you. Your code is 987654.\n${'Plain words on a long line. '.repeat(6)}`],
    ['base64', `Zoë: ${'Ünïcödé ✓ '.repeat(20)}\nCode 987654`],
  ])('keeps non-ASCII subjects and text readable (%s)', async (encoding, text) => {
    const mailer = createSmtpMailer({ url: receiver.url, from: 'no-reply@rateback.test' });
    await mailer.send({ to: 'zoe@example.com', subject: 'Einladung zu Café Müller', text, kind: 'invite', businessId: 'b1' });

    const mail = await receiver.waitFor((m) => m.to === 'zoe@example.com');
    expect(mail.headers.get('content-transfer-encoding')).toBe(encoding);
    expect(mail.subject).toBe('Einladung zu Café Müller');
    expect(mail.text.trimEnd()).toBe(text.trimEnd());
  });

  it('says so in seconds when nothing listens on the port, naming the server but not the address or body', async () => {
    const port = await closedPort();
    const mailer = createSmtpMailer({ url: `smtp://user:secret@127.0.0.1:${port}`, from: 'no-reply@rateback.test' });

    const started = Date.now();
    const error: unknown = await mailer.send({ to: 'ada@example.com', subject: 'Your Rateback code', text: 'code 123456', kind: 'verify_email', businessId: 'b1' }).catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(MailDeliveryError);
    const { message, reason, server } = error as MailDeliveryError;
    expect(message).toBe(`Could not send mail to an address at example.com: the mail server at 127.0.0.1:${port} refused the connection`);
    expect(reason).toBe('refused');
    expect(server).toBe(`127.0.0.1:${port}`);
    expect(message).not.toMatch(/ada@|123456|secret/);
  });

  it('describes itself without the password, and refuses a bad URL at creation', () => {
    expect(createSmtpMailer({ url: 'smtps://u:hunter2@mail.example.com', from: 'x@example.com' }).describe).toBe(
      'SMTP server at smtps://mail.example.com:465',
    );
    expect(() => createSmtpMailer({ url: 'http://u:hunter2@mail.example.com', from: 'x@example.com' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createSmtpMailer({ url: 'smtp://u:hunter2@mail.example.com?pool=true', from: 'x@example.com' })).toThrow(/not supported/);
  });
});

/** A port that was free a moment ago: opened, read, closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
