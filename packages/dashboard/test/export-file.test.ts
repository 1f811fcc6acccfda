import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS as COLLECTOR_COLUMNS, csvRow } from '../../collector/src/export/csv';
import { CSV_COLUMNS, csvCell, toCsv, toNdjson } from '../src/lib/export-file';
import { rating } from './_util/fixtures';

describe('CSV export of the inbox view', () => {
  it("has the collector export's columns, in its order", () => {
    expect(CSV_COLUMNS).toEqual(COLLECTOR_COLUMNS);
  });

  it('writes each row exactly as the collector would', () => {
    const row = rating({
      comment: '=HYPERLINK("http://evil")\n"quoted", two lines',
      tags: ['a,b', '@x'],
      meta: { k: 1 },
    });
    const csv = toCsv([row]);
    expect(csv).toBe(`${CSV_COLUMNS.join(',')}\r\n${csvRow({ ...row, seq: '1' })}`);
  });

  it('defuses spreadsheet formulas and quotes what needs it', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(['x'])).toBe('"[""x""]"');
  });

  it('writes one JSON object per NDJSON line', () => {
    const rows = [rating(), rating()];
    const lines = toNdjson(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => JSON.parse(l))).toEqual(rows);
  });
});
