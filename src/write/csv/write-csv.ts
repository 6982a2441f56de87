/** RFC 4180 CSV in UTF-8 with a BOM, so that Excel opens Japanese text correctly. CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
