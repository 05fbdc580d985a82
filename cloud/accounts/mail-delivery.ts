import type { Mailer, OutgoingMail } from '../mail/mailer';
import { MailDeliveryError } from '../mail/smtp-failure';

export type Delivery = { sent: true } | { sent: false; problem: string };

/**
 * Sends one mail and says how it went instead of throwing: each caller decides what a failed
 * send undoes (a sign-up stays, its code is dropped; an invite nobody received is revoked).
 * The SMTP mailer's errors name the server and the recipient's domain only, so their message
 * can go to the person and the log; anything else is described without its details.
 */
export async function deliver(mailer: Mailer, mail: OutgoingMail): Promise<Delivery> {
  try {
    await mailer.send(mail);
    return { sent: true };
  } catch (error) {
    const problem = error instanceof MailDeliveryError ? error.message : 'The mail could not be handed over for sending';
    console.error(`[accounts] ${mail.kind} mail not sent: ${error instanceof Error ? error.message : String(error)}`);
    return { sent: false, problem };
  }
}
