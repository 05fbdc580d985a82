import Papa from 'papaparse';
import { recordLines, type CsvRecords, type RowError } from '@core/csv-import';

export interface ParsedCsv {
  /** Every record, header first, blank lines kept (see core/csv-import/records.ts). */
  readonly records: CsvRecords;
  /** The delimiter papaparse settled on: ',', ';' or a tab. */
  readonly delimiter: string;
  /** Quoting problems, at the line where they start. */
  readonly problems: RowError[];
}

/**
 * Splits a CSV file into records with papaparse. The delimiter is guessed among comma,
 * semicolon (Excel in most of Europe, where the comma is the decimal mark) and tab.
 *
 * Papaparse's own `header` and `skipEmptyLines` options are deliberately off: the header is
 * simply the first record (so two columns may share a name and the mapping works by
 * position), and blank lines stay in as records so core/csv-import can tell the line of every
 * row, as a person sees it in their editor; the planners skip the blank ones.
 */
export function parseCsvText(text: string): ParsedCsv {
  const body = stripBom(text);
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(body) });
  const records = result.data;
  // A file ending in a line break gives a last record of one empty cell; drop it so it is not counted.
  const last = records[records.length - 1];
  if (records.length > 1 && last?.length === 1 && last[0] === '') records.pop();
  const lines = recordLines(records);
  const problems: RowError[] = [];
  for (const e of result.errors) {
    // A single-column file has no delimiter to find; that is not a problem with the data.
    if (e.code === 'UndetectableDelimiter' || e.code === 'TooFewFields' || e.code === 'TooManyFields') continue;
    const row = e.row === undefined ? 1 : (lines[e.row] ?? e.row + 1);
    problems.push({ row, column: 'File', message: quoteMessage(e.code) });
  }
  return { records, delimiter: result.meta.delimiter, problems };
}

/**
 * Papaparse guesses the delimiter from the field counts of the first lines, and with blank
 * lines kept each one counts as a one-field line, which can tip a short semicolon file to
 * "comma". So the guess is made on a preview without blank lines.
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  return preview.meta.delimiter;
}

function quoteMessage(code: Papa.ParseError['code']): string {
  if (code === 'MissingQuotes') return 'A quoted cell is never closed: a " is missing, so the rest of the file may be read wrongly';
  if (code === 'InvalidQuotes') return 'A cell has a stray " inside it; quotes inside a quoted cell are written twice ("")';
  return 'This line could not be read';
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
