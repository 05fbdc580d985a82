/**
 * The records of a CSV file as a parser split them: the header first, then one string[] per
 * record, blank lines included (as a record of empty cells). Keeping the blank lines is what
 * lets a problem be reported at the line a person finds in their editor; they are skipped here,
 * not by the parser.
 */
export type CsvRecords = readonly (readonly string[])[];

/** A problem with one row: its line in the file (the header is line 1), the column, what is wrong. */
export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The line on which each record starts. A record normally takes one line, but a quoted cell
 * may hold line breaks ("12 Main St\nLeeds"), which push every later record down.
 */
export function recordLines(records: CsvRecords): number[] {
  const lines = new Array<number>(records.length);
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    lines[i] = line;
    line += 1;
    for (const cell of records[i] ?? []) {
      // indexOf first: almost no cell has a line break, and a regex per cell would cost more.
      if (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1) line += cell.match(LINE_BREAK)?.length ?? 0;
    }
  }
  return lines;
}

export function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

/** How many records after the header hold anything: the rows an import reports on. */
export function countDataRows(records: CsvRecords): number {
  let n = 0;
  for (let i = 1; i < records.length; i++) if (!isBlankRecord(records[i] ?? [])) n++;
  return n;
}

/** The header's name for a column, or the field's label when the column has no name or is unmapped. */
export function columnName(header: readonly string[], column: number | null, fallback: string): string {
  if (column === null) return fallback;
  const name = header[column]?.trim() ?? '';
  return name === '' ? `${fallback} (column ${column + 1})` : name;
}

/** Errors in file order: by row, then as they were found. */
export function sortRowErrors(errors: RowError[]): RowError[] {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => a.e.row - b.e.row || a.i - b.i).map((x) => x.e);
}
