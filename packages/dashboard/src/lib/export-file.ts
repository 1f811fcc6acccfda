import type { StoredRating } from '../api/types';

/** The collector's CSV columns, in its order, so both exports open the same way. */
export const CSV_COLUMNS = [
  'id',
  'interactionId',
  'interactionType',
  'scale',
  'score',
  'tags',
  'comment',
  'raterId',
  'userId',
  'locale',
  'source',
  'eventTime',
  'deviceCreatedAt',
  'sentAt',
  'receivedAt',
  'low',
  'repliedAt',
  'repliedBy',
  'replyNote',
  'meta',
  'userTraits',
] as const satisfies ReadonlyArray<keyof StoredRating>;

/**
 * One RFC 4180 cell, as the collector writes it: text starting with = + - @ tab or CR gets a `'`
 * so a spreadsheet shows a customer's comment instead of running it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
