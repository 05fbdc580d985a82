import { DATE_FORMAT_EXAMPLES, DATE_FORMATS, DECIMAL_STYLE_EXAMPLES, type AmountKind, type DateDetection, type DateFormat, type DecimalStyle, type ImportKind } from '@core/csv-import';
import { SelectField } from '../../ui/Field';

interface Props {
  kind: ImportKind;
  dateDetection: DateDetection;
  dateFormat: DateFormat | null;
  decimalStyle: DecimalStyle;
  amountIs: AmountKind;
  /** Shown at the date format when Import was pressed without one. */
  dateError: string | undefined;
  onDateFormat: (f: DateFormat) => void;
  onDecimalStyle: (s: DecimalStyle) => void;
  onAmountIs: (k: AmountKind) => void;
  disabled: boolean;
}

function dateHint(d: DateDetection): string {
  switch (d.kind) {
    case 'found':
      return 'Found in the file';
    case 'ambiguous':
      return `The dates fit ${d.candidates.join(' and ')}: say which, or every day up to the 12th is read wrongly`;
    case 'unknown':
      return d.best === null ? 'No dates to tell from yet' : 'Not every date fits one format; rows that do not are listed as problems';
  }
}

/** How the file writes dates and amounts: detected from the mapped columns, changeable. */
export function ReadingFields(p: Props) {
  return (
    <fieldset className="import-reading" disabled={p.disabled}>
      <legend>How the file writes dates and amounts</legend>
      <div className="form-grid">
        <SelectField
          label="Date format"
          value={p.dateFormat ?? ''}
          hint={dateHint(p.dateDetection)}
          error={p.dateError}
          onChange={(e) => {
            const f = DATE_FORMATS.find((x) => x === e.target.value);
            if (f) p.onDateFormat(f);
          }}
        >
          {p.dateFormat === null ? <option value="">Choose…</option> : null}
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f} (like {DATE_FORMAT_EXAMPLES[f]})
            </option>
          ))}
        </SelectField>
        <SelectField label="Amounts are written like" value={p.decimalStyle} onChange={(e) => p.onDecimalStyle(e.target.value === 'comma' ? 'comma' : 'dot')}>
          <option value="dot">{DECIMAL_STYLE_EXAMPLES.dot} (decimal point)</option>
          <option value="comma">{DECIMAL_STYLE_EXAMPLES.comma} (decimal comma)</option>
        </SelectField>
        {p.kind === 'invoices' ? (
          <SelectField
            label="The amount column holds"
            value={p.amountIs}
            hint={p.amountIs === 'line' ? 'Lines with the same invoice number are added up' : 'Repeated on each line of an invoice; counted once'}
            onChange={(e) => p.onAmountIs(e.target.value === 'total' ? 'total' : 'line')}
          >
            <option value="line">Each line's amount</option>
            <option value="total">The invoice total</option>
          </SelectField>
        ) : null}
      </div>
    </fieldset>
  );
}
