/**
 * Remembers a pure function's answers for the length of one plan. Exports repeat themselves —
 * a 100,000-row file has a few hundred dates, a few thousand customers and five status words —
 * and folding a name (Unicode normalisation) or checking an e-mail (a long regex) costs more
 * than a Map look-up, so each distinct cell is read once.
 */
export function memo<R>(fn: (text: string) => R): (text: string) => R {
  const seen = new Map<string, R>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      r = fn(text);
      seen.set(text, r);
    }
    return r;
  };
}
