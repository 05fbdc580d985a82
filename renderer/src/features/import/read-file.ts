/**
 * Reads a chosen file as text. Most tools export UTF-8, but Excel on Windows saves "CSV" in the
 * PC's ANSI code page (Windows-1252 in western Europe), where "Fällig" and "Échéance" are not
 * valid UTF-8. A strict UTF-8 decode tells the two apart; Windows-1252 is the fallback because
 * every byte sequence decodes in it, so the file always opens and a wrong guess shows as odd
 * letters in the preview rather than as a failure.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
