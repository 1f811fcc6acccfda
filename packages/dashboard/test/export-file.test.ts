import { CSV_COLUMNS, csvRow } from '@raaye/protocol';
import { describe, expect, it } from 'vitest';
import { toCsv, toNdjson } from '../src/lib/export-file';
import { rating } from './_util/fixtures';

// The cell rules (formula guard, quoting) are @raaye/protocol's and tested there; this checks that
// the dashboard's file is the collector's export: its header, then its rows.
describe('CSV export of the inbox view', () => {
  it('writes the header and each row exactly as the collector export would', () => {
    const row = rating({
      comment: '=HYPERLINK("http://evil")\n"quoted", two lines',
      tags: ['a,b', '@x'],
      meta: { k: 1 },
    });
    expect(toCsv([row])).toBe(`${CSV_COLUMNS.join(',')}\r\n${csvRow(row)}`);
  });

  it('writes one JSON object per NDJSON line', () => {
    const rows = [rating(), rating()];
    const lines = toNdjson(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual(rows);
  });
});
