/**
 * CSV as every report and export writes it, through csv-stringify (a kept library, not hand-rolled quoting):
 * a header row, RFC 4180 (CRLF records, fields with a comma, quote or line break quoted, quotes doubled), and
 * text cells that a spreadsheet would run as a formula neutralised. Numbers stay numbers: a typed number cannot
 * carry a formula, and a refund's "-500" must stay summable.
 */
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * A text cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before reading the
 * formula) is prefixed with an apostrophe, so it is shown as text (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The options every CSV here is written with, for the given columns. */
export function csvOptions(columns: string[]): Options {
  return {
    header: true,
    columns,
    record_delimiter: 'windows',
    cast: {
      string: (v) => neutralise(v),
      boolean: (v) => (v ? 'true' : 'false'),
      date: (v) => v.toISOString(),
      object: (v) => neutralise(JSON.stringify(v)),
    },
  };
}

/** A whole (small) table as CSV text: the reports. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return stringifySync(rows, csvOptions(columns));
}

/** A CSV writer to stream rows into: the exports. */
export const csvStream = (columns: string[]) => stringify(csvOptions(columns));
