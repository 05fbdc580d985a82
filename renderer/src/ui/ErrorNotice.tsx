/** A failed action, said plainly: what went wrong and that nothing was half-saved. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p className="error-notice" role="alert">
      {message}
    </p>
  );
}
