// The contract's CSV writer (columns, order, formula guard), the one the collector's export uses,
// so both files open the same way.
import { CSV_HEADER, csvRow } from '@raaye/protocol';
import type { StoredRating } from '../api/types';

export function toCsv(rows: readonly StoredRating[]): string {
  return CSV_HEADER + rows.map(csvRow).join('');
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
