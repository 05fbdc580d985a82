/**
 * Saves text as a file through the browser's download: a Blob URL on an <a download>. The
 * CSP has no blob: source, but it need not: a download is neither a fetch (connect-src) nor
 * an embedded resource, and Chromium allows it (tests/e2e/csv-import.spec.ts checks).
 *
 * A byte-order mark goes first: Excel reads a CSV without one in the PC's ANSI code page, and
 * "Müller" or "Zoë" would come out garbled.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by the next task in Chromium; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
