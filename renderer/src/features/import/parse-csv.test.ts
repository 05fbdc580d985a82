import { describe, expect, it } from 'vitest';
import { parseCsvText } from './parse-csv';
import { readCsvFile } from './read-file';

describe('parseCsvText', () => {
  it('guesses comma, semicolon and tab, and keeps blank lines as records', () => {
    expect(parseCsvText('a,b\n1,2\n').records).toEqual([['a', 'b'], ['1', '2']]);
    const semi = parseCsvText('\ufeffNr;Betrag\r\nR-1;"1.234,56"\r\n\r\nR-2;5\r\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.records).toEqual([['Nr', 'Betrag'], ['R-1', '1.234,56'], [''], ['R-2', '5']]);
    expect(parseCsvText('a\tb\n1\t2').delimiter).toBe('\t');
  });

  it('keeps line breaks inside quoted cells', () => {
    expect(parseCsvText('a,b\n"x\ny",2\n3,4').records).toEqual([['a', 'b'], ['x\ny', '2'], ['3', '4']]);
  });

  it('reports an unclosed quote at its line', () => {
    const parsed = parseCsvText('a,b\n1,2\n3,"4\n5,6');
    expect(parsed.problems).toEqual([{ row: 3, column: 'File', message: expect.stringContaining('never closed') as unknown as string }]);
  });
});

describe('readCsvFile', () => {
  it('reads UTF-8, and falls back to Windows-1252 for Excel files saved as ANSI', async () => {
    expect(await readCsvFile(new Blob(['F\u00e4llig'], { type: 'text/csv' }))).toBe('Fällig');
    expect(await readCsvFile(new Blob([new Uint8Array([0x46, 0xe4, 0x6c, 0x6c, 0x69, 0x67])]))).toBe('Fällig');
  });
});
