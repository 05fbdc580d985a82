import { INVOICE_FIELD_INFO, INVOICE_FIELDS, PAYMENT_FIELD_INFO, PAYMENT_FIELDS, type FieldInfo, type ImportKind } from '@core/csv-import';
import { SelectField } from '../../ui/Field';

interface Props {
  kind: ImportKind;
  header: readonly string[];
  mapping: Readonly<Record<string, number | null>>;
  /** Problems with the mapping, by field label (from the plan's line-1 errors). */
  problems: ReadonlyMap<string, string>;
  onChange: (field: string, column: number | null) => void;
  /** While an import runs: its plan must not change under it. */
  disabled: boolean;
}

/** One labelled select per field the book reads, pre-filled with the guess from the header. */
export function MappingFields({ kind, header, mapping, problems, onChange, disabled }: Props) {
  const fields: readonly string[] = kind === 'invoices' ? INVOICE_FIELDS : PAYMENT_FIELDS;
  const info: Readonly<Record<string, FieldInfo>> = kind === 'invoices' ? INVOICE_FIELD_INFO : PAYMENT_FIELD_INFO;
  return (
    <fieldset className="import-mapping" disabled={disabled}>
      <legend>Which column holds what</legend>
      <div className="form-grid">
        {fields.map((field) => {
          const fi = info[field];
          if (!fi) return null;
          const column = mapping[field] ?? null;
          return (
            <SelectField
              key={field}
              label={fi.label}
              value={column === null ? '' : String(column)}
              error={problems.get(fi.label)}
              hint={fi.required ? 'Required' : `If left out: ${fi.whenMissing}`}
              onChange={(e) => onChange(field, e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{fi.required ? 'Choose a column…' : '— not in the file —'}</option>
              {header.map((name, i) => (
                <option key={i} value={String(i)}>
                  {name.trim() === '' ? `Column ${i + 1}` : name}
                </option>
              ))}
            </SelectField>
          );
        })}
      </div>
    </fieldset>
  );
}
