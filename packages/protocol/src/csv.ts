import type { StoredRating } from './types/read';

/** Columns of the CSV export, in order (the collector's `GET /v1/ratings?format=csv` and the dashboard). */
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
 * One RFC 4180 cell. A formula starter (= + - @) at the start of the text, or after any
 * separator a spreadsheet might be told to use (, ; tab |) or a line break, gets a `'` before
 * it, so the text shows instead of running as a formula whichever separator the file is opened
 * with (OWASP CSV injection); a leading tab or CR is neutralised the same way. Cells holding a
 * separator, quote or line break are quoted too.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  text = text.replace(/(^|[,;\t|\r\n])([ ]*)([=+\-@])/g, "$1$2'$3");
  if (/^[\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t|\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with CRLF) of a stored rating. */
export function csvRow(rating: Pick<StoredRating, (typeof CSV_COLUMNS)[number]>): string {
  return `${CSV_COLUMNS.map((c) => csvCell(rating[c])).join(',')}\r\n`;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;
