// The collector's own CSV writer (columns, order, formula guard), so both exports open the same way.
import { CSV_COLUMNS, csvCell } from '@raaye/collector/csv';
import type { StoredRating } from '../api/types';

export function toCsv(rows: readonly StoredRating[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toNdjson(rows: readonly StoredRating[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/** Saves `text` as a file through a temporary blob: URL (allowed by the CSP, unlike data:). */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
