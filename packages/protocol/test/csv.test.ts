import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_HEADER, csvCell, csvRow } from '../src/csv';

describe('csvCell()', () => {
  it.each([
    ['=1+1', `'=1+1`],
    ['+cmd', `'+cmd`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    // A prefixed quote needs quoting too, so the apostrophe survives every CSV reader.
    const out = csvCell(input);
    expect(out.replace(/^"(.*)"$/s, '$1').replaceAll('""', '"')).toBe(
      expected.replace(/^"(.*)"$/s, '$1').replaceAll('""', '"'),
    );
  });
  it('writes numbers, booleans, null and JSON', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('"[""a"",""b""]"');
  });
});

describe('csvRow()', () => {
  it('writes the columns in CSV_COLUMNS order, CRLF-terminated, under CSV_HEADER', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, `v${i}`]));
    expect(CSV_HEADER).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(csvRow(row as never)).toBe(`${CSV_COLUMNS.map((_, i) => `v${i}`).join(',')}\r\n`);
  });
});
