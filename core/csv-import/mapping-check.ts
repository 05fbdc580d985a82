import type { ColumnMapping, FieldInfo } from './fields';
import type { RowError } from './records';

/**
 * Problems with the mapping itself, reported against the header (line 1): a required field
 * with no column, or a column number the file does not have. A plan with any of these plans
 * nothing, since every row would fail the same way.
 */
export function mappingErrors<F extends string>(
  header: readonly string[],
  mapping: ColumnMapping<F>,
  info: Readonly<Record<F, FieldInfo>>,
): RowError[] {
  const errors: RowError[] = [];
  for (const field of Object.keys(info) as F[]) {
    const column = mapping[field];
    const { label, required } = info[field];
    if (column === null || column === undefined) {
      if (required) errors.push({ row: 1, column: label, message: `Choose the column that holds the ${label.toLowerCase()}` });
    } else if (!Number.isInteger(column) || column < 0 || column >= header.length) {
      errors.push({ row: 1, column: label, message: `The file has no column ${column + 1} (it has ${header.length})` });
    }
  }
  return errors;
}
