/** Tab-separated text for the clipboard (a spreadsheet pastes it into cells). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n');
}

/**
 * CSV with semicolons (what Dutch spreadsheet settings expect, since the decimal sign is a
 * comma), every field quoted when needed, with a byte-order mark so accents survive.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const field = (c: string) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `\ufeff${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

/** Offers text as a file download, without a request to the server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a caption: lower case, letters and digits, dashes. */
export function fileNameOf(caption: string): string {
  const base = caption
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${base || 'tabel'}.csv`;
}
