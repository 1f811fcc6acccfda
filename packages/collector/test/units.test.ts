import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/export/csv';
import { isLowScore } from '../src/rules/low-score';
import { correctedTime } from '../src/time/clock-skew';
import { parseTimestamp } from '../src/time/timestamp';

describe('correctedTime()', () => {
  it('trusts the device interval, not its clock, and never goes past the receive time', () => {
    expect(correctedTime(10_000, 50_000, 45_000)).toBe(5_000);
    expect(correctedTime(10_000, 50_000, 55_000)).toBe(10_000);
  });
});

describe('parseTimestamp()', () => {
  it.each([
    ['2026-11-23T13:00:05.120Z', true],
    ['2026-11-23T13:00:05+02:00', true],
    ['2026-11-23', false],
    ['1999-01-01T00:00:00Z', false],
    ['2100-01-01T00:00:00Z', false],
    ['not a date', false],
  ])('%s → %s', (text, ok) => {
    expect(parseTimestamp(text) !== undefined).toBe(ok);
  });
});

describe('isLowScore()', () => {
  it('follows the documented rule', () => {
    expect([1, 2, 3].map((s) => isLowScore('stars5', s))).toEqual([true, true, false]);
    expect([0, 1].map((s) => isLowScore('thumbs', s))).toEqual([true, false]);
    expect([6, 7].map((s) => isLowScore('nps', s))).toEqual([true, false]);
    expect([3, 4, 7].map((s) => isLowScore('ces7', s))).toEqual([true, false, false]);
  });
});

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
