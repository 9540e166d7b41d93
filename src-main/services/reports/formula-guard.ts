/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a field typed at the kiosk such as
 * `=HYPERLINK(...)` in a driver's name must not run when a supervisor opens the export. CSV text that
 * starts with = + - @, a tab or a carriage return is prefixed with a single quote, which spreadsheet
 * programs read as "this is text". Workbooks need no prefix: their cells are written as string cells,
 * never as formulas, so the reader sees the text exactly as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralisedCsvText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
