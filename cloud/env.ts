import { z } from 'zod';

/**
 * The cloud's configuration, read from the environment once at start and checked here, so a
 * typo fails the start with a message instead of a confusing error on the first request.
 */
const Env = z.object({
  /** PostgreSQL server; without it the cloud keeps its data in PGlite under CLOUD_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  CLOUD_DATA_DIR: z.string().min(1).default('.rateback-cloud'),
  CLOUD_HOST: z.string().min(1).default('127.0.0.1'),
  CLOUD_PORT: z.coerce.number().int().min(0).max(65535).default(4790),
  /** SMTP server for mail; without it mail goes to the outbox folder under CLOUD_DATA_DIR. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Rateback <no-reply@rateback.invalid>'),
  /** E-mail addresses that are platform moderators (they review new businesses). */
  MODERATOR_EMAILS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)),
  /** Session lifetimes, in minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(14 * 24 * 60),
  SESSION_ABSOLUTE_MINUTES: z.coerce.number().int().min(1).default(90 * 24 * 60),
  /** How many connections a PostgreSQL pool may open per cloud process. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
});
export type CloudEnv = z.infer<typeof Env>;

export function readEnv(source: Record<string, string | undefined> = process.env): CloudEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The cloud's environment is not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
