// CSV as the exports write it, on the server and in the browser alike.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A spreadsheet would run a cell starting with =, +, -, @, tab or CR as a formula: such a
 * cell gets a leading apostrophe, which spreadsheets show as text (OWASP's advice).
 */
export function neutraliseFormula(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** UTF-8 CSV with a BOM (French Excel reads it right), a header row, CRLF line ends. */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[], delimiter: "," | ";"): string {
  return stringify(
    rows.map((row) => columns.map((column) => neutraliseFormula(column.value(row)))),
    { header: true, columns: columns.map((column) => column.header), delimiter, bom: true, record_delimiter: "windows" },
  );
}
