/**
 * A cell Excel or LibreOffice would read as a formula (OWASP "CSV injection"): one that begins with = + - @, a tab
 * or a carriage return. It gets a leading apostrophe, which spreadsheets show as text; the JSON keeps the true text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One record of RFC 4180 CSV, without its line end. */
export function csvRecord(row: readonly string[]): string {
  const cell = (raw: string) => {
    const value = neutralizeFormula(raw);
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return row.map(cell).join(',');
}

/** RFC 4180 CSV in UTF-8 with a BOM, so that Excel opens Japanese text correctly. CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return joinCsvRecords([header, ...rows].map(csvRecord));
}

/** Records made by csvRecord → the CSV file (the BOM, CRLF line ends). */
export function joinCsvRecords(records: readonly string[]): string {
  return `\uFEFF${records.join('\r\n')}\r\n`;
}
