/**
 * The one CSV cell of the exports (audit log, quarterly statements): for Swiss spreadsheets, `;`-separated, quoted
 * when it holds a quote, a `;` or a line break (`\r` too), and never a formula — a text starting with `= + - @`, a tab
 * or a carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const text = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
