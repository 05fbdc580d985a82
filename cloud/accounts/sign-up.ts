import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkRegistrationNumber, checkVatId, type RegistrationResult, type RuleStrength } from '@core/registration';
import { normaliseEmail } from '@core/identifiers';
import type { CloudContext } from '../context';
import { businesses, memberships, users } from '../db/schema';
import { asSystem } from '../db/tenancy';
import { isUniqueViolation } from './db-errors';
import { dropEmailCode, emailCodeMail, issueEmailCode } from './email-codes';
import { fieldError, fieldErrors, type FieldIssue } from './field-errors';
import { DeviceLabel, EmailField, PasswordField, Text } from './inputs';
import { deliver } from './mail-delivery';
import { isModerator, type Me } from './me';
import { hashPassword } from './passwords';
import { openSession } from './session-store';
import { normaliseWebDomain } from './web-domain';

/**
 * A business joins Rateback: its owner's account, the business (waiting for the owner's
 * e-mail code, then for a moderator), the owner's membership, a code by mail and a session,
 * so the app can go straight to "enter the code we sent you".
 */

const OptionalId = z.string().max(60, 'Enter only the number: 60 characters at most').optional();

export const SignUpInput = z.strictObject({
  owner: z.strictObject({
    displayName: Text(120, 'your name'),
    email: EmailField,
    password: PasswordField,
  }),
  business: z.strictObject({
    legalName: Text(200, "the business's legal name"),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Choose the country the business is registered in')
      .transform((c) => c.toUpperCase()),
    trade: Text(80, 'what the business does'),
    region: Text(120, 'the region or city'),
    registrationNumber: OptionalId,
    vatId: OptionalId,
    /** Its website or the domain of its e-mail; see web-domain.ts for what is accepted. */
    webDomain: z.string().max(500, 'Enter only the website address or e-mail domain'),
  }),
  deviceLabel: DeviceLabel,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export interface SignUpResult {
  token: string;
  me: Me;
  /** False when the code's mail could not be sent: the app offers "send a new code" at once. */
  codeSent: boolean;
  mailProblem: string | null;
}

const countryNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

const RULE_ORDER: RuleStrength[] = ['none', 'format', 'check_digit'];

export async function signUp(ctx: CloudContext, input: SignUpInput): Promise<SignUpResult> {
  const checked = checkSignUp(input);
  const { email, country, webDomain } = checked;
  const passwordHash = await hashPassword(input.owner.password);
  const now = ctx.now();
  const userId = randomUUID();
  const businessId = randomUUID();

  const created = await asSystem(ctx.database, async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) return null;
    await tx.insert(users).values({ id: userId, email, displayName: input.owner.displayName, passwordHash, createdAt: now });
    await tx.insert(businesses).values({
      id: businessId,
      legalName: input.business.legalName,
      country,
      trade: input.business.trade,
      region: input.business.region,
      registrationNumber: checked.registrationNumber?.normalised ?? null,
      vatId: checked.vatId?.normalised ?? null,
      registrationRule: checked.rule,
      webDomain,
      status: 'pending_email',
      createdAt: now,
    });
    await tx.insert(memberships).values({ businessId, userId, role: 'owner', createdAt: now });
    const code = await issueEmailCode(tx, userId, now);
    const { token } = await openSession(tx, ctx.env, { userId, businessId, deviceLabel: input.deviceLabel, now });
    return { code, token };
  }).catch((error: unknown) => {
    // Two sign-ups with one address at the same moment: the second loses at the unique index.
    if (isUniqueViolation(error)) return null;
    throw error;
  });
  if (!created) {
    throw fieldError(['owner', 'email'], 'There is already a Rateback account with this e-mail address: sign in instead.', 'CONFLICT');
  }

  const delivery = await deliver(ctx.mailer, emailCodeMail(email, created.code.code, businessId));
  if (!delivery.sent) await asSystem(ctx.database, (tx) => dropEmailCode(tx, created.code.id));

  return {
    token: created.token,
    me: {
      user: { id: userId, email, displayName: input.owner.displayName, emailVerified: false },
      business: { id: businessId, legalName: input.business.legalName, country, status: 'pending_email', reviewNote: null },
      role: 'owner',
      moderator: isModerator(ctx.env, email),
    },
    codeSent: delivery.sent,
    mailProblem: delivery.sent ? null : delivery.problem,
  };
}

interface CheckedSignUp {
  email: string;
  country: string;
  webDomain: string;
  registrationNumber: { normalised: string; rule: RuleStrength } | null;
  vatId: { normalised: string; rule: RuleStrength } | null;
  /** The stronger of the two checks: what registration_rule records. */
  rule: RuleStrength;
}

/** Every field the schema cannot check alone, with all problems reported at once. */
function checkSignUp(input: SignUpInput): CheckedSignUp {
  const issues: FieldIssue[] = [];
  const email = normaliseEmail(input.owner.email);
  if (!email.ok) issues.push({ path: ['owner', 'email'], message: email.error });

  const country = input.business.country;
  const countryKnown = countryNames.of(country) !== undefined;
  if (!countryKnown) issues.push({ path: ['business', 'country'], message: `"${country}" is not a country code we know: choose the country from the list` });

  const web = normaliseWebDomain(input.business.webDomain);
  if (!web.ok) issues.push({ path: ['business', 'webDomain'], message: web.error });

  const rawNumber = input.business.registrationNumber?.trim() ?? '';
  const rawVat = input.business.vatId?.trim() ?? '';
  let registrationNumber: RegistrationResult | null = null;
  let vatId: RegistrationResult | null = null;
  if (rawNumber === '' && rawVat === '') {
    const message = 'Enter the company registration number or the VAT number (or both), so we can check the business';
    issues.push({ path: ['business', 'registrationNumber'], message }, { path: ['business', 'vatId'], message });
  } else if (countryKnown) {
    if (rawNumber !== '') {
      registrationNumber = checkRegistrationNumber(country, rawNumber);
      if (!registrationNumber.ok) issues.push({ path: ['business', 'registrationNumber'], message: registrationNumber.error });
    }
    if (rawVat !== '') {
      vatId = checkVatId(rawVat, country);
      if (!vatId.ok) issues.push({ path: ['business', 'vatId'], message: vatId.error });
    }
  }

  const [first, ...rest] = issues;
  if (first) throw fieldErrors([first, ...rest]);
  // Unreachable (each failed check added an issue); it narrows the results' types.
  if (!email.ok || !web.ok || registrationNumber?.ok === false || vatId?.ok === false) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'A sign-up check failed without saying why' });
  }
  const number = registrationNumber ? { normalised: registrationNumber.normalised, rule: registrationNumber.rule } : null;
  const vat = vatId ? { normalised: vatId.normalised, rule: vatId.rule } : null;
  const strengths = [number?.rule, vat?.rule].filter((r): r is RuleStrength => r !== undefined);
  const rule = strengths.reduce<RuleStrength>((best, r) => (RULE_ORDER.indexOf(r) > RULE_ORDER.indexOf(best) ? r : best), 'none');
  return { email: email.email, country, webDomain: web.domain, registrationNumber: number, vatId: vat, rule };
}
