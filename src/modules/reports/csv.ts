/**
 * CSV as every report and export writes it: a header row, RFC 4180 records (CRLF-ended, a field with a comma, quote
 * or line break quoted and its quotes doubled) through d3-dsv's formatter (a kept library, not hand-rolled quoting),
 * and text cells that a spreadsheet would run as a formula neutralised. Numbers stay numbers: a typed number cannot
 * carry a formula, and a refund's "-500" must stay summable.
 *
 * d3-dsv rather than csv-stringify, which wrote the same bytes: csv-stringify allocates several arrays and objects
 * per field, and at ~50,000 rows/s on its own it was most of the bookings export's time (docs/performance.md);
 * d3-dsv tests each field with one regular expression.
 */
import { csvFormatValue } from 'd3-dsv';

/**
 * A text cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before reading the
 * formula) is prefixed with an apostrophe, so it is shown as text (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A value as the text of its cell (null: an empty cell); structured values as their JSON. */
function cell(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return neutralise(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return '';
      return value instanceof Date ? value.toISOString() : neutralise(JSON.stringify(value));
    case 'undefined':
    case 'function':
    case 'symbol':
      return '';
  }
}

/**
 * One CSV record of the values in column order, with its CRLF; field by field through d3-dsv's csvFormatValue
 * (its csvFormatRow maps the row to a new array and joins it: two arrays more per row of an export).
 */
export function csvRecord(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvFormatValue(cell(values[i]));
  return `${line}\r\n`;
}

/** CSV records of many rows of values, as one text (a batch of an export). */
export function csvRecords(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) text += csvRecord(row);
  return text;
}

/** A whole (small) table as CSV text, header first: the reports. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return csvRecord(columns) + csvRecords(rows.map((r) => columns.map((c) => r[c])));
}
