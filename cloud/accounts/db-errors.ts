/**
 * Whether an error (as Drizzle wraps it, or as the driver threw it) is PostgreSQL's
 * unique_violation: two requests raced to the same e-mail address or code, and the loser
 * should hear CONFLICT rather than a server error.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === '23505') return true;
    e = typeof e === 'object' && 'cause' in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
